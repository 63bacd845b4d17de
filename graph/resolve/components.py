"""Union-find with "cannot link" constraints.

Merges come from judgements and automatic rules; a not-same judgement must
win over any chain of merges. Every union therefore checks whether it would
put a forbidden pair into one component and refuses if so.

>>> c = Components(["a", "b", "c"])
>>> c.forbid("a", "c")
>>> c.union("a", "b"), c.union("b", "c")
(True, False)
>>> sorted(map(sorted, c.groups()))
[['a', 'b'], ['c']]
>>> t = Components(["x", "y", "z"], tags={"x": "05515000", "z": "06432015"})
>>> t.union("x", "y", respect_tags=True), t.union("y", "z", respect_tags=True)
(True, False)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping


class Components:
    """Connected components over ids that only grow by allowed unions."""

    def __init__(self, ids: Iterable[str], tags: Mapping[str, str] | None = None) -> None:
        self._parent: dict[str, str] = {i: i for i in ids}
        self._members: dict[str, list[str]] = {i: [i] for i in self._parent}
        self._forbidden: dict[str, set[str]] = defaultdict(set)
        # A tag (a municipality's AGS) that two components must not disagree on when joined by rules.
        self._tag: dict[str, str] = {i: t for i, t in (tags or {}).items() if i in self._parent and t}

    def add(self, item: str) -> None:
        """Track a new id as its own component."""
        if item not in self._parent:
            self._parent[item] = item
            self._members[item] = [item]

    def find(self, item: str) -> str:
        """The representative of ``item``'s component (with path halving)."""
        parent = self._parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def forbid(self, a: str, b: str) -> None:
        """Never let ``a`` and ``b`` end up in one component."""
        self.add(a)
        self.add(b)
        self._forbidden[a].add(b)
        self._forbidden[b].add(a)

    def allowed(self, a: str, b: str) -> bool:
        """Whether joining the components of ``a`` and ``b`` keeps every constraint."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        small, other = (ra, rb) if len(self._members[ra]) <= len(self._members[rb]) else (rb, ra)
        return not any(
            self.find(banned) == other
            for member in self._members[small]
            for banned in self._forbidden.get(member, ())
        )

    def tagged_apart(self, a: str, b: str) -> bool:
        """Whether the components of ``a`` and ``b`` carry different tags (two AGS, two registry actors).

        >>> t = Components(["x", "y", "z"], tags={"x": "actor:bitkom", "y": "actor:kibv"})
        >>> t.tagged_apart("x", "y"), t.tagged_apart("x", "z")
        (True, False)
        """
        ta, tb = self._tag.get(self.find(a)), self._tag.get(self.find(b))
        return bool(ta and tb and ta != tb)

    def union(self, a: str, b: str, respect_tags: bool = False) -> bool:
        """Join two components; ``False`` (and no change) when a constraint forbids it.

        With ``respect_tags`` two components carrying different tags stay
        apart (automatic rules must not join municipalities of different
        AGS; a curator's merge may).
        """
        self.add(a)
        self.add(b)
        if not self.allowed(a, b):
            return False
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        ta, tb = self._tag.get(ra), self._tag.get(rb)
        if respect_tags and ta and tb and ta != tb:
            return False
        if len(self._members[ra]) < len(self._members[rb]):
            ra, rb = rb, ra
        self._parent[rb] = ra
        self._members[ra].extend(self._members.pop(rb))
        tag = ta or tb
        if tag:
            self._tag[ra] = tag
        return True

    def groups(self) -> list[list[str]]:
        """Every component's members, each sorted, components sorted by first member."""
        return sorted(sorted(m) for m in self._members.values())
