"""What a lexicon set holds, for ``framing lexicon list`` and ``framing lexicon show``.

:func:`describe_set` summarises a set and each of its frames;
:func:`describe_frame` lists one frame's terms by kind, with weights and
lines; :func:`find_frame` looks a frame up by id, naming the known ids when
there is no such frame.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from framing.errors import LexiconError
from framing.model import Frame, LexiconSet, Term


@dataclass(frozen=True)
class FrameSummary:
    """One frame of a set, as ``framing lexicon list`` shows it."""

    id: str
    label: str
    description: str
    colour: str
    source: str
    n_terms: int
    n_words: int
    n_phrases: int
    n_wildcards: int


@dataclass(frozen=True)
class TermInfo:
    """One lexicon entry as written, with its kind, weight and defining line."""

    text: str
    kind: str
    weight: float
    line: int | None
    tokens: tuple[str, ...]


@dataclass(frozen=True)
class FrameDetail:
    """One frame with its terms, grouped by kind (``framing lexicon show``)."""

    summary: FrameSummary
    words: tuple[TermInfo, ...]
    phrases: tuple[TermInfo, ...]
    wildcards: tuple[TermInfo, ...]


@dataclass(frozen=True)
class SetSummary:
    """A lexicon set: its settings and a summary of each frame (``framing lexicon list``)."""

    name: str
    description: str
    source: str
    negation_cues: tuple[str, ...]
    scope_breakers: tuple[str, ...]
    frames: tuple[FrameSummary, ...]


def describe_set(lexicons: LexiconSet) -> SetSummary:
    """The set's name, description, negation settings and frames."""
    return SetSummary(
        name=lexicons.name,
        description=lexicons.description,
        source=lexicons.source,
        negation_cues=lexicons.negation_cues,
        scope_breakers=lexicons.scope_breakers,
        frames=describe_frames(lexicons),
    )


def describe_frames(lexicons: LexiconSet) -> tuple[FrameSummary, ...]:
    """A summary of each frame of ``lexicons``, in the set's order."""
    return tuple(_summary(frame) for frame in lexicons.frames)


def describe_frame(lexicons: LexiconSet, frame_id: str) -> FrameDetail:
    """One frame's terms grouped by kind, each with its weight and line.

    Raises :class:`~framing.errors.LexiconError` listing the known ids when
    ``frame_id`` is not a frame of the set.
    """
    frame = find_frame(lexicons, frame_id)
    infos = [_term_info(term) for term in frame.terms]
    return FrameDetail(
        summary=_summary(frame),
        words=tuple(t for t in infos if t.kind == "word"),
        phrases=tuple(t for t in infos if t.kind == "phrase"),
        wildcards=tuple(t for t in infos if t.kind == "wildcard"),
    )


def find_frame(lexicons: LexiconSet, frame_id: str) -> Frame:
    """The frame called ``frame_id``, or a LexiconError naming the known ids."""
    try:
        return lexicons.frame(frame_id)
    except KeyError:
        known = ", ".join(lexicons.frame_ids) or "none"
        raise LexiconError(
            f"unknown frame {frame_id!r}; known frames: {known}", path=lexicons.source
        ) from None


def _summary(frame: Frame) -> FrameSummary:
    kinds = Counter(term.kind for term in frame.terms)
    return FrameSummary(
        id=frame.id,
        label=frame.label,
        description=frame.description,
        colour=frame.colour,
        source=frame.source,
        n_terms=len(frame.terms),
        n_words=kinds["word"],
        n_phrases=kinds["phrase"],
        n_wildcards=kinds["wildcard"],
    )


def _term_info(term: Term) -> TermInfo:
    return TermInfo(
        text=term.text, kind=term.kind, weight=term.weight, line=term.line, tokens=term.tokens
    )
