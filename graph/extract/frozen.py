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

_SIZES: dict[type, int] = {}  # class → its number of fields, or -1 when only the constructor will do


def _size(cls: type) -> int:
    """The number of fields of a plain frozen dataclass (no slots, no ``__post_init__``), else -1."""
    fields = getattr(cls, "__dataclass_fields__", None)
    if fields is None or "__slots__" in vars(cls) or hasattr(cls, "__post_init__"):
        return -1
    return len(fields)


def build(cls: type[D], fields: dict[str, Any]) -> D:
    """``cls(**fields)`` for a frozen dataclass and a dict holding every one of its fields."""
    size = _SIZES.get(cls)
    if size is None:
        size = _SIZES[cls] = _size(cls)
    if len(fields) != size:
        return cls(**fields)
    instance: Any = object.__new__(cls)
    instance.__dict__.update(fields)
    return instance
