"""Units of shared copy: the normalised words of each sentence and of its quotations.

A unit is compared by its lower-cased word tokens, punctuation and quote
marks dropped, dots dropped ("U.S." is "us") and any token with a digit
made ``0`` (see :mod:`framing.analysis.shared`). Words and units are
interned as integer ids, so a story reprinted many times is one unit.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from framing.analysis.quotes.spans import quote_spans
from framing.model import Sentence
from framing.text.marks import DOUBLE_MARKS
from framing.text.segment import is_word, tokenize

_Key = TypeVar("_Key", bound=Hashable)


def _word_form(token: str) -> str:
    """A token's form in a unit: "" for punctuation, "0" for a number, dots dropped."""
    if not is_word(token):
        return ""
    if any(c.isdigit() for c in token):
        return "0"
    return token.replace(".", "")


class _Index(dict[_Key, int]):
    """key -> a dense id, given in first-seen order (``index[key]`` adds a new key)."""

    def __missing__(self, key: _Key) -> int:
        value = self[key] = len(self)
        return value


class _WordIds(dict[str, int]):
    """token -> 1 + the id of its unit word, or 0 when it is no word. Decided once per token.

    Ids start at 1 so that ``filter(None, ...)`` drops punctuation in C.
    """

    def __init__(self) -> None:
        super().__init__()
        self.words: _Index[str] = _Index()

    def __missing__(self, token: str) -> int:
        form = _word_form(token)
        value = self[token] = self.words[form] + 1 if form else 0
        return value


def unit_words(tokens: Iterable[str]) -> list[str]:
    """The words a unit is compared by: punctuation dropped, "u.s." -> "us", numbers -> "0".

    >>> unit_words(["“", "about", "100", "u.s.", "citizens", ",", "'s", "”"])
    ['about', '0', 'us', 'citizens', "'s"]
    """
    return [form for form in map(_word_form, tokens) if form]


@dataclass
class _Units:
    """Distinct units (tuples of word ids, see :class:`_WordIds`), and which texts hold them."""

    keys: list[tuple[int, ...]]
    is_quote: list[bool]
    member_unit: list[int]
    member_text: list[int]
    vocabulary_size: int


def _build_units(texts: Sequence[Sentence], min_words: int) -> _Units:
    """Units of each distinct sentence text (see the module docstring)."""
    ids = _WordIds()
    index: dict[tuple[int, ...], int] = {}
    units = _Units([], [], [], [], 0)

    def add(key: tuple[int, ...], text_id: int, quote: bool) -> None:
        unit = index.get(key)
        if unit is None:
            unit = index[key] = len(units.keys)
            units.keys.append(key)
            units.is_quote.append(quote)
        elif quote:
            units.is_quote[unit] = True
        units.member_unit.append(unit)
        units.member_text.append(text_id)

    for text_id, sentence in enumerate(texts):
        for key, quote in text_units(sentence.text, sentence.tokens, ids, min_words):
            add(key, text_id, quote)
    units.vocabulary_size = len(ids.words)
    return units


def text_units(
    text: str, tokens: Sequence[str], ids: _WordIds, min_words: int
) -> list[tuple[tuple[int, ...], bool]]:
    """A sentence's units, in order: its words, then each quotation's (``True``).

    Each is a tuple of 1 + word ids (:class:`_WordIds`, which gives every
    word of the sentence and its quotations an id, in first-seen order, even
    in a unit too short to keep).
    """
    units: list[tuple[tuple[int, ...], bool]] = []
    own = tuple(filter(None, map(ids.__getitem__, tokens)))
    if len(own) >= min_words:
        units.append((own, False))
    if DOUBLE_MARKS.isdisjoint(tokens):
        return units
    for span in quote_spans(text):
        key = tuple(filter(None, map(ids.__getitem__, tokenize(span))))
        if len(key) >= min_words:
            units.append((key, True))
    return units
