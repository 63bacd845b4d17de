"""The optional Stanford CoreNLP tagger behind the `corenlp` recogniser.

Stanford CoreNLP's German CRF model (trained on newspaper text, with word
clusters from a large German corpus) finds names the project's own rules and
small CRF miss. It is Java, so like the local Neo4j it is fetched from Maven
Central on first use and run as a child process that skg owns:

* :mod:`~graph.extract.corenlp.toolchain` resolves CoreNLP and its German models
  with Maven (cached in ``~/.m2``) and compiles ``java/SkgTagger.java``;
* :mod:`~graph.extract.corenlp.process` keeps one tagger process per model and
  talks to it over a tab-separated line protocol, on skg's own tokens.

CoreNLP is GPL-3.0-or-later. skg does not ship it: it is downloaded at the
user's request and runs as a separate program.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from graph.settings import Settings

SAMPLE = ["Landrat", "Andy", "Grabner", "besuchte", "die", "AKDB", "in", "München", "."]


def check(settings: Settings) -> dict[str, Any]:
    """Fetch and compile if needed, then start a tagger and tag one sample sentence.

    What ``skg corenlp fetch`` reports, so a user sees at install time (not in
    the middle of a long extraction) that Java, Maven and the model work.
    """
    from graph.extract.corenlp.process import TaggerProcess
    from graph.extract.corenlp.toolchain import fetch, tagger_command

    jars = [Path(p) for p in fetch(settings).split(":") if p]
    started = time.perf_counter()
    tagger = TaggerProcess(tagger_command(settings), settings.home_path / "corenlp" / "tagger.log")
    try:
        load_s = round(time.perf_counter() - started, 2)
        labels = tagger.tag([SAMPLE])[0]
    finally:
        tagger.close()
    return {"version": settings.corenlp_version, "jars": len(jars),
            "megabytes": round(sum(p.stat().st_size for p in jars) / 1e6),
            "load_s": load_s, "sample": " ".join(f"{w}/{lab}" for w, lab in zip(SAMPLE, labels, strict=True))}
