"""Per-chunk work on a Dask cluster: this machine's Dask workers, or other machines'.

:class:`DaskEngine` is an :class:`~framing.parallel.Engine` (the same
``with engine: engine.map(func, items)`` as
:class:`~framing.parallel.LocalEngine`) whose work runs on Dask's
``distributed`` scheduler: either a cluster of worker processes it starts on
this machine, or an existing cluster (``dask scheduler`` on one machine,
``dask worker`` on others) it connects to by address. Each item (a chunk of
documents) travels to a worker and its result (compact per-document records)
comes back; results are yielded in input order, so they never depend on the
engine. docs/scale.md says how to set up a cluster.

Dask is an optional extra (``pip install 'framing[dask]'``), imported only
when a :class:`DaskEngine` is made. :func:`make_engine` picks the engine from
the command line's ``--jobs``, ``--workers`` and ``--scheduler``.
"""

from __future__ import annotations

import importlib
import logging
import signal
import threading
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import CancelledError
from contextlib import contextmanager
from types import ModuleType, TracebackType
from typing import Any, TypeVar

from framing.errors import InputError
from framing.parallel import Engine, LocalEngine, default_jobs

T = TypeVar("T")
R = TypeVar("R")

#: How long connecting to a scheduler (and waiting for its first worker) may take, in seconds.
CONNECT_TIMEOUT_SECONDS = 5.0
#: How long closing the client and a local cluster may take, in seconds.
CLOSE_TIMEOUT_SECONDS = 10.0
#: What to install to get Dask.
INSTALL_HINT = "pip install 'framing[dask]'"


def make_engine(*, jobs: int | None, scheduler: str | None, workers: int | None) -> Engine:
    """The engine that ``--jobs``, ``--workers`` and ``--scheduler`` ask for.

    ``scheduler`` (a Dask scheduler's address) or ``workers`` (how many local
    Dask workers to start) give a :class:`DaskEngine`; otherwise a
    :class:`~framing.parallel.LocalEngine` of ``jobs`` processes (by default
    one per CPU, see :func:`~framing.parallel.default_jobs`). At most one of
    the three may be given: each says where all the work runs.
    """
    given = [name for name, value in (("jobs", jobs), ("workers", workers)) if value is not None]
    if scheduler is not None:
        given.append("scheduler")
    if len(given) > 1:
        raise InputError(f"give only one of {' and '.join(given)}: each says where the work runs")
    if scheduler is not None or workers is not None:
        return DaskEngine(scheduler=scheduler, workers=workers)
    return LocalEngine(jobs or default_jobs())


class DaskEngine:
    """An :class:`~framing.parallel.Engine` on a Dask cluster.

    With ``scheduler`` (an address such as ``tcp://10.0.0.5:8786``) it
    connects to that cluster's scheduler, waiting at most
    ``connect_timeout`` seconds (default :data:`CONNECT_TIMEOUT_SECONDS`)
    for it and for a first worker; without it, it starts ``workers``
    single-threaded worker processes on this machine (default: one per CPU),
    listening on 127.0.0.1 only. Entering the
    ``with`` block connects (or starts the cluster); leaving it, also by an
    exception or Ctrl-C, closes the client and stops a cluster it started.
    A cluster it connected to keeps running.

    ``map`` keeps at most ``in_flight`` items per worker thread submitted
    ahead of the result being taken, and yields results in input order. A
    task that fails raises its exception here, and the pending tasks are
    cancelled. Each item is a task of its own (``pure=False``): equal items
    are never merged into one task. ``func`` is sent to the workers once per
    ``map``, not with every item.

    Raises :class:`~framing.errors.InputError` when Dask is not installed,
    ``workers`` is below 1 or given with ``scheduler``, or the scheduler
    cannot be reached.

    Its workers read the input files themselves (``reads_partitions``, see
    :mod:`framing.analysis.partitioned`): they must see them at the same
    path as this machine.
    """

    #: The streamed analysis has the workers read partitions of the files.
    reads_partitions = True

    def __init__(
        self,
        scheduler: str | None = None,
        workers: int | None = None,
        in_flight: int = 2,
        *,
        connect_timeout: float | None = None,
    ) -> None:
        self._distributed = _import_distributed()
        if workers is not None and workers < 1:
            raise InputError(f"the number of Dask workers must be at least 1, not {workers}")
        if scheduler is not None and workers is not None:
            raise InputError(
                "give the Dask workers to start or a scheduler to connect to, not both"
            )
        if scheduler is not None and not scheduler.strip():
            raise InputError("the Dask scheduler's address is empty (expected tcp://HOST:8786)")
        self.scheduler = scheduler
        self.workers = workers
        self.in_flight = max(1, in_flight)
        self.connect_timeout = (
            CONNECT_TIMEOUT_SECONDS if connect_timeout is None else connect_timeout
        )
        self._client: Any = None
        self._cluster: Any = None
        self._threads = 1

    @property
    def n_threads(self) -> int:
        """How many tasks the cluster runs at once (its workers' threads), once connected."""
        return self._threads

    def __enter__(self) -> DaskEngine:
        self._start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the client and stop the local cluster, if any (again: nothing to do)."""
        client, cluster = self._client, self._cluster
        self._client = self._cluster = None
        with _quiet_dask():
            try:
                if client is not None:
                    client.close(timeout=CLOSE_TIMEOUT_SECONDS)
            finally:
                if cluster is not None:
                    cluster.close(timeout=CLOSE_TIMEOUT_SECONDS)

    def map(self, func: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        """``func(item)`` for each item, in input order, computed on the cluster's workers."""
        client = self._start()
        limit = self._threads * self.in_flight
        pending: deque[Any] = deque()
        shared_func = None
        try:
            for item in items:
                if shared_func is None:
                    # sent once to every worker; each task then refers to it by its key
                    shared_func = client.scatter(func, broadcast=True, hash=False)
                # boxed: Dask looks into a list or tuple argument for tasks and keys
                pending.append(client.submit(_apply, shared_func, _Box(item), pure=False))
                if len(pending) >= limit:
                    yield self._result(pending.popleft())
            while pending:
                yield self._result(pending.popleft())
        finally:
            # a task failed, or the caller stopped taking results; once the client is
            # closed (the with block left first), its tasks are gone already
            if pending and self._client is client:
                client.cancel(list(pending))
            pending.clear()

    def _result(self, future: Any) -> Any:
        """The future's result; a worker or scheduler lost on the way is a one-line error."""
        try:
            return future.result()
        except self._distributed.KilledWorker as exc:
            raise InputError(
                f"Dask workers died while running a chunk ({' '.join(str(exc).split())}); "
                "see the workers' logs (out of memory?)"
            ) from None
        except CancelledError as exc:  # the cluster, not this engine, cancelled it
            where = self.scheduler or "this machine"
            raise InputError(
                f"the Dask cluster at {where} dropped a chunk ({' '.join(str(exc).split())}); "
                "is the scheduler still running?"
            ) from None

    def _start(self) -> Any:
        """The connected client, connecting (or starting the local cluster) the first time."""
        if self._client is not None:
            return self._client
        distributed = self._distributed
        with _quiet_dask(), warnings.catch_warnings():
            # the scheduler's HTTP server (health checks, no dashboard) takes another port
            # when 8787 is taken, with a warning: nothing for the user to do
            warnings.filterwarnings("ignore", message="Port .* is already in use")
            if self.scheduler is None:
                with _workers_ignore_ctrl_c():
                    self._cluster = distributed.LocalCluster(
                        n_workers=self.workers or default_jobs(),
                        threads_per_worker=1,
                        processes=True,
                        host="127.0.0.1",
                        dashboard_address=None,
                        # a failed task is raised here; the workers need not log it too
                        silence_logs=logging.CRITICAL,
                    )
                try:
                    self._client = distributed.Client(self._cluster)
                except BaseException:
                    self._cluster.close()
                    self._cluster = None
                    raise
            else:
                self._client = self._connect(distributed, self.scheduler)
        self._threads = max(1, _threads(self._client))
        return self._client

    def _connect(self, distributed: ModuleType, address: str) -> Any:
        """A client of the scheduler at ``address`` that has at least one worker."""
        timeout = self.connect_timeout
        try:
            client = distributed.Client(address, timeout=timeout, set_as_default=False)
        except (OSError, ValueError, TypeError) as exc:
            reason = " ".join(str(exc).split()) or type(exc).__name__
            raise InputError(
                f"cannot reach the Dask scheduler at {address} ({reason}); is "
                "`dask scheduler` running there, and is the address tcp://HOST:PORT?"
            ) from None
        try:
            client.wait_for_workers(1, timeout=timeout)
        except (OSError, TimeoutError) as exc:
            client.close(timeout=CLOSE_TIMEOUT_SECONDS)
            raise InputError(
                f"the Dask scheduler at {address} has no worker after {timeout:g} s; "
                f"start some with `dask worker {address}`"
            ) from exc
        return client


class _Box:
    """An item as Dask passes it to a task: opaque, never searched for keys or tasks."""

    __slots__ = ("item",)

    def __init__(self, item: object) -> None:
        self.item = item


def _apply(func: Callable[[T], R], box: _Box) -> R:
    """``func`` of the boxed item: the task each item becomes (module-level, for workers)."""
    return func(box.item)  # type: ignore[arg-type]


def _threads(client: Any) -> int:
    """The total threads of the client's workers: how many tasks run at once."""
    return sum(int(n) for n in client.nthreads().values())


def _import_distributed() -> ModuleType:
    """Dask's ``distributed`` package, or a one-line error saying how to install it."""
    try:
        return importlib.import_module("distributed")
    except ImportError:
        raise InputError(f"running on Dask workers needs the dask extra: {INSTALL_HINT}") from None


@contextmanager
def _workers_ignore_ctrl_c() -> Iterator[None]:
    """Worker processes started within the block ignore Ctrl-C (SIGINT).

    A terminal sends Ctrl-C to every process of the group: each local Dask
    worker would stop with a traceback. As with
    :class:`~framing.parallel.LocalEngine`, this process decides and stops
    them. An ignored signal stays ignored in the processes started meanwhile
    (a signal's handler can only be changed in the main thread: elsewhere,
    nothing is changed).
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


@contextmanager
def _quiet_dask() -> Iterator[None]:
    """Within the block, Dask logs only errors: its start-up and shut-down chatter
    (workers starting, connections closed) would bury the command's own lines."""
    loggers = [logging.getLogger(name) for name in ("distributed", "dask")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(max(logger.getEffectiveLevel(), logging.ERROR))
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)
