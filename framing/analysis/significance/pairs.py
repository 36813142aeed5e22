"""Every frame's difference between every pair of outlets, with its uncertainty.

:func:`compare_pairs` gives, for every frame and every pair of outlets, the
difference of shares, its 95% interval (Newcombe's, from the two outlets'
own share intervals, :mod:`framing.analysis.stats`), a two-sided p-value and
the Benjamini-Hochberg adjusted p-value (q) over all the tests of the
analysis. The unit tested is the article when both outlets have enough of
them (a Monte-Carlo permutation test, in this module), the sentence
otherwise (Fisher's exact test, from
:mod:`framing.analysis.significance.exact`).

Every random draw comes from a generator derived from the analysis seed and
the indexes of the outlet or pair it serves
(:func:`framing.analysis.stats.rng_for`), so the results do not depend on the
order in which they are computed. numpy is imported inside the functions.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from itertools import repeat
from operator import attrgetter
from typing import TYPE_CHECKING

from framing.analysis.significance.exact import benjamini_hochberg, fisher_two_sided
from framing.analysis.stats import (
    MIN_ARTICLES_FOR_ARTICLE_UNIT,
    newcombe_interval,
    rng_for,
    share_interval,
)
from framing.model import (
    DEFAULT_RESAMPLES,
    Hit,
    LexiconSet,
    OutletSummary,
    PairDifference,
    Sentence,
    Unit,
)

if TYPE_CHECKING:
    import numpy as np


#: Both outlets of a pair need this many articles for articles to be the unit of the test
#: (and an outlet this many for its articles to set its interval); the name is framing 0.1's.
MIN_ARTICLES_FOR_ARTICLE_BOOTSTRAP = MIN_ARTICLES_FOR_ARTICLE_UNIT
#: Monte-Carlo permutations of the article-level test.
DEFAULT_PERMUTATIONS = DEFAULT_RESAMPLES

# Keys that keep this module's random streams apart from each other and from
# any keyed by (outlet, frame) indexes, far below these.
_KEY_ARTICLE_ORDER = 0x5167_0002
_KEY_ARTICLE_SPLIT = 0x5167_0003
#: Integers held at once by the article permutation test (sets its memory, not its result).
_PERMUTATION_CHUNK = 4_000_000


def compare_pairs(
    sentences: Sequence[Sentence],
    hits: Sequence[Hit],
    *,
    outlets: Sequence[OutletSummary],
    lexicons: LexiconSet,
    n_bootstrap: int | None = None,
    n_permutations: int = DEFAULT_PERMUTATIONS,
    seed: int,
    min_articles_for_article_bootstrap: int = MIN_ARTICLES_FOR_ARTICLE_BOOTSTRAP,
    threads: int = 1,
) -> tuple[PairDifference, ...]:
    """Every frame's difference between every pair of outlets, with its uncertainty.

    Results come frame by frame (in ``lexicons`` order) and, within a
    frame, pair by pair: ``(A, B)`` with ``A`` before ``B`` in ``outlets``,
    in the order (0, 1), (0, 2), ..., (1, 2), .... A sentence invokes a frame
    when it has at least one non-negated hit of it; an article is a
    document with at least one sentence.

    **Unit.** Sentences of one article are not independent (one article
    tends to keep to its frames), so when both outlets have at least
    ``min_articles_for_article_bootstrap`` articles the unit permuted is the
    article; with fewer, there are too few articles to permute and the unit
    is the sentence, taken as independent. ``unit`` records which was used.

    **Interval.** Newcombe's hybrid score interval of ``share_a - share_b``
    (:func:`framing.analysis.stats.newcombe_interval`), from each outlet's
    own 95% Wilson interval
    (:func:`framing.analysis.stats.share_interval`: over its sentences when
    it has fewer than ``min_articles_for_article_bootstrap`` articles, over
    what its articles are worth otherwise), the very intervals of
    :func:`framing.analysis.features.score_frames`, so the pair's interval
    agrees with theirs. It is computed, not resampled: it does not depend on
    the seed, and does not collapse when a share is 0. ``n_bootstrap`` is
    not used; it is accepted so that callers written for the bootstrap keep
    working.

    **p-value.** Two-sided, under the null hypothesis that the outlet labels
    are exchangeable. Sentences: with both outlets' sentences pooled, the
    number of invoking sentences that fall to outlet A under random
    relabelling is hypergeometric given the pooled total, so the
    permutation distribution is known exactly and no Monte Carlo is needed:
    the p-value is the probability of the tables no more probable than the
    observed one (relative tolerance
    :data:`~framing.analysis.significance.exact.PROBABILITY_TOLERANCE`), i.e.
    Fisher's exact test, computed from ``scipy.stats.hypergeom`` for all
    sentence-unit tests at once (the same algorithm as
    ``scipy.stats.fisher_exact``, which is too slow called hundreds of times
    on tables of thousands of sentences). It does not depend on the seed.
    Articles: a Monte-Carlo permutation test, shuffling article labels
    between the two outlets ``n_permutations`` times, with p-value
    ``(1 + #{|diff*| >= |diff|}) / (1 + n_permutations)`` (never 0, and
    valid for any number of permutations). The two tests order outcomes
    differently -- by probability, by ``|diff|`` -- as the standard two-sided
    exact and permutation tests do; for outlets of equal size the orders agree.

    **Seeds.** Only the article permutation test draws at random, from
    generators keyed by the outlet and the pair (see
    :func:`_article_permutation_pvalues`). No result depends on the order of
    computation or on memory limits.

    **q-value.** The Benjamini-Hochberg (1995) adjusted p-value over all
    ``frames x pairs`` tests
    (:func:`~framing.analysis.significance.exact.benjamini_hochberg`): a
    difference with ``q < 0.05`` belongs to a set of findings of which, in
    expectation, at most 5% are false.

    Parameters
    ----------
    sentences, hits
        The analysis's sentences and lexicon hits.
    outlets
        The outlets, in display order; every sentence's outlet must be one.
    lexicons
        The frames compared.
    n_bootstrap
        Not used (the intervals are computed); accepted for compatibility.
    n_permutations
        Permutations of the article-level test.
    seed
        The analysis seed.
    min_articles_for_article_bootstrap
        Articles both outlets need for the article to be the unit of the
        test, and an outlet needs for its articles to set its interval.
    threads
        Outlets whose random orders of the permutation test are drawn at
        once, in threads (each outlet has its own generator, so the result
        does not depend on this).

    Returns
    -------
    tuple of PairDifference
        ``len(frames) * K * (K - 1) / 2`` differences for ``K`` outlets.
    """
    del n_bootstrap  # the intervals are computed, not resampled
    articles = _article_table(sentences, hits, outlets=outlets, frame_ids=lexicons.frame_ids)
    return compare_article_tables(
        articles,
        outlets=outlets,
        lexicons=lexicons,
        n_permutations=n_permutations,
        seed=seed,
        min_articles_for_article_bootstrap=min_articles_for_article_bootstrap,
        threads=threads,
    )


def compare_article_tables(
    articles: Sequence[np.ndarray],
    *,
    outlets: Sequence[OutletSummary],
    lexicons: LexiconSet,
    n_permutations: int = DEFAULT_PERMUTATIONS,
    seed: int,
    min_articles_for_article_bootstrap: int = MIN_ARTICLES_FOR_ARTICLE_BOOTSTRAP,
    threads: int = 1,
) -> tuple[PairDifference, ...]:
    """:func:`compare_pairs` from each outlet's table of articles.

    ``articles[i]`` is an ``(articles, 1 + frames)`` integer array for
    ``outlets[i]``: each article's sentences, then its sentences invoking
    each frame (in ``lexicons`` order), articles in corpus order. The
    streamed analysis builds these from per-document records
    (:mod:`framing.analysis.depth_reduce`), so it need not keep the
    sentences and hits.
    """
    import numpy as np

    if n_permutations < 1:
        raise ValueError("n_permutations must be at least 1")
    frame_ids = lexicons.frame_ids
    totals = [a.sum(axis=0) for a in articles]
    shares = [_shares(t) for t in totals]
    n_frames = len(frame_ids)
    eligible = [len(a) >= min_articles_for_article_bootstrap for a in articles]
    pairs = [(a, b) for a in range(len(outlets)) for b in range(a + 1, len(outlets))]
    by_articles = [(a, b) for a, b in pairs if eligible[a] and eligible[b]]
    by_sentences = [(a, b) for a, b in pairs if not (eligible[a] and eligible[b])]

    p_values: dict[tuple[int, int, int], float] = {}
    if by_sentences:
        exact = fisher_two_sided(*_sentence_counts(by_sentences, totals, n_frames))
        exact = exact.reshape(len(by_sentences), n_frames)
        for index, (a, b) in enumerate(by_sentences):
            for j in range(n_frames):
                p_values[(j, a, b)] = float(exact[index, j])
    if by_articles:
        observed = np.array([shares[a] - shares[b] for a, b in by_articles])
        monte_carlo = _article_permutation_pvalues(
            articles,
            totals,
            by_articles,
            observed,
            n_permutations=n_permutations,
            seed=seed,
            threads=threads,
        )
        for index, (a, b) in enumerate(by_articles):
            for j in range(n_frames):
                p_values[(j, a, b)] = float(monte_carlo[index, j])

    intervals = [
        [
            share_interval(
                article[:, 0].tolist(),
                article[:, 1 + j].tolist(),
                min_articles=min_articles_for_article_bootstrap,
            )
            for j in range(n_frames)
        ]
        for article in articles
    ]

    cells = [(j, a, b) for j in range(n_frames) for a, b in pairs]
    q_values = benjamini_hochberg([p_values[cell] for cell in cells])
    result = []
    for (j, a, b), q in zip(cells, q_values, strict=True):
        unit: Unit = "articles" if eligible[a] and eligible[b] else "sentences"
        result.append(
            PairDifference(
                frame=frame_ids[j],
                outlet_a=outlets[a].id,
                outlet_b=outlets[b].id,
                share_a=float(shares[a][j]),
                share_b=float(shares[b][j]),
                diff=float(shares[a][j] - shares[b][j]),
                ci95=newcombe_interval(
                    float(shares[a][j]), intervals[a][j], float(shares[b][j]), intervals[b][j]
                ),
                p_value=p_values[(j, a, b)],
                q_value=q,
                unit=unit,
            )
        )
    return tuple(result)


def _article_table(
    sentences: Sequence[Sentence],
    hits: Sequence[Hit],
    *,
    outlets: Sequence[OutletSummary],
    frame_ids: Sequence[str],
) -> list[np.ndarray]:
    """Per outlet, an ``(articles, 1 + frames)`` array: each article's sentences,
    then its sentences invoking each frame. Articles in first-seen order."""
    import numpy as np

    position = {o.id: i for i, o in enumerate(outlets)}
    frame_position = {f: j for j, f in enumerate(frame_ids)}
    n_frames = len(frame_ids)
    documents = list(map(attrgetter("document"), sentences))
    doc_outlet = dict(zip(documents, map(attrgetter("outlet"), sentences), strict=True))
    index = {d: i for i, d in enumerate(doc_outlet)}
    unknown = set(doc_outlet.values()) - position.keys()
    if unknown:
        raise ValueError(f"sentences of outlets not in `outlets`: {sorted(unknown)}")
    sentence_doc = np.fromiter(map(index.__getitem__, documents), np.int64, len(documents))
    ids = np.fromiter(map(attrgetter("id"), sentences), np.int64, len(sentences))
    row_of_id = np.full(int(ids.max()) + 1 if ids.size else 0, -1, dtype=np.int64)
    row_of_id[ids] = np.arange(ids.size)

    hit_ids = np.fromiter(map(attrgetter("sentence"), hits), np.int64, len(hits))
    negated = np.fromiter(map(attrgetter("negated"), hits), bool, len(hits))
    hit_frames = np.fromiter(
        map(frame_position.get, map(attrgetter("frame"), hits), repeat(-1)), np.int64, len(hits)
    )
    keep = ~negated & (hit_frames >= 0) & (hit_ids >= 0) & (hit_ids < row_of_id.size)
    hit_rows = row_of_id[hit_ids[keep]]
    hit_frames = hit_frames[keep][hit_rows >= 0]
    hit_rows = hit_rows[hit_rows >= 0]
    counts = np.zeros((len(index), 1 + n_frames), dtype=np.int64)
    counts[:, 0] = np.bincount(sentence_doc, minlength=len(index))
    if hit_rows.size:
        cells = np.unique(hit_rows * n_frames + hit_frames)  # one per sentence x frame
        cell_doc = sentence_doc[cells // n_frames] * n_frames + cells % n_frames
        counts[:, 1:] = np.bincount(cell_doc, minlength=len(index) * n_frames).reshape(
            len(index), n_frames
        )
    outlet_of_doc = np.fromiter((position[o] for o in doc_outlet.values()), np.int64, len(index))
    order = np.argsort(outlet_of_doc, kind="stable")
    bounds = np.cumsum(np.bincount(outlet_of_doc, minlength=len(outlets)))[:-1]
    return list(np.split(counts[order], bounds))


def _shares(total: np.ndarray) -> np.ndarray:
    """Shares of invoking sentences from an outlet's ``[sentences, invoking...]`` totals."""
    import numpy as np

    n = int(total[0])
    return total[1:] / n if n else np.zeros(total.size - 1)


def _sentence_counts(
    pairs: Sequence[tuple[int, int]], totals: Sequence[np.ndarray], n_frames: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """``k_a, n_a, k_b, n_b`` of every (pair, frame) cell, pair-major."""
    import numpy as np

    k_a = np.array([totals[a][1:] for a, _ in pairs]).reshape(-1)
    k_b = np.array([totals[b][1:] for _, b in pairs]).reshape(-1)
    n_a = np.repeat([totals[a][0] for a, _ in pairs], n_frames)
    n_b = np.repeat([totals[b][0] for _, b in pairs], n_frames)
    return k_a, n_a, k_b, n_b


def _article_permutation_pvalues(
    articles: Sequence[np.ndarray],
    totals: Sequence[np.ndarray],
    pairs: Sequence[tuple[int, int]],
    observed: np.ndarray,
    *,
    n_permutations: int,
    seed: int,
    threads: int = 1,
) -> np.ndarray:
    """``(pairs, frames)`` Monte-Carlo permutation p-values, articles relabelled.

    A random relabelling of pair (A, B) gives A ``m_A`` of the pooled
    ``m_A + m_B`` articles, uniformly. It is drawn in two steps that give
    exactly that distribution: how many of A's own articles stay in A,
    ``t ~ Hypergeometric(m_A, m_B, m_A)``; then which -- the first ``t`` of a
    uniformly random order of A's articles -- and the first ``m_A - t`` of a
    random order of B's. Each outlet's random orders (and their prefix sums)
    are drawn once per permutation and shared by all its pairs, which makes
    the test ``O(articles x permutations)`` instead of ``O(pairs x articles
    x permutations)``; each pair's test is still exact Monte Carlo, the pairs'
    draws are merely not independent of one another. Orders come from
    ``rng_for(seed, key, outlet)``, splits from ``rng_for(seed, key, a, b)``;
    ``threads`` outlets' orders are drawn at once.
    """
    import numpy as np

    involved = sorted({i for pair in pairs for i in pair})
    width = articles[0].shape[1]
    orders = {i: rng_for(seed, _KEY_ARTICLE_ORDER, i) for i in involved}
    splits = [
        rng_for(seed, _KEY_ARTICLE_SPLIT, a, b).hypergeometric(
            len(articles[a]), len(articles[b]), len(articles[a]), size=n_permutations
        )
        for a, b in pairs
    ]
    pooled = [totals[a] + totals[b] for a, b in pairs]
    bar = np.abs(observed) * (1.0 - 1e-9)  # ties with the observed difference count as extreme
    extreme = np.zeros(observed.shape, dtype=np.int64)
    # Prefix sums are counts of sentences: int32 unless a pair pools 2**31 of them.
    dtype = np.int32 if max(int(t[0]) for t in pooled) < 2**31 else np.int64
    columns = {i: np.ascontiguousarray(articles[i].T, dtype=dtype) for i in involved}
    per_row = sum(len(articles[i]) + 1 for i in involved) * width
    step = max(1, min(n_permutations, _PERMUTATION_CHUNK // per_row))

    def prefix_sums(i: int, rows: int) -> np.ndarray:
        """Outlet ``i``'s column sums over the first k articles of ``rows`` random orders."""
        m = len(articles[i])
        order = orders[i].permuted(np.tile(np.arange(m), (rows, 1)), axis=1)
        sums = np.zeros((width, rows, m + 1), dtype=dtype)
        for c in range(width):
            np.cumsum(columns[i][c][order], axis=1, dtype=dtype, out=sums[c, :, 1:])
        return sums

    # Each outlet's orders come from its own generator, drawn block after block, so the
    # outlets of a block can be drawn in threads (numpy releases the GIL) with the same result.
    with ThreadPoolExecutor(max(1, min(threads, len(involved)))) as pool:
        for start in range(0, n_permutations, step):
            rows = min(step, n_permutations - start)
            sums = pool.map(prefix_sums, involved, [rows] * len(involved))
            prefix = dict(zip(involved, sums, strict=True))
            row = np.arange(rows)
            for p, (a, b) in enumerate(pairs):
                stay = splits[p][start : start + rows]
                in_a = prefix[a][:, row, stay] + prefix[b][:, row, len(articles[a]) - stay]
                in_b = pooled[p][:, None] - in_a
                diff = in_a[1:] / in_a[0] - in_b[1:] / in_b[0]
                extreme[p] += (np.abs(diff) >= bar[p][:, None]).sum(axis=1)
    return (1.0 + extreme) / (1.0 + n_permutations)
