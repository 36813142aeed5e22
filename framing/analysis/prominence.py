"""Where in an article a frame sits: headline, lede, or body.

Readers meet the headline and the first sentences (the lede) first, and many
read no further; news writing puts what it considers most important there
(the "inverted pyramid"). A frame in the headline or lede is therefore more
prominent than the same frame in the tenth paragraph, and framing analyses
commonly weight it more (e.g. Tankard's list of framing devices starts with
headlines and leads).

Two views are computed per outlet and frame:

* which of the outlet's headlines and ledes invoke the frame (sentence ids,
  so a report can quote them);
* a **prominence-weighted share**: the share of the outlet's sentences that
  invoke the frame when each sentence counts with a weight, headline (and
  deck) :data:`HEADLINE_WEIGHT`, lede :data:`LEDE_WEIGHT`, body 1. It is
  reported beside the plain share, never instead of it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from framing.model import BODY, LexiconSet, OutletSummary, Prominence, Sentence

#: Weight of a headline or deck sentence in the prominence-weighted share.
HEADLINE_WEIGHT = 3.0
#: Weight of a lede sentence (the first sentences of the body).
LEDE_WEIGHT = 2.0


def sentence_weight(sentence: Sentence) -> float:
    """A sentence's weight in the prominence-weighted share."""
    if sentence.part != BODY:
        return HEADLINE_WEIGHT
    return LEDE_WEIGHT if sentence.is_lede else 1.0


def score_prominence(
    sentences: Sequence[Sentence],
    invoked: Mapping[int, set[str]],
    *,
    outlets: Sequence[OutletSummary],
    lexicons: LexiconSet,
) -> dict[tuple[str, str], Prominence]:
    """Prominence of every (outlet id, frame id); ``invoked`` maps sentence id -> frames.

    >>> from framing.model import Frame, Term
    >>> s = [Sentence(0, "d", "o", 0, "headline", False, "H", ("h",), 1),
    ...      Sentence(1, "d", "o", 1, "body", True, "L", ("l",), 1),
    ...      Sentence(2, "d", "o", 2, "body", False, "B", ("b",), 1)]
    >>> lex = LexiconSet("t", (Frame("f", "F", "", "#000000", (Term("h", ("h",)),), ""),), "", ())
    >>> p = score_prominence(s, {0: {"f"}}, outlets=[OutletSummary("o", "O", 1, 3, 3)],
    ...                      lexicons=lex)[("o", "f")]
    >>> p.headlines, p.ledes, p.weighted_share  # 3 / (3 + 2 + 1)
    ((0,), (), 0.5)
    """
    total: dict[str, float] = defaultdict(float)
    n_headlines: dict[str, int] = defaultdict(int)
    n_ledes: dict[str, int] = defaultdict(int)
    weighted: dict[tuple[str, str], float] = defaultdict(float)
    headlines: dict[tuple[str, str], list[int]] = defaultdict(list)
    ledes: dict[tuple[str, str], list[int]] = defaultdict(list)
    for sentence in sentences:
        weight = sentence_weight(sentence)
        total[sentence.outlet] += weight
        is_headline = sentence.part != BODY
        if is_headline:
            n_headlines[sentence.outlet] += 1
        elif sentence.is_lede:
            n_ledes[sentence.outlet] += 1
        for frame_id in invoked.get(sentence.id, ()):
            key = (sentence.outlet, frame_id)
            weighted[key] += weight
            if is_headline:
                headlines[key].append(sentence.id)
            elif sentence.is_lede:
                ledes[key].append(sentence.id)
    return {
        (o.id, f.id): Prominence(
            outlet=o.id,
            frame=f.id,
            headlines=tuple(headlines[(o.id, f.id)]),
            ledes=tuple(ledes[(o.id, f.id)]),
            n_headlines=n_headlines[o.id],
            n_ledes=n_ledes[o.id],
            weighted_share=weighted[(o.id, f.id)] / total[o.id] if total[o.id] else 0.0,
        )
        for o in outlets
        for f in lexicons.frames
    }
