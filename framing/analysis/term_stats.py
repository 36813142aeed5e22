"""TF-IDF statistics that add up over documents, so a corpus can be read in pieces.

The TF-IDF features (:mod:`framing.analysis.features`) need, for every
term: how many sentences and documents hold it (for IDF), each outlet's
raw count (log-odds) and the sum of its documents' normalised term vectors
(its profile), and, per frame, the sum of the normalised vectors of the
sentences that invoke the frame and how many of them hold the term
(lexicon candidates). All of these are sums over documents, so the map step
computes them for each chunk of documents (:func:`chunk_term_stats`), and
:class:`TermStatsAccumulator` adds the chunks up; the analysis over all
sentences at once calls the same two functions on one chunk, so both paths
give the same features.

**Normalisation before IDF.** A sentence's (or document's) vector is its
sublinear term frequencies ``1 + ln(tf)``, scaled to unit length; IDF
weights the *sums* of these vectors (:func:`tfidf_arrays`). Weighting each
vector by IDF before scaling it, as scikit-learn's ``TfidfTransformer``
does, would need the corpus's IDF before the first document is counted.
IDF is scikit-learn's smoothed one, ``ln((1 + n) / (1 + df)) + 1``.

**Exact sums.** Each vector's entries are rounded to multiples of
``2⁻³²`` and summed as 64-bit integers, so that the sums, and every figure
made from them, are the same whatever the chunking and whatever order the
chunks are added in (floating-point addition is not associative). The
rounding is far below the six digits the outputs keep.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    from scipy.sparse import csr_matrix, spmatrix

#: Entries of normalised vectors are summed as integer multiples of 1 / SCALE.
SCALE = 2**32

# Row kinds of a statistics matrix (see ChunkTermStats.rows).
SENTENCE_DF = "sentence_df"
DOCUMENT_DF = "document_df"
SENTENCE_SUMS = "sentence_sums"
FRAME_SUMS = "frame_sums"
FRAME_PRESENT = "frame_present"
OUTLET_COUNTS = "outlet_counts"
OUTLET_SUMS = "outlet_sums"

RowKey = tuple[str, str]

#: Entries :class:`TermStatsAccumulator` lets wait before adding them to its
#: sums: this many, or half as many as the sums hold when that is more.
MIN_WAITING = 1_000_000


@dataclass(frozen=True)
class ChunkTermStats:
    """The term statistics of some documents: rows of per-term integers, and scalar counts.

    ``matrix`` (rows × ``vocabulary``, int64) has one row per key of
    ``rows``: ``(SENTENCE_DF, "")``, ``(DOCUMENT_DF, "")``,
    ``(SENTENCE_SUMS, "")``, ``(FRAME_SUMS, frame)``, ``(FRAME_PRESENT,
    frame)``, ``(OUTLET_COUNTS, outlet)`` and ``(OUTLET_SUMS, outlet)``.
    ``counts`` holds the matching scalars: sentences, documents, each
    frame's invoking sentences and each outlet's documents.
    """

    vocabulary: tuple[str, ...]
    rows: tuple[RowKey, ...]
    matrix: csr_matrix
    counts: Mapping[RowKey, int]


def chunk_term_stats(
    counts: spmatrix,
    vocabulary: Sequence[str],
    *,
    row_documents: Sequence[int],
    document_outlets: Sequence[str],
    row_frames: Mapping[str, Sequence[int]],
) -> ChunkTermStats:
    """The statistics of one chunk from its sentence × term count matrix.

    ``row_documents`` gives each row's document (0..n-1 within the chunk),
    ``document_outlets`` each document's outlet id, and ``row_frames`` the
    rows of the sentences that invoke each frame (frames with none may be
    left out).
    """
    import numpy as np
    from scipy.sparse import csr_matrix, vstack

    counts = csr_matrix(counts, dtype=np.int64)
    n_rows, n_terms = counts.shape
    n_docs = len(document_outlets)
    if not n_terms:  # no term at all: only sizes to add up
        sizes = {(SENTENCE_DF, ""): n_rows, (DOCUMENT_DF, ""): n_docs}
        return ChunkTermStats((), (), csr_matrix((0, 0), dtype=np.int64), sizes)
    to_docs = csr_matrix(
        (np.ones(n_rows, dtype=np.int64), (np.asarray(row_documents), np.arange(n_rows))),
        shape=(n_docs, n_rows),
    )
    doc_counts = to_docs @ counts
    present = _presence(counts)
    units = _quantised_units(counts)
    outlets = sorted(set(document_outlets))
    outlet_row = {o: i for i, o in enumerate(outlets)}
    to_outlets = csr_matrix(
        (
            np.ones(n_docs, dtype=np.int64),
            ([outlet_row[o] for o in document_outlets], np.arange(n_docs)),
        ),
        shape=(len(outlets), n_docs),
    )
    keys: list[RowKey] = [(SENTENCE_DF, ""), (DOCUMENT_DF, ""), (SENTENCE_SUMS, "")]
    blocks = [
        _column_sums(present),
        _column_sums(_presence(doc_counts)),
        _column_sums(units),
    ]
    scalars: dict[RowKey, int] = {(SENTENCE_DF, ""): n_rows, (DOCUMENT_DF, ""): n_docs}
    for frame, frame_rows in sorted(row_frames.items()):
        chosen = np.asarray(sorted(set(frame_rows)), dtype=np.int64)
        if not len(chosen):
            continue
        keys += [(FRAME_SUMS, frame), (FRAME_PRESENT, frame)]
        blocks += [_column_sums(units[chosen]), _column_sums(present[chosen])]
        scalars[(FRAME_SUMS, frame)] = len(chosen)
    outlet_counts = to_outlets @ doc_counts
    outlet_sums = to_outlets @ _quantised_units(doc_counts)
    n_docs_of = np.asarray(to_outlets.sum(axis=1)).ravel()
    for o, i in outlet_row.items():
        keys += [(OUTLET_COUNTS, o), (OUTLET_SUMS, o)]
        blocks += [outlet_counts[i], outlet_sums[i]]
        scalars[(OUTLET_SUMS, o)] = int(n_docs_of[i])
    matrix = vstack(blocks, format="csr", dtype=np.int64)
    return ChunkTermStats(tuple(vocabulary), tuple(keys), matrix, scalars)


def _presence(counts: csr_matrix) -> csr_matrix:
    """1 where a count is positive."""
    present = counts.copy()
    present.data = (present.data > 0).astype(present.dtype)
    return present


def _quantised_units(counts: csr_matrix) -> csr_matrix:
    """Each row's sublinear term frequencies scaled to unit length, as multiples of 1/SCALE."""
    import numpy as np
    from sklearn.preprocessing import normalize

    weights = counts.astype(np.float64)
    weights.data = 1.0 + np.log(weights.data)
    units = normalize(weights, norm="l2", copy=False)
    units.data = np.rint(units.data * SCALE)
    return units.astype(np.int64)


def _column_sums(matrix: csr_matrix) -> csr_matrix:
    """The column sums of ``matrix``, as a one-row sparse matrix."""
    import numpy as np
    from scipy.sparse import csr_matrix

    return csr_matrix(np.asarray(matrix.sum(axis=0), dtype=np.int64).reshape(1, -1))


class TermStatsAccumulator:
    """Adds up :class:`ChunkTermStats` over chunks, whatever their vocabularies.

    Terms and rows get global indexes as they are first seen. The sums so far
    are one sparse matrix (32-bit indexes, 64-bit values); a chunk's entries
    wait as compact (row, column, value) arrays and are added in whenever
    they outgrow half of it, so memory stays near the sums' own size: about
    12 bytes per non-zero entry, plus at most half as much waiting. The
    number of entries is bounded by the rows (two per outlet, two per frame,
    three more) times the distinct terms, and grows with them.
    """

    def __init__(self) -> None:
        self._terms: dict[str, int] = {}
        self._rows: dict[RowKey, int] = {}
        self._counts: dict[RowKey, int] = {}
        self._summed: csr_matrix | None = None
        self._waiting: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        self._n_waiting = 0

    def add(self, chunk: ChunkTermStats) -> None:
        """Add one chunk's statistics."""
        import numpy as np

        for key, n in chunk.counts.items():
            self._counts[key] = self._counts.get(key, 0) + n
        columns = np.fromiter(
            (self._terms.setdefault(t, len(self._terms)) for t in chunk.vocabulary),
            dtype=np.int32,
            count=len(chunk.vocabulary),
        )
        rows = np.fromiter(
            (self._rows.setdefault(k, len(self._rows)) for k in chunk.rows),
            dtype=np.int32,
            count=len(chunk.rows),
        )
        coo = chunk.matrix.tocoo()
        if coo.nnz:
            self._waiting.append((rows[coo.row], columns[coo.col], coo.data.astype(np.int64)))
            self._n_waiting += coo.nnz
        summed = 0 if self._summed is None else self._summed.nnz
        if self._n_waiting > max(summed // 2, MIN_WAITING):
            self._add_waiting()

    def _add_waiting(self) -> csr_matrix:
        """Add the waiting entries to the sums; returns the sums."""
        import numpy as np
        from scipy.sparse import coo_matrix, csr_matrix

        shape = (len(self._rows), len(self._terms))
        summed = self._summed
        if summed is None:
            summed = csr_matrix(shape, dtype=np.int64)
        elif summed.shape != shape:
            summed.resize(shape)
        if self._waiting:
            rows, columns, values = (np.concatenate(p) for p in zip(*self._waiting, strict=True))
            self._waiting = []
            self._n_waiting = 0
            waiting = coo_matrix((values, (rows, columns)), shape=shape).tocsr()
            del rows, columns, values
            summed = summed + waiting
            summed.sum_duplicates()
        self._summed = summed
        return summed

    def totals(self) -> TermTotals:
        """The sums so far, over an alphabetical vocabulary."""
        import numpy as np

        vocabulary = sorted(self._terms)
        order = np.fromiter((self._terms[t] for t in vocabulary), dtype=np.int64)
        matrix = self._add_waiting()
        matrix = matrix[:, order] if len(order) else matrix
        return TermTotals(tuple(vocabulary), dict(self._rows), matrix.tocsr(), dict(self._counts))


@dataclass(frozen=True)
class TermTotals:
    """The corpus's term statistics: :class:`ChunkTermStats` summed over all chunks.

    ``rows`` maps each row key to its row of ``matrix``; ``counts`` holds
    the scalars. Read it through :meth:`row` and :meth:`count`.
    """

    vocabulary: tuple[str, ...]
    rows: Mapping[RowKey, int]
    matrix: csr_matrix
    counts: Mapping[RowKey, int]

    def row(self, kind: str, key: str = "") -> np.ndarray:
        """One row as a dense int64 array (zeros for a key never seen)."""
        import numpy as np

        i = self.rows.get((kind, key))
        if i is None:
            return np.zeros(len(self.vocabulary), dtype=np.int64)
        return np.asarray(self.matrix[i].todense(), dtype=np.int64).ravel()

    def count(self, kind: str, key: str = "") -> int:
        """A scalar count: sentences, documents, a frame's sentences or an outlet's documents."""
        return self.counts.get((kind, key), 0)


def term_totals(chunk: ChunkTermStats) -> TermTotals:
    """The totals of a single chunk (the whole corpus counted at once)."""
    accumulator = TermStatsAccumulator()
    accumulator.add(chunk)
    return accumulator.totals()


def smoothed_idf(n: int, df: np.ndarray) -> np.ndarray:
    """scikit-learn's smoothed inverse document frequency, ``ln((1 + n) / (1 + df)) + 1``."""
    import numpy as np

    return np.log((1.0 + n) / (1.0 + df)) + 1.0
