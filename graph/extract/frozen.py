"""Instances of the frozen model dataclasses, made without their generated ``__init__``.

A frozen dataclass sets each field through ``object.__setattr__`` (several
µs for a ``Mention``'s 17 fields, ten times the cost of filling ``__dict__``).
Extraction makes about 60 mentions and 20 relations with their evidence per
3,000-character article, so :func:`build` fills the instance dict directly.
It falls back to the constructor for a class with slots or a
``__post_init__`` (validation), and whenever ``fields`` does not name
exactly as many values as the class has fields.
"""

from __future__ import annotations

from typing import Any, TypeVar

D = TypeVar("D")

_DIRECT: dict[type, bool] = {}


def _direct(cls: type) -> bool:
    """Whether filling the instance dict is the same as calling ``cls``: a plain frozen dataclass."""
    ok = _DIRECT.get(cls)
    if ok is None:
        ok = _DIRECT[cls] = "__slots__" not in vars(cls) and not hasattr(cls, "__post_init__")
    return ok


def build(cls: type[D], fields: dict[str, Any]) -> D:
    """``cls(**fields)`` for a frozen dataclass and a dict holding every one of its fields."""
    if not _direct(cls) or len(fields) != len(getattr(cls, "__dataclass_fields__", ())):
        return cls(**fields)
    instance: Any = object.__new__(cls)
    instance.__dict__.update(fields)
    return instance
