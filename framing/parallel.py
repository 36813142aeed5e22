"""How large corpora are processed quickly: several processes, no GC passes.

:func:`map_chunks` runs per-document work in several processes. Work is
split into contiguous chunks and the results are put back in input order, so
the outcome never depends on the number of processes. Small corpora run in
this process: starting workers costs more than it saves.

:func:`cyclic_gc_paused` pauses Python's cyclic garbage collector around
stages that create millions of small objects without reference cycles.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: Below this many items, work stays in this process.
MIN_PARALLEL_ITEMS = 400


def default_jobs() -> int:
    """The number of processes to use: the CPUs this process may run on, at most 8."""
    try:
        available = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        available = os.cpu_count() or 1
    return max(1, min(available, 8))


def map_chunks(
    func: Callable[[Sequence[T]], R],
    items: Sequence[T],
    *,
    jobs: int,
    chunks_per_job: int = 4,
) -> list[R]:
    """``func`` applied to contiguous chunks of ``items``; one result per chunk, in order.

    With ``jobs`` <= 1 or few items, ``func`` runs once, here, on all items.
    ``func`` must be picklable (a module-level function, or a partial of one).
    """
    if jobs <= 1 or len(items) < MIN_PARALLEL_ITEMS:
        return [func(items)]
    n_chunks = jobs * chunks_per_job
    size = -(-len(items) // n_chunks)
    chunks = [items[i : i + size] for i in range(0, len(items), size)]
    # fork where the platform has it: workers start at once and never re-run
    # the caller's script. They only run pure-Python text work, never BLAS or
    # OpenMP code whose threads would not survive a fork.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    with ProcessPoolExecutor(
        max_workers=jobs, mp_context=multiprocessing.get_context(method)
    ) as pool:
        return list(pool.map(func, chunks))


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector, restoring its previous state after.

    The pipeline creates hundreds of thousands of small objects (lines,
    sentences, token tuples, hits) without reference cycles; the collector's
    repeated passes over them cost a sixth to a fifth of the run time on a
    large corpus and free nothing. Reference counting frees memory as usual
    while the collector is paused.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
