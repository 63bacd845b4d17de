"""Every setting of `skg` in one documented table.

Override order (later wins): the defaults below < the settings file
(``SKG_HOME/skg.toml`` or ``--config FILE``) < ``SKG_*`` environment variables
< command-line flags. ``docs/settings.md`` is generated from this table and a
test fails when a setting is missing there.

>>> s = load_settings(env={"SKG_NODE_CAP": "50"}, use_file=False)
>>> s.node_cap
50
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph.errors import ConfigError


@dataclass(frozen=True)
class Setting:
    """One setting: its name, type, default and the help text users read."""

    name: str
    type: type
    default: Any
    help: str
    env_aliases: tuple[str, ...] = ()

    @property
    def env(self) -> str:
        """The environment variable that overrides it."""
        return "SKG_" + self.name.upper()


SETTINGS: tuple[Setting, ...] = (
    Setting("home", str, ".skg", "Folder holding the corpus store, graph snapshots, judgements and the local Neo4j."),
    Setting("backend", str, "embedded", "Graph backend: `embedded` (LadybugDB file, no server) or `neo4j`."),
    Setting("max_file_mb", float, 20.0, "Inputs larger than this many MiB are refused with a clear message."),
    Setting("fetch_timeout", float, 20.0, "Seconds to wait for a URL given to `skg ingest`."),
    Setting("user_agent", str, "stakeholder-graph/0.1 (+research; contact via project)", "User agent sent when fetching URLs."),
    Setting("extractors", str, "rules", "Comma-separated recogniser names in order (`rules`, `crf`, `corenlp`, `spacy`); see `skg extractors`."),
    Setting("spacy_model", str, "de_core_news_sm", "spaCy pipeline used by the optional `spacy` recogniser when installed."),
    Setting("corenlp_version", str, "4.5.10", "Stanford CoreNLP version (with its German models) fetched with Maven for the optional `corenlp` recogniser."),
    Setting("corenlp_heap_mb", int, 512, "Java heap of the `corenlp` recogniser's tagger process, in MiB (the German model needs about 300)."),
    Setting("eval_texts", str, "", "Folder of `<id>.txt` page texts for page-reference gold files (`skg eval GOLD.jsonl`); `--texts` overrides it."),
    Setting("fuzzy_threshold", float, 92.0, "rapidfuzz score (0-100) above which two names of one type are proposed as the same actor."),
    Setting("evidence_cap", int, 5, "Quoted sentences kept per edge (most recent first)."),
    Setting("min_articles", int, 1, "Co-mention edges need at least this many distinct articles to be kept."),
    Setting("min_npmi", float, -1.0, "Co-mention edges need at least this NPMI association score (-1 keeps all)."),
    Setting("backbone_alpha", float, 1.0, "Disparity-filter significance level; 1.0 keeps all edges, 0.05 keeps a readable backbone."),
    Setting("min_evidence_level", str, "article", "Build keeps only ties from this evidence level up: `article` (all), `sentence`, `stated` or `corroborated`."),
    Setting("node_cap", int, 300, "Maximum nodes drawn in network views and figures (top N by the chosen metric)."),
    Setting("seed", int, 42, "Random seed for layouts, community detection and sampled betweenness."),
    Setting("snapshots_kept", int, 2, "Embedded graph snapshots kept after a build (older ones are pruned)."),
    Setting("buffer_pool_mb", int, 512, "Memory LadybugDB may use for its buffer pool."),
    Setting("query_timeout_s", float, 30.0, "Time limit of user Cypher (`skg query`, the dashboard console), in seconds: the database stops the query and says so (0 = no limit, though a Neo4j server's own `db.transaction.timeout` still applies; `skg query --timeout`)."),
    Setting("query_row_cap", int, 10000, "Row limit of user Cypher: at most this many rows come back and the output says when there were more (`skg query --row-cap`)."),
    Setting("neo4j_uri", str, "", "Bolt URI of a Neo4j server; empty means the local server started by `skg neo4j start`.", ("NEO4J_URI",)),
    Setting("neo4j_user", str, "neo4j", "Neo4j user name.", ("NEO4J_USERNAME", "NEO4J_USER")),
    Setting("neo4j_password", str, "", "Neo4j password; empty means the generated one stored in SKG_HOME/neo4j/password.", ("NEO4J_PASSWORD",)),
    Setting("neo4j_database", str, "neo4j", "Neo4j database name.", ("NEO4J_DATABASE",)),
    Setting("neo4j_version", str, "5.26.0", "Neo4j Community version fetched with Maven by `skg neo4j start`."),
    Setting("neo4j_bolt_port", int, 7687, "Port the local Neo4j binds on 127.0.0.1."),
    Setting("neo4j_tx_memory_mb", int, 0, "Memory all open transactions of the local Neo4j may use together, in MiB; 0 means half the heap (see docs/neo4j.md)."),
    Setting("push_batch", int, 5000, "Rows per batched UNWIND write to Neo4j."),
    Setting("dashboard_port", int, 8501, "Port of `skg dashboard`."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


@dataclass(frozen=True)
class Settings:
    """Resolved settings; attribute access by setting name."""

    values: Mapping[str, Any]
    origins: Mapping[str, str]

    def __getattr__(self, name: str) -> Any:
        try:
            return self.values[name]
        except KeyError:
            raise AttributeError(name) from None

    @property
    def home_path(self) -> Path:
        """``home`` as an absolute path (not created)."""
        return Path(self.values["home"]).expanduser().resolve()

    def with_overrides(self, **flags: Any) -> Settings:
        """A copy with command-line flag values applied (``None`` means unset)."""
        values = dict(self.values)
        origins = dict(self.origins)
        for name, raw in flags.items():
            if raw is None:
                continue
            values[name] = _coerce(_setting(name), raw, "flag")
            origins[name] = "flag"
        return Settings(values, origins)


def _setting(name: str) -> Setting:
    try:
        return _BY_NAME[name]
    except KeyError:
        raise ConfigError(
            f"unknown setting {name!r}", hint="run `skg settings` to list valid names"
        ) from None


def _coerce(setting: Setting, raw: Any, origin: str) -> Any:
    if isinstance(raw, setting.type) and not isinstance(raw, bool):
        return raw
    try:
        return setting.type(raw)
    except (TypeError, ValueError):
        raise ConfigError(
            f"setting {setting.name} from {origin}: {raw!r} is not a valid {setting.type.__name__}",
            hint=f"fix the value or unset {setting.env}",
        ) from None


def _file_values(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"cannot parse settings file: {exc}", path=str(path),
                          hint="fix the TOML syntax") from None
    section = data.get("skg", data)
    return {k: v for k, v in section.items() if not isinstance(v, dict)}


def load_settings(
    *,
    env: Mapping[str, str] | None = None,
    config_file: str | Path | None = None,
    use_file: bool = True,
    flags: Mapping[str, Any] | None = None,
) -> Settings:
    """Resolve settings: defaults < file < environment < flags."""
    env = os.environ if env is None else env
    values: dict[str, Any] = {s.name: s.default for s in SETTINGS}
    origins = {s.name: "default" for s in SETTINGS}
    home = env.get("SKG_HOME", values["home"])
    path = Path(config_file) if config_file else Path(home).expanduser() / "skg.toml"
    if config_file and not path.exists():
        raise ConfigError("settings file not found", path=str(path), hint="check the --config path")
    if use_file and path.exists():
        for name, raw in _file_values(path).items():
            values[name] = _coerce(_setting(name), raw, str(path))
            origins[name] = "file"
    for setting in SETTINGS:
        for var in (setting.env, *setting.env_aliases):
            if var in env and env[var] != "":
                values[setting.name] = _coerce(setting, env[var], var)
                origins[setting.name] = var
                break
    settings = Settings(values, origins)
    return settings.with_overrides(**(flags or {}))


def settings_markdown() -> str:
    """The settings table as Markdown (``docs/settings.md``)."""
    lines = [
        "# Settings",
        "",
        "Override order: defaults < `SKG_HOME/skg.toml` (or `--config`) < `SKG_*` environment < flags.",
        "",
        "| name | environment | default | help |",
        "|---|---|---|---|",
    ]
    for s in SETTINGS:
        env = ", ".join(f"`{v}`" for v in (s.env, *s.env_aliases))
        lines.append(f"| `{s.name}` | {env} | `{s.default!r}` | {s.help} |")
    return "\n".join(lines) + "\n"
