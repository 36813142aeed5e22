"""Removed text that held a frame's terms: what the cleaning audit warns about.

Cleaning removes captions, link lines, bylines and appended stories by rules
that know nothing of the lexicon (:mod:`framing.text.clean`), so that a page
is cleaned the same way whatever is looked for in it. A rule may still catch
text a frame would have counted: a caption saying "volunteers who came to
help", a related-link line calling fighters "mercenaries". The analysis does
not count such text, and a reader should know that it was there. This module
reads the removed spans with the lexicon, exactly as article sentences are
read (same tokens, same matcher, same negation), and reports the hits that
would have counted as support; negated hits are left out, as they never count.
A repeated line is left out too: its text is still analysed, in the copy of
it that cleaning kept.
"""

from __future__ import annotations

from collections.abc import Sequence

from framing.lexicons.match_memo import shared_matcher
from framing.model import Hit, LexiconSet, RemovedSpan
from framing.text.clean.rules import REASON_REPEATED
from framing.text.segment import split_sentences, tokenize


def removed_hits(
    removed: Sequence[RemovedSpan], lexicons: LexiconSet
) -> tuple[tuple[Hit, ...], ...]:
    """For each removed span, in order, the un-negated frame hits in its text.

    Each line of a span is split into sentences and matched like an
    article's sentences. A hit's ``sentence`` is the index of its line in
    the span, so it lies on source line ``span.line + hit.sentence``. Most
    spans (furniture, dates) hold no term at all; a repeated line has none
    here, since the copy that was kept is analysed.
    """
    matcher = shared_matcher(lexicons)  # built once per process, not per chunk
    found: list[tuple[Hit, ...]] = []
    for span in removed:
        hits: list[Hit] = []
        if span.reason == REASON_REPEATED:
            found.append(())
            continue
        for index, line in enumerate(span.text.split("\n")):
            # A term in a sentence is a term in its line: a line without any
            # (most removed lines) need not be split into sentences.
            if not matcher.match_tokens(tokenize(line)):
                continue
            for sentence in split_sentences(line):
                hits.extend(
                    hit
                    for hit in matcher.match_tokens(tokenize(sentence), sentence_id=index)
                    if not hit.negated
                )
        found.append(tuple(hits))
    return tuple(found)


def distinct_terms(hits: Sequence[Hit]) -> tuple[tuple[str, str, str], ...]:
    """``(frame id, lexicon term, text as found)`` of ``hits``, each once, first seen first."""
    return tuple(dict.fromkeys((hit.frame, hit.term, hit.surface) for hit in hits))
