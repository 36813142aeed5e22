"""Appended stories: a second, unrelated article at the end of a saved page (rule 8).

Some pages carry, after the article, a whole other story (the next item of
the site's feed). It is found in two steps. First, title-like lines after a
few body paragraphs are taken as candidate break points
(:func:`_find_candidates`). Then the text from a candidate on (the *tail*)
is compared with the text before it (the *head*) of the same document
(:func:`_find_tails`); a long tail unlike its head is an appended story,
removed as one span.

The decision uses nothing but the document itself and fixed word lists, so
a page is cleaned the same way whatever else is analysed with it. Head and
tail are compared by the cosine of their word counts (English and news stop
words removed, sublinear term frequency, no IDF, since IDF would have to be
estimated from a corpus). A raw cosine grows with the length of the texts
(two long unrelated stories share more everyday words than two short ones),
so the cosine is taken *relative* to how alike each part is to itself: the
cosine of the head's two halves and of the tail's two halves (its
*coherence*). Words shared by any two news texts raise both, and cancel
out::

    relative similarity = cos(head, tail) / sqrt(coherence(head) * coherence(tail))

A tail of the article itself scores near 1 (about as like the head as the
head's halves are like each other), an appended story far lower.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import repeat
from typing import Any

from framing.model import Document
from framing.text.clean.lines import _CLOSING_CHARS, _DATELINE_RE, _Line
from framing.text.clean.rules import REASON_FURNITURE

# Values of the relative similarity (module docstring) measured when choosing
# the threshold, with tails of >= 60 words after >= 3 body paragraphs:
#   on-topic tails (must be kept): every paragraph break of an article taken
#   as a break point, whether or not it is a candidate
#     - the three seed articles (63 breaks): 1.00 to 2.45, median 1.49;
#     - 13 articles on the same story from other outlets (development data,
#       not in the repository; 31 breaks): 0.82 to 3.7, median 1.80;
#     - the test fixtures, on-topic subheads included (14 breaks): >= 1.19;
#     - 60 synthetic benchmark articles of shuffled seed sentences (872
#       breaks): 0.55 to 6.4, 5th percentile 0.88;
#   unrelated tails (must be cut): another story after an article
#     - the seed page with an appended story on a foreign election: 0.26
#       (cosine 0.08); that story after each of the 16 on-topic articles and
#       4 fixtures: 0.04 to 0.42; after 2 to 8 on-topic articles strung
#       together into one long head (40 heads of about 300 to 2,000 words):
#       0.05 to 0.42, so a long article does not hide an appended story;
#     - test fixture, a chess report after a flood report: 0.16;
#     - that story, 6 invented ones (budget, chip earnings, marathon,
#       measles, navy frigate, governor's election) and 4 fixtures on other
#       topics after all those heads and 20 benchmark articles (950 pairs):
#       median 0.16, 95th percentile 0.38, 99th 0.45; 5 pairs reach 0.52 to
#       0.64, local stories sharing everyday words ("city", "new", "record")
#       or a short head (a 115-word brief).
# 0.5 lies between the unrelated tails (99% below 0.45, the seed's 0.26) and
# the on-topic ones (real articles >= 0.82, synthetic >= 0.55); a doubtful
# tail is kept rather than dropped.
APPENDED_STORY_MAX_SIMILARITY = 0.5
# A part's coherence counts as at least this much: the halves of a short part
# may share no word at all, which says nothing about the tail (and without a
# floor the ratio would blow up; a floor keeps such tails, the safe side).
_MIN_COHERENCE = 0.05
# A tail shorter than this is not treated as an article (too few words for a
# reliable cosine, and a short tail is more likely a sidebar of the same story).
APPENDED_STORY_MIN_WORDS = 60
# A break point needs at least this many body paragraphs (>= 12 words) before it.
_MIN_BODY_BEFORE_BREAK = 3
_BODY_WORDS = 12
_HASH_FEATURES = 2**18
_TOKEN_RE = re.compile(r"\w{2,}")
# Words every news story uses whatever its topic (reporting verbs, titles,
# calendar words); added to scikit-learn's English stop words so that two
# unrelated stories do not look alike merely for being news.
_NEWS_STOP_WORDS = frozenset(
    {
        "said",
        "says",
        "say",
        "saying",
        "told",
        "tell",
        "according",
        "added",
        "asked",
        "reported",
        "mr",
        "mrs",
        "ms",
        "dr",
        "year",
        "years",
        "month",
        "months",
        "week",
        "weeks",
        "day",
        "days",
        "today",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    }
)

# The shape of a candidate break point.
_NON_TITLE_END_CHARS = ".,;:…"
_CANDIDATE_MAX_WORDS = 20
_CANDIDATE_SIGNAL_LOOKAHEAD = 3
_OPENING_CHARS = "\"'‘“([«"
_TITLE_CASE_MIN_LETTERS = 4
_TITLE_CASE_SHARE = 0.7


@dataclass
class _Scan:
    """A document's lines after the single-line rules, with its break candidates."""

    document: Document
    lines: list[_Line]
    candidates: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class _Tail:
    """An appended story detected from ``lines[start]`` to the end."""

    start: int
    similarity: float
    cosine: float

    @property
    def reason(self) -> str:
        """The audit reason, quoting the measured similarity and cosine."""
        return (
            f"appended unrelated story (relative similarity {self.similarity:.2f} to the "
            f"article before it; cosine {self.cosine:.2f})"
        )


# --------------------------------------------------------------------------
# Break candidates (rule 8, first part)
# --------------------------------------------------------------------------


def _is_title_like(line: _Line) -> bool:
    """Short, no final period or comma, starting with a capital, digit or quote."""
    if line.reason is not None or line.bullet or line.n_words > _CANDIDATE_MAX_WORDS:
        return False
    text = line.text
    if text.rstrip(_CLOSING_CHARS)[-1:] in _NON_TITLE_END_CHARS or _DATELINE_RE.match(text):
        return False
    first = next((ch for ch in text if ch.isalnum()), "")
    return first.isupper() or first.isdigit()


def _is_heading_styled(text: str) -> bool:
    """Set in capitals ("WHAT COMES NEXT") or title case ("What Comes Next")."""
    if text.isupper():
        return True
    words = [word.lstrip(_OPENING_CHARS) for word in text.split()]
    long_words = [word for word in words if len(word) >= _TITLE_CASE_MIN_LETTERS]
    if not long_words:
        return False
    capitalised = sum(1 for word in long_words if word[0].isupper())
    return capitalised >= _TITLE_CASE_SHARE * len(long_words)


def _has_break_signal(lines: Sequence[_Line], index: int) -> bool:
    """Whether a story's furniture, a reprint of the line, or a dateline follows it."""
    key = lines[index].key
    for line in lines[index + 1 : index + 1 + _CANDIDATE_SIGNAL_LOOKAHEAD]:
        if line.key == key or line.reason == REASON_FURNITURE or _DATELINE_RE.match(line.text):
            return True
        if line.reason is None:
            break
    return False


def _find_candidates(lines: Sequence[_Line]) -> list[int]:
    """Indexes of title-like lines that could start an appended story.

    A candidate comes after a few body paragraphs and is either followed by
    a story's furniture, a reprint of itself, or a dateline, or is a heading
    (capitals or title case) set off by a blank line. Short sentence-case
    lines without a final period are left out: inside a body they are nearly
    always truncated paragraphs, and skipping them keeps the TF-IDF work to
    the few documents that need it.
    """
    candidates: list[int] = []
    body_before = 0
    for index, line in enumerate(lines):
        if line.reason is not None:
            continue
        if (
            body_before >= _MIN_BODY_BEFORE_BREAK
            and _is_title_like(line)
            and (
                _has_break_signal(lines, index)
                or (line.blank_before and _is_heading_styled(line.text))
            )
        ):
            candidates.append(index)
        if line.n_words >= _BODY_WORDS:
            body_before += 1
    return candidates


# --------------------------------------------------------------------------
# Appended stories (rule 8, similarity part)
# --------------------------------------------------------------------------


@dataclass
class _LineRows:
    """The kept lines (case-folded) of some documents, and where each document's are."""

    texts: list[str] = field(default_factory=list)
    words: list[int] = field(default_factory=list)
    spans: dict[int, tuple[int, int]] = field(default_factory=dict)
    rows: dict[tuple[int, int], int] = field(default_factory=dict)

    def add(self, scan_index: int, lines: Sequence[_Line]) -> None:
        """Append a document's kept lines, remembering the row of each line index."""
        first = len(self.texts)
        for j, line in enumerate(lines):
            if line.reason is None:
                self.rows[(scan_index, j)] = len(self.texts)
                self.texts.append(line.key)
                self.words.append(line.n_words)
        self.spans[scan_index] = (first, len(self.texts))

    def halves(self, first: int, end: int) -> tuple[tuple[int, int], tuple[int, int]]:
        """Rows ``first`` to ``end - 1`` cut into two runs of about equal word counts.

        The first half ends with the row that reaches half the words; the
        second half may be empty (a one-line part).
        """
        total = sum(self.words[first:end])
        count = 0
        for row in range(first, end):
            count += self.words[row]
            if 2 * count >= total:
                return (first, row + 1), (row + 1, end)
        return (first, end), (end, end)


def _find_tails(scans: Sequence[_Scan]) -> dict[int, _Tail]:
    """Detect appended unrelated stories; keyed by the scan's index in ``scans``.

    Only documents with a break candidate are examined, each on its own (the
    other documents play no part). Every kept line of those documents is
    hashed once; head and tail vectors, and the vectors of their halves, are
    sums of line rows. A document's first candidate whose tail is long enough
    and unlike its head starts the appended story.
    """
    pending = [i for i, scan in enumerate(scans) if scan.candidates]
    if not pending:
        return {}

    import numpy as np

    rows = _LineRows()
    for i in pending:
        rows.add(i, scans[i].lines)
    line_counts = _hash_counts(rows.texts)

    pairs = [(i, c) for i in pending for c in scans[i].candidates]
    parts = [
        _unit_rows(_row_sums(ranges, len(rows.texts)) @ line_counts)
        for ranges in _part_ranges(pairs, rows)
    ]
    head, tail, head_a, head_b, tail_a, tail_b = parts
    cosine = _row_dots(head, tail)
    coherence = np.maximum(_row_dots(head_a, head_b), _MIN_COHERENCE) * np.maximum(
        _row_dots(tail_a, tail_b), _MIN_COHERENCE
    )
    similarity = cosine / np.sqrt(coherence)

    found: dict[int, _Tail] = {}
    for k, (i, candidate) in enumerate(pairs):
        if i not in found:
            tail_found = _Tail(candidate, float(similarity[k]), float(cosine[k]))
            if _is_unrelated(tail_found, scans[i].lines):
                found[i] = tail_found
    return found


def _part_ranges(pairs: Sequence[tuple[int, int]], rows: _LineRows) -> list[list[tuple[int, int]]]:
    """Row ranges of each (document, candidate) pair's parts.

    Six lists, one range per pair in each: head, tail, the head's two halves
    and the tail's two halves.
    """
    parts: list[list[tuple[int, int]]] = [[] for _ in range(6)]
    for i, candidate in pairs:
        first, end = rows.spans[i]
        split = rows.rows[(i, candidate)]
        head_a, head_b = rows.halves(first, split)
        tail_a, tail_b = rows.halves(split, end)
        for part, rng in zip(
            parts, ((first, split), (split, end), head_a, head_b, tail_a, tail_b), strict=True
        ):
            part.append(rng)
    return parts


def _unit_rows(counts: Any) -> Any:
    """Sublinear term frequencies (1 + log count), each row scaled to unit length."""
    import numpy as np
    from sklearn.preprocessing import normalize

    weights = counts.tocsr().astype(float)
    weights.data = 1.0 + np.log(weights.data)
    return normalize(weights)


def _row_dots(a: Any, b: Any) -> Any:
    """The dot product of each row of ``a`` with the same row of ``b``."""
    import numpy as np

    return np.asarray(a.multiply(b).sum(axis=1)).ravel()


def _hash_counts(texts: list[str]) -> Any:
    """Sparse term counts of lower-cased ``texts`` in hashed columns, no stop words.

    Tokens are scikit-learn's default (runs of two or more word characters).
    Tokens are fed to the hasher as ``(token, 1)`` pairs built by
    ``zip`` and stop words are dropped by zeroing their columns afterwards,
    which avoids a Python-level step per token.
    """
    from scipy import sparse
    from sklearn.feature_extraction import FeatureHasher
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    hasher = FeatureHasher(n_features=_HASH_FEATURES, input_type="pair", alternate_sign=False)
    stop_words = sorted(ENGLISH_STOP_WORDS | _NEWS_STOP_WORDS)
    keep = [1.0] * _HASH_FEATURES
    for column in hasher.transform([zip(stop_words, repeat(1))]).indices:
        keep[column] = 0.0
    tokens = (_TOKEN_RE.findall(text) for text in texts)
    counts = hasher.transform(zip(words, repeat(1)) for words in tokens)
    counts = sparse.csr_matrix(counts) @ sparse.diags(keep, format="csr")
    counts.eliminate_zeros()
    return counts


def _row_sums(ranges: Sequence[tuple[int, int]], n_rows: int) -> Any:
    """A 0/1 matrix whose row ``k`` selects rows ``ranges[k][0]`` to ``ranges[k][1] - 1``."""
    from scipy import sparse

    indices: list[int] = []
    indptr = [0]
    for first, end in ranges:
        indices.extend(range(first, end))
        indptr.append(len(indices))
    data = [1.0] * len(indices)
    return sparse.csr_matrix((data, indices, indptr), shape=(len(ranges), n_rows))


def _is_unrelated(tail: _Tail, lines: Sequence[_Line]) -> bool:
    """Whether a candidate tail is long enough and unlike the article before it."""
    if tail.similarity >= APPENDED_STORY_MAX_SIMILARITY:
        return False
    words = sum(line.n_words for line in lines[tail.start :] if line.reason is None)
    return words >= APPENDED_STORY_MIN_WORDS
