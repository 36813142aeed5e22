"""Ctrl-C and SIGTERM: one line, a conventional exit code, no half-done work.

Python turns Ctrl-C (SIGINT) into ``KeyboardInterrupt``; SIGTERM, the
signal a service manager or ``kill`` sends, ends the process at once by
default, with no ``finally`` run: worker processes were left waiting for a
parent that was gone. :func:`interruptible` makes SIGTERM raise
:class:`Terminated`, a ``KeyboardInterrupt``, so both unwind the same way:
the worker pool is stopped (:func:`framing.parallel.map_chunks`), the
outputs are either all written or none (:mod:`framing.io.files`), and the
command prints one line and exits 130 (SIGINT) or 143 (SIGTERM), 128 plus
the signal's number as shells report it.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType

import typer

#: The exit code after Ctrl-C (128 + SIGINT).
EXIT_INTERRUPTED = 130
#: The exit code after SIGTERM (128 + SIGTERM).
EXIT_TERMINATED = 143


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised like Ctrl-C so that every ``finally`` and ``with`` block runs."""


@dataclass
class Run:
    """What an interrupted run has done: ``written`` once its outputs are all written."""

    written: bool = False


@contextmanager
def interruptible() -> Iterator[Run]:
    """Turn Ctrl-C and SIGTERM inside the block into one line on stderr and an exit code.

    Set ``written`` on the yielded :class:`Run` once the outputs are written
    (inside :func:`framing.io.files.signals_deferred`, so that no signal can
    fall between the writing and the flag): the line then says so, instead
    of "nothing was written".
    """
    run = Run()
    previous = None
    in_main = threading.current_thread() is threading.main_thread()
    if in_main and hasattr(signal, "SIGTERM"):
        previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        yield run
    except KeyboardInterrupt as exc:
        what = "the outputs were written" if run.written else "nothing was written"
        typer.echo(f"interrupted; {what}", err=True)
        code = EXIT_TERMINATED if isinstance(exc, Terminated) else EXIT_INTERRUPTED
        raise typer.Exit(code) from None
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _terminate(signum: int, frame: FrameType | None) -> None:
    """SIGTERM's handler: raise :class:`Terminated`; a second SIGTERM ends the process at once."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    raise Terminated
