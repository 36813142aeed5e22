"""Why one sentence counts (or not) for a frame (``framing lexicon explain``).

:func:`explain_sentence` tokenizes and matches the sentence exactly as an
analysis does, and returns its tokens, every match, each negation cue with
the tokens its scope negates, and the resulting frame scores. A match set
aside by its term's ``unless_followed_by`` or ``unless_preceded_by`` (another
sense of the word, another referent) is listed too, with the reading
:data:`SET_ASIDE`; it counts for nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from framing.errors import InputError
from framing.lexicons.match import Matcher
from framing.lexicons.scope import PSEUDO_NEGATIONS, negation_scope
from framing.model import Hit, LexiconSet
from framing.text.segment import tokenize, tokenize_spans

#: The reading of a match that a context of its term sets aside.
SET_ASIDE = "set_aside"


@dataclass(frozen=True)
class ExplainedToken:
    """A token of the sentence: its index, text, character span, and negating cue.

    ``start``/``end`` are offsets in the sentence text (``None`` when they
    cannot be located); ``negated_by`` is the index of the cue whose scope
    covers the token.
    """

    index: int
    token: str
    start: int | None
    end: int | None
    negated_by: int | None


@dataclass(frozen=True)
class NegationCue:
    """A negation cue in the sentence and the tokens its scope negates.

    ``note`` says why a cue negates nothing ("not only" is no negation, or
    punctuation ends the scope at once).
    """

    index: int
    cue: str
    scope: tuple[int, ...]
    note: str


@dataclass(frozen=True)
class ExplainedMatch:
    """A lexicon entry found in the sentence: token span (end exclusive), and negation."""

    frame: str
    term: str
    surface: str
    start: int
    end: int
    weight: float
    negated: bool
    cue: str | None
    cue_index: int | None
    reading: str = "support"


@dataclass(frozen=True)
class FrameOutcome:
    """What the sentence does for one frame.

    ``invoked`` when at least one hit is not negated; ``score`` sums the
    weights of the non-negated hits; ``terms`` are their entries and
    ``negated_terms`` the entries of negated hits, which never count.
    """

    frame: str
    label: str
    invoked: bool
    score: float
    terms: tuple[str, ...]
    negated_terms: tuple[str, ...]


@dataclass(frozen=True)
class Explanation:
    """Why one sentence counts (or not) for each frame."""

    text: str
    tokens: tuple[ExplainedToken, ...]
    cues: tuple[NegationCue, ...]
    matches: tuple[ExplainedMatch, ...]
    frames: tuple[FrameOutcome, ...]


def explain_sentence(text: str, lexicons: LexiconSet) -> Explanation:
    """Tokens, matches, negation scopes and frame scores of one sentence.

    The sentence is tokenized and matched exactly as in an analysis (the
    whole text is taken as one sentence). ``frames`` lists the frames with
    any hit, in the set's order.
    """
    if not text.strip():
        raise InputError("the sentence is empty")
    tokens = tokenize(text)
    cues = frozenset(lexicons.negation_cues)
    scope = negation_scope(tokens, cues, frozenset(lexicons.scope_breakers))
    hits = Matcher(lexicons).match_tokens(tokens)
    matches = tuple(
        sorted(
            (*_matches(hits, scope), *_set_aside(tokens, lexicons, hits)),
            key=lambda m: (m.start, m.frame, m.end),
        )
    )
    return Explanation(
        text=text,
        tokens=_explained_tokens(text, tokens, scope),
        cues=_negation_cues(tokens, scope, cues),
        matches=matches,
        frames=_frame_outcomes(lexicons, hits),
    )


def _matches(hits: Sequence[Hit], scope: Sequence[int | None]) -> tuple[ExplainedMatch, ...]:
    return tuple(
        ExplainedMatch(
            frame=h.frame,
            term=h.term,
            surface=h.surface,
            start=h.start,
            end=h.end,
            weight=h.weight,
            negated=h.negated,
            cue=h.cue,
            cue_index=scope[h.start] if h.cue is not None else None,
            reading=h.reading,
        )
        for h in hits
    )


def _set_aside(
    tokens: Sequence[str], lexicons: LexiconSet, hits: Sequence[Hit]
) -> tuple[ExplainedMatch, ...]:
    """The matches that their terms' contexts of another sense or referent set aside.

    Found by matching again with those contexts dropped: a match of a term
    that has contexts, absent from ``hits``.
    """
    frames = tuple(
        replace(
            f,
            terms=tuple(replace(t, unless_followed_by=(), unless_preceded_by=()) for t in f.terms),
        )
        for f in lexicons.frames
    )
    if all(f.terms == g.terms for f, g in zip(frames, lexicons.frames, strict=True)):
        return ()
    with_contexts = {
        t.text
        for f in lexicons.frames
        for t in f.terms
        if t.unless_followed_by or t.unless_preceded_by
    }
    found = {(h.frame, h.term, h.start, h.end) for h in hits}
    return tuple(
        ExplainedMatch(
            frame=h.frame,
            term=h.term,
            surface=h.surface,
            start=h.start,
            end=h.end,
            weight=h.weight,
            negated=False,
            cue=None,
            cue_index=None,
            reading=SET_ASIDE,
        )
        for h in Matcher(replace(lexicons, frames=frames)).match_tokens(tokens)
        if h.term in with_contexts and (h.frame, h.term, h.start, h.end) not in found
    )


def _explained_tokens(
    text: str, tokens: Sequence[str], scope: Sequence[int | None]
) -> tuple[ExplainedToken, ...]:
    spans = tokenize_spans(text)
    located = [s[0] for s in spans] == list(tokens)
    return tuple(
        ExplainedToken(
            index=i,
            token=token,
            start=spans[i][1] if located else None,
            end=spans[i][2] if located else None,
            negated_by=scope[i],
        )
        for i, token in enumerate(tokens)
    )


def _negation_cues(
    tokens: Sequence[str], scope: Sequence[int | None], cues: frozenset[str]
) -> tuple[NegationCue, ...]:
    found = []
    for i, token in enumerate(tokens):
        if token not in cues:
            continue
        negated = tuple(k for k, cue in enumerate(scope) if cue == i)
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        if (token, following) in PSEUDO_NEGATIONS:
            note = f'"{token} {following}" is not a negation'
        elif not negated:
            note = "its scope is empty: punctuation, a clause word or the end follows"
        else:
            note = ""
        found.append(NegationCue(index=i, cue=token, scope=negated, note=note))
    return tuple(found)


def _frame_outcomes(lexicons: LexiconSet, hits: Sequence[Hit]) -> tuple[FrameOutcome, ...]:
    outcomes = []
    for frame in lexicons.frames:
        counted = [h for h in hits if h.frame == frame.id and h.counts]
        negated = [h for h in hits if h.frame == frame.id and not h.counts]
        if not counted and not negated:
            continue
        outcomes.append(
            FrameOutcome(
                frame=frame.id,
                label=frame.label,
                invoked=bool(counted),
                score=round(sum(h.weight for h in counted), 6),
                terms=tuple(h.term for h in counted),
                negated_terms=tuple(h.term for h in negated),
            )
        )
    return tuple(outcomes)
