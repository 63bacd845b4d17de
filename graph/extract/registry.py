"""Registered, versioned recognisers (in the spirit of spaCy's factories).

A recogniser is a class with ``name``, ``version``, ``create(settings)`` and
``recognize(ctx) -> list[Candidate]``. ``settings.extractors`` names the ones
to run, in order; every mention records ``name@version`` of its maker.

>>> "rules" in registered()
True
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar, cast

from graph.errors import ExtractionError
from graph.extract.candidates import Candidate
from graph.extract.context import Context
from graph.settings import Settings


class Recognizer(Protocol):
    """What the pipeline needs from a recogniser instance."""

    name: str
    version: str

    def recognize(self, ctx: Context) -> list[Candidate]:
        """Propose candidate spans for one document."""
        ...


class RecognizerFactory(Protocol):
    """A registered recogniser class."""

    name: str
    version: str

    @classmethod
    def create(cls, settings: Settings) -> Recognizer:
        """Build an instance (raise ExtractionError when a dependency is missing)."""
        ...


_REGISTRY: dict[str, RecognizerFactory] = {}
F = TypeVar("F", bound=type)


def register(name: str, version: str) -> Callable[[F], F]:
    """Class decorator: make a recogniser selectable as ``name`` in ``settings.extractors``."""
    def wrap(cls: F) -> F:
        setattr(cls, "name", name)  # noqa: B010 - F is any class; the protocol declares the attributes
        setattr(cls, "version", version)  # noqa: B010
        _REGISTRY[name] = cast(RecognizerFactory, cls)
        return cls
    return wrap


def registered() -> dict[str, str]:
    """Registered recogniser names → versions."""
    _load_builtin()
    return {name: factory.version for name, factory in sorted(_REGISTRY.items())}


def create(names: list[str], settings: Settings) -> list[Recognizer]:
    """Instances of the named recognisers, in order."""
    _load_builtin()
    out = []
    for name in names:
        factory = _REGISTRY.get(name)
        if factory is None:
            raise ExtractionError(f"unknown extractor {name!r}",
                                  hint=f"choose from {', '.join(sorted(_REGISTRY))} (see `skg extractors`)")
        out.append(factory.create(settings))
    return out


def _load_builtin() -> None:
    """Import the built-in recognisers so their decorators run."""
    from graph.extract.recognizers import corenlp, crf, rules, spacy_adapter  # noqa: F401
