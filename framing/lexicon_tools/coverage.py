"""How often each lexicon entry matched in a corpus (``framing lexicon coverage``).

:func:`measure_coverage` counts each entry's hits (negated apart), the
documents and outlets they are in, and the forms each wildcard caught; the
entries that never matched are :meth:`Coverage.never_matched`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from framing.model import Hit, LexiconSet, Sentence, Term


@dataclass(frozen=True)
class SurfaceCount:
    """A surface form a wildcard caught, and how often."""

    surface: str
    count: int


@dataclass(frozen=True)
class OutletCount:
    """How often a term matched in one outlet's sentences (outlet id)."""

    outlet: str
    count: int


@dataclass(frozen=True)
class TermCoverage:
    """How one lexicon entry fared in a corpus.

    ``matches`` counts non-negated hits and ``negated`` negated ones;
    ``documents`` the documents with any hit; ``outlets`` all hits per outlet
    (negated ones included), in corpus order; ``forms`` the surface forms a
    wildcard caught, most frequent first. An entry inside a longer matching
    entry of the same frame ("supremacist*" in "white supremacists") is
    counted for the longer one only, as in the analysis.
    """

    frame: str
    term: str
    kind: str
    line: int | None
    matches: int
    negated: int
    documents: int
    outlets: tuple[OutletCount, ...]
    forms: tuple[SurfaceCount, ...]
    neutral: int = 0

    @property
    def matched(self) -> bool:
        return self.matches + self.negated + self.neutral > 0


@dataclass(frozen=True)
class Coverage:
    """Every entry's coverage, in lexicon order, and the size of the corpus."""

    lexicons: str
    corpus: str
    n_documents: int
    n_sentences: int
    terms: tuple[TermCoverage, ...]

    def never_matched(self, frame_id: str) -> tuple[str, ...]:
        """The frame's entries that matched nowhere, negated or not."""
        return tuple(t.term for t in self.terms if t.frame == frame_id and not t.matched)


def measure_coverage(
    lexicons: LexiconSet,
    sentences: Sequence[Sentence],
    hits: Iterable[Hit],
    *,
    corpus: str = "corpus",
) -> Coverage:
    """Count each entry's hits (negated apart), documents, outlets and wildcard forms."""
    by_id = {s.id: s for s in sentences}
    outlet_order = list(dict.fromkeys(s.outlet for s in sentences))
    grouped: dict[tuple[str, str], list[Hit]] = defaultdict(list)
    for hit in hits:
        grouped[(hit.frame, hit.term)].append(hit)
    terms = []
    for frame in lexicons.frames:
        for term in frame.terms:
            term_hits = grouped.get((frame.id, term.text), [])
            terms.append(_term_coverage(frame.id, term, term_hits, by_id, outlet_order))
    return Coverage(
        lexicons=lexicons.source,
        corpus=corpus,
        n_documents=len({s.document for s in sentences}),
        n_sentences=len(sentences),
        terms=tuple(terms),
    )


def _term_coverage(
    frame_id: str,
    term: Term,
    hits: Sequence[Hit],
    sentences: Mapping[int, Sentence],
    outlet_order: Sequence[str],
) -> TermCoverage:
    outlets = Counter(sentences[h.sentence].outlet for h in hits)
    forms = Counter(h.surface for h in hits) if term.is_wildcard else Counter()
    return TermCoverage(
        frame=frame_id,
        term=term.text,
        kind=term.kind,
        line=term.line,
        matches=sum(h.counts for h in hits),
        negated=sum(h.negated for h in hits),
        neutral=sum(not h.counts and not h.negated for h in hits),
        documents=len({sentences[h.sentence].document for h in hits}),
        outlets=tuple(OutletCount(o, outlets[o]) for o in outlet_order if outlets[o]),
        forms=tuple(
            SurfaceCount(surface, count)
            for surface, count in sorted(forms.items(), key=lambda item: (-item[1], item[0]))
        ),
    )
