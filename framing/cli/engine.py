"""``--jobs``, ``--workers`` and ``--scheduler``: where ``framing report`` runs its work.

The options are checked together, before any input is read, and Dask is
imported then too, so that a bad combination or a missing extra is one line
at once rather than after loading a large corpus.
"""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext

from framing.errors import InputError
from framing.parallel import Engine


def analysis_engine(
    *,
    jobs: int | None,
    workers: int | None,
    scheduler: str | None,
    blind: bool,
) -> AbstractContextManager[Engine | None]:
    """The engine the options ask for, to enter around the analysis; ``None`` for ``--jobs``.

    ``--jobs`` (or no option) leaves the work to the analysis's own
    processes; ``--workers`` or ``--scheduler`` give a
    :class:`~framing.dask_engine.DaskEngine`, which runs the streamed
    analysis, quick or in depth (not ``--blind``, which reads the whole
    corpus first; with ``--quick`` the workers read the files themselves).
    Raises
    :class:`~framing.errors.InputError` on options that contradict each
    other, and when Dask is not installed.
    """
    given = [
        option
        for option, value in (("--jobs", jobs), ("--workers", workers), ("--scheduler", scheduler))
        if value is not None
    ]
    if len(given) > 1:
        raise InputError(
            f"{' and '.join(given)} cannot be used together: each says where the work runs "
            "(--jobs: processes here, --workers: Dask workers here, --scheduler: a Dask cluster)"
        )
    if workers is None and scheduler is None:
        return nullcontext(None)
    if blind:
        raise InputError(
            f"{given[0]} cannot be used with --blind for now: blind mode reads the whole "
            "corpus here first; use --jobs"
        )
    from framing.dask_engine import make_engine

    return make_engine(jobs=None, workers=workers, scheduler=scheduler)
