"""Write report files atomically: a half-written report never exists.

Text goes to a temporary file in the destination folder, which is then
renamed over the destination (an atomic step on POSIX and Windows), so a
crash or a full disk leaves either the old file or the new one.

Several outputs of one run (the report, its JSON, the tables) are written as
a set by :func:`write_texts_atomic`: every file is first written in full to
its temporary file, and only when all of them are written are they renamed,
one after the other. A failure while writing leaves every old file in
place and no temporary file behind.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

from framing.errors import OutputError


def write_text_atomic(path: str | Path, text: str) -> Path:
    """Write ``text`` (UTF-8) to ``path`` atomically; create missing folders."""
    return write_texts_atomic({Path(path): text})[0]


def write_texts_atomic(outputs: Mapping[Path, str]) -> list[Path]:
    """Write several files as a set: all are written in full before any replaces its old file."""
    staged: list[tuple[str, Path]] = []
    try:
        for path, text in outputs.items():
            staged.append((_stage(Path(path), text), Path(path)))
        for tmp_name, path in staged:
            try:
                os.replace(tmp_name, path)
            except OSError as exc:
                raise OutputError(f"cannot be written ({exc.strerror or exc})", path=path) from exc
    finally:
        for tmp_name, _ in staged:
            Path(tmp_name).unlink(missing_ok=True)
    return [path for _, path in staged]


def _stage(path: Path, text: str) -> str:
    """Write ``text`` to a temporary file beside ``path``; return its name."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(
            f"cannot create folder ({exc.strerror or exc})", path=path.parent
        ) from exc
    if path.is_dir():
        raise OutputError("is a folder; give a file name", path=path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
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


def _umask() -> int:
    """The process's umask (mkstemp creates files readable by the owner only)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask
