"""A term's matches in context, with how each reads (``framing lexicon kwic``).

Before adding ``aid workers`` to a frame, or to see why a frame's share is
high, a lexicon author wants to read the sentences a term matches: a
keyword-in-context concordance. :func:`concordance` finds them with the
report's own matcher, so each match carries the reading the report gives it
(:data:`~framing.model.HIT_READINGS`: support, deny, rebut, uncertain or
other) and the cue that decided it.

A term that is an entry of the set is read as the report reads it, frame by
frame (a term inside a longer entry of its frame counts for the longer one).
Any other term is matched on its own, with the set's cues, to show what it
would catch if it were added.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from framing.errors import LexiconError
from framing.lexicons.load import parse_term
from framing.lexicons.match import match_sentences
from framing.model import HIT_READINGS, Frame, Hit, LexiconSet, Sentence
from framing.text.segment import tokenize_spans

#: Characters of context kept on each side of a match.
CONTEXT = 60
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class KwicLine:
    """One match: where it is, how it reads, and its sentence cut around it.

    ``left + match + right`` reads as the sentence does (spaces kept), cut to
    :data:`CONTEXT` characters on each side with an ellipsis.
    """

    document: str
    outlet: str
    sentence: int
    frame: str | None
    reading: str
    cue: str | None
    left: str
    match: str
    right: str


@dataclass(frozen=True)
class Concordance:
    """Every match of ``term`` in a corpus; ``frames`` are those that list it as an entry."""

    term: str
    corpus: str
    frames: tuple[str, ...]
    n_sentences: int
    lines: tuple[KwicLine, ...]
    readings: Mapping[str, int] = field(default_factory=dict)


def concordance(
    term: str,
    lexicons: LexiconSet,
    sentences: Sequence[Sentence],
    *,
    corpus: str,
    outlet_names: Mapping[str, str] | None = None,
) -> Concordance:
    """The matches of ``term`` in ``sentences``, in corpus order (see the module docstring).

    Raises :class:`~framing.errors.LexiconError` for a term that cannot be
    parsed (as ``framing lexicon suggest --add`` would refuse it).
    """
    try:
        parsed = parse_term(term)
    except ValueError as exc:
        raise LexiconError(str(exc)) from None
    frames = tuple(f.id for f in lexicons.frames if any(t.tokens == parsed.tokens for t in f.terms))
    if frames:
        entries = {
            (f.id, t.text) for f in lexicons.frames for t in f.terms if t.tokens == parsed.tokens
        }
        chosen = replace(lexicons, frames=tuple(f for f in lexicons.frames if f.id in frames))
        hits = [h for h in match_sentences(sentences, chosen) if (h.frame, h.term) in entries]
    else:
        alone = Frame(
            id="term", label=term, description="", colour="#000000", terms=(parsed,), source=""
        )
        hits = list(match_sentences(sentences, replace(lexicons, frames=(alone,))))
    by_id = {s.id: s for s in sentences}
    names = outlet_names or {}
    lines = tuple(_line(hit, by_id[hit.sentence], names, in_set=bool(frames)) for hit in hits)
    counts = Counter(line.reading for line in lines)
    return Concordance(
        term=parsed.text,
        corpus=corpus,
        frames=frames,
        n_sentences=len({hit.sentence for hit in hits}),
        lines=lines,
        readings={r: counts[r] for r in HIT_READINGS if counts[r]},
    )


def _line(hit: Hit, sentence: Sentence, names: Mapping[str, str], *, in_set: bool) -> KwicLine:
    text = sentence.text
    spans = tokenize_spans(text)
    if len(spans) == len(sentence.tokens) and hit.end <= len(spans):
        start, end = spans[hit.start][1], spans[hit.end - 1][2]
    else:  # the text and its tokens disagree: show the surface form alone
        start = end = 0
    left = _SPACES.sub(" ", text[:start]).lstrip()
    right = _SPACES.sub(" ", text[end:]).rstrip()
    return KwicLine(
        document=sentence.document,
        outlet=names.get(sentence.outlet, sentence.outlet),
        sentence=sentence.id,
        frame=hit.frame if in_set else None,
        reading=hit.reading,
        cue=hit.cue,
        left=("…" + left[-CONTEXT:]) if len(left) > CONTEXT else left,
        match=text[start:end] if end > start else hit.surface,
        right=(right[:CONTEXT] + "…") if len(right) > CONTEXT else right,
    )
