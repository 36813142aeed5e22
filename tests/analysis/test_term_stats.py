"""TF-IDF statistics that add up: exact in any chunking, and the chi² scikit-learn computes."""

from __future__ import annotations

import random

import numpy as np
import pytest
from scipy.sparse import csr_matrix

from framing.analysis import term_stats
from framing.analysis.features import _chi2, count_terms
from framing.analysis.term_stats import (
    DOCUMENT_DF,
    FRAME_PRESENT,
    FRAME_SUMS,
    OUTLET_COUNTS,
    SENTENCE_DF,
    SENTENCE_SUMS,
    TermStatsAccumulator,
    chunk_term_stats,
    term_totals,
)

WORDS = [
    "volunteers",
    "fight",
    "legion",
    "border",
    "duty",
    "mercenaries",
    "prisoners",
    "war",
    "law",
    "help",
]


def _corpus(seed: int, n_docs: int = 30):
    """Documents of random sentences: (outlet, [tokens per sentence], [frames per sentence])."""
    rng = random.Random(seed)
    docs = []
    for _ in range(n_docs):
        sentences = [
            tuple(rng.choices(WORDS, k=rng.randint(2, 9))) for _ in range(rng.randint(1, 6))
        ]
        frames = [{"f"} if "duty" in s else set() for s in sentences]
        docs.append((rng.choice("abc"), sentences, frames))
    return docs


def _stats(docs):
    tokens = [s for _, sentences, _ in docs for s in sentences]
    counts = count_terms(tokens)
    rows = [i for i, (_, sentences, _) in enumerate(docs) for _ in sentences]
    row_frames: dict[str, list[int]] = {}
    flat = [f for _, _, frames in docs for f in frames]
    for i, frames in enumerate(flat):
        for f in frames:
            row_frames.setdefault(f, []).append(i)
    return chunk_term_stats(
        counts.matrix,
        counts.vocabulary,
        row_documents=rows,
        document_outlets=[o for o, _, _ in docs],
        row_frames=row_frames,
    )


def _same(a, b):
    assert a.vocabulary == b.vocabulary
    assert a.counts == b.counts
    for key in a.rows:
        assert (a.row(*key) == b.row(*key)).all(), key


def test_any_chunking_in_any_order_gives_the_same_totals():
    docs = _corpus(1)
    whole = term_totals(_stats(docs))
    rng = random.Random(2)
    for _ in range(3):
        cuts = sorted(rng.sample(range(1, len(docs)), 4))
        pieces = [docs[a:b] for a, b in zip([0, *cuts], [*cuts, len(docs)], strict=True)]
        rng.shuffle(pieces)
        accumulator = TermStatsAccumulator()
        for piece in pieces:
            accumulator.add(_stats(piece))
        _same(accumulator.totals(), whole)


@pytest.mark.parametrize("min_waiting", [1, 50])
def test_sums_added_up_as_chunks_arrive_are_the_sums_of_the_whole(monkeypatch, min_waiting):
    """Entries are added to the sums between chunks (here after 1 or 50 of them), the
    vocabulary and the rows growing meanwhile: the same totals as counted at once."""
    monkeypatch.setattr(term_stats, "MIN_WAITING", min_waiting)
    docs = _corpus(4, n_docs=60)
    accumulator = TermStatsAccumulator()
    for i in range(0, len(docs), 7):
        accumulator.add(_stats(docs[i : i + 7]))
    _same(accumulator.totals(), term_totals(_stats(docs)))


def test_totals_count_sentences_documents_and_outlets():
    docs = [("a", [("duty", "calls"), ("war",)], [{"f"}, set()]), ("b", [("war", "war")], [set()])]
    totals = term_totals(_stats(docs))
    vocab = list(totals.vocabulary)
    war = vocab.index("war")
    assert totals.count(SENTENCE_DF) == 3 and totals.count(DOCUMENT_DF) == 2
    assert totals.row(SENTENCE_DF)[war] == 2  # two sentences hold it
    assert totals.row(DOCUMENT_DF)[war] == 2
    assert totals.row(OUTLET_COUNTS, "b")[war] == 2
    assert totals.row(FRAME_PRESENT, "f")[vocab.index("duty")] == 1
    assert totals.count(FRAME_SUMS, "f") == 1
    assert totals.row(FRAME_PRESENT, "nope").sum() == 0


def test_chi2_from_sums_is_scikit_learns_chi2():
    from sklearn.feature_selection import chi2

    rng = np.random.default_rng(3)
    X = csr_matrix(rng.random((40, 6)) * (rng.random((40, 6)) > 0.5))
    y = rng.random(40) > 0.6
    expected, _ = chi2(X, y)
    in_class = np.asarray(X[y].sum(axis=0)).ravel()
    total = np.asarray(X.sum(axis=0)).ravel()
    assert _chi2(in_class, total, y.mean()) == pytest.approx(np.nan_to_num(expected))


def test_sentence_sums_are_unit_vectors_summed():
    docs = [("a", [("duty", "duty", "war"), ("law",)], [set(), set()])]
    totals = term_totals(_stats(docs))
    # each sentence's vector (unigrams and bigrams) has unit length (up to 2^-32 rounding);
    # the sentences share no term, so the sums' squares add up to 2
    sums = totals.row(SENTENCE_SUMS) / 2**32
    vocab = list(totals.vocabulary)
    assert (sums**2).sum() == pytest.approx(2.0, abs=1e-8)
    assert sums[vocab.index("law")] == pytest.approx(1.0)
    assert sums[vocab.index("duty")] > sums[vocab.index("war")]  # 1 + ln 2 against 1
