"""How large corpora are processed quickly: several processes, no GC passes, progress.

:func:`map_chunks` runs per-document work in several processes. Work is
split into contiguous chunks and the results are put back in input order, so
the outcome never depends on the number of processes. Small corpora run in
this process: starting workers costs more than it saves.

A long run can report how far it has got through a :data:`Progress`
callback; reporting never changes a result.

Workers never outlive the run. When the calling process is interrupted
(Ctrl-C, or SIGTERM turned into an exception by the command line, see
:mod:`framing.cli.interrupt`) or a chunk fails, the pending chunks are
cancelled and the workers terminated before the exception goes on. When
the calling process dies without unwinding (SIGKILL, a crash), each worker
notices by itself: on Linux the kernel sends it SIGTERM
(``prctl(PR_SET_PDEATHSIG)``); elsewhere a watchdog thread in the worker
checks every second whether its parent is still there. Workers ignore
Ctrl-C, which a terminal sends to the whole process group: the parent
decides, and stops them.

:func:`cyclic_gc_paused` pauses Python's cyclic garbage collector around
stages that create millions of small objects without reference cycles.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from types import TracebackType
from typing import Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: Below this many items, work stays in this process.
MIN_PARALLEL_ITEMS = 400
#: Chunks that work staying in this process is split into when its progress is followed.
PROGRESS_CHUNKS = 20
#: How often a worker without PR_SET_PDEATHSIG checks that its parent is alive, in seconds.
WATCHDOG_SECONDS = 1.0
#: How long stopped workers are given to end before they are killed, in seconds.
STOP_GRACE_SECONDS = 2.0
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>

#: ``progress(stage, done, total)``: ``done`` of the ``total`` items of ``stage`` (a short
#: description, e.g. "Cleaning") are finished. Called in the calling process, with ``done``
#: never decreasing within a stage, from 0 when the stage starts to ``total`` when it ends;
#: ``total`` is 0 while it is not known (articles read as a stream).
Progress = Callable[[str, int, int], None]


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
    progress: Callable[[int], None] | None = None,
) -> list[R]:
    """``func`` applied to contiguous chunks of ``items``; one result per chunk, in order.

    With ``jobs`` <= 1 or few items, ``func`` runs once, here, on all items;
    but when ``progress`` is given and there are many items, it runs here on
    :data:`PROGRESS_CHUNKS` chunks, one after the other, so that there is
    progress to report. ``func`` must be picklable (a module-level function,
    or a partial of one). ``progress``, if given, is called in this process
    with the number of items done so far, after each chunk (in order).
    """
    if len(items) < MIN_PARALLEL_ITEMS or (jobs <= 1 and progress is None):
        results = [func(items)]
        if progress is not None:
            progress(len(items))
        return results
    if jobs <= 1:
        chunks = _chunks(items, PROGRESS_CHUNKS)
        return _report(map(func, chunks), chunks, progress)
    chunks = _chunks(items, jobs * chunks_per_job)
    pool = _start_pool(jobs)
    try:
        results = _report(pool.map(func, chunks), chunks, progress)
    except BaseException:
        _stop(pool)
        raise
    pool.shutdown(wait=True)
    return results


class Engine(Protocol):
    """Where per-chunk work runs: this machine's processes, or a cluster.

    ``map(func, items)`` yields ``func(item)`` for each item, in input order,
    pulling items from ``items`` only as results are taken, so that a stream
    of chunks is never read whole into memory. ``func`` and the items must be
    picklable (``func`` a module-level function or a partial of one). An
    engine is a context manager; leaving it stops its workers. Results never
    depend on the engine: it only decides where the work runs.
    """

    def map(self, func: Callable[[T], R], items: Iterable[T]) -> Iterator[R]: ...

    def __enter__(self) -> Engine: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...


class LocalEngine:
    """An :class:`Engine` of ``jobs`` worker processes on this machine (here, for 1).

    At most ``in_flight`` items per worker are submitted ahead of the result
    being taken, which bounds the memory that pending chunks and their results
    hold. Workers are forked where the platform can (see :func:`map_chunks`),
    ignore Ctrl-C, die with this process, and are stopped at once when the
    ``with`` block is left by an exception.
    """

    def __init__(self, jobs: int, *, in_flight: int = 2) -> None:
        self.jobs = max(1, jobs)
        self.in_flight = max(1, in_flight)
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> LocalEngine:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._pool is None:
            return
        if exc_type is None:
            self._pool.shutdown(wait=True)
        else:
            _stop(self._pool)
        self._pool = None

    def map(self, func: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        if self.jobs <= 1:
            yield from map(func, items)
            return
        if self._pool is None:
            self._pool = _start_pool(self.jobs)
        pending: deque[Future[R]] = deque()
        limit = self.jobs * self.in_flight
        for item in items:
            pending.append(self._pool.submit(func, item))
            if len(pending) >= limit:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def _start_pool(jobs: int) -> ProcessPoolExecutor:
    """A pool of ``jobs`` workers, forked where possible, set up by :func:`_start_worker`."""
    # fork where the platform has it: workers start at once and never re-run
    # the caller's script. They only run pure-Python text work, never BLAS or
    # OpenMP code whose threads would not survive a fork.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    return ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=multiprocessing.get_context(method),
        initializer=_start_worker,
        initargs=(os.getpid(),),
    )


def _start_worker(parent: int) -> None:
    """Set up a worker process: it ignores Ctrl-C and dies with ``parent``.

    Runs first in each worker. A forked worker inherits its parent's signal
    handlers: SIGTERM gets its default action back (the worker ends), and
    SIGINT is ignored (the parent stops the workers).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if not _die_with_parent():
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # the parent died before we could ask to die with it
        os._exit(1)


def _die_with_parent() -> bool:
    """Ask Linux to send this process SIGTERM when its parent dies; whether it could."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)  # the C library the interpreter runs on
        return bool(libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0) == 0)
    except (OSError, AttributeError):
        return False


def _watch_parent(parent: int) -> None:
    """End this worker when its parent is gone (it is then adopted by another process)."""
    while os.getppid() == parent:
        time.sleep(WATCHDOG_SECONDS)
    os._exit(1)


def _stop(pool: ProcessPoolExecutor) -> None:
    """Cancel the pool's pending work and end its workers now, not after their chunks."""
    # ProcessPoolExecutor has no public way to end busy workers before Python
    # 3.14 (terminate_workers); its ``_processes`` maps pid -> Process.
    processes = list((getattr(pool, "_processes", None) or {}).values())
    # shutdown() forgets the manager thread and the result queue: take them first
    manager = getattr(pool, "_executor_manager_thread", None)
    results = getattr(pool, "_result_queue", None)
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    deadline = time.monotonic() + STOP_GRACE_SECONDS
    for process in processes:
        process.join(max(0.0, deadline - time.monotonic()))
        if process.is_alive():
            process.kill()
            process.join(STOP_GRACE_SECONDS)
    # Let the pool's manager thread see its workers gone and close its pipes: at
    # exit, Python 3.11 would otherwise write to a pipe it may be closing
    # ("Exception ignored ... Bad file descriptor" on stderr).
    if manager is not None:
        manager.join(STOP_GRACE_SECONDS)
    if manager is not None and manager.is_alive():
        # A worker ended while sending a result leaves the manager thread reading
        # the rest of it for ever, and Python joins that thread at exit (a run
        # that never ends). With every worker gone, closing this process's end
        # of the result pipe gives it end-of-file, so it stops.
        writer = getattr(results, "_writer", None)
        if writer is not None and not any(p.is_alive() for p in processes):
            writer.close()
            manager.join(STOP_GRACE_SECONDS)


def _chunks(items: Sequence[T], n_chunks: int) -> list[Sequence[T]]:
    """``items`` in at most ``n_chunks`` contiguous chunks of equal size (the last shorter)."""
    size = -(-len(items) // n_chunks)
    return [items[i : i + size] for i in range(0, len(items), size)]


def _report(
    results: Iterable[R], chunks: Sequence[Sequence[T]], progress: Callable[[int], None] | None
) -> list[R]:
    """The chunks' results, in order, reporting the items done after each one."""
    if progress is None:
        return list(results)
    done: list[R] = []
    n_items = 0
    for result, chunk in zip(results, chunks, strict=True):
        done.append(result)
        n_items += len(chunk)
        progress(n_items)
    return done


def stage_progress(
    progress: Progress | None, stage: str, total: int
) -> Callable[[int], None] | None:
    """A ``progress`` for :func:`map_chunks` that reports ``stage`` to ``progress``.

    The stage's start (0 of ``total``) is reported at once; ``None`` without ``progress``.
    """
    if progress is None:
        return None
    progress(stage, 0, total)

    def done(n: int) -> None:
        progress(stage, n, total)

    return done


class StepProgress:
    """Counts the steps of a stage done, reporting the start and each step to ``progress``."""

    def __init__(self, progress: Progress | None, stage: str, *, total: int) -> None:
        self.report = stage_progress(progress, stage, total)
        self.done = 0

    def __call__(self) -> None:
        self.done += 1
        if self.report is not None:
            self.report(self.done)


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
