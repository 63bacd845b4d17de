"""``CONTRACTS_WITH``: a public client and the supplier it buys from, stated in one sentence.

Trade press reports procurement in a few set phrases: "Die Stadt Ulm hat die
Musterdaten GmbH beauftragt", "Den Zuschlag erhielt die AKDB", "Der Landkreis
Harburg setzt bei der E-Akte auf Dataport", "… nutzt die Software der …". A
sentence holding such a cue (see :func:`is_cue`) that names a *client* — a
municipality or district, or an organisation of kind public body — and a
*supplier* — an organisation of kind vendor or public IT provider — states a
contract: each client is linked to the supplier nearest to the cue (only that
one, so a list of bidders does not become a list of contracts); a place after
"aus" is the supplier's seat ("die Advantic GmbH aus Lübeck"). Where the
sentence names no such client, a public IT provider buying from a vendor
("Dataport beauftragt die Musterdaten GmbH") is the client.

Naming both in one sentence without a cue is co-mention, not a contract: the
relation stays on the ``stated`` rung of the evidence ladder.

>>> [w for w in ("beauftragt", "Digitalbeauftragte", "Zuschlag", "Rahmenvertrag", "Staatsvertrag", "Portal")
...  if is_cue(w)]
['beauftragt', 'Zuschlag', 'Rahmenvertrag']
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from itertools import compress

from graph.extract.context import Context
from graph.extract.frozen import build
from graph.extract.memo import WordMemo
from graph.model.extraction import EntityType, Evidence, Mention, OrgKind, Relation, RelationType

_CUE_PREFIXES = ("beauftrag", "Beauftragung", "Auftrag", "Aufträg", "Zuschlag", "Zuschläg", "Vergabe")
_CUE_WORDS = frozenset({"nutzt", "nutzen", "nutzte", "nutzten", "Kunde", "Kundin"})  # not "Kunden": too loose
_NOT_CONTRACTS = frozenset({"koalitionsvertrag", "staatsvertrag", "staatsverträge", "koalitionsverträge"})
# Verbs that state a purchase only with their particle: "setzt … auf", "entschied sich für".
_PARTICLE_VERBS = {"setzt": "auf", "setzen": "auf", "setzte": "auf", "setzten": "auf",
                   "entschied": "für", "entschieden": "für", "entscheidet": "für"}
CONFIDENCE = 0.7
_CLIENT_KINDS = frozenset({OrgKind.PUBLIC_BODY})
_SUPPLIER_KINDS = frozenset({OrgKind.VENDOR, OrgKind.PUBLIC_IT_PROVIDER})
_MUNICIPALITY, _ORGANIZATION = EntityType.MUNICIPALITY, EntityType.ORGANIZATION


def is_cue(word: str) -> bool:
    """A word that states procurement on its own (the particle verbs are checked per sentence)."""
    low = word.casefold()
    if low.endswith(("vertrag", "verträge", "vertrags")) and low not in _NOT_CONTRACTS:
        return True
    return word in _CUE_WORDS or word.startswith(_CUE_PREFIXES)


_CUES = WordMemo(is_cue)


def find_contracts(ctx: Context, mentions: list[Mention], extractor: str) -> list[Relation]:
    """The CONTRACTS_WITH relations of one document (client → supplier), one per pair and sentence."""
    if not any(m.kind in _SUPPLIER_KINDS for m in mentions if m.type is _ORGANIZATION):
        return []
    doc = ctx.doc
    found: list[Relation] = []
    seen: set[tuple[str, str]] = set()
    starts = [m.start for m in mentions]
    for lo, hi, cue in _cued_sentences(ctx):
        s_start, s_end = doc.starts[lo], doc.tokens[hi - 1].end
        here = mentions[bisect.bisect_left(starts, s_start):bisect.bisect_left(starts, s_end)]
        here = [m for m in here if not _seat(ctx.text, m)]
        for client, supplier in _pairs(here, cue):
            key = (client.entity_id, supplier.entity_id)
            if key in seen or client.entity_id == supplier.entity_id:
                continue
            seen.add(key)
            found.append(_relation(ctx, client, supplier, s_start, s_end, extractor))
    return found


def _cued_sentences(ctx: Context) -> Iterator[tuple[int, int, int]]:
    """(first token, end token, cue offset) of each sentence holding a procurement cue.

    The cue words are found for the whole document by C loops (a memo lookup per token), so a
    sentence without one costs nothing; most sentences of an article have none.
    """
    doc = ctx.doc
    texts, n = doc.texts, len(doc.texts)
    cues = set(compress(range(n), map(_CUES.__getitem__, texts)))
    verbs = list(compress(range(n), map(_PARTICLE_VERBS.__contains__, texts)))
    if not cues and not verbs:
        return
    sentence_starts = [s for s, _ in doc.sentences]
    done: set[int] = set()
    for k in sorted(cues.union(verbs)):
        number = bisect.bisect_right(sentence_starts, doc.starts[k]) - 1
        if number < 0 or number in done:
            continue
        s_start, s_end = doc.sentences[number]
        lo, hi = bisect.bisect_left(doc.starts, s_start), bisect.bisect_left(doc.starts, s_end)
        if k >= hi or (k not in cues and _PARTICLE_VERBS[texts[k]] not in texts[k + 1:hi]):
            continue  # outside any sentence, or "setzt" without its "auf"
        done.add(number)
        yield lo, hi, doc.starts[k]


def _seat(text: str, mention: Mention) -> bool:
    """A place after "aus" is where a company comes from ("die Advantic GmbH aus Lübeck"), not a client."""
    return mention.type is _MUNICIPALITY and text[max(mention.start - 5, 0):mention.start].endswith(" aus ")


def _pairs(here: list[Mention], cue: int) -> list[tuple[Mention, Mention]]:
    """Each client of the sentence with the supplier nearest to the cue."""
    suppliers = [m for m in here if m.type is _ORGANIZATION and m.kind in _SUPPLIER_KINDS]
    clients = [m for m in here if m.type is _MUNICIPALITY
               or (m.type is _ORGANIZATION and m.kind in _CLIENT_KINDS)]
    if not clients:  # a public IT provider buying from a vendor
        clients = [m for m in suppliers if m.kind is OrgKind.PUBLIC_IT_PROVIDER]
        suppliers = [m for m in suppliers if m.kind is OrgKind.VENDOR]
    if not suppliers:
        return []
    supplier = min(suppliers, key=lambda m: (abs(m.start - cue), m.start))
    return [(client, supplier) for client in clients if client.entity_id != supplier.entity_id]


def _relation(ctx: Context, client: Mention, supplier: Mention, start: int, end: int,
              extractor: str) -> Relation:
    evidence = build(Evidence, {"article_id": ctx.article.id, "sentence": ctx.text[start:end], "start": start,
                                "end": end, "published": ctx.article.published, "extractor": extractor})
    return build(Relation, {"type": RelationType.CONTRACTS_WITH, "source": client.entity_id,
                            "target": supplier.entity_id, "source_name": client.canonical,
                            "target_name": supplier.canonical, "evidence": evidence, "role": None,
                            "confidence": CONFIDENCE, "office": None, "statement": None})
