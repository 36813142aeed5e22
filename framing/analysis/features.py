"""Features: lexicon frame scores per outlet, and TF-IDF vocabulary features.

Two families, both shown in the report:

* **Lexicon features** (:func:`score_frames`): for each outlet and frame, the
  share of the outlet's sentences that invoke the frame (at least one
  non-negated hit), with its 95% Wilson interval (over the sentences, or
  over the articles when the outlet has enough of them; see
  :mod:`framing.analysis.stats`), and the non-negated hits per 1,000 word
  tokens.
* **TF-IDF features** (:func:`build_tfidf`, :func:`distinctive_terms`,
  :func:`outlet_similarity`, :func:`lexicon_candidates`), from scikit-learn:
  the terms most distinctive of each outlet, how similar the outlets'
  vocabularies are, and, for each frame, corpus terms most associated with
  its sentences that its lexicon lacks (candidates for extending it).

TF-IDF terms are unigrams and bigrams of the same tokens the lexicons match,
without English stop words, punctuation or numbers; a bigram never spans a
stop word or punctuation mark. A corpus without a single such term (only
punctuation, numbers or stop words) has nothing to compare:
:func:`build_tfidf` stops with an :class:`~framing.errors.InputError`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import compress, pairwise
from operator import and_
from typing import TYPE_CHECKING

from framing.analysis.stats import (
    MIN_ARTICLES_FOR_ARTICLE_UNIT,
    ClusterMoments,
    share_interval,
    share_interval_of,
)
from framing.analysis.term_stats import (
    DOCUMENT_DF,
    FRAME_PRESENT,
    FRAME_SUMS,
    OUTLET_COUNTS,
    OUTLET_SUMS,
    SCALE,
    SENTENCE_DF,
    SENTENCE_SUMS,
    TermTotals,
    chunk_term_stats,
    smoothed_idf,
    term_totals,
)
from framing.errors import InputError
from framing.model import (
    Candidate,
    FrameScore,
    Hit,
    LexiconSet,
    OutletSummary,
    Sentence,
    WeightedTerm,
)

if TYPE_CHECKING:
    import numpy as np
    from scipy.sparse import csr_matrix

#: News-writing words that carry no framing, on top of scikit-learn's list.
NEWS_STOP_WORDS = frozenset(
    {"said", "says", "say", "told", "according", "also", "just", "like", "mr", "ms", "'s", "n't"}
)


# --------------------------------------------------------------------------
# Lexicon features
# --------------------------------------------------------------------------


def invoked_frames(hits: Iterable[Hit]) -> dict[int, set[str]]:
    """Sentence id -> the frames it invokes (non-negated hits only)."""
    invoked: dict[int, set[str]] = defaultdict(set)
    for hit in hits:
        if hit.counts:
            invoked[hit.sentence].add(hit.frame)
    return invoked


def score_frames(
    sentences: Sequence[Sentence],
    hits: Sequence[Hit],
    *,
    outlets: Sequence[OutletSummary],
    lexicons: LexiconSet,
    n_bootstrap: int | None = None,
    seed: int | None = None,
    min_articles: int = MIN_ARTICLES_FOR_ARTICLE_UNIT,
) -> dict[tuple[str, str], FrameScore]:
    """Frame scores for every (outlet id, frame id) pair.

    The interval of a share is Wilson's score interval
    (:func:`framing.analysis.stats.share_interval`): over the outlet's
    sentences, taken as independent, when it has fewer than
    ``min_articles`` articles; over as many sentences as its articles are
    worth (the design effect between its articles) when it has more. It is
    computed, not resampled, so ``n_bootstrap`` and ``seed`` are not used;
    they are accepted so that callers written for the bootstrap keep working.
    """
    del n_bootstrap, seed  # the intervals are computed, not resampled
    sentence_outlet = {s.id: s.outlet for s in sentences}
    invoking: dict[tuple[str, str], set[int]] = defaultdict(set)
    n_hits: dict[tuple[str, str], int] = defaultdict(int)
    n_negated: dict[tuple[str, str], int] = defaultdict(int)
    for hit in hits:
        key = (sentence_outlet[hit.sentence], hit.frame)
        if hit.negated:
            n_negated[key] += 1
        elif hit.counts:
            n_hits[key] += 1
            invoking[key].add(hit.sentence)
    articles = _article_sentences(sentences)
    moments = {
        (outlet_id, frame.id): ClusterMoments.of(
            [len(ids) for ids in docs.values()],
            [sum(1 for i in ids if i in invoking[(outlet_id, frame.id)]) for ids in docs.values()],
        )
        for outlet_id, docs in articles.items()
        for frame in lexicons.frames
    }
    return scores_from_counts(
        outlets=outlets,
        lexicons=lexicons,
        n_invoking={key: len(ids) for key, ids in invoking.items()},
        n_hits=n_hits,
        n_negated=n_negated,
        moments=moments,
        min_articles=min_articles,
    )


def scores_from_counts(
    *,
    outlets: Sequence[OutletSummary],
    lexicons: LexiconSet,
    n_invoking: Mapping[tuple[str, str], int],
    n_hits: Mapping[tuple[str, str], int],
    n_negated: Mapping[tuple[str, str], int],
    moments: Mapping[tuple[str, str], ClusterMoments],
    min_articles: int = MIN_ARTICLES_FOR_ARTICLE_UNIT,
) -> dict[tuple[str, str], FrameScore]:
    """Frame scores from counts: what :func:`score_frames` computes from sentences and hits.

    Keyed by (outlet id, frame id): ``n_invoking`` sentences invoking the
    frame, ``n_hits`` counted hits, ``n_negated`` negated hits (missing keys
    count 0), and ``moments`` the outlet's articles' sentences and invoking
    sentences (:class:`~framing.analysis.stats.ClusterMoments`; a missing
    key means fewer than ``min_articles`` articles).
    """
    n_sentences = {o.id: o.n_sentences for o in outlets}
    n_tokens = {o.id: o.n_tokens for o in outlets}
    scores: dict[tuple[str, str], FrameScore] = {}
    for outlet in outlets:
        for frame in lexicons.frames:
            key = (outlet.id, frame.id)
            k, n = n_invoking.get(key, 0), n_sentences[outlet.id]
            cell = moments.get(key)
            if cell is not None and cell.m >= min_articles:
                interval = share_interval_of(cell, min_articles=min_articles)
            else:
                interval = share_interval([n], [k], min_articles=min_articles)
            tokens = n_tokens[outlet.id]
            hits_k = n_hits.get(key, 0)
            scores[key] = FrameScore(
                outlet=outlet.id,
                frame=frame.id,
                n_sentences=k,
                share=k / n if n else 0.0,
                ci95=interval,
                n_hits=hits_k,
                per_1k_tokens=1000.0 * hits_k / tokens if tokens else 0.0,
                n_negated=n_negated.get(key, 0),
            )
    return scores


def _article_sentences(sentences: Sequence[Sentence]) -> dict[str, dict[str, list[int]]]:
    """Outlet id -> document id -> its sentences' ids, in first-seen order."""
    articles: dict[str, dict[str, list[int]]] = defaultdict(dict)
    for s in sentences:
        articles[s.outlet].setdefault(s.document, []).append(s.id)
    return articles


# --------------------------------------------------------------------------
# TF-IDF features
# --------------------------------------------------------------------------


def build_analyzer(stop_words: Iterable[str] | None = None) -> Callable[[Sequence[str]], list[str]]:
    """A scikit-learn analyzer over token sequences: unigrams and clean bigrams.

    >>> build_analyzer()(["the", "geneva", "conventions", "apply", ","])
    ['geneva', 'conventions', 'apply', 'geneva conventions', 'conventions apply']
    """
    if stop_words is None:
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

        stop_words = ENGLISH_STOP_WORDS | NEWS_STOP_WORDS
    keep = _KeepDecisions(frozenset(stop_words))

    def analyze(tokens: Sequence[str]) -> list[str]:
        # map/compress keep the per-token work in C; see _KeepDecisions.
        flags = list(map(keep.__getitem__, tokens))
        pairs = compress(pairwise(tokens), map(and_, flags, flags[1:]))
        return [*compress(tokens, flags), *map(" ".join, pairs)]

    return analyze


class _KeepDecisions(dict[str, bool]):
    """token -> is it a TF-IDF term? Decided once per distinct token.

    A term is a token with a letter that is not a stop word.
    """

    def __init__(self, stop: frozenset[str]) -> None:
        super().__init__()
        self._stop = stop

    def __missing__(self, token: str) -> bool:
        decision = self[token] = token not in self._stop and any(c.isalpha() for c in token)
        return decision


@dataclass(frozen=True)
class TfidfFeatures:
    """Fitted TF-IDF state of one analysis.

    ``outlet_profiles`` holds each outlet's TF-IDF profile (rows
    L2-normalised), in ``outlet_ids`` order, over ``vocabulary``;
    ``totals`` the term statistics it was made from
    (:mod:`framing.analysis.term_stats`), which the lexicon candidates and
    the log-odds read.
    """

    vocabulary: tuple[str, ...]
    outlet_ids: tuple[str, ...]
    outlet_profiles: np.ndarray
    totals: TermTotals

    def outlet_counts(self) -> np.ndarray:
        """The outlets' raw term counts (outlets × terms, in ``outlet_ids`` order)."""
        import numpy as np

        return np.vstack([self.totals.row(OUTLET_COUNTS, o) for o in self.outlet_ids])


@dataclass(frozen=True)
class TermCounts:
    """A sentence × term count matrix with its (sorted) vocabulary."""

    vocabulary: tuple[str, ...]
    matrix: csr_matrix


def count_terms(token_lists: Sequence[Sequence[str]]) -> TermCounts:
    """Count the TF-IDF terms (see :func:`build_analyzer`) of each tokenized sentence.

    The counts of scikit-learn's ``CountVectorizer`` with that analyzer (a
    sorted vocabulary; int64 counts; tested against it), made without its
    loop over every term in Python: the terms of all sentences are gathered
    in one list, their columns looked up with a C-level ``map``, and the
    matrix summed by scipy.
    """
    import numpy as np
    from scipy.sparse import csr_matrix

    analyze = build_analyzer()  # per call: its decisions grow with the vocabulary
    terms: list[str] = []
    lengths = np.empty(len(token_lists), dtype=np.int64)
    # a sentence repeated in the chunk shares its tuple of tokens (SegmentMemo),
    # alive all through this call: its terms are made once
    made: dict[int, list[str]] = {}
    for row, tokens in enumerate(token_lists):
        found = made.get(id(tokens))
        if found is None:
            found = made[id(tokens)] = analyze(tokens)
        lengths[row] = len(found)
        terms += found
    vocabulary = sorted(dict.fromkeys(terms))
    if not vocabulary:  # no term at all survives the stop-word filter
        return TermCounts((), csr_matrix((len(token_lists), 0), dtype="int64"))
    column = {term: i for i, term in enumerate(vocabulary)}
    columns = np.fromiter(map(column.__getitem__, terms), dtype=np.int64, count=len(terms))
    indptr = np.zeros(len(token_lists) + 1, dtype=np.int64)
    np.cumsum(lengths, out=indptr[1:])
    matrix = csr_matrix(
        (np.ones(len(terms), dtype=np.int64), columns, indptr),
        shape=(len(token_lists), len(vocabulary)),
    )
    matrix.sum_duplicates()  # also sorts each row's columns
    return TermCounts(tuple(vocabulary), matrix)


def merge_term_counts(parts: Sequence[TermCounts]) -> TermCounts:
    """Stack counts made separately (e.g. in worker processes) over one vocabulary.

    The merged vocabulary is sorted, like scikit-learn's, so the result is the
    same as counting all sentences at once.
    """
    import numpy as np
    from scipy.sparse import csr_matrix, vstack

    if len(parts) == 1:
        return parts[0]
    vocabulary = sorted(set().union(*(p.vocabulary for p in parts)))
    index = {term: i for i, term in enumerate(vocabulary)}
    blocks = []
    for part in parts:
        columns = np.array([index[t] for t in part.vocabulary], dtype=np.int64)
        m = part.matrix.tocsr()
        blocks.append(
            csr_matrix(
                (m.data, columns[m.indices] if len(columns) else m.indices, m.indptr),
                shape=(m.shape[0], len(vocabulary)),
            )
        )
    merged = vstack(blocks, format="csr")
    merged.sort_indices()
    return TermCounts(tuple(vocabulary), merged)


def build_tfidf(
    sentences: Sequence[Sentence],
    *,
    outlet_ids: Sequence[str],
    counts: TermCounts | None = None,
    invoked: Mapping[int, set[str]] | None = None,
) -> TfidfFeatures:
    """TF-IDF features of the corpus's sentences and documents.

    Sentence-level TF-IDF drives the lexicon candidates of the frames that
    ``invoked`` (sentence id -> frames, :func:`invoked_frames`) names;
    document-level TF-IDF (a document's counts are the sum of its
    sentences') gives each outlet's profile as the mean of its documents'
    vectors, so a long article does not outweigh the outlet's others.
    ``counts`` are the sentences' term counts when already made
    (:func:`count_terms`). See :mod:`framing.analysis.term_stats` for how
    the vectors are made and summed.

    Raises :class:`~framing.errors.InputError` when the sentences hold no
    term at all (only punctuation, numbers or stop words).
    """
    if counts is None:
        counts = count_terms([s.tokens for s in sentences])
    doc_index: dict[str, int] = {}
    doc_outlet: list[str] = []
    rows = []
    row_frames: dict[str, list[int]] = defaultdict(list)
    invoked = invoked or {}
    for i, s in enumerate(sentences):
        if s.document not in doc_index:
            doc_index[s.document] = len(doc_index)
            doc_outlet.append(s.outlet)
        rows.append(doc_index[s.document])
        for frame_id in invoked.get(s.id, ()):
            row_frames[frame_id].append(i)
    stats = chunk_term_stats(
        counts.matrix,
        counts.vocabulary,
        row_documents=rows,
        document_outlets=doc_outlet,
        row_frames=row_frames,
    )
    return tfidf_from_totals(term_totals(stats), outlet_ids=outlet_ids)


def tfidf_from_totals(totals: TermTotals, *, outlet_ids: Sequence[str]) -> TfidfFeatures:
    """The TF-IDF features from the corpus's term statistics.

    An outlet's profile is the mean of its documents' unit vectors of
    sublinear term frequencies, weighted by document-level IDF and scaled to
    unit length. Raises :class:`~framing.errors.InputError` when there is no
    term at all.
    """
    import numpy as np
    from sklearn.preprocessing import normalize

    if not totals.vocabulary:
        raise InputError(
            "the articles have no words to compare, only punctuation, numbers or "
            "common words such as 'the' and 'said'; give articles with text"
        )
    idf = smoothed_idf(totals.count(DOCUMENT_DF), totals.row(DOCUMENT_DF))
    means = np.vstack(
        [
            totals.row(OUTLET_SUMS, o) / (SCALE * max(totals.count(OUTLET_SUMS, o), 1))
            for o in outlet_ids
        ]
    )
    return TfidfFeatures(
        vocabulary=totals.vocabulary,
        outlet_ids=tuple(outlet_ids),
        outlet_profiles=normalize(means * idf),
        totals=totals,
    )


def distinctive_terms(features: TfidfFeatures, *, n: int) -> dict[str, tuple[WeightedTerm, ...]]:
    """Each outlet's ``n`` most distinctive terms.

    A term's score is its weight in the outlet's profile minus its mean
    weight in the other outlets' profiles: high when the outlet uses the term
    and the others do not. With one outlet, the profile weight itself.
    Ties break alphabetically, so the list is deterministic.
    """
    import numpy as np

    profiles = features.outlet_profiles
    n_outlets = profiles.shape[0]
    result: dict[str, tuple[WeightedTerm, ...]] = {}
    for i, outlet in enumerate(features.outlet_ids):
        if n_outlets > 1:
            others = (profiles.sum(axis=0) - profiles[i]) / (n_outlets - 1)
            scores = profiles[i] - others
        else:
            scores = profiles[i]
        order = np.lexsort((np.array(features.vocabulary, dtype=object), -scores))
        chosen = [j for j in order[: n * 2] if scores[j] > 0][:n]
        result[outlet] = tuple(
            WeightedTerm(term=features.vocabulary[j], score=round(float(scores[j]), 6))
            for j in chosen
        )
    return result


def outlet_similarity(features: TfidfFeatures) -> tuple[tuple[float, ...], ...]:
    """Cosine similarity of the outlets' TF-IDF profiles (1 = same vocabulary use)."""
    matrix = features.outlet_profiles @ features.outlet_profiles.T
    return tuple(tuple(round(float(v), 6) for v in row) for row in matrix)


def lexicon_candidates(
    features: TfidfFeatures,
    *,
    lexicons: LexiconSet,
    covered: Callable[[str, str], bool],
    n: int,
    min_sentences: int = 2,
    exclude: Collection[str] = frozenset(),
) -> dict[str, tuple[Candidate, ...]]:
    """Per frame, corpus terms most associated with its sentences that its lexicon lacks.

    Association is chi² between a term's sentence-level TF-IDF and whether
    a sentence invokes the frame (scikit-learn's ``chi2`` statistic, here
    from the sums :mod:`framing.analysis.term_stats` keeps: the TF-IDF of a
    term is its sentences' unit vectors times its IDF, so its chi² is the
    vectors' chi² times the IDF). A term is kept only where it is more
    frequent in the frame's sentences than elsewhere and occurs in at least
    ``min_sentences`` of them. ``covered(frame_id, term)`` says whether the
    frame's lexicon already matches the term. A term with a word in
    ``exclude`` (names, titles and abbreviations, see
    :func:`framing.analysis.names.not_vocabulary`) is left out.
    """
    import numpy as np

    totals = features.totals
    n_all = totals.count(SENTENCE_DF)
    n_present = totals.row(SENTENCE_DF)
    idf = smoothed_idf(n_all, n_present)
    total_sums = totals.row(SENTENCE_SUMS) / SCALE
    result: dict[str, tuple[Candidate, ...]] = {}
    for frame in lexicons.frames:
        n_in = totals.count(FRAME_SUMS, frame.id)
        if not len(features.vocabulary) or n_in in (0, n_all):
            result[frame.id] = ()
            continue
        chi = _chi2(totals.row(FRAME_SUMS, frame.id) / SCALE, total_sums, n_in / n_all) * idf
        in_frame = totals.row(FRAME_PRESENT, frame.id)
        rate_in = in_frame / n_in
        rate_out = (n_present - in_frame) / (n_all - n_in)
        eligible = (in_frame >= min_sentences) & (rate_in > rate_out)
        order = np.lexsort((np.array(features.vocabulary, dtype=object), -chi))
        chosen: list[Candidate] = []
        for j in order:
            if len(chosen) == n:
                break
            term = features.vocabulary[j]
            if exclude and any(word in exclude for word in term.split()):
                continue
            if eligible[j] and not covered(frame.id, term):
                chosen.append(
                    Candidate(
                        frame=frame.id,
                        term=term,
                        score=round(float(chi[j]), 6),
                        n_sentences=int(in_frame[j]),
                    )
                )
        result[frame.id] = tuple(chosen)
    return result


def _chi2(in_class: np.ndarray, total: np.ndarray, p: float) -> np.ndarray:
    """Pearson's chi² of a feature's sums in and out of a class, as scikit-learn's ``chi2``.

    ``in_class`` and ``total`` are each feature's sum over the class's rows
    and over all rows, ``p`` the share of rows in the class; a feature that
    is zero everywhere scores 0.
    """
    import numpy as np

    expected_in, expected_out = p * total, (1.0 - p) * total
    observed_out = total - in_class
    with np.errstate(divide="ignore", invalid="ignore"):
        chi = (in_class - expected_in) ** 2 / expected_in + (
            observed_out - expected_out
        ) ** 2 / expected_out
    return np.nan_to_num(chi)


def term_coverage_checker(lexicons: LexiconSet) -> Callable[[str, str], bool]:
    """``covered(frame_id, term)``: does the frame's lexicon already account for ``term``?

    It does when one of the frame's entries matches inside ``term`` ("white
    supremacists" holds ``supremacist*``), or when ``term`` is a fragment of
    one of its phrases ("geneva" of ``geneva convention*``): suggesting
    either would only repeat the lexicon.
    """
    from framing.lexicons.match import Matcher

    matcher = Matcher(lexicons)
    phrases = {f.id: [t.tokens for t in f.terms if len(t.tokens) > 1] for f in lexicons.frames}
    cache: dict[str, set[str]] = {}

    def covered(frame_id: str, term: str) -> bool:
        if term not in cache:
            tokens = tuple(term.split(" "))
            cache[term] = {h.frame for h in matcher.match_tokens(tokens)} | {
                fid
                for fid, entries in phrases.items()
                if any(_is_fragment(tokens, entry) for entry in entries)
            }
        return frame_id in cache[term]

    return covered


def _is_fragment(tokens: Sequence[str], entry: Sequence[str]) -> bool:
    """Whether ``tokens`` occur, in order and adjacent, inside a lexicon phrase."""
    for start in range(len(entry) - len(tokens) + 1):
        if all(
            token.startswith(pattern[:-1]) if pattern.endswith("*") else token == pattern
            for token, pattern in zip(tokens, entry[start : start + len(tokens)], strict=True)
        ):
            return True
    return False
