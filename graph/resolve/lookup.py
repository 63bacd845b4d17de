"""Find the entity a curator means: by id, exact name, folded name or alias.

>>> from graph.model import Entity, EntityType
>>> es = [Entity("e_1", "Bundesverband IT-Mittelstand", EntityType.ORGANIZATION, aliases=("BITMi",))]
>>> find_entity("BITMi", es).id
'e_1'
>>> find_entity("bundesverband it-mittelstand", es).id
'e_1'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from graph.errors import JudgementError
from graph.model import Entity, fold
from graph.resolve.names import name_key

ID_PATTERN = re.compile(r"^e_[0-9a-f]{16}$")


def looks_like_id(ref: str) -> bool:
    """Whether ``ref`` has the shape of an entity id (``e_`` + 16 hex digits)."""
    return bool(ID_PATTERN.match(ref))


def find_entity(ref: str, entities: Sequence[Entity]) -> Entity:
    """The one entity ``ref`` names; :class:`JudgementError` when none or several match.

    Tried in order: id, exact name, folded name, alias, matching key
    ("Tengen" finds "Stadt Tengen"); the first rule with
    exactly one hit wins, several hits are reported as ambiguous.
    """
    key = name_key(ref)
    rules: tuple[tuple[str, Callable[[Entity], bool]], ...] = (
        ("id", lambda e: e.id == ref),
        ("name", lambda e: e.name == ref),
        ("folded name", lambda e: fold(e.name) == fold(ref)),
        ("alias", lambda e: any(fold(a) == fold(ref) for a in e.aliases)),
        ("name key", lambda e: any(name_key(n) == key for n in (e.name, *e.aliases))),
    )
    for label, rule in rules:
        hits = [e for e in entities if rule(e)]
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            listed = ", ".join(f"{e.id} ({e.name}, {e.type.value})" for e in hits[:5])
            raise JudgementError(f"{ref!r} matches several entities by {label}: {listed}",
                                 hint="use the entity id instead")
    raise JudgementError(f"no entity named {ref!r}",
                         hint="check `skg judge candidates` or use an entity id (e_…)")
