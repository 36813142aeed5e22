"""Lexicon sets, frames, terms, and the hits a matcher finds."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

# --------------------------------------------------------------------------
# Lexicons and matching
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """One lexicon entry.

    ``text`` is the entry as written (``"radicali*"``, ``"people of
    goodwill"``); ``tokens`` is that text tokenized like article text, the
    last token keeping a trailing ``*`` when the entry is a wildcard.
    ``line`` is the line of the lexicon file that defines it.
    """

    text: str
    tokens: tuple[str, ...]
    weight: float = 1.0
    line: int | None = None

    @property
    def is_wildcard(self) -> bool:
        return self.tokens[-1].endswith("*")

    @property
    def kind(self) -> str:
        """``"wildcard"``, ``"phrase"`` or ``"word"``."""
        if self.is_wildcard:
            return "wildcard"
        return "phrase" if len(self.tokens) > 1 else "word"


@dataclass(frozen=True)
class Frame:
    """A frame: an interpretation of the story's people, with its lexicon."""

    id: str
    label: str
    description: str
    colour: str
    terms: tuple[Term, ...]
    source: str


#: Words that end a negation's scope, besides punctuation (see framing.lexicons.load).
DEFAULT_SCOPE_BREAKERS: tuple[str, ...] = (
    "but", "however", "although", "though", "because", "while", "whereas", "yet", "except",
)  # fmt: skip


@dataclass(frozen=True)
class LexiconSet:
    """The frames compared in one analysis and the negation settings in force.

    ``negation_cues`` open a negation scope; ``scope_breakers`` are the words
    (besides punctuation) that close one. Both come from the set's
    ``_set.toml`` when it has one, else from the defaults in
    :mod:`framing.lexicons.load`.
    """

    name: str
    frames: tuple[Frame, ...]
    source: str
    negation_cues: tuple[str, ...]
    scope_breakers: tuple[str, ...] = DEFAULT_SCOPE_BREAKERS
    description: str = ""

    @property
    def frame_ids(self) -> tuple[str, ...]:
        return tuple(f.id for f in self.frames)

    def frame(self, frame_id: str) -> Frame:
        for f in self.frames:
            if f.id == frame_id:
                return f
        raise KeyError(frame_id)


class Hit(NamedTuple):
    """One lexicon term found in one sentence.

    ``start``/``end`` are token indexes into ``Sentence.tokens`` (end
    exclusive). A hit inside a negation's scope has ``negated=True`` and the
    ``cue`` that negates it; negated hits never count as support for a frame.
    A named tuple, like :class:`Sentence`, because there are many.
    """

    sentence: int
    frame: str
    term: str
    surface: str
    start: int
    end: int
    weight: float
    negated: bool = False
    cue: str | None = None
