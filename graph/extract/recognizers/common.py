"""Token tests shared by the rule recognisers."""

from __future__ import annotations

import re

from graph.extract.text import Token

_NAME_WORD = re.compile(r"[A-ZÄÖÜ][a-zäöüßéèáàóòíìúùçñ]+(?:[-'’][A-ZÄÖÜ][a-zäöüßéèáàóòíìúùçñ]+)*")
_ACRONYM = re.compile(r"[A-ZÄÖÜ][A-Za-zÄÖÜäöü0-9.&]*[A-ZÄÖÜ0-9][A-Za-zäöü]*")
ADJ_ENDINGS = ("e", "en", "er", "es", "em")


def is_name_word(token: Token) -> bool:
    """A capitalised word of letters ("Müller", "Müller-Wagner", "O'Neill")."""
    return _NAME_WORD.fullmatch(token.text) is not None


def is_acronym(text: str) -> bool:
    """Looks like an acronym or brand in capitals ("BITMi", "KGSt", "IT.NRW")."""
    return len(text) >= 2 and _ACRONYM.fullmatch(text) is not None and sum(map(str.isupper, text)) >= 2


def is_cap_adjective(token: Token) -> bool:
    """A capitalised inflected adjective that can open a name ("Deutscher", "Statistisches")."""
    text = token.text
    return text[:1].isupper() and text.isalpha() and len(text) > 3 and text.endswith(ADJ_ENDINGS)


def is_lower_adjective(token: Token) -> bool:
    """An inflected lower-case adjective inside a name ("für politische Bildung")."""
    text = token.text
    return text[:1].islower() and text.isalpha() and len(text) > 3 and text.endswith(ADJ_ENDINGS)


def line_start(text: str, pos: int) -> bool:
    """Whether only spaces lie between the previous line break (or text start) and ``pos``."""
    i = pos - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] == "\n"
