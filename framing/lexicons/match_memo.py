"""A sentence's hits remembered by its text, within one chunk of documents.

What :meth:`~framing.lexicons.match.Matcher.match_tokens` finds in a
sentence depends on its text (its tokens and their written forms come from
it), on whether it is a headline (the name check is off there), and, only
when the set names subjects and the sentence names none of them, on whether
the sentence before does. :class:`MatchMemo` keeps, per chunk, the hits of
each text it has read, so that a sentence repeated in the chunk (wire copy,
boilerplate, a resampled benchmark corpus) is read once; the hits are the
same, sentence ids included.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from framing.lexicons.match import Matcher
from framing.model import HEADLINE, Hit, LexiconSet


def shared_matcher(lexicons: LexiconSet) -> Matcher:
    """One :class:`Matcher` per lexicon set (equal sets share it), in this process.

    Chunks of documents mapped in one process then share its index and what
    it learns per token, instead of building them again for each chunk.
    Matching keeps no other state between sentences. A set that cannot be
    hashed gets a matcher of its own.
    """
    try:
        return _matcher_of(lexicons)
    except TypeError:
        return Matcher(lexicons)


@lru_cache(maxsize=4)
def _matcher_of(lexicons: LexiconSet) -> Matcher:
    return Matcher(lexicons)


#: What a text maps to when its hits depend on the sentence before.
_DEPENDS: tuple[int, list[Hit]] = (-1, [])


class MatchMemo:
    """:meth:`Matcher.match_tokens`, remembered per sentence text (one memo per chunk)."""

    __slots__ = ("_found", "_matcher")

    def __init__(self, matcher: Matcher) -> None:
        self._matcher = matcher
        self._found: dict[tuple[str, bool] | tuple[str, bool, bool], tuple[int, list[Hit]]] = {}

    def match_tokens(
        self,
        tokens: Sequence[str],
        *,
        sentence_id: int,
        previous: Sequence[str],
        text: str,
        part: str,
        written: Sequence[str] | None,
    ) -> list[Hit]:
        """The hits of a sentence ``text`` whose tokens are ``tokens`` (see ``match_tokens``)."""
        headline = part == HEADLINE
        key: tuple[str, bool] | tuple[str, bool, bool] = (text, headline)
        entry = self._found.get(key)
        if entry is _DEPENDS:
            key = (text, headline, self._matcher.subjects.occurs(previous))
            entry = self._found.get(key)
        if entry is None:
            hits, depends = self._matcher.read_tokens(
                tokens,
                sentence_id=sentence_id,
                previous=previous,
                text=text,
                part=part,
                written=written,
            )
            if depends and len(key) == 2:
                self._found[key] = _DEPENDS
                key = (text, headline, self._matcher.subjects.occurs(previous))
            self._found[key] = (sentence_id, hits)
            return list(hits)
        first_id, hits = entry
        if first_id == sentence_id:
            return list(hits)
        # h._replace(sentence=sentence_id), without its keyword handling
        return [Hit._make((sentence_id, *h[1:])) for h in hits]
