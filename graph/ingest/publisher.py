"""Who published a document and what kind of text it is.

Two independent outlets reporting a tie say more than one outlet, and a
press release reprinted by three portals is still one voice. The build stage
can only weigh sources that way if every document names its **publisher**
and its **source kind**; this module decides both at ingest, from what the
document itself shows (see docs/ingest.md, "Publisher and source kind").

* ``publisher`` is the registrable domain of the page (``www.kommune21.de``
  and ``kommune21.de/meldung…`` are both ``kommune21.de``), else an outlet
  name the input gives. Each reader lists its candidates in its own order
  (:func:`publisher_for`): a feed names its site first, a JSONL record its
  ``publisher`` field, a Kommune21 capture is Kommune21 itself. Plain text
  files stay without a publisher: their folder names say how the files
  were collected (``txt/``, ``captures/``), not who wrote them.
* ``source_kind`` (:func:`kind_of`) is ``official_record`` for council
  papers, ``press_release`` for press-wire pages and pages labelled
  "Pressemitteilung", else ``editorial``. ``self_published`` (an actor's
  own newsroom) needs the actors of the graph and is decided by the build.
"""

from __future__ import annotations

import dataclasses
import re
from urllib.parse import urlsplit

from courlan import extract_domain

from graph.model import Article
from graph.model.article import SourceKind

KOMMUNE21 = "kommune21.de"
# Readers whose pages are Kommune21's own (a capture is copied from its portal).
KOMMUNE21_READERS = frozenset({"kommune21_capture", "kommune21_html"})

# Press wires: everything they carry is a press release, whoever sent it.
PRESS_WIRES = frozenset({
    "presseportal.de", "pressebox.de", "openpr.de", "pr-gateway.de", "firmenpresse.de", "lifepr.de",
    "prnewswire.com", "businesswire.com", "einpresswire.com", "pressetext.com", "ots.at",
    "connektar.de", "inar.de", "pressemitteilung.ws",
})
# A label at the very start of the title or the text ("Pressemitteilung Nr. 12/2024 – …").
_PRESS_LABEL = re.compile(r"^\W*(Presse(mitteilung|meldung|information|info)|Medieninformation)\b",
                          re.IGNORECASE)
_PRESS_PATH = re.compile(r"/(presse(mitteilung(en)?|meldung(en)?|informationen)?|pressreleases?|"
                         r"press-releases?|pm)(/|-|_|$)", re.IGNORECASE)
# Council papers name their form at the top ("Beschlussvorlage", "Niederschrift über die …") or
# cite it with its number ("Drucksache 21/42", "Vorlage Nr. 0815/2024"); a news text that merely
# mentions a council information system is not a record.
_FORMS = (r"(Sitzungs|Beschluss|Mitteilungs|Informations|Verwaltungs)?vorlage|Drucksache|"
          r"Beschlussvorschlag|(Sitzungs)?niederschrift|Ratsprotokoll|Sitzungsprotokoll")
_RECORD_LABEL = re.compile(rf"^\W*({_FORMS})\b", re.IGNORECASE)
_RECORD_NUMBER = re.compile(rf"\b({_FORMS})\s*(Nr\.?|Nummer|-|:)?\s*[A-Z]{{0,4}}[ -]?\d+\s*[/.-]\s*\d+",
                            re.IGNORECASE)
# Paths of the usual council information systems (ALLRIS, SessionNet, Somacos, "ratsinfo").
_RECORD_URL = re.compile(r"(ratsinfo|allris|sessionnet|buergerinfo|bürgerinfo|sitzungsdienst|"
                         r"/(ris|bi)/|\b(vo|to|si)0\d{3}\.(asp|php))", re.IGNORECASE)
HEAD_CHARS = 300  # labels and record forms are looked for in the title and this much text
_DOMAIN = re.compile(r"^(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)\.?$")


def domain_of(value: str | None) -> str | None:
    """The registrable domain of a URL or host name (lower case, without ``www.``), or ``None``.

    >>> domain_of("https://www.Kommune21.de/meldung_x")
    'kommune21.de'
    >>> domain_of("https://newsroom.dataport.de/a"), domain_of("presse.stadt-ulm.de")
    ('dataport.de', 'stadt-ulm.de')
    >>> domain_of("Staat & Digital") is None
    True
    """
    if not value:
        return None
    text = value.strip()
    if "://" not in text:
        if not _DOMAIN.match(text.lower()):
            return None
        text = "http://" + text
    found = extract_domain(text, fast=True)
    if found:
        return str(found).lower()
    # courlan knows no registrable part of some hosts (short names under unlisted endings): keep the host
    host = urlsplit(text).hostname or ""
    return host.removeprefix("www.") or None


def publisher_for(*candidates: str | None) -> str | None:
    """The first usable candidate: a URL or host as its domain, any other text as a tidy name.

    >>> publisher_for(None, "https://ticker.kommunal-it.example/2025/x", "Kommunal-IT Ticker")
    'kommunal-it.example'
    >>> publisher_for("", "  Staat &  Digital ")
    'Staat & Digital'
    """
    for value in candidates:
        if not value or not value.strip():
            continue
        looks_like_address = "://" in value or _DOMAIN.match(value.strip().lower())
        if looks_like_address:
            domain = domain_of(value)
            if domain:
                return domain
            continue
        return " ".join(value.split())
    return None


def _head(article: Article) -> tuple[str, str]:
    """The title and the first words of the text (where labels and forms stand)."""
    return article.title.strip(), article.text[:HEAD_CHARS].lstrip()


def is_official_record(article: Article) -> bool:
    """A council paper: a council information system URL, or a paper form named in title or head."""
    title, head = _head(article)
    return bool(_RECORD_URL.search(article.url or "") or _RECORD_LABEL.match(title)
                or _RECORD_LABEL.match(head) or _RECORD_NUMBER.search(title) or _RECORD_NUMBER.search(head))


def is_press_release(article: Article, publisher: str | None) -> bool:
    """A press-wire page, a press-release path, or a title/text that starts with the label."""
    title, head = _head(article)
    path = (article.url or "").split("://", 1)[-1].partition("/")[2]
    return bool(publisher in PRESS_WIRES or _PRESS_PATH.search("/" + path)
                or _PRESS_LABEL.match(title) or _PRESS_LABEL.match(head))


def kind_of(article: Article, publisher: str | None) -> SourceKind:
    """``official_record``, ``press_release`` or ``editorial`` from what the document shows.

    >>> doc = Article("a1", "x", title="Pressemitteilung: Neues Portal", text="Die Stadt …")
    >>> kind_of(doc, "stadt-ulm.de")
    'press_release'
    >>> kind_of(Article("a2", "x", title="Digitale Schule", text="Drucksache 21/42 – Antrag …"), None)
    'official_record'
    >>> kind_of(Article("a4", "x", title="Ratsarbeit", text="Tablets für das Ratsinformationssystem"), None)
    'editorial'
    >>> kind_of(Article("a3", "x", title="Ulm: KI-Assistent", text="Die Stadt Ulm …"), "kommune21.de")
    'editorial'
    """
    if is_official_record(article):
        return "official_record"
    if is_press_release(article, publisher):
        return "press_release"
    return "editorial"


def annotate(article: Article) -> Article:
    """``article`` with ``publisher`` and ``source_kind`` filled in; values a reader set stay.

    A reader that knows better (a feed's site, a JSONL ``publisher`` field)
    sets ``publisher`` itself; the rest falls back to the URL's domain and,
    for Kommune21 captures and pages, to Kommune21.
    """
    fallback = KOMMUNE21 if article.reader in KOMMUNE21_READERS else None
    publisher = article.publisher or publisher_for(article.url, fallback)
    kind = article.source_kind or kind_of(article, publisher)
    if publisher == article.publisher and kind == article.source_kind:
        return article
    return dataclasses.replace(article, publisher=publisher, source_kind=kind)
