"""Similar unit pairs: TF-IDF of the units, prefix-filter candidates, exact cosines.

Finds every pair of units whose cosine reaches the threshold without
comparing every pair: the blocking described in :mod:`framing.analysis.shared`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from framing.analysis.shared.units import _Units

if TYPE_CHECKING:
    import numpy as np
    from scipy.sparse import csr_matrix

#: Candidate pairs whose exact cosine is computed per batch; bounds that step's memory.
_VERIFY_BATCH = 100_000
#: Units whose candidate pairs are generated per sparse product, at most.
_CANDIDATE_ROWS = 20_000
#: Candidate pairs per sparse product, at most (as estimated beforehand; a unit
#: with more is a product of its own): bounds that step's memory where many
#: units share their rare features, as variants of one boilerplate line do.
_CANDIDATE_PAIRS = 4_000_000
#: Columns at which each unit's tail norm is tabulated, for the candidates' upper bound.
_CHECKPOINTS = 32
#: Slack for floating-point sums compared with the threshold.
_EPSILON = 1e-9


def _tfidf(units: _Units) -> csr_matrix:
    """TF-IDF of the units' word unigrams and bigrams, rows L2-normalised.

    The weighting is scikit-learn's ``TfidfTransformer(sublinear_tf=True)``
    (tf ``1 + ln(count)``, idf ``ln((1 + n) / (1 + df)) + 1``), computed here
    from integer word ids because a Python analyzer over a few hundred
    thousand units costs seconds. Columns are numbered from the rarest
    feature to the commonest by corpus frequency (ties by word id, then
    bigram code), so each row's sorted indices run rarest first: the fixed
    global order the prefix filter needs.
    """
    import numpy as np
    from scipy.sparse import coo_matrix

    n_units, n_vocab = len(units), max(units.vocabulary_size, 1)
    lengths = units.lengths.astype(np.int64)
    words = units.words.astype(np.int64)
    unit_of_word = np.repeat(np.arange(n_units), lengths)
    # A bigram starts at every word but the last of its unit.
    starts = np.ones(len(words), dtype=bool)
    starts[np.cumsum(lengths) - 1] = False
    starts = starts[:-1]
    bigrams, bigram_columns = np.unique(
        words[:-1][starts] * n_vocab + words[1:][starts], return_inverse=True
    )
    columns = np.concatenate([words, n_vocab + bigram_columns.ravel()])
    rows = np.concatenate([unit_of_word, unit_of_word[:-1][starts]])
    n_features = n_vocab + len(bigrams)
    rank = np.empty(n_features, dtype=np.int64)
    frequency = np.bincount(columns, minlength=n_features)
    rank[np.argsort(frequency, kind="stable")] = np.arange(n_features)
    counts = coo_matrix(
        (np.ones(len(columns)), (rows, rank[columns])), shape=(n_units, n_features)
    ).tocsr()
    counts.sum_duplicates()
    df = np.bincount(counts.indices, minlength=n_features)
    idf = np.log((1 + n_units) / (1 + df)) + 1
    counts.data = (1 + np.log(counts.data)) * idf[counts.indices]
    norms = np.sqrt(np.add.reduceat(counts.data**2, counts.indptr[:-1]))
    counts.data /= np.repeat(norms, np.diff(counts.indptr))  # no unit is empty
    return counts


@dataclass(frozen=True)
class _Prefixes:
    """The prefix filter's view of a TF-IDF matrix whose columns run rarest first.

    ``prefix`` keeps each row's indexed entries (weights kept); the rest of a
    row is its suffix, which starts at column ``suffix_start`` (the number of
    columns when empty) and has norm ``suffix_norm``. ``tail_table[u, c]`` is
    the norm of row ``u``'s entries in columns >= ``checkpoints[c]``, and
    ``suffix_checkpoint[u]`` the last checkpoint at or before ``suffix_start[u]``.
    """

    prefix: csr_matrix
    suffix_start: np.ndarray
    suffix_norm: np.ndarray
    checkpoints: np.ndarray
    tail_table: np.ndarray
    suffix_checkpoint: np.ndarray


def _prefixes(matrix: csr_matrix, threshold: float) -> _Prefixes:
    """Split each row into prefix and suffix (see :class:`_Prefixes`).

    A row's entry is indexed while the norm of it and the row's commoner
    entries is at least ``threshold``, so each suffix has norm < ``threshold``.
    """
    import numpy as np
    from scipy.sparse import csr_matrix

    n_rows, n_cols = matrix.shape
    lengths = np.diff(matrix.indptr)
    rows = np.repeat(np.arange(n_rows), lengths)
    squares = matrix.data * matrix.data
    after = np.cumsum(squares[::-1])[::-1]  # sum of squares from each entry to the end
    tail = np.sqrt(np.maximum(after - np.r_[after, 0.0][np.repeat(matrix.indptr[1:], lengths)], 0))
    indexed = tail >= threshold - _EPSILON
    prefix = csr_matrix(
        (matrix.data[indexed], (rows[indexed], matrix.indices[indexed])), shape=matrix.shape
    )
    first = matrix.indptr[:-1] + np.bincount(rows[indexed], minlength=n_rows)
    has_suffix = first < matrix.indptr[1:]
    suffix_start = np.full(n_rows, n_cols, dtype=np.int64)
    suffix_start[has_suffix] = matrix.indices[first[has_suffix]]
    suffix_norm = np.zeros(n_rows)
    suffix_norm[has_suffix] = tail[first[has_suffix]]
    quantiles = np.linspace(0, 1, _CHECKPOINTS)
    checkpoints = np.unique(np.r_[0, np.quantile(suffix_start, quantiles, method="lower")])
    entry_keys = rows * (n_cols + 1) + matrix.indices
    tail_table = np.zeros((n_rows, len(checkpoints)), dtype=np.float64)
    for c, column in enumerate(checkpoints.tolist()):
        at = np.searchsorted(entry_keys, np.arange(n_rows) * (n_cols + 1) + column)
        inside = at < matrix.indptr[1:]
        tail_table[inside, c] = tail[at[inside]]
    suffix_checkpoint = np.searchsorted(checkpoints, suffix_start, "right") - 1
    return _Prefixes(prefix, suffix_start, suffix_norm, checkpoints, tail_table, suffix_checkpoint)


def _similar_pairs(
    matrix: csr_matrix, threshold: float, unit_outlets: np.ndarray
) -> tuple[np.ndarray, np.ndarray, dict[str, int]]:
    """Unit pairs (i < j) with cosine >= ``threshold`` that span two outlets, exactly.

    ``unit_outlets[u]`` is the unit's only outlet, or -1 when it occurs in
    several; a pair of units found in one and the same outlet only is
    skipped. Candidates are pairs whose prefixes share a feature (see the
    module docstring). Their prefix product ``a`` is the part of the cosine
    from features in both prefixes, so:

    * ``a >= threshold`` accepts the pair (the rest of the sum is >= 0);
    * otherwise the rest comes from features at or after the earlier of the
      two suffix starts, ``g``, and is at most (suffix norm of the row whose
      suffix starts at ``g``) × (norm of the other row from ``g`` on): when
      ``a`` plus that bound is below ``threshold`` the pair is rejected. The
      other row's norm is read at the last checkpoint column <= ``g``, an
      upper bound;
    * the remaining pairs get their exact cosine, except a pair whose units
      both already have a match and are already joined by earlier matches:
      its edge could change neither the groups nor which units are shared.
      This keeps a cluster of k variants of one sentence near k exact
      cosines instead of k²/2.

    Returns the matched pairs and counts of candidates, accepted, rejected
    and verified pairs.
    """
    import numpy as np

    n_units = matrix.shape[0]
    split = _prefixes(matrix, threshold)
    joined = _Joined(n_units)
    stats = dict.fromkeys(("candidates", "accepted", "rejected", "verified"), 0)
    by_feature = split.prefix.T.tocsr()  # once: a block's product reads every unit
    for start, stop in _blocks(split.prefix):
        block = (split.prefix[start:stop] @ by_feature).tocoo()
        i, j = block.row + start, block.col
        upper = j > i
        i, j = i[upper], j[upper]
        i_outlet = unit_outlets[i]
        keep = (i_outlet < 0) | (i_outlet != unit_outlets[j])
        i, j, partial = i[keep], j[keep], block.data[upper][keep]
        stats["candidates"] += len(i)
        accept = partial >= threshold - _EPSILON
        stats["accepted"] += int(accept.sum())
        joined.add(i[accept], j[accept])
        i, j, partial = i[~accept], j[~accept], partial[~accept]
        i_first = split.suffix_start[i] <= split.suffix_start[j]
        early, late = np.where(i_first, i, j), np.where(i_first, j, i)
        tail = split.tail_table[late, split.suffix_checkpoint[early]]
        possible = partial + split.suffix_norm[early] * tail >= threshold - _EPSILON
        stats["rejected"] += int(len(i) - possible.sum())
        i, j = i[possible], j[possible]
        order = np.lexsort((j, i))
        i, j = i[order], j[order]
        for at in range(0, len(i), _VERIFY_BATCH):
            bi, bj = joined.unsettled(i[at : at + _VERIFY_BATCH], j[at : at + _VERIFY_BATCH])
            stats["verified"] += len(bi)
            if len(bi):
                cosine = np.asarray(matrix[bi].multiply(matrix[bj]).sum(axis=1)).ravel()
                close = cosine >= threshold - _EPSILON
                joined.add(bi[close], bj[close])
    pair_i, pair_j = joined.pairs()
    return pair_i, pair_j, stats


def _blocks(prefix: csr_matrix) -> list[tuple[int, int]]:
    """Consecutive row ranges of ``prefix`` whose candidate pairs stay within bounds.

    A row's candidates are at most the units that share a prefix feature with
    it, summed over its prefix features; ranges hold at most
    :data:`_CANDIDATE_ROWS` rows and, but for a single row, at most
    :data:`_CANDIDATE_PAIRS` such candidates. Which range a pair is found in
    changes neither the matches nor the groups.
    """
    import numpy as np

    n_rows = prefix.shape[0]
    sharing = np.bincount(prefix.indices, minlength=prefix.shape[1])
    rows = np.repeat(np.arange(n_rows), np.diff(prefix.indptr))
    bound = np.cumsum(np.bincount(rows, weights=sharing[prefix.indices], minlength=n_rows))
    blocks = []
    start = 0
    while start < n_rows:
        before = bound[start - 1] if start else 0.0
        fits = int(np.searchsorted(bound, before + _CANDIDATE_PAIRS, side="right"))
        stop = min(max(fits, start + 1), start + _CANDIDATE_ROWS, n_rows)
        blocks.append((start, stop))
        start = stop
    return blocks


class _Joined:
    """Matched unit pairs so far, with which units have a match and how they are joined."""

    def __init__(self, n_units: int) -> None:
        import numpy as np

        self.n_units = n_units
        self.matched = np.zeros(n_units, dtype=bool)
        self.label = np.arange(n_units)
        self._i: list[np.ndarray] = []
        self._j: list[np.ndarray] = []

    def add(self, i: np.ndarray, j: np.ndarray) -> None:
        """Record matches and merge the components they join.

        Components only ever merge, so the new matches are read between the
        components so far (their labels), not between units: each call costs
        the units plus the new matches, not every match found before.
        """
        import numpy as np
        from scipy.sparse import coo_matrix
        from scipy.sparse.csgraph import connected_components

        if not len(i):
            return
        self._i.append(i)
        self._j.append(j)
        self.matched[i] = True
        self.matched[j] = True
        graph = coo_matrix(
            (np.ones(len(i), dtype=bool), (self.label[i], self.label[j])),
            shape=(self.n_units, self.n_units),
        )
        _, merged = connected_components(graph.tocsr(), directed=False)
        self.label = merged[self.label]

    def unsettled(self, i: np.ndarray, j: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The pairs whose match could still change the result."""
        settled = self.matched[i] & self.matched[j] & (self.label[i] == self.label[j])
        return i[~settled], j[~settled]

    def pairs(self) -> tuple[np.ndarray, np.ndarray]:
        import numpy as np

        if not self._i:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        return np.concatenate(self._i), np.concatenate(self._j)
