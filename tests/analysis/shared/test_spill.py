"""The compact state of the streamed shared copy: key tables, spilled columns and ids."""

from __future__ import annotations

import pickle
from collections import Counter

import numpy as np
import pytest

from framing.analysis.shared.spill import KeyTable, SortedUnion, SparseCounts, Spill, SpilledIds
from framing.model import Ids


def test_spilled_columns_read_back_what_was_appended(tmp_path):
    rng = np.random.default_rng(1)
    spill = Spill(str(tmp_path))
    kept: dict[str, list[np.ndarray]] = {"a": [], "b": [], "c": []}
    for _ in range(20):
        for name, dtype in (("a", np.int32), ("b", np.int64), ("c", np.uint8)):
            values = rng.integers(-100 if dtype != np.uint8 else 0, 100, rng.integers(0, 50))
            assert spill.append(name, values.astype(dtype)) == sum(map(len, kept[name]))
            kept[name].append(values.astype(dtype))
    assert list(tmp_path.iterdir()) == []  # the files have no name
    for name, parts in kept.items():
        every = np.concatenate(parts)
        assert spill.rows(name) == len(every)
        assert spill.read(name, 0, len(every)).tolist() == every.tolist()
        for start, stop in ((0, 0), (3, 17), (len(every) - 5, len(every))):
            assert spill.read(name, start, stop).tolist() == every[start:stop].tolist()
    with pytest.raises(IndexError):
        spill.read("a", 0, spill.rows("a") + 1)
    with pytest.raises(TypeError):
        spill.append("a", np.zeros(3, dtype=np.int64))
    spill.write_at("d", 5, np.array([7, 8], dtype=np.int64))
    spill.write_at("d", 0, np.array([1, 2, 3], dtype=np.int64))
    assert spill.read("d", 0, spill.rows("d")).tolist() == [1, 2, 3, 0, 0, 7, 8]
    assert spill.rows("never written") == 0
    file, dtype, rows = spill.detach("b")
    assert not spill.closed
    spill.close()
    assert spill.closed and not file.closed  # a detached file is its new owner's
    ids = SpilledIds(file, dtype, 0, rows)
    assert list(ids) == np.concatenate(kept["b"]).tolist()
    file.close()
    assert list(tmp_path.iterdir()) == []


def test_spilled_ids_are_a_sequence_of_ints(tmp_path):
    values = [5, 0, 17, 3, 3, 99, -1]
    spill = Spill(str(tmp_path))
    spill.append("x", np.array([42, 42], dtype=np.int32))  # rows before the ids
    spill.append("x", np.array(values, dtype=np.int32))
    file, dtype, _ = spill.detach("x")
    ids = SpilledIds(file, dtype, 2, len(values))
    assert len(ids) == len(values)
    assert ids == tuple(values) and ids == Ids(values) and Ids(values) == ids
    assert tuple(values) == ids
    assert ids != tuple(values[:-1]) and ids != (*values[:-1], 0)
    assert [ids[k] for k in range(len(values))] == values and ids[-1] == -1
    assert isinstance(ids[1:4], Ids) and ids[1:4] == tuple(values[1:4])
    assert ids[::2] == tuple(values[::2]) and ids[5:2] == ()
    with pytest.raises(IndexError):
        ids[len(values)]
    assert pickle.loads(pickle.dumps(ids)) == Ids(values)
    assert hash(ids) == hash(tuple(values))
    file.close()


def test_the_key_table_numbers_keys_as_a_dict_would(monkeypatch):
    """Ids in first-seen order over many calls, also for keys alike in their first half."""
    rng = np.random.default_rng(7)
    pool = rng.integers(0, 2**63, size=(3000, 2), dtype=np.uint64)
    pool[:40, 0] = pool[0, 0]  # first halves alike: the rare path
    pool[40:60, 0] = pool[40:60, 0] & np.uint64(0xF)  # few distinct first halves
    table = KeyTable()
    reference: dict[tuple[int, int], int] = {}
    for _ in range(60):
        rows = pool[rng.integers(0, len(pool), rng.integers(0, 400))]
        ids, is_new = table.ids(rows)
        expected, expected_new = [], []
        for row in map(tuple, rows.tolist()):
            expected_new.append(row not in reference)
            expected.append(reference.setdefault(row, len(reference)))
        assert ids.tolist() == expected
        assert is_new.tolist() == expected_new
    assert table.n == len(reference)
    assert len(table._runs) <= 2 * np.log2(len(reference)) + 2


def test_the_key_table_equals_sorting_the_hashes_at_the_end():
    """The numbering of the former analysis: texts ranked by their first sentence."""
    rng = np.random.default_rng(3)
    keys = rng.integers(0, 2**63, size=(500, 2), dtype=np.uint64)[rng.integers(0, 500, 5000)]
    table = KeyTable()
    got = np.concatenate([table.ids(keys[a : a + 333])[0] for a in range(0, len(keys), 333)])
    flat = np.ascontiguousarray(keys).view(np.dtype((np.void, 16))).ravel()
    _, first, inverse = np.unique(flat, return_index=True, return_inverse=True)
    rank = np.empty(len(first), dtype=np.int64)
    rank[np.argsort(first, kind="stable")] = np.arange(len(first))
    assert got.tolist() == rank[inverse.ravel()].tolist()


def test_sorted_union_and_sparse_counts_equal_their_plain_versions():
    rng = np.random.default_rng(5)
    union, counts, counter = SortedUnion(), SparseCounts(), Counter()
    every = []
    for _ in range(50):
        values = rng.integers(0, 1000, rng.integers(0, 200))
        union.add(values)
        counts.add(values)
        counter.update(values.tolist())
        every.append(values)
    assert union.values().tolist() == np.unique(np.concatenate(every)).tolist()
    keys, n = counts.items()
    assert dict(zip(keys.tolist(), n.tolist(), strict=True)) == dict(counter)
    assert keys.tolist() == sorted(counter)
    assert SortedUnion().values().tolist() == []
    assert SparseCounts().items()[0].tolist() == []


def test_a_full_or_missing_temporary_folder_is_a_one_line_error(tmp_path, monkeypatch):
    import errno
    import os

    from framing.analysis.shared import spill as spill_module
    from framing.errors import OutputError

    missing = Spill(str(tmp_path / "gone"))
    with pytest.raises(OutputError, match=r"gone.*TMPDIR"):
        missing.append("a", np.arange(3, dtype=np.int32))

    def full(*args):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(spill_module.os, "pwrite", full)
    spill = Spill(str(tmp_path))
    with pytest.raises(OutputError, match=r"No space left on device.*TMPDIR") as caught:
        spill.append("a", np.arange(3, dtype=np.int32))
    assert "\n" not in str(caught.value)
    spill.close()
