"""Where ``framing report`` may write: never over an input, another output, or a device.

A report built from a folder someone sent must not destroy that folder:
``--out`` naming an article would replace it with HTML, ``--json`` naming
the folder's ``manifest.csv`` would replace the manifest. So before anything
is written, every output path is checked against:

* the other outputs of the run (the report, the JSON, the answer key, the
  tables): two may not name one file (after resolving symbolic links);
* the inputs (:class:`Inputs`), compared as files (device and inode), not
  as names: every file named on the command line, every entry of every
  input folder (read or skipped, the manifest included), every article read
  (a manifest may name files in subfolders), the lexicon file or the
  entries of the lexicon folder, and the coding sheet;
* the file system: an existing output must be a regular file, not a folder,
  a device such as ``/dev/full``, a FIFO or a socket (checked again when
  written, by :func:`framing.io.files.write_texts_atomic`).

A refused output is an :class:`~framing.errors.OutputError` (exit code 4)
naming the option and the path; nothing is written.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from framing.errors import OutputError


@dataclass(frozen=True)
class Inputs:
    """The files a run read or was given, which no output may replace.

    ``named`` are the paths given as inputs (article files and folders, the
    lexicon file or folder, the coding sheet), ``read`` the sources of the
    articles read (a manifest may name files in subfolders). A folder stands
    for every entry it holds, hidden ones and its manifest included; its
    subfolders are not walked (the articles read from them are in ``read``).
    """

    named: tuple[Path, ...]
    read: tuple[str, ...] = ()

    def identities(self) -> Iterator[tuple[int, int]]:
        """(device, inode) of each input file, lazily: the check stops at the first match.

        Files are compared by identity rather than by name, so a symbolic
        link, a ``..`` or a case-insensitive file system cannot disguise one.
        """
        for path in self.named:
            yield from _identity(path)
            if os.path.isdir(path):
                try:
                    with os.scandir(path) as listing:
                        entries = list(listing)
                except OSError:
                    continue  # a folder that cannot be listed was not read either
                for entry in entries:
                    yield from _identity(entry.path)
        for source in self.read:
            yield from _identity(source)


def check_outputs(outputs: Sequence[tuple[str, Path]], *, inputs: Inputs) -> None:
    """Refuse outputs that are one file, replace an input, or are not regular files.

    ``outputs`` pairs each path with the option that named it (``"--out"``).
    """
    seen: dict[str, str] = {}
    existing: dict[tuple[int, int], tuple[str, Path]] = {}
    for label, path in outputs:
        resolved = os.path.normcase(os.path.realpath(path))
        if resolved in seen:
            raise OutputError(f"{seen[resolved]} and {label} name the same file", path=path)
        seen[resolved] = label
        for identity in _identity(path, label=label):
            existing[identity] = (label, path)
    if not existing:
        return  # only new files: none can be an input
    for identity in inputs.identities():
        if identity in existing:
            label, path = existing[identity]
            raise OutputError(
                f"{label} names an input file, which would be overwritten; "
                "give the output another path",
                path=path,
            )


def _identity(path: str | Path, *, label: str | None = None) -> Iterable[tuple[int, int]]:
    """(device, inode) of an existing regular file, symbolic links followed; else nothing.

    With ``label`` (an output), an existing path that is not a regular file
    (a folder, a device such as ``/dev/full``, a FIFO, a socket) is refused.
    """
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return ()  # missing (an output will be created) or unreachable
    if label is not None and stat.S_ISDIR(info.st_mode):
        raise OutputError(f"{label} names a folder; give a file name", path=path)
    if label is not None and not stat.S_ISREG(info.st_mode):
        raise OutputError(
            f"{label} names something that is not a regular file "
            "(a device, FIFO or socket); it is not replaced",
            path=path,
        )
    return ((info.st_dev, info.st_ino),) if stat.S_ISREG(info.st_mode) else ()
