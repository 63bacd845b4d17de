"""A report as an Atom 1.0 feed, for feed readers and mail-by-feed services.

Written with ``feedgen`` (lxml underneath), which escapes every text and attribute. Each change
is one entry whose id is ``urn:skg:watch:<key>``: the key hashes the change itself (edge id and
new level, actor id …), not the snapshots, so a reader that polls daily shows an item once even
when two reports overlap. ``updated`` is the newer snapshot's build time. Document text may hold
characters XML 1.0 forbids; they are replaced first, because lxml refuses them.
"""

from __future__ import annotations

import datetime as dt

from feedgen.feed import FeedGenerator

from graph.export.xmlattrs import xml_safe
from graph.model.ids import digest
from graph.watch.diff import Change, Changes
from graph.watch.render import evidence_line

GENERATOR = "stakeholder-graph (skg watch)"


def _content(change: Change) -> str:
    """Plain-text body: what changed, then every evidence record shown."""
    lines = [change.title]
    if change.independent_sources is not None:
        lines.append(f"independent sources: {change.independent_sources}")
    lines += [f"{k}: {v}" for k, v in sorted(change.details.items())]
    for ev in change.evidence:
        where = ", ".join(p for p in (ev.title, ev.published, ev.publisher) if p)
        lines.append(f"“{ev.sentence}” — {where}" if where else f"“{ev.sentence}”")
    return "\n".join(lines)


def _link(change: Change) -> str | None:
    """The newest evidence article's address, only when it is an http(s) URL."""
    for ev in change.evidence:
        if ev.url.startswith(("https://", "http://")):
            return ev.url
    return None


def to_atom(report: Changes) -> bytes:
    """The report as a UTF-8 Atom document (one entry per change, in report order)."""
    when = report.new.created or dt.datetime.now(dt.UTC)
    feed = FeedGenerator()
    feed.id(f"urn:skg:watch:feed:{digest('watch-feed', report.scope)}")
    feed.title(xml_safe(f"skg watch: {report.scope}"))
    feed.subtitle(xml_safe(f"Changes up to snapshot {report.new.snapshot_id}"))
    feed.author({"name": "stakeholder-graph"})
    feed.generator(GENERATOR)
    feed.updated(when)
    for change in report.all():
        entry = feed.add_entry(order="append")
        entry.id(f"urn:skg:watch:{change.key}")
        entry.title(xml_safe(change.title))
        entry.updated(when)
        entry.published(when)
        entry.category(term=change.kind)
        entry.content(xml_safe(_content(change)), type="text")
        entry.summary(xml_safe(evidence_line(change) or change.title))
        link = _link(change)
        if link:
            entry.link(href=xml_safe(link), rel="alternate")
    return bytes(feed.atom_str(pretty=True))
