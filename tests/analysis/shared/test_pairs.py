"""Similar unit pairs: the threshold, and blocking equal to comparing every pair (shared.pairs)."""

from __future__ import annotations

import pytest

from framing.analysis.shared import pairs as pairs_module
from framing.analysis.shared import units as units_module
from framing.analysis.shared.groups import align_shared
from framing.analysis.shared.views import is_shared
from tests.analysis.shared.conftest import BACKGROUND, CONTRACT, corpus, synthetic


def test_a_one_word_edit_is_still_shared():
    edited = CONTRACT.replace("without pay", "without wages")
    sentences = corpus(*BACKGROUND, ("a", CONTRACT), ("b", edited))
    shared = align_shared(sentences)
    assert is_shared(shared, 4) and is_shared(shared, 5)
    assert shared.group_of(4) == shared.group_of(5)
    assert not shared.groups[0].quoted
    assert shared.pairs == {("x", "y"): 0, ("x", "a"): 0, ("x", "b"): 0,
                            ("y", "a"): 0, ("y", "b"): 0, ("a", "b"): 1}  # fmt: skip


def test_a_different_sentence_on_the_same_topic_is_not_shared():
    other = (
        "Every volunteer who joins the legion in Ukraine has to agree to a contract "
        "and will not be paid for the service."
    )
    shared = align_shared(corpus(*BACKGROUND, ("a", CONTRACT), ("b", other)))
    assert shared.groups == ()


def test_the_threshold_is_applied():
    # Half of the sentence is rewritten: shared at a low threshold, not at the default.
    half = (
        "The volunteers must sign a contract to serve without pay, and they are told "
        "to make their own way to the Polish border."
    )
    sentences = corpus(*BACKGROUND, ("a", CONTRACT), ("b", half))
    assert align_shared(sentences).groups == ()
    loose = align_shared(sentences, threshold=0.3)
    assert loose.group_of(4) == loose.group_of(5) >= 0
    assert loose.threshold == 0.3 and "0.3" in loose.method


def _brute_force(sentences, threshold: float, min_words: int):
    """Unit-level result of comparing every pair of units: (matched units, groups)."""
    import numpy as np
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    texts = list({s.tokens: s for s in sentences}.values())
    units = units_module._build_units(texts, min_words)
    matrix = pairs_module._tfidf(units)
    outlets = [set() for _ in range(len(units))]
    text_outlets: dict[tuple[str, ...], set[str]] = {}
    for s in sentences:
        text_outlets.setdefault(s.tokens, set()).add(s.outlet)
    for unit, text in zip(units.member_unit, units.member_text, strict=True):
        outlets[unit] |= text_outlets[texts[text].tokens]
    cosine = (matrix @ matrix.T).toarray()
    n = len(units)
    i, j = np.nonzero(np.triu(cosine >= threshold - 1e-9, k=1))
    keep = [
        not (len(outlets[a]) == 1 and outlets[a] == outlets[b]) for a, b in zip(i, j, strict=True)
    ]
    i, j = i[keep], j[keep]
    matched = np.zeros(n, dtype=bool)
    matched[i] = matched[j] = True
    graph = coo_matrix((np.ones(len(i), dtype=bool), (i, j)), shape=(n, n)).tocsr()
    return matrix, units, outlets, matched, connected_components(graph, directed=False)[1]


@pytest.mark.parametrize(("seed", "max_pairs"), [(1, 4_000_000), (2, 300)])
def test_blocking_finds_the_same_matches_as_comparing_every_pair(
    seeds, monkeypatch, seed, max_pairs
):
    import numpy as np

    # Small blocks and batches, so that every step runs many times.
    monkeypatch.setattr(pairs_module, "_CANDIDATE_ROWS", 37)
    monkeypatch.setattr(pairs_module, "_CANDIDATE_PAIRS", max_pairs)
    monkeypatch.setattr(pairs_module, "_VERIFY_BATCH", 11)
    sentences, _ = synthetic(seeds, n=1500, n_outlets=7, seed=seed, p_edit=0.3, p_own=0.3)
    threshold, min_words = 0.6, 6
    matrix, _, outlets, matched, label = _brute_force(sentences, threshold, min_words)
    unit_outlets = np.array([next(iter(o)) if len(o) == 1 else "" for o in outlets], dtype=object)
    codes = {o: k for k, o in enumerate(sorted({o for o in unit_outlets if o}))}
    unit_outlets = np.array([codes.get(o, -1) for o in unit_outlets], dtype=np.int64)
    pair_i, pair_j, stats = pairs_module._similar_pairs(matrix, threshold, unit_outlets)
    assert stats["rejected"] > 0 and stats["verified"] > 0
    found = np.zeros(len(matched), dtype=bool)
    found[pair_i] = found[pair_j] = True
    assert (found == matched).all()
    assert matched.sum() > 50
    # Every found pair is a true match, and the groups they form are the same.
    cosine = np.asarray(matrix[pair_i].multiply(matrix[pair_j]).sum(axis=1)).ravel()
    assert (cosine >= threshold - 1e-9).all()
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    n = len(matched)
    graph = coo_matrix((np.ones(len(pair_i), dtype=bool), (pair_i, pair_j)), shape=(n, n))
    found_label = connected_components(graph.tocsr(), directed=False)[1]
    assert len(set(zip(label[matched], found_label[matched], strict=True))) == len(
        set(label[matched])
    ) == len(set(found_label[matched]))  # fmt: skip


def test_blocks_cover_every_unit_once_and_bound_their_candidates(monkeypatch):
    """Units sharing their rare features (one boilerplate line's variants) make
    blocks of fewer units, so that no product holds more than the bound."""
    import numpy as np
    from scipy.sparse import csr_matrix

    monkeypatch.setattr(pairs_module, "_CANDIDATE_ROWS", 50)
    monkeypatch.setattr(pairs_module, "_CANDIDATE_PAIRS", 400)
    rng = np.random.default_rng(5)
    crowded = [[0, 1]] * 60  # 60 variants sharing two features: 120 candidates each
    sparse = [sorted(rng.choice(np.arange(2, 500), 3, replace=False)) for _ in range(140)]
    rows = crowded[:30] + sparse + crowded[30:]
    prefix = csr_matrix(
        (np.ones(sum(map(len, rows))), np.concatenate(rows), np.cumsum([0, *map(len, rows)])),
        shape=(len(rows), 500),
    )
    blocks = pairs_module._blocks(prefix)
    assert [b[0] for b in blocks] == [0, *(b[1] for b in blocks[:-1])]
    assert blocks[-1][1] == len(rows)
    dense = prefix.toarray()
    for start, stop in blocks:
        assert stop - start <= 50
        candidates = (dense[start:stop] @ dense.T > 0).sum()
        assert stop - start == 1 or candidates <= 400
    assert any(stop - start == 50 for start, stop in blocks)  # sparse units still go 50 at a time
