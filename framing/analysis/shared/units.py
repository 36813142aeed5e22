"""Units of shared copy: the normalised words of each sentence and of its quotations.

A unit is compared by its lower-cased word tokens, punctuation and quote
marks dropped, dots dropped ("U.S." is "us") and any token with a digit
made ``0`` (see :mod:`framing.analysis.shared`). Words and units are
interned as integer ids, so a story reprinted many times is one unit.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import TYPE_CHECKING, TypeVar

from framing.analysis.quotes.spans import quote_spans
from framing.model import Sentence
from framing.text.marks import DOUBLE_MARKS
from framing.text.segment import is_word, tokenize

if TYPE_CHECKING:
    import numpy as np

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
    """Distinct units, as arrays, and which texts hold them.

    ``words`` are the units' word ids (from 0, in the numbering of
    :class:`_WordIds` less one), flat; ``lengths`` the words of each unit;
    ``is_quote`` whether a unit is a quotation in some text;
    ``member_unit[k]`` is found in text ``member_text[k]``. No Python object
    per unit: a corpus of distinct texts has tens of millions.
    """

    words: np.ndarray
    lengths: np.ndarray
    is_quote: np.ndarray
    member_unit: np.ndarray
    member_text: np.ndarray
    vocabulary_size: int

    def __len__(self) -> int:
        return len(self.lengths)


def _build_units(texts: Sequence[Sentence], min_words: int) -> _Units:
    """Units of each distinct sentence text (see the module docstring)."""
    import numpy as np

    ids = _WordIds()
    index: dict[tuple[int, ...], int] = {}
    keys: list[tuple[int, ...]] = []
    is_quote: list[bool] = []
    member_unit: list[int] = []
    member_text: list[int] = []
    for text_id, sentence in enumerate(texts):
        for key, quote in text_units(sentence.text, sentence.tokens, ids, min_words):
            unit = index.get(key)
            if unit is None:
                unit = index[key] = len(keys)
                keys.append(key)
                is_quote.append(quote)
            elif quote:
                is_quote[unit] = True
            member_unit.append(unit)
            member_text.append(text_id)
    lengths = np.fromiter(map(len, keys), dtype=np.int64, count=len(keys))
    words = np.fromiter(chain.from_iterable(keys), dtype=np.int64, count=int(lengths.sum()))
    return _Units(
        words=words - 1,
        lengths=lengths,
        is_quote=np.array(is_quote, dtype=bool),
        member_unit=np.array(member_unit, dtype=np.int64),
        member_text=np.array(member_text, dtype=np.int64),
        vocabulary_size=len(ids.words),
    )


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
