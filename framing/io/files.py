"""Write report files atomically: a half-written report never exists.

Text goes to a temporary file in the destination folder, which is then
renamed over the destination (an atomic step on POSIX and Windows), so a
crash or a full disk leaves either the old file or the new one.

Several outputs of one run (the report, its JSON, the tables) are written as
a set by :func:`write_texts_atomic`: every file is first written in full to
its temporary file, and only when all of them are written are they renamed,
one after the other. A failure while writing leaves every old file in
place and no temporary file behind.

What is guaranteed, and what cannot be
--------------------------------------
* **Errors** (a full disk, a read-only folder, a path that is a folder):
  no old file is replaced and no temporary file is left; the error is an
  :class:`~framing.errors.OutputError` naming the path.
* **Ctrl-C, SIGTERM and SIGHUP** while the set is written are held back
  until it is written (:func:`signals_deferred`): they then take effect as
  usual, with every file of the set replaced and no temporary file left.
  This holds when the set is written from the main thread (the only thread
  in which Python can install signal handlers); from another thread, a
  signal that ends the process mid-way can leave what SIGKILL leaves.
* **SIGKILL, a power cut or a crash of the interpreter** cannot be caught.
  Renaming several files is not one atomic step on any common file system,
  so such an end during the renames can leave some files of the set new and
  others old; every file is still whole (old or new, never half-written).
  An end during the writing can leave a temporary file
  ``.<name>.<pid>.<random>.tmp`` beside the destination: the next run that
  writes the same destination removes those of processes no longer running
  (POSIX only, where a process can be looked up by its id).
* **Nothing but regular files is replaced**: an existing destination that is
  a folder, a device (``/dev/full``), a FIFO or a socket is refused, also
  behind a symbolic link, instead of being replaced by a regular file.
"""

from __future__ import annotations

import os
import signal
import stat
import tempfile
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from types import FrameType
from typing import IO, Any

from framing.errors import OutputError

#: The signals held back while a set of files is written: the ones that end
#: a process and can be caught (SIGHUP: the terminal was closed).
DEFERRED_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)
_TMP_SUFFIX = ".tmp"


def write_text_atomic(path: str | Path, text: str) -> Path:
    """Write ``text`` (UTF-8) to ``path`` atomically; create missing folders."""
    return write_texts_atomic({Path(path): text})[0]


class StagedFile:
    """A file written piece by piece into a temporary file beside its destination.

    For outputs too large to hold as one text (the tables of a large
    corpus): :meth:`write` appends, and :func:`write_texts_atomic` (given
    it in ``staged``) renames it over its destination with the rest of the
    set. :meth:`discard` removes the temporary file (a run that stops
    before its outputs are written calls it); it is safe to call twice.
    A ``binary`` file is written through :attr:`handle` by a writer of its
    own format (:class:`framing.io.parquet_out.StagedParquet`).
    """

    def __init__(self, path: Path, *, binary: bool = False) -> None:
        self.path = Path(path)
        _refuse_non_regular(self.path)
        fd, self.tmp_name = _open_stage(self.path)
        self.handle: IO[Any] = (
            os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        )

    def write(self, text: str) -> None:
        """Append ``text``; an :class:`~framing.errors.OutputError` names the path on failure."""
        try:
            self.handle.write(text)
        except OSError as exc:
            self.discard()
            raise OutputError(f"cannot be written ({exc.strerror or exc})", path=self.path) from exc

    def close(self) -> None:
        """Finish writing (the file stays temporary until its set is written)."""
        if self.handle.closed:
            return
        try:
            self.handle.close()
            os.chmod(self.tmp_name, 0o666 & ~_umask())
        except OSError as exc:
            self.discard()
            raise OutputError(f"cannot be written ({exc.strerror or exc})", path=self.path) from exc

    def discard(self) -> None:
        """Remove the temporary file."""
        with suppress(OSError):
            self.handle.close()
        Path(self.tmp_name).unlink(missing_ok=True)


def write_texts_atomic(
    outputs: Mapping[Path, str | bytes], *, staged: Sequence[StagedFile] = ()
) -> list[Path]:
    """Write several files as a set: all are written in full before any replaces its old file.

    A text (``str``) is written as UTF-8; ``bytes`` (a Parquet table) as they are.
    ``staged`` are files already written piece by piece (:class:`StagedFile`),
    renamed with the others. Raises :class:`~framing.errors.OutputError` when
    a file cannot be written, or when a destination exists and is not a
    regular file; no file of the set is then replaced, and no temporary file
    (the staged ones included) is left. Signals that end the process wait
    until the set is written (see the module's docstring for what is and is
    not guaranteed).
    """
    try:
        for path in outputs:
            _refuse_non_regular(Path(path))
        for file in staged:
            file.close()
    except BaseException:
        for file in staged:
            file.discard()
        raise
    renamed: list[tuple[str, Path]] = [(f.tmp_name, f.path) for f in staged]
    staged_texts: list[tuple[str, Path]] = []
    with signals_deferred():
        try:
            for path, text in outputs.items():
                staged_texts.append((_stage(Path(path), text), Path(path)))
            staged_all = staged_texts + renamed
            for tmp_name, path in staged_all:
                try:
                    os.replace(tmp_name, path)
                except OSError as exc:
                    raise OutputError(
                        f"cannot be written ({exc.strerror or exc})", path=path
                    ) from exc
        finally:
            for tmp_name, _ in staged_texts + renamed:
                Path(tmp_name).unlink(missing_ok=True)
    return [path for _, path in staged_texts + renamed]


@contextmanager
def signals_deferred() -> Iterator[None]:
    """Hold back SIGINT, SIGTERM and SIGHUP inside the block; deliver them after it.

    Inside the block, these signals are only recorded; when it ends, the
    previous handlers are restored and each recorded signal is raised again,
    so it takes effect as it would have (a ``KeyboardInterrupt``, the
    process's end, or its own handler) once the block's work is done.
    Nested blocks deliver at the end of the outermost. Outside the main
    thread, where Python cannot change signal handlers, the block runs
    unprotected.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []

    def record(signum: int, frame: FrameType | None) -> None:
        received.append(signum)

    previous: dict[int, Callable[[int, FrameType | None], Any] | int] = {}
    for signum in DEFERRED_SIGNALS:
        handler = signal.getsignal(signum)
        # Leave alone a signal that is ignored (nohup) or whose handler was
        # not installed from Python (it could not be put back).
        if handler is None or handler is signal.SIG_IGN:
            continue
        previous[signum] = handler
        signal.signal(signum, record)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        for signum in dict.fromkeys(received):
            signal.raise_signal(signum)


def _refuse_non_regular(path: Path) -> None:
    """Refuse a destination that exists and is a folder, device, FIFO or socket."""
    try:
        mode = os.stat(path).st_mode  # follows links: a link to /dev/full is refused too
    except FileNotFoundError:
        return
    except OSError as exc:
        raise OutputError(f"cannot be written ({exc.strerror or exc})", path=path) from exc
    if stat.S_ISDIR(mode):
        raise OutputError("is a folder; give a file name", path=path)
    if not stat.S_ISREG(mode):
        raise OutputError(
            "exists and is not a regular file (a device, FIFO or socket); not replaced",
            path=path,
        )


def _stage(path: Path, text: str | bytes) -> str:
    """Write ``text`` (or bytes) to a temporary file beside ``path``; return its name."""
    fd, tmp_name = _open_stage(path)
    try:
        if isinstance(text, bytes):
            with os.fdopen(fd, "wb") as binary:
                binary.write(text)
        else:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
        os.chmod(tmp_name, 0o666 & ~_umask())
    except OSError as exc:
        Path(tmp_name).unlink(missing_ok=True)
        raise OutputError(f"cannot be written ({exc.strerror or exc})", path=path) from exc
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return tmp_name


def _open_stage(path: Path) -> tuple[int, str]:
    """A new temporary file beside ``path`` (its folder made if missing): its fd and name."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(
            f"cannot create folder ({exc.strerror or exc})", path=path.parent
        ) from exc
    if path.is_dir():
        raise OutputError("is a folder; give a file name", path=path)
    prefix = f".{path.name}.{os.getpid()}."
    _remove_stale_temporaries(path)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=prefix, suffix=_TMP_SUFFIX, dir=path.parent)
    except OSError as exc:
        raise OutputError(f"cannot be written ({exc.strerror or exc})", path=path) from exc
    return fd, tmp_name


def _remove_stale_temporaries(path: Path) -> None:
    """Remove temporary files for ``path`` left by processes that are no longer running.

    Only names of the form ``.<name>.<pid>.<random>.tmp`` are considered, and
    only on POSIX, where ``os.kill(pid, 0)`` asks whether a process exists
    without touching it. Best effort: any error leaves the file alone.
    """
    if os.name != "posix":
        return
    start = f".{path.name}."
    try:
        with os.scandir(path.parent) as listing:
            names = [
                e.name for e in listing if e.name.startswith(start) and e.name.endswith(_TMP_SUFFIX)
            ]
    except OSError:
        return
    for name in names:
        pid_text = name[len(start) :].split(".", 1)[0]
        if not pid_text.isdigit() or int(pid_text) == os.getpid() or _running(int(pid_text)):
            continue
        with suppress(OSError):
            os.unlink(path.parent / name)


def _running(pid: int) -> bool:
    """Whether a process with this id exists (POSIX)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # exists, under another user (or an id we cannot ask about)
    return True


def _umask() -> int:
    """The process's umask (mkstemp creates files readable by the owner only)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask
