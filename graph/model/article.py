"""The document every reader yields and every later stage consumes.

A source file can yield several documents: a Kommune21 page capture gives the
main article, one ``teaser`` per "Weitere Meldungen" item and one
``vendor_listing``. Each is its own document so that entities never co-occur
across those boundaries.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from graph.model.ids import content_hash, stable_id

Role = Literal["article", "teaser", "vendor_listing"]
ROLES: tuple[Role, ...] = ("article", "teaser", "vendor_listing")
# What kind of text a document is, for weighing its statements (see docs/ingest.md, "Publisher and
# source kind"): an outlet's own reporting, a press release, an actor's own page, or a council paper.
SourceKind = Literal["editorial", "press_release", "self_published", "official_record"]
SOURCE_KINDS: tuple[SourceKind, ...] = ("editorial", "press_release", "self_published", "official_record")


@dataclass(frozen=True)
class VendorEntry:
    """One row of a page's "Ausgewählte Anbieter" box."""

    name: str
    postal_code: str | None = None
    city: str | None = None


@dataclass(frozen=True)
class Article:
    """A single document with its metadata and clean text.

    ``id`` depends on where the document comes from (source key, role and
    position), not on its text, so that a changed source updates in place;
    ``content_hash`` depends on the text only and finds unchanged and
    duplicated documents. ``publisher`` and ``source_kind`` are metadata like
    ``source``: they change neither.
    """

    id: str
    source: str
    role: Role = "article"
    title: str = ""
    text: str = ""
    published: str | None = None  # ISO date (YYYY-MM-DD)
    author: str | None = None
    section: str | None = None
    tags: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    vendors: tuple[VendorEntry, ...] = ()
    source_id: str | None = None  # the record's own id (JSONL ``id``)
    url: str | None = None
    parent_id: str | None = None  # the page article a teaser/listing came with
    reader: str = ""
    ordinal: int = 0
    content_hash: str = field(default="")
    # Who published it (a registrable domain such as ``kommune21.de``, else an outlet name) and what
    # kind of text it is. ``None`` before the ingest stage looked at it (corpora stored by older
    # versions); neither enters ``content_hash`` or ``id``.
    publisher: str | None = None
    source_kind: SourceKind | None = None

    def __post_init__(self) -> None:
        if not self.content_hash:
            basis = self.text
            if self.role == "vendor_listing":
                basis = "\n".join(f"{v.name}|{v.postal_code}|{v.city}" for v in self.vendors)
            object.__setattr__(self, "content_hash", content_hash(self.title + "\n" + basis))

    @staticmethod
    def make_id(source_key: str, role: Role, ordinal: int) -> str:
        """The deterministic id of the ``ordinal``-th document of ``role`` in a source."""
        return stable_id("a", source_key, role, ordinal)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (tuples become lists)."""
        data = asdict(self)
        data["tags"] = list(self.tags)
        data["links"] = list(self.links)
        data["vendors"] = [asdict(v) for v in self.vendors]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Inverse of :meth:`to_dict`."""
        data = dict(data)
        data["tags"] = tuple(data.get("tags") or ())
        data["links"] = tuple(data.get("links") or ())
        data["vendors"] = tuple(VendorEntry(**v) for v in data.get("vendors") or ())
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in data.items() if k in known})
