"""Compact state of the streamed shared copy: dense ids of 128-bit keys, columns on disk.

The streamed in-depth analysis (:mod:`framing.analysis.depth_shared`) keeps
nothing per sentence in memory:

* :class:`KeyTable` numbers 128-bit keys (the hashes of sentence texts and
  of units) in first-seen order, as the chunks come in. It holds sorted
  runs of numpy arrays (24 bytes a distinct key), merged as they grow, so a
  lookup is a binary search in a few runs and no Python object is made per
  key;
* :class:`Spill` appends columns of fixed-size values (a sentence's text id,
  outlet, speaker, group) to unnamed temporary files, which the system
  removes when they are closed, when the process ends, and even when it is
  killed; they are read back a block at a time;
* :class:`SpilledIds` is a read-only sequence of integers stored in such a
  file (a shared-copy group's sentence ids, each sentence's group), read
  when asked for.
"""

from __future__ import annotations

import os
import tempfile
from array import array
from collections.abc import Iterator, Sequence
from typing import IO, TYPE_CHECKING, overload

from framing.errors import OutputError
from framing.model import Ids

if TYPE_CHECKING:
    import numpy as np

#: Values read from a spilled column at a time when a whole one is compared or iterated.
_READ_ROWS = 1 << 20


def _read(file: IO[bytes], offset: int, size: int) -> bytes:
    """``size`` bytes of ``file`` from byte ``offset`` (os.pread, looped until all are read)."""
    parts: list[bytes] = []
    while size > 0:
        part = os.pread(file.fileno(), size, offset)
        if not part:
            raise EOFError(f"a temporary file ended {size} bytes early")
        parts.append(part)
        offset += len(part)
        size -= len(part)
    return b"".join(parts)


def _write(file: IO[bytes], offset: int, data: memoryview, directory: str | None) -> None:
    while len(data):
        try:
            written = os.pwrite(file.fileno(), data, offset)
        except OSError as exc:
            raise no_room(exc, directory) from None
        data, offset = data[written:], offset + written


def no_room(exc: OSError, directory: str | None) -> OutputError:
    """The one-line error for a temporary file that cannot be made or written (a full disk)."""
    where = directory or tempfile.gettempdir()
    reason = exc.strerror or type(exc).__name__
    return OutputError(
        f"cannot write the in-depth analysis's working files in {where} ({reason}); "
        "free some space there, or set TMPDIR to a folder with room"
    )


class Spill:
    """Append-only columns of one numpy dtype each, in unnamed temporary files.

    ``append(name, values)`` adds rows to a column (made on first use, with
    the values' dtype); ``read(name, start, stop)`` reads rows back;
    :meth:`close` closes (and so removes) every file, and :meth:`detach`
    hands one over to whoever keeps reading it. ``directory`` is where the
    files are made (by default the system's temporary directory; they have
    no name there).
    """

    def __init__(self, directory: str | None = None) -> None:
        self.directory = directory
        self._files: dict[str, IO[bytes]] = {}
        self._dtypes: dict[str, np.dtype] = {}
        self._rows: dict[str, int] = {}

    def _file(self, name: str, dtype: np.dtype) -> IO[bytes]:
        file = self._files.get(name)
        if file is None:
            # Closed by close(), or with the spill or the last SpilledIds reading it.
            try:
                file = tempfile.TemporaryFile(dir=self.directory, buffering=0)  # noqa: SIM115
            except OSError as exc:
                raise no_room(exc, self.directory) from None
            self._files[name] = file
            self._dtypes[name], self._rows[name] = dtype, 0
        elif self._dtypes[name] != dtype:
            raise TypeError(f"column {name} holds {self._dtypes[name]}, not {dtype}")
        return file

    def append(self, name: str, values: np.ndarray) -> int:
        """Add ``values`` at the end of column ``name``; returns the row of the first."""
        import numpy as np

        values = np.ascontiguousarray(values)
        file = self._file(name, values.dtype)
        start = self._rows[name]
        _write(file, start * values.dtype.itemsize, values.data.cast("B"), self.directory)
        self._rows[name] = start + len(values)
        return start

    def write_at(self, name: str, row: int, values: np.ndarray) -> None:
        """Write ``values`` into column ``name`` from row ``row`` on (rows between stay 0)."""
        import numpy as np

        values = np.ascontiguousarray(values)
        file = self._file(name, values.dtype)
        _write(file, row * values.dtype.itemsize, values.data.cast("B"), self.directory)
        self._rows[name] = max(self._rows[name], row + len(values))

    def rows(self, name: str) -> int:
        """How many rows column ``name`` holds (0 when it was never written)."""
        return self._rows.get(name, 0)

    def read(self, name: str, start: int, stop: int) -> np.ndarray:
        """Rows ``start`` to ``stop`` (exclusive) of column ``name``."""
        import numpy as np

        dtype = self._dtypes[name]
        if not 0 <= start <= stop <= self._rows[name]:
            raise IndexError(f"rows {start}:{stop} of a column of {self._rows[name]}")
        data = _read(self._files[name], start * dtype.itemsize, (stop - start) * dtype.itemsize)
        return np.frombuffer(data, dtype=dtype)

    def detach(self, name: str) -> tuple[IO[bytes], np.dtype, int]:
        """Column ``name``'s file, dtype and rows; the caller now closes the file."""
        return self._files.pop(name), self._dtypes.pop(name), self._rows.pop(name)

    @property
    def closed(self) -> bool:
        """Whether every file this spill still holds is closed."""
        return all(f.closed for f in self._files.values())

    def close(self) -> None:
        """Close every file still held: the system frees them."""
        for file in self._files.values():
            file.close()


class SpilledIds(Sequence[int]):
    """Integers stored in a file (``rows`` values of ``dtype`` from row ``start``), read as asked.

    Compares equal to a sequence of the same integers (an :class:`Ids`, a
    tuple); a slice is an :class:`Ids`; pickled, it is an :class:`Ids`. The
    file stays open while a sequence reads it, and closes with the last one.
    """

    __slots__ = ("_dtype", "_file", "_length", "_start")

    def __init__(self, file: IO[bytes], dtype: np.dtype, start: int, length: int) -> None:
        self._file, self._dtype, self._start, self._length = file, dtype, start, length

    def _values(self, start: int, stop: int) -> np.ndarray:
        import numpy as np

        size = self._dtype.itemsize
        data = _read(self._file, (self._start + start) * size, (stop - start) * size)
        return np.frombuffer(data, dtype=self._dtype)

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> int: ...
    @overload
    def __getitem__(self, index: slice) -> Ids: ...
    def __getitem__(self, index: int | slice) -> int | Ids:
        import numpy as np

        if isinstance(index, slice):
            start, stop, step = index.indices(self._length)
            if step != 1:
                return Ids(list(self)[index])
            values = self._values(start, max(start, stop)).astype(np.int64)
            return Ids.from_bytes(values.tobytes())
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError("index out of range")
        return int(self._values(index, index + 1)[0])

    def blocks(self) -> Iterator[np.ndarray]:
        """The values, as arrays of at most a million."""
        for start in range(0, self._length, _READ_ROWS):
            yield self._values(start, min(start + _READ_ROWS, self._length))

    def __iter__(self) -> Iterator[int]:
        for block in self.blocks():
            yield from block.tolist()

    def __eq__(self, other: object) -> bool:
        import numpy as np

        if not isinstance(other, Sequence) or isinstance(other, str | bytes):
            return NotImplemented
        if len(other) != self._length:
            return False
        start = 0
        for block in self.blocks():
            stop = start + len(block)
            theirs = other[start:stop]
            if not np.array_equal(block, np.fromiter(theirs, dtype=np.int64, count=len(block))):
                return False
            start = stop
        return True

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"SpilledIds({list(self)!r})"

    def __reduce__(self) -> tuple[type[Ids], tuple[array[int]]]:
        return (Ids, (array("q", self),))


class KeyTable:
    """128-bit keys (rows of two ``uint64``) -> dense ids, numbered in first-seen order.

    The keys seen are held in sorted runs (by their first half; the second
    is compared after), each run at most half the size of the one before,
    so a lookup searches about log2(keys) runs at worst and each key is
    merged about as many times over the whole stream.
    """

    def __init__(self) -> None:
        self._runs: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []  # (high, low, id)
        self.n = 0

    def ids(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Each key's id, and which rows hold a key never seen before (its first row only)."""
        import numpy as np

        keys = np.ascontiguousarray(keys, dtype=np.uint64).reshape(-1, 2)
        flat = keys.view(np.dtype((np.void, 16))).ravel()
        _, first, inverse = np.unique(flat, return_index=True, return_inverse=True)
        high, low = keys[first, 0], keys[first, 1]
        found = np.full(len(first), -1, dtype=np.int64)
        for run_high, run_low, run_ids in self._runs:
            _lookup(run_high, run_low, run_ids, high, low, found)
        new = np.flatnonzero(found < 0)
        new = new[np.argsort(first[new], kind="stable")]
        found[new] = self.n + np.arange(len(new))
        self.n += len(new)
        if len(new):
            self._push(high[new], low[new], found[new])
        is_new = np.zeros(len(keys), dtype=bool)
        is_new[first[new]] = True
        return found[inverse.ravel()], is_new

    def _push(self, high: np.ndarray, low: np.ndarray, ids: np.ndarray) -> None:
        import numpy as np

        order = np.argsort(high, kind="stable")
        self._runs.append((high[order], low[order], ids[order]))
        while len(self._runs) > 1 and len(self._runs[-2][0]) <= 2 * len(self._runs[-1][0]):
            last = self._runs.pop()
            merged = [np.concatenate(pair) for pair in zip(self._runs.pop(), last, strict=True)]
            order = np.argsort(merged[0], kind="stable")
            self._runs.append((merged[0][order], merged[1][order], merged[2][order]))


def _lookup(
    run_high: np.ndarray,
    run_low: np.ndarray,
    run_ids: np.ndarray,
    high: np.ndarray,
    low: np.ndarray,
    found: np.ndarray,
) -> None:
    """Fill ``found`` with the ids of the keys ``(high, low)`` held in one run."""
    import numpy as np

    left = np.searchsorted(run_high, high, "left")
    right = np.searchsorted(run_high, high, "right")
    one = np.flatnonzero(right - left == 1)
    match = one[run_low[left[one]] == low[one]]
    found[match] = run_ids[left[match]]
    for k in np.flatnonzero(right - left > 1).tolist():  # first halves alike: about never
        for at in range(int(left[k]), int(right[k])):
            if run_low[at] == low[k]:
                found[k] = run_ids[at]


class SortedUnion:
    """The distinct integers of many arrays, merged as runs so that each is sorted few times."""

    def __init__(self) -> None:
        self._runs: list[np.ndarray] = []

    def add(self, values: np.ndarray) -> None:
        import numpy as np

        self._runs.append(np.unique(values))
        while len(self._runs) > 1 and len(self._runs[-2]) <= 2 * len(self._runs[-1]):
            last = self._runs.pop()
            self._runs.append(np.union1d(self._runs.pop(), last))

    def values(self) -> np.ndarray:
        """Every distinct integer added, sorted."""
        import numpy as np

        while len(self._runs) > 1:
            last = self._runs.pop()
            self._runs.append(np.union1d(self._runs.pop(), last))
        return self._runs[0] if self._runs else np.zeros(0, dtype=np.int64)


class SparseCounts:
    """Counts of integer codes, added an array at a time and merged as runs."""

    def __init__(self) -> None:
        self._runs: list[tuple[np.ndarray, np.ndarray]] = []

    def add(self, codes: np.ndarray, counts: np.ndarray | None = None) -> None:
        import numpy as np

        if counts is None:
            keys, counts = np.unique(codes, return_counts=True)
        else:
            keys = codes
        self._runs.append((keys.astype(np.int64), counts.astype(np.int64)))
        while len(self._runs) > 1 and len(self._runs[-2][0]) <= 2 * len(self._runs[-1][0]):
            self._merge()

    def _merge(self) -> None:
        import numpy as np

        (k1, c1), (k2, c2) = self._runs.pop(-2), self._runs.pop()
        keys, inverse = np.unique(np.concatenate([k1, k2]), return_inverse=True)
        counts = np.bincount(inverse.ravel(), weights=np.concatenate([c1, c2]), minlength=len(keys))
        self._runs.append((keys, counts.astype(np.int64)))

    def items(self) -> tuple[np.ndarray, np.ndarray]:
        """The distinct codes, sorted, and their counts."""
        import numpy as np

        while len(self._runs) > 1:
            self._merge()
        if not self._runs:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        return self._runs[0]
