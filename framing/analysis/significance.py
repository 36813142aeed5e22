"""A comparison of outlets that holds up statistically.

The scores of :mod:`framing.analysis.features` say how much each outlet uses each
frame; this module says which of the differences between outlets are larger
than chance would make them, and how sure one can be of their size:

* :func:`compare_pairs` -- for every frame and every pair of outlets, the
  difference of shares, its 95% bootstrap interval, a two-sided permutation
  p-value and the Benjamini-Hochberg adjusted p-value (q) over all the tests
  of the analysis;
* :func:`benjamini_hochberg` -- the adjustment itself, for any list of
  p-values;
* :func:`small_sample_caveat` -- which outlets rest on too few articles to
  speak for the outlet, with a sentence saying so;
* :func:`frame_mix_divergence` -- the Jensen-Shannon distance between the
  outlets' mixes of frames;
* :func:`log_odds_terms` -- each outlet's most distinctive terms against all
  the others pooled, by the log-odds ratio with an informative Dirichlet
  prior (Monroe, Colaresi & Quinn 2008);
* :func:`describe_pair` and :func:`describe_frame_mix` -- the results in one
  plain sentence each, for the report.

Everything is a pure function of its arguments: no printing, no files. Every
random draw comes from a generator derived from the analysis seed and the
indexes of the outlet, pair or frame it serves (:func:`framing.analysis.stats.rng_for`),
so the results do not depend on the order in which they are computed.
numpy and scipy are imported inside the functions, so importing this module
costs nothing at start-up.

References
----------
Benjamini, Y. and Hochberg, Y. (1995). Controlling the false discovery rate:
a practical and powerful approach to multiple testing. *Journal of the Royal
Statistical Society B* 57(1), 289-300.

Monroe, B. L., Colaresi, M. P. and Quinn, K. M. (2008). Fightin' words:
lexical feature selection and evaluation for identifying the content of
political conflict. *Political Analysis* 16(4), 372-403.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from itertools import repeat
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING

from framing.analysis.stats import bootstrap_share_draws, percentile_interval, rng_for
from framing.model import (
    DEFAULT_RESAMPLES,
    SIGNIFICANCE_LEVEL,
    FrameMixDivergence,
    FrameScore,
    Hit,
    LexiconSet,
    LogOddsTerm,
    LogOddsTerms,
    OutletSummary,
    PairDifference,
    Sentence,
    SmallSampleCaveat,
    Unit,
)

if TYPE_CHECKING:
    import numpy as np
    from scipy.sparse import spmatrix


#: Both outlets of a pair need this many articles for articles to be the resampling unit.
MIN_ARTICLES_FOR_ARTICLE_BOOTSTRAP = 5
#: An outlet with fewer articles than this gets the small-sample caveat.
SMALL_SAMPLE_ARTICLES = 3
#: Monte-Carlo permutations of the article-level test.
DEFAULT_PERMUTATIONS = DEFAULT_RESAMPLES
#: Distinctive terms per outlet.
DEFAULT_LOG_ODDS_TERMS = 15
#: Relative tolerance when comparing hypergeometric probabilities (as R's ``fisher.test``).
PROBABILITY_TOLERANCE = 1e-7

# Keys that keep this module's random streams apart from each other and from
# framing.analysis.features' (whose keys are (outlet, frame) indexes, far below these).
_KEY_ARTICLE_BOOTSTRAP = 0x5167_0001
_KEY_ARTICLE_ORDER = 0x5167_0002
_KEY_ARTICLE_SPLIT = 0x5167_0003
#: Integers held at once by the article permutation test (sets its memory, not its result).
_PERMUTATION_CHUNK = 4_000_000
#: Integers drawn at once by the article bootstrap (sets its memory, not its result).
_BOOTSTRAP_CHUNK = 4_000_000

_MINUS = "\u2212"


# --------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------


# --------------------------------------------------------------------------
# Pairwise frame differences
# --------------------------------------------------------------------------


def compare_pairs(
    sentences: Sequence[Sentence],
    hits: Sequence[Hit],
    *,
    outlets: Sequence[OutletSummary],
    lexicons: LexiconSet,
    n_bootstrap: int,
    n_permutations: int = DEFAULT_PERMUTATIONS,
    seed: int,
    min_articles_for_article_bootstrap: int = MIN_ARTICLES_FOR_ARTICLE_BOOTSTRAP,
) -> tuple[PairDifference, ...]:
    """Every frame's difference between every pair of outlets, with its uncertainty.

    Results come frame by frame (in ``lexicons`` order) and, within a
    frame, pair by pair: ``(A, B)`` with ``A`` before ``B`` in ``outlets``,
    in the order (0, 1), (0, 2), ..., (1, 2), .... A sentence invokes a frame
    when it has at least one non-negated hit of it; an article is a
    document with at least one sentence.

    **Unit.** Sentences of one article are not independent (one article
    tends to keep to its frames), so when both outlets have at least
    ``min_articles_for_article_bootstrap`` articles the unit resampled and
    permuted is the article; with fewer, there are too few articles to
    resample and the unit is the sentence. ``unit`` records which was used.

    **Interval.** A 95% percentile bootstrap interval of ``share_a -
    share_b``, each outlet resampled on its own, ``n_bootstrap`` times.
    Sentences: the draws are binomial (exactly the sentence bootstrap's
    distribution, see :mod:`framing.analysis.stats`) and are the very draws of the
    outlets' own intervals in :func:`framing.analysis.features.score_frames`, so the
    pair's interval agrees with theirs. Articles: a cluster bootstrap, the
    outlet's articles drawn with replacement and the share recomputed as
    invoking sentences over sentences of the drawn articles.

    **p-value.** Two-sided, under the null hypothesis that the outlet labels
    are exchangeable. Sentences: with both outlets' sentences pooled, the
    number of invoking sentences that fall to outlet A under random
    relabelling is hypergeometric given the pooled total, so the
    permutation distribution is known exactly and no Monte Carlo is needed:
    the p-value is the probability of the tables no more probable than the
    observed one (relative tolerance :data:`PROBABILITY_TOLERANCE`), i.e.
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

    **Seeds.** Sentence draws come from ``rng_for(seed, outlet, frame)``
    (those of ``score_frames``); an outlet's article draws, shared by its
    frames since one draw of articles serves them all, from a generator
    keyed by the outlet; the permutation test's from generators keyed by
    the outlet and the pair (see :func:`_article_permutation_pvalues`). No
    result depends on the order of computation or on memory limits.

    **q-value.** The Benjamini-Hochberg (1995) adjusted p-value over all
    ``frames x pairs`` tests (:func:`benjamini_hochberg`): a difference with
    ``q < 0.05`` belongs to a set of findings of which, in expectation, at
    most 5% are false.

    Parameters
    ----------
    sentences, hits
        The analysis's sentences and lexicon hits.
    outlets
        The outlets, in display order; every sentence's outlet must be one.
    lexicons
        The frames compared.
    n_bootstrap, n_permutations
        Bootstrap replicates, and permutations of the article-level test.
    seed
        The analysis seed.
    min_articles_for_article_bootstrap
        Articles both outlets need for the article to be the unit.

    Returns
    -------
    tuple of PairDifference
        ``len(frames) * K * (K - 1) / 2`` differences for ``K`` outlets.
    """
    import numpy as np

    if n_bootstrap < 1 or n_permutations < 1:
        raise ValueError("n_bootstrap and n_permutations must be at least 1")
    frame_ids = lexicons.frame_ids
    articles = _article_table(sentences, hits, outlets=outlets, frame_ids=frame_ids)
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
            articles, totals, by_articles, observed, n_permutations=n_permutations, seed=seed
        )
        for index, (a, b) in enumerate(by_articles):
            for j in range(n_frames):
                p_values[(j, a, b)] = float(monte_carlo[index, j])

    sentence_draws: dict[tuple[int, int], np.ndarray] = {}
    article_draws: dict[int, np.ndarray] = {}

    def draws(i: int, j: int, unit: Unit) -> np.ndarray:
        if unit == "articles":
            if i not in article_draws:
                article_draws[i] = _cluster_bootstrap(
                    articles[i],
                    n_resamples=n_bootstrap,
                    rng=rng_for(seed, _KEY_ARTICLE_BOOTSTRAP, i),
                )
            return article_draws[i][:, j]
        if (i, j) not in sentence_draws:
            n, k = int(totals[i][0]), int(totals[i][1 + j])
            sentence_draws[(i, j)] = bootstrap_share_draws(
                k, n, n_resamples=n_bootstrap, rng=rng_for(seed, i, j)
            )
        return sentence_draws[(i, j)]

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
                ci95=percentile_interval(draws(a, j, unit) - draws(b, j, unit)),
                p_value=p_values[(j, a, b)],
                q_value=q,
                unit=unit,
            )
        )
    return tuple(result)


def fisher_two_sided(
    k_a: Sequence[int] | np.ndarray,
    n_a: Sequence[int] | np.ndarray,
    k_b: Sequence[int] | np.ndarray,
    n_b: Sequence[int] | np.ndarray,
) -> np.ndarray:
    """Exact two-sided p-values of ``k_a / n_a`` against ``k_b / n_b``, elementwise.

    Given the pooled total ``k_a + k_b``, the count of group A under random
    relabelling of the ``n_a + n_b`` units is hypergeometric; the p-value is
    the total probability of the counts no more probable than ``k_a``
    (within a relative tolerance of :data:`PROBABILITY_TOLERANCE`): Fisher's
    exact test, the two-sided p-value of ``scipy.stats.fisher_exact`` (whose
    tolerance is 1e-14; they differ only on near-ties). The
    hypergeometric distribution is unimodal, so the counts on the far side
    of the mode that are as improbable form a tail whose start is found by
    a binary search, run for all tests at once; the tails' probabilities
    come from ``scipy.stats.hypergeom`` (Boost), accurate far into the tails.
    A test with a single possible table (no invoking unit, or an empty
    group) has p = 1.
    """
    import numpy as np
    from scipy.stats import hypergeom

    x = np.asarray(k_a, dtype=np.int64)
    draws = np.asarray(n_a, dtype=np.int64)
    good = x + np.asarray(k_b, dtype=np.int64)
    total = draws + np.asarray(n_b, dtype=np.int64)
    low = np.maximum(0, draws - (total - good))
    high = np.minimum(good, draws)
    p = np.ones(x.shape, dtype=float)
    todo = np.flatnonzero(low < high)
    if not todo.size:
        return p
    x, draws, good, total = x[todo], draws[todo], good[todo], total[todo]
    low, high = low[todo], high[todo]

    def log_pmf(k: np.ndarray, rows: np.ndarray) -> np.ndarray:
        return hypergeom.logpmf(k, total[rows], good[rows], draws[rows])

    everything = np.arange(todo.size)
    mode = (draws + 1) * (good + 1) // (total + 2)
    threshold = log_pmf(x, everything) + math.log1p(PROBABILITY_TOLERANCE)
    result = np.ones(todo.size)
    at_mode = threshold >= log_pmf(mode, everything)
    below = np.flatnonzero(~at_mode & (x < mode))
    above = np.flatnonzero(~at_mode & (x > mode))
    if below.size:  # other tail: the first y >= mode with pmf(y) <= threshold (high + 1: none)
        lo, hi = mode[below].copy(), high[below] + 1
        while (active := np.flatnonzero(lo < hi)).size:
            mid = (lo[active] + hi[active]) // 2
            fits = log_pmf(mid, below[active]) <= threshold[below[active]]
            hi[active] = np.where(fits, mid, hi[active])
            lo[active] = np.where(fits, lo[active], mid + 1)
        rows = below
        result[rows] = hypergeom.cdf(x[rows], total[rows], good[rows], draws[rows]) + hypergeom.sf(
            lo - 1, total[rows], good[rows], draws[rows]
        )
    if above.size:  # other tail: the last y <= mode with pmf(y) <= threshold (low - 1: none)
        lo, hi = low[above] - 1, mode[above].copy()
        while (active := np.flatnonzero(lo < hi)).size:
            mid = (lo[active] + hi[active] + 1) // 2
            fits = log_pmf(mid, above[active]) <= threshold[above[active]]
            lo[active] = np.where(fits, mid, lo[active])
            hi[active] = np.where(fits, hi[active], mid - 1)
        rows = above
        result[rows] = hypergeom.sf(x[rows] - 1, total[rows], good[rows], draws[rows]) + np.where(
            lo >= low[rows], hypergeom.cdf(lo, total[rows], good[rows], draws[rows]), 0.0
        )
    p[todo] = np.minimum(result, 1.0)
    return p


def benjamini_hochberg(p_values: Sequence[float] | np.ndarray) -> tuple[float, ...]:
    """Benjamini-Hochberg (1995) adjusted p-values (q-values), in the input's order.

    With ``m`` tests and ``p_(i)`` the ``i``-th smallest p-value,
    ``q_(i) = min_{j >= i} min(1, m p_(j) / j)``; rejecting every test with
    ``q < α`` controls the false discovery rate at ``α`` for independent or
    positively dependent tests. Computed by
    ``scipy.stats.false_discovery_control(method="bh")``.
    """
    import numpy as np
    from scipy.stats import false_discovery_control

    values = np.asarray(p_values, dtype=float)
    if not values.size:
        return ()
    return tuple(float(q) for q in false_discovery_control(values, method="bh"))


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


def _cluster_bootstrap(
    articles: np.ndarray, *, n_resamples: int, rng: np.random.Generator
) -> np.ndarray:
    """``(n_resamples, frames)`` shares of an outlet over its articles drawn with replacement.

    Each replicate draws as many articles as the outlet has, and its share
    is the drawn articles' invoking sentences over their sentences (a ratio
    estimator, the same as the observed share).
    """
    import numpy as np

    m = len(articles)
    sums = np.empty((n_resamples, articles.shape[1]), dtype=np.int64)
    step = max(1, _BOOTSTRAP_CHUNK // m)
    for start in range(0, n_resamples, step):
        rows = min(step, n_resamples - start)
        drawn = rng.integers(0, m, size=(rows, m))
        drawn += (np.arange(rows) * m)[:, None]
        times = np.bincount(drawn.ravel(), minlength=rows * m).reshape(rows, m)
        sums[start : start + rows] = times @ articles  # integer arithmetic: exact
    return sums[:, 1:] / sums[:, :1]


def _article_permutation_pvalues(
    articles: Sequence[np.ndarray],
    totals: Sequence[np.ndarray],
    pairs: Sequence[tuple[int, int]],
    observed: np.ndarray,
    *,
    n_permutations: int,
    seed: int,
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
    ``rng_for(seed, key, outlet)``, splits from ``rng_for(seed, key, a, b)``.
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
    columns = {i: np.ascontiguousarray(articles[i].T) for i in involved}
    pooled = [totals[a] + totals[b] for a, b in pairs]
    bar = np.abs(observed) * (1.0 - 1e-9)  # ties with the observed difference count as extreme
    extreme = np.zeros(observed.shape, dtype=np.int64)
    # Prefix sums are counts of sentences: int32 unless a pair pools 2**31 of them.
    dtype = np.int32 if max(int(t[0]) for t in pooled) < 2**31 else np.int64
    per_row = sum(len(articles[i]) + 1 for i in involved) * width
    step = max(1, min(n_permutations, _PERMUTATION_CHUNK // per_row))
    for start in range(0, n_permutations, step):
        rows = min(step, n_permutations - start)
        prefix = {}
        for i in involved:
            m = len(articles[i])
            order = orders[i].permuted(np.tile(np.arange(m), (rows, 1)), axis=1)
            sums = np.zeros((width, rows, m + 1), dtype=dtype)
            for c in range(width):
                np.cumsum(columns[i][c][order], axis=1, dtype=dtype, out=sums[c, :, 1:])
            prefix[i] = sums
        row = np.arange(rows)
        for p, (a, b) in enumerate(pairs):
            stay = splits[p][start : start + rows]
            in_a = prefix[a][:, row, stay] + prefix[b][:, row, len(articles[a]) - stay]
            in_b = pooled[p][:, None] - in_a
            diff = in_a[1:] / in_a[0] - in_b[1:] / in_b[0]
            extreme[p] += (np.abs(diff) >= bar[p][:, None]).sum(axis=1)
    return (1.0 + extreme) / (1.0 + n_permutations)


# --------------------------------------------------------------------------
# Small samples
# --------------------------------------------------------------------------


def small_sample_caveat(
    outlets: Sequence[OutletSummary], *, min_articles: int = SMALL_SAMPLE_ARTICLES
) -> SmallSampleCaveat:
    """Flag the outlets with fewer than ``min_articles`` articles, and say what that means.

    An outlet seen through one or two articles is those articles: any
    difference from another outlet may be the story the article covers, not
    the outlet's way of framing it. The message names the outlets, grouped by
    their number of articles, e.g. "Military.com, Arab News and People are
    each represented by a single article: the differences describe these
    articles, not the outlets." Article counts are ``n_documents``.
    """
    small = {o.id: o.n_documents < min_articles for o in outlets}
    concerned = [o for o in outlets if small[o.id]]
    if not concerned:
        return SmallSampleCaveat(min_articles, small, None)
    by_count: dict[int, list[str]] = {}
    for o in concerned:
        by_count.setdefault(o.n_documents, []).append(o.name)
    clauses = []
    for count in sorted(by_count):
        names = by_count[count]
        many = len(names) > 1
        if not clauses:
            verb = "are each represented by" if many else "is represented by"
            clauses.append(f"{_join(names)} {verb} {_articles_phrase(count)}")
        else:
            each = " each" if many else ""
            clauses.append(f"{_join(names)}{each} by {_articles_phrase(count)}")
    n_articles = sum(o.n_documents for o in concerned)
    these = "this article" if n_articles == 1 else "these articles"
    whom = "the outlets" if len(concerned) > 1 else "the outlet"
    message = f"{_join(clauses)}: the differences describe {these}, not {whom}."
    return SmallSampleCaveat(min_articles, small, message)


_NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def _articles_phrase(count: int) -> str:
    """``1 -> "a single article"``, ``2 -> "only two articles"``, ``0 -> "no article"``."""
    if count == 0:
        return "no article"
    if count == 1:
        return "a single article"
    word = _NUMBER_WORDS[count] if count < len(_NUMBER_WORDS) else f"{count:,}"
    return f"only {word} articles"


def _join(items: Sequence[str]) -> str:
    """``["A"] -> "A"``, ``["A", "B", "C"] -> "A, B and C"``."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


# --------------------------------------------------------------------------
# Jensen-Shannon divergence of frame mixes
# --------------------------------------------------------------------------


def frame_mix_divergence(
    scores: Mapping[tuple[str, str], FrameScore],
    *,
    outlets: Sequence[OutletSummary],
    lexicons: LexiconSet,
) -> FrameMixDivergence:
    """Jensen-Shannon distances between the outlets' frame mixes, in outlet order.

    An outlet's frame mix is its non-negated frame hits (unweighted, as
    :attr:`FrameScore.n_hits`) per frame, normalised to sum to 1: how the
    outlet divides its framing among the frames, whatever its amount. Two
    outlets with the same proportions have distance 0 even if one uses the
    frames twice as often (the shares and pair differences measure that).

    The Jensen-Shannon divergence ``JSD(P, Q) = ½ KL(P ‖ M) + ½ KL(Q ‖ M)``,
    ``M = ½ (P + Q)``, is symmetric, always finite (unlike KL when a frame is
    missing from one outlet) and, in base 2, between 0 and 1 bit.
    ``scipy.spatial.distance.jensenshannon(base=2)`` returns its square
    root, the Jensen-Shannon *distance*, and that is what is reported: it is
    a metric (it obeys the triangle inequality, so it can be drawn as a map
    or clustered), and it spreads out the small values that similar
    outlets have (a divergence of 0.01 bit is a distance of 0.1). The
    divergence is :attr:`FrameMixDivergence.divergence`. An outlet with no
    hit has no mix: its row and column are ``None``.
    """
    import numpy as np
    from scipy.spatial.distance import jensenshannon

    ids = tuple(o.id for o in outlets)
    counts = np.array(
        [[scores[(o, f)].n_hits for f in lexicons.frame_ids] for o in ids], dtype=float
    ).reshape(len(ids), len(lexicons.frame_ids))
    has_mix = counts.sum(axis=1) > 0
    matrix: list[list[float | None]] = [[None] * len(ids) for _ in ids]
    for i in range(len(ids)):
        for j in range(i, len(ids)):
            if has_mix[i] and has_mix[j]:
                d = 0.0 if i == j else float(jensenshannon(counts[i], counts[j], base=2))
                matrix[i][j] = matrix[j][i] = 0.0 if math.isnan(d) else d
    return FrameMixDivergence(ids, tuple(tuple(row) for row in matrix))


# --------------------------------------------------------------------------
# Distinctive terms by log-odds with an informative Dirichlet prior
# --------------------------------------------------------------------------


def log_odds_terms(
    counts: spmatrix | np.ndarray,
    vocabulary: Sequence[str],
    row_outlets: Sequence[str],
    *,
    outlet_ids: Sequence[str],
    n: int = DEFAULT_LOG_ODDS_TERMS,
    alpha0: float | None = None,
) -> LogOddsTerms:
    """Each outlet's ``n`` most distinctive terms against all the other outlets pooled.

    Monroe, Colaresi & Quinn (2008), "Fightin' words", with the informative
    Dirichlet prior ``α_w = α₀ · y_w / y`` (``y_w`` the term's count in the
    corpus, ``y`` all terms' count): for outlet ``i`` against the rest
    ``j``, with ``y_iw``, ``n_i`` its counts and total::

        δ_w = log((y_iw + α_w) / (n_i + α₀ - y_iw - α_w))
            - log((y_jw + α_w) / (n_j + α₀ - y_jw - α_w))
        z_w = δ_w / sqrt(1 / (y_iw + α_w) + 1 / (y_jw + α_w))

    computed by :func:`framing.analysis.stats.log_odds_dirichlet` on column
    sums, a few vector operations per outlet whatever the vocabulary size.
    Terms are ranked by ``z`` (the evidence, not only the size, of the
    difference); only terms the outlet uses more than the others (``z > 0``)
    are kept, so an outlet may get fewer than ``n``. Ties break by the
    vocabulary's order (alphabetical for scikit-learn's).

    **Prior scale.** ``α₀`` defaults to ``y / K``, the corpus's term count
    over the number of outlets: a prior worth the words of one average
    outlet. An average outlet's term rates are pulled halfway to the
    corpus's, a single-article outlet's nearly all the way (its differences
    are the likeliest to be chance), and the pooled rest barely moves. The
    whole corpus as prior (``α₀ = y``, the default of ``log_odds_dirichlet``
    for two groups) would add ``K`` outlets' worth of pseudo-counts to each
    outlet, shrinking δ and z more the more outlets the corpus holds; a
    fixed constant would mean a different strength for every corpus size.

    Parameters
    ----------
    counts
        Row x term count matrix (e.g. :attr:`framing.analysis.features.TfidfFeatures.counts`).
    vocabulary
        The terms of ``counts``' columns.
    row_outlets
        The outlet id of each row (e.g. ``[s.outlet for s in sentences]``).
    outlet_ids
        The outlets, in display order.
    n
        Terms per outlet.
    alpha0
        The prior's scale ``α₀``; ``None`` for ``y / K``.
    """
    import numpy as np
    from scipy.sparse import csr_matrix, issparse

    from framing.analysis.stats import log_odds_dirichlet

    if counts.shape != (len(row_outlets), len(vocabulary)):
        raise ValueError(
            f"counts has shape {counts.shape}, not rows x terms = "
            f"{(len(row_outlets), len(vocabulary))}"
        )
    position = {o: i for i, o in enumerate(outlet_ids)}
    unknown = set(row_outlets) - position.keys()
    if unknown:
        raise ValueError(f"rows of outlets not in `outlet_ids`: {sorted(unknown)}")
    rows = np.fromiter(map(position.__getitem__, row_outlets), np.int64, len(row_outlets))
    to_outlets = csr_matrix(
        (np.ones(rows.size), (rows, np.arange(rows.size))), shape=(len(outlet_ids), rows.size)
    )
    summed = to_outlets @ counts
    by_outlet = np.asarray(summed.toarray() if issparse(summed) else summed, dtype=float)
    by_outlet = by_outlet.reshape(len(outlet_ids), len(vocabulary))
    corpus = by_outlet.sum(axis=0)
    total = float(corpus.sum())
    a0 = total / max(len(outlet_ids), 1) if alpha0 is None else float(alpha0)
    terms: dict[str, tuple[LogOddsTerm, ...]] = {}
    for i, outlet in enumerate(outlet_ids):
        own = by_outlet[i]
        if len(outlet_ids) < 2 or not total:
            terms[outlet] = ()
            continue
        odds = log_odds_dirichlet(own, corpus - own, alpha0=a0)
        z = np.where(np.isfinite(odds.z) & (own > 0), odds.z, -np.inf)
        top = _top_indexes(z, n)
        terms[outlet] = tuple(
            LogOddsTerm(
                term=vocabulary[w],
                z=float(odds.z[w]),
                delta=float(odds.delta[w]),
                count=int(own[w]),
            )
            for w in top
            if z[w] > 0
        )
    return LogOddsTerms(alpha0=a0, terms=terms)


def _top_indexes(values: np.ndarray, n: int) -> list[int]:
    """Indexes of the ``n`` largest values, largest first, ties by index."""
    import numpy as np

    if n <= 0 or not values.size:
        return []
    if n < values.size:
        cut = np.partition(values, values.size - n)[values.size - n]
        candidates = np.flatnonzero(values >= cut)
    else:
        candidates = np.arange(values.size)
    order = np.lexsort((candidates, -values[candidates]))
    return [int(c) for c in candidates[order[:n]]]


# --------------------------------------------------------------------------
# Plain-language readings
# --------------------------------------------------------------------------


def describe_pair(
    difference: PairDifference,
    *,
    outlets: Sequence[OutletSummary],
    lexicons: LexiconSet,
    level: float = SIGNIFICANCE_LEVEL,
) -> str:
    """One sentence reading a pair difference, the outlet with the larger share first.

    E.g. "Military.com gives 41% of its sentences to Legally unprotected
    civilians and People 8%: a difference of 33 points (95% interval 17 to
    48), unlikely to be chance (adjusted p = 0.001)." Numbers are formatted
    as in the report (whole percentages, one decimal below 1).
    """
    names = {o.id: o.name for o in outlets}
    label = lexicons.frame(difference.frame).label
    a, b = names[difference.outlet_a], names[difference.outlet_b]
    share_a, share_b, diff = difference.share_a, difference.share_b, difference.diff
    low, high = difference.ci95
    if diff < 0:
        a, b, share_a, share_b, diff = b, a, share_b, share_a, -diff
        low, high = -high, -low
    p = f"adjusted p {_format_p(difference.q_value)}"
    if share_a == 0 and share_b == 0:
        return f"Neither {a} nor {b} has a sentence invoking {label}: no difference ({p})."
    verdict = "unlikely to be chance" if difference.q_value < level else "could be chance"
    interval = f"95% interval {_format_points(low)} to {_format_points(high)}"
    if diff == 0:
        return (
            f"{a} and {b} both give {_format_percent(share_a)} of their sentences to "
            f"{label}: no difference ({interval}; {p})."
        )
    other = "none" if share_b == 0 else _format_percent(share_b)
    points = _format_points(diff)
    size = {"0": "less than 0.1 points", "1": "1 point"}.get(points, f"{points} points")
    return (
        f"{a} gives {_format_percent(share_a)} of its sentences to {label} and {b} {other}: "
        f"a difference of {size} ({interval}), {verdict} ({p})."
    )


def describe_frame_mix(divergence: FrameMixDivergence, *, outlets: Sequence[OutletSummary]) -> str:
    """One or two sentences naming the outlets whose frame mixes are most and least alike.

    E.g. "Arab News and People mix the frames most alike (Jensen-Shannon
    distance 0.05, on a scale from 0, the same mix, to 1, no frame in
    common) and Military.com and People least alike (0.62)."
    """
    names = {o.id: o.name for o in outlets}
    scale = "on a scale from 0, the same mix, to 1, no frame in common"
    silent = [
        names[o]
        for i, o in enumerate(divergence.outlets)
        if all(d is None for d in divergence.distance[i])
    ]
    note = ""
    if silent:
        verb = "invoke" if len(silent) > 1 else "invokes"
        its = "their mixes" if len(silent) > 1 else "its mix"
        note = f" {_join(silent)} {verb} none of the frames, so {its} cannot be compared."
    if len(divergence.outlets) < 2:
        return "There is only one outlet, so there is no mix of frames to compare."
    pairs = divergence.pairs()
    if not pairs:
        return f"No two outlets both invoke the frames, so no mixes can be compared.{note}"

    def pair_name(pair: tuple[str, str, float]) -> str:
        return f"{names[pair[0]]} and {names[pair[1]]}"

    if len(pairs) == 1:
        (pair,) = pairs
        return (
            f"{pair_name(pair)} mix the frames at a Jensen-Shannon distance of "
            f"{pair[2]:.2f} ({scale}).{note}"
        )
    closest = min(pairs, key=itemgetter(2))
    farthest = max(pairs, key=itemgetter(2))
    if f"{closest[2]:.2f}" == f"{farthest[2]:.2f}":
        return (
            f"Every pair of outlets mixes the frames at about the same Jensen-Shannon "
            f"distance, {closest[2]:.2f} ({scale}).{note}"
        )

    def tied(value: float) -> str:
        others = sum(1 for p in pairs if f"{p[2]:.2f}" == f"{value:.2f}") - 1
        if not others:
            return ""
        return f", tied with {others} other pair{'s' if others > 1 else ''}"

    return (
        f"{pair_name(closest)} mix the frames most alike (Jensen-Shannon distance "
        f"{closest[2]:.2f}, {scale}{tied(closest[2])}) and {pair_name(farthest)} least alike "
        f"({farthest[2]:.2f}{tied(farthest[2])}).{note}"
    )


def _format_percent(share: float) -> str:
    """``0.41 -> "41%"``, ``0.004 -> "0.4%"`` (as the report's ``format_pct``)."""
    return _format_points(share) + "%"


def _format_points(value: float) -> str:
    """A fraction in percentage points: whole, one decimal below 1, a true minus sign."""
    pct = value * 100
    text = f"{abs(pct):.1f}" if 0 < abs(pct) < 1 else f"{abs(pct):.0f}"
    if text in ("0.0", "0"):
        return "0"
    return (_MINUS if pct < 0 else "") + text


def _format_p(q: float) -> str:
    """``"= 0.001"``, ``"= 0.04"``, ``"< 0.001"``, ``"= 1"``."""
    if q < 0.001:
        return "< 0.001"
    if q >= 0.995:
        return "= 1"
    return f"= {q:.3f}" if q < 0.01 else f"= {q:.2f}"
