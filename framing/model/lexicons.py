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
    goodwill"``, ``"help {0,3} refugees"``); ``tokens`` is that text
    tokenized like article text: a word ending in ``*`` stands for any ending
    (``defend*``), a lone ``*`` for any one word, and ``{m,n}`` for a gap of
    m to n words. ``line`` is the line of the lexicon file that defines it.
    ``on_negation`` says what the term means under a negation: ``"denies"``
    (the default: "not mercenaries" denies the frame) or ``"supports"``
    (the term names what the frame says is missing: "no protection", "not
    lawful combatants" support a frame of legal unprotection; un-negated,
    such a term raises the frame's topic and counts for it, unless an
    entitlement is claimed for it: "should be treated as prisoners of war"
    counts against). ``on_uncertainty`` says what doubt
    about the term means: ``"neutral"`` (the default) or ``"supports"``, for a
    frame that *is* a doubt ("unclear whether it is legal" for a frame of
    legal unprotection). ``unless_followed_by`` and ``unless_preceded_by``
    are phrases (tokenized like ``tokens``; a gap may open or close them)
    that, right after or right before a match, say the words are used in
    another sense or of another referent, so the match does not count:
    "protection" followed by "against attacks" is physical protection, not
    a legal status.
    """

    text: str
    tokens: tuple[str, ...]
    weight: float = 1.0
    line: int | None = None
    on_negation: str = "denies"
    on_uncertainty: str = "neutral"
    unless_followed_by: tuple[tuple[str, ...], ...] = ()
    unless_preceded_by: tuple[tuple[str, ...], ...] = ()

    @property
    def is_wildcard(self) -> bool:
        """Whether the term has a ``*`` (a word's ending, or any one word) or a gap."""
        return any(t.endswith("*") or is_gap(t) for t in self.tokens)

    @property
    def kind(self) -> str:
        """``"wildcard"`` (with ``*`` or a gap), ``"phrase"`` or ``"word"``."""
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
    """The frames compared in one analysis and how their terms are read.

    ``negation_cues`` open a negation scope; ``scope_breakers`` are the words
    (besides punctuation) that close one. ``rebuttal_cues`` (labels such as
    "false", "disinformation", "very few") mark a nearby term as raised and
    rejected; ``distancing_cues`` ("accused of", "so-called") mark the term
    they introduce as attributed, not asserted; ``concern_cues`` ("fear
    that", "concern that") raise the term after them as a worry, read as
    uncertain; ``entitlement_cues``
    ("should be", "entitled to") before a term whose negation supports its
    frame claim what the frame says is missing; ``dismissal_cues`` ("not an
    issue", "irrelevant") dismiss the frame's concern; ``label_nouns``
    ("label", "charge") head an appositive that, with a rebuttal cue,
    rejects the term before it ("mercenaries, a label Kyiv rejects"), and
    before "as" attribute the term after it ("their portrayal as
    mercenaries");
    ``uncertainty_cues``
    ("unclear", "whether") make a neutral reading. ``subjects`` name the
    story's people: when given, a hit counts only in a sentence that (or
    whose previous sentence) mentions one. ``inflect`` lets a term's words
    match their inflected forms. All come from the set's ``_set.toml`` or the
    defaults of :mod:`framing.lexicons.terms`; a set built in code without
    them reads terms as plain negation-aware matches, as before
    (see :mod:`framing.lexicons.match`).
    """

    name: str
    frames: tuple[Frame, ...]
    source: str
    negation_cues: tuple[str, ...]
    scope_breakers: tuple[str, ...] = DEFAULT_SCOPE_BREAKERS
    description: str = ""
    rebuttal_cues: tuple[str, ...] = ()
    distancing_cues: tuple[str, ...] = ()
    concern_cues: tuple[str, ...] = ()
    entitlement_cues: tuple[str, ...] = ()
    dismissal_cues: tuple[str, ...] = ()
    label_nouns: tuple[str, ...] = ()
    uncertainty_cues: tuple[str, ...] = ()
    subjects: tuple[str, ...] = ()
    inflect: bool = False

    @property
    def frame_ids(self) -> tuple[str, ...]:
        return tuple(f.id for f in self.frames)

    def frame(self, frame_id: str) -> Frame:
        for f in self.frames:
            if f.id == frame_id:
                return f
        raise KeyError(frame_id)


#: How one hit reads: it supports its frame, denies it (negated), rebuts it
#: (raised and rejected, or attributed to others), is uncertain, or is said of
#: another referent than the story's people.
SUPPORT = "support"
DENY = "deny"
REBUT = "rebut"
UNCERTAIN = "uncertain"
OTHER = "other"
HIT_READINGS = (SUPPORT, DENY, REBUT, UNCERTAIN, OTHER)


def is_gap(token: str) -> bool:
    """Whether a term token is a gap of words, ``{m,n}``."""
    return token.startswith("{") and token.endswith("}")


class Hit(NamedTuple):
    """One lexicon term found in one sentence.

    ``start``/``end`` are token indexes into ``Sentence.tokens`` (end
    exclusive). ``reading`` is one of :data:`HIT_READINGS`; only a
    ``support`` hit counts for its frame (:attr:`counts`). ``negated`` is
    True for a hit that counts *against* its frame (``deny`` or ``rebut``):
    such sentences are shown apart, as denials. ``cue`` is the word that
    decided a reading other than support (the negation cue, the rebuttal
    label), when there is one. A named tuple, like :class:`Sentence`,
    because there are many.
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
    reading: str = SUPPORT

    @property
    def counts(self) -> bool:
        """Whether the hit counts as support for its frame."""
        return self.reading == SUPPORT and not self.negated
