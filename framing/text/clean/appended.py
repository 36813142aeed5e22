"""Appended stories: a second, unrelated article at the end of a saved page (rule 8).

Some pages carry, after the article, a whole other story (the next item of
the site's feed). It is found in two steps. First, title-like lines after a
few body paragraphs are taken as candidate break points
(:func:`_find_candidates`). Then, for the documents with a candidate, the
text from the candidate on is compared by TF-IDF cosine with the text before
it and with the rest of the corpus (:func:`_find_tails`); a long tail
dissimilar to both is an appended story, removed as one span.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import repeat
from typing import Any

from framing.model import DEFAULT_SEED, Document
from framing.text.clean.lines import _CLOSING_CHARS, _DATELINE_RE, _Line
from framing.text.clean.rules import REASON_FURNITURE

# Appended-story detection compares TF-IDF vectors (English and news stop
# words removed, sublinear term frequency, IDF from the corpus) by cosine.
# Values measured when choosing the threshold:
#   unrelated tails (must be cut)
#     - seed page with an appended story on a foreign election: 0.061 to its
#       own article, 0.063 to the rest of the three-seed corpus;
#     - test fixture, a chess report appended to a flood report: 0.027 to the
#       article, 0.022 to two other flood reports (0.029 when alone);
#     - that chess report appended to 100 of 10,000 synthetic articles made of
#       seed sentences: 0.01 to 0.02 to the article, 0.05 to the corpus;
#   on-topic tails (must be kept)
#     - every paragraph break of the three seed articles, taken as a break
#       point (tails of >= 60 words): 0.104 to 0.294 to their own article;
#     - test fixture with capitalised on-topic subheads: 0.32 to 0.35 (but
#       only 0.04 to 0.06 to a corpus on another topic, which is why a tail
#       must be dissimilar to BOTH its article and the corpus to be cut).
# 0.08 lies between the highest unrelated value (0.063) and the lowest
# on-topic one (0.104), a little closer to the former so that a doubtful
# tail is kept rather than dropped.
APPENDED_STORY_MAX_COSINE = 0.08
# A tail shorter than this is not treated as an article (too few words for a
# reliable cosine, and a short tail is more likely a sidebar of the same story).
APPENDED_STORY_MIN_WORDS = 60
# A break point needs at least this many body paragraphs (>= 12 words) before it.
_MIN_BODY_BEFORE_BREAK = 3
_BODY_WORDS = 12
# The IDF weights and the corpus centroid are estimated on at most this many
# documents (a fixed random sample): vectorising all of 10,000 articles alone takes
# ~3 s on a small machine, while a centroid of 500 articles is already stable.
_CENTROID_SAMPLE = 500
_SAMPLE_SEED = DEFAULT_SEED
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
    cos_article: float
    cos_corpus: float | None

    @property
    def reason(self) -> str:
        """The audit reason, quoting the measured cosines."""
        if self.cos_corpus is None:
            return (
                f"appended unrelated story (cosine {self.cos_article:.2f} to this article; "
                "no other documents)"
            )
        return (
            f"appended unrelated story (cosine {self.cos_article:.2f} to this article, "
            f"{self.cos_corpus:.2f} to the rest of the corpus)"
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
# Appended stories (rule 8, TF-IDF part)
# --------------------------------------------------------------------------


def _sample_indexes(n_documents: int) -> list[int]:
    """Indexes of the documents used to estimate IDF and the corpus centroid.

    All documents up to :data:`_CENTROID_SAMPLE`, else a fixed-seed random
    sample (random rather than evenly spaced, so that a corpus ordered in a
    periodic way, e.g. outlet by outlet, is not sampled lopsidedly).
    """
    if n_documents <= _CENTROID_SAMPLE:
        return list(range(n_documents))
    return sorted(random.Random(_SAMPLE_SEED).sample(range(n_documents), _CENTROID_SAMPLE))


@dataclass
class _LineRows:
    """The kept lines (case-folded) of some documents, and where each document's are."""

    texts: list[str] = field(default_factory=list)
    spans: dict[int, tuple[int, int]] = field(default_factory=dict)
    rows: dict[tuple[int, int], int] = field(default_factory=dict)

    def add(self, scan_index: int, lines: Sequence[_Line]) -> None:
        """Append a document's kept lines, remembering the row of each line index."""
        first = len(self.texts)
        for j, line in enumerate(lines):
            if line.reason is None:
                self.rows[(scan_index, j)] = len(self.texts)
                self.texts.append(line.key)
        self.spans[scan_index] = (first, len(self.texts))


def _find_tails(scans: Sequence[_Scan]) -> dict[int, _Tail]:
    """Detect appended unrelated stories; keyed by the scan's index in ``scans``.

    Only documents with a break candidate are examined, plus a fixed random
    sample of the corpus for the IDF weights and the centroid. Every kept line
    of those documents is hashed once; document, head (before a candidate) and
    tail (from it) vectors are sums of line rows. The "rest of the corpus" is
    the sum of the sampled documents' unit vectors minus the document's own
    vector (when it was sampled), so the cost is linear in the corpus size.
    """
    pending = [i for i, scan in enumerate(scans) if scan.candidates]
    if not pending:
        return {}

    import numpy as np
    from sklearn.feature_extraction.text import TfidfTransformer

    sample = _sample_indexes(len(scans))
    rows = _LineRows()
    for i in sorted(set(sample) | set(pending)):
        rows.add(i, scans[i].lines)
    line_counts = _hash_counts(rows.texts)

    sample_counts = _row_sums([rows.spans[i] for i in sample], len(rows.texts)) @ line_counts
    tfidf = TfidfTransformer(sublinear_tf=True).fit(sample_counts)
    sample_vectors = tfidf.transform(sample_counts)
    centroid = np.asarray(sample_vectors.sum(axis=0)).ravel()

    pairs = [(i, c) for i in pending for c in scans[i].candidates]
    heads, tails = (
        tfidf.transform(_row_sums(ranges, len(rows.texts)) @ line_counts)
        for ranges in _head_tail_ranges(pairs, rows)
    )
    cos_article = np.asarray(heads.multiply(tails).sum(axis=1)).ravel()
    sample_row = {doc: row for row, doc in enumerate(sample)}
    cos_corpus = _cosine_to_rest(
        tails, [sample_row.get(i) for i, _ in pairs], sample_vectors, centroid
    )

    found: dict[int, _Tail] = {}
    for k, (i, candidate) in enumerate(pairs):
        if i not in found:
            corpus = None if np.isnan(cos_corpus[k]) else float(cos_corpus[k])
            tail = _Tail(candidate, float(cos_article[k]), corpus)
            if _is_unrelated(tail, scans[i].lines):
                found[i] = tail
    return found


def _head_tail_ranges(
    pairs: Sequence[tuple[int, int]], rows: _LineRows
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Row ranges of each (document, candidate) pair's head and tail."""
    heads: list[tuple[int, int]] = []
    tails: list[tuple[int, int]] = []
    for i, candidate in pairs:
        first, end = rows.spans[i]
        split = rows.rows[(i, candidate)]
        heads.append((first, split))
        tails.append((split, end))
    return heads, tails


def _cosine_to_rest(tails: Any, own_rows: Sequence[int | None], vectors: Any, centroid: Any) -> Any:
    """Cosine of each tail with the sum of the sampled documents other than its own.

    ``own_rows[k]`` is the row of tail ``k``'s document in ``vectors``, or
    ``None`` when it was not sampled. NaN where no other document exists.
    """
    import numpy as np

    in_sample = np.array([row is not None for row in own_rows], dtype=float)
    own = vectors[[row if row is not None else 0 for row in own_rows]]
    tail_dot_rest = (
        tails @ centroid - np.asarray(tails.multiply(own).sum(axis=1)).ravel() * in_sample
    )
    own_dot_centroid = (own @ centroid) * in_sample
    own_sq = np.asarray(own.multiply(own).sum(axis=1)).ravel() * in_sample
    rest_sq = float(centroid @ centroid) - 2 * own_dot_centroid + own_sq
    others = vectors.shape[0] - in_sample
    valid = (others > 0) & (rest_sq > 1e-12)
    result = np.full(len(own_rows), np.nan)
    result[valid] = tail_dot_rest[valid] / np.sqrt(rest_sq[valid])
    return result


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
    """Whether a candidate tail is long enough and dissimilar to article and corpus."""
    if tail.cos_article >= APPENDED_STORY_MAX_COSINE:
        return False
    if tail.cos_corpus is not None and tail.cos_corpus >= APPENDED_STORY_MAX_COSINE:
        return False
    words = sum(line.n_words for line in lines[tail.start :] if line.reason is None)
    return words >= APPENDED_STORY_MIN_WORDS
