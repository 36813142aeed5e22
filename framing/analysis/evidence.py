"""Choose the outlets' own sentences as evidence for each frame.

For every outlet and frame, the sentences that invoke the frame, strongest
first: by the summed weight of the frame's non-negated hits, then by the
number of distinct terms, then headline and lede before body, then order in
the corpus. A sentence repeated word for word within one outlet is cited
once. Each piece of evidence carries the character offsets of its matched
terms (negated ones marked), so a report can highlight them.

Sentences that use a frame's terms only under negation are chosen the same
way, apart, as *denials* (:func:`select_denials`).
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from framing.model import BODY, Evidence, Hit, LexiconSet, MatchSpan, OutletSummary, Sentence
from framing.text.segment import tokenize_spans


def select_evidence(
    sentences: Sequence[Sentence],
    hits: Sequence[Hit],
    *,
    outlets: Sequence[OutletSummary],
    lexicons: LexiconSet,
    per_cell: int,
) -> tuple[Evidence, ...]:
    """Up to ``per_cell`` evidence sentences for each (outlet, frame), strongest first."""
    return _select(_group_hits(sentences, hits), outlets, lexicons, per_cell, denied=False)


def select_denials(
    sentences: Sequence[Sentence],
    hits: Sequence[Hit],
    *,
    outlets: Sequence[OutletSummary],
    lexicons: LexiconSet,
    per_cell: int,
) -> tuple[Evidence, ...]:
    """Sentences that name a frame's terms only under negation: the frame denied or rebutted.

    ("This is not mercenaries who are coming to earn money.") They never count
    as support; a reader sees them apart from the evidence. Ranked like
    evidence, by the summed weight of the negated hits; ``score`` is that sum.
    """
    return _select(_group_hits(sentences, hits), outlets, lexicons, per_cell, denied=True)


def select_evidence_and_denials(
    sentences: Sequence[Sentence],
    hits: Sequence[Hit],
    *,
    outlets: Sequence[OutletSummary],
    lexicons: LexiconSet,
    per_cell: int,
) -> tuple[tuple[Evidence, ...], tuple[Evidence, ...]]:
    """Both selections, grouping the hits once (what the pipeline needs)."""
    grouped = _group_hits(sentences, hits)
    return (
        _select(grouped, outlets, lexicons, per_cell, denied=False),
        _select(grouped, outlets, lexicons, per_cell, denied=True),
    )


@dataclass(frozen=True)
class _GroupedHits:
    """Hits grouped by (outlet, frame), then by sentence; sentences by id."""

    by_id: dict[int, Sentence]
    cells: dict[tuple[str, str], dict[int, list[Hit]]]


def _group_hits(sentences: Sequence[Sentence], hits: Sequence[Hit]) -> _GroupedHits:
    by_id = {s.id: s for s in sentences}
    cells: dict[tuple[str, str], dict[int, list[Hit]]] = defaultdict(lambda: defaultdict(list))
    for hit in hits:
        cells[(by_id[hit.sentence].outlet, hit.frame)][hit.sentence].append(hit)
    return _GroupedHits(by_id, cells)


def _select(
    grouped: _GroupedHits,
    outlets: Sequence[OutletSummary],
    lexicons: LexiconSet,
    per_cell: int,
    *,
    denied: bool,
) -> tuple[Evidence, ...]:
    by_id, cell_hits = grouped.by_id, grouped.cells
    evidence: list[Evidence] = []
    for outlet in outlets:
        for frame in lexicons.frames:
            per_sentence = cell_hits.get((outlet.id, frame.id), {})
            ranked = rank_sentences(per_sentence, by_id, denied=denied)
            chosen = best_distinct(ranked, per_cell, lambda sid: by_id[sid].text)
            for rank, (strength, sid) in enumerate(chosen, 1):
                sentence = by_id[sid]
                evidence.append(
                    Evidence(
                        outlet=outlet.id,
                        frame=frame.id,
                        document=sentence.document,
                        sentence=sid,
                        text=sentence.text,
                        matches=locate_matches(sentence, per_sentence[sid]),
                        score=-strength[0],
                        rank=rank,
                    )
                )
    return tuple(evidence)


#: A sentence's place in the evidence ranking: (-weight, -distinct terms, 1 for body
#: sentences after the lede, else 0, sentence id); smaller is stronger.
Strength = tuple[float, int, int, int]


def rank_sentences(
    per_sentence: Mapping[int, Sequence[Hit]],
    by_id: Mapping[int, Sentence],
    *,
    denied: bool,
) -> list[tuple[Strength, int]]:
    """The (strength, sentence id) of each sentence that is evidence (or, ``denied``, a denial).

    ``per_sentence`` maps sentence id -> its hits for one frame. A sentence is
    evidence when one of its hits counts and not all are negated; a denial
    when all are negated.
    """
    return [
        (_strength(sentence_hits, by_id[sid], denied=denied), sid)
        for sid, sentence_hits in per_sentence.items()
        if all(h.negated for h in sentence_hits) == denied
        and (denied or any(h.counts for h in sentence_hits))
    ]


def best_distinct(
    ranked: list[tuple[Strength, int]], per_cell: int, text_of: Callable[[int], str]
) -> Iterator[tuple[Strength, int]]:
    """The strongest ``per_cell`` items of ``ranked`` whose texts differ, strongest first.

    A text repeated word for word (ignoring case and spacing) is taken once,
    at its strongest. ``text_of`` gives an item's text from its second element.
    """
    seen_texts: set[str] = set()
    for strength, item in _best_first(ranked, per_cell):
        key = " ".join(text_of(item).split()).casefold()
        if key in seen_texts:
            continue
        seen_texts.add(key)
        yield strength, item
        if len(seen_texts) == per_cell:
            break


def _best_first(ranked: list[tuple[Strength, int]], wanted: int) -> Iterator[tuple[Strength, int]]:
    """Items in ascending order, without sorting all of a long list.

    The first few are taken from a heap; only when de-duplication uses them
    up does the whole list get sorted.
    """
    head = heapq.nsmallest(4 * wanted, ranked)
    yield from head
    if len(head) < len(ranked):
        yield from sorted(ranked)[len(head) :]


def _strength(hits: Sequence[Hit], sentence: Sentence, *, denied: bool = False) -> Strength:
    """Sort key: stronger evidence sorts first (hits against the frame count when ``denied``)."""
    counted = [h for h in hits if (h.negated if denied else h.counts)]
    weight = sum(h.weight for h in counted)
    distinct = len({h.term for h in counted})
    prominent = 0 if (sentence.part != BODY or sentence.is_lede) else 1
    return (-weight, -distinct, prominent, sentence.id)


def locate_matches(sentence: Sentence, hits: Sequence[Hit]) -> tuple[MatchSpan, ...]:
    """Character offsets in ``sentence.text`` of each hit, in text order."""
    return locate_in_text(sentence.text, hits)


def locate_in_text(text: str, hits: Sequence[Hit]) -> tuple[MatchSpan, ...]:
    """Character offsets in ``text`` (a sentence's) of each of its hits, in text order."""
    spans = tokenize_spans(text)
    located = []
    for hit in sorted(hits, key=lambda h: (h.start, h.end)):
        start = spans[hit.start][1]
        end = spans[hit.end - 1][2]
        located.append(
            MatchSpan(
                term=hit.term,
                surface=text[start:end],
                start=start,
                end=end,
                negated=not hit.counts,
                reading=hit.reading,
            )
        )
    return tuple(located)
