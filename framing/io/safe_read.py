"""Read one input file safely: regular files only, bounded in size, decoded.

Inputs come from strangers' folders, so reading one must neither hang nor
exhaust memory. :func:`read_regular_file` checks a path with ``os.stat``
before opening it and never opens a FIFO, socket or device (reading one can
block forever or never end); once the file is open it checks again with
``os.fstat`` (the same file, still regular), so one swapped in meanwhile is
refused too; and it reads at most one byte more than its limit, so a file
that grows while being read cannot exhaust memory. :func:`open_regular_file`
makes the same checks for a file read as a stream (a table of many
articles), whose reader bounds what it holds at once. Every refusal is a
:class:`NotReadable` whose message is the one-line reason shown to the user.

:func:`decode_text` turns the bytes into text: a UTF-8, UTF-16 or UTF-32
byte-order mark selects that encoding; otherwise UTF-8, falling back to
Windows-1252 (the usual culprit in saved web pages), then Latin-1, with a
note saying so.
"""

from __future__ import annotations

import codecs
import errno
import io
import os
import stat
from pathlib import Path

#: Byte-order marks of the encodings decoded from their mark alone; UTF-32
#: first, because its little-endian mark starts with UTF-16's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
#: Open without blocking (a FIFO swapped in after the check must not hang
#: the run), without taking a terminal as the controlling one, and without
#: leaking the descriptor to child processes; flags a platform lacks are 0.
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_BINARY", 0)
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
)


class NotReadable(Exception):
    """A file that is not read; the message is the reason, for the user."""


def read_regular_file(path: Path, limit: int, per: str) -> bytes:
    """Return the bytes of the regular file ``path``, at most ``limit`` of them.

    Raises :class:`NotReadable` when ``path`` is not a regular file (also
    behind a symbolic link), is larger than ``limit`` bytes, or cannot be
    read; ``per`` completes the size message, as in "larger than the 5 MB
    limit per document (12.3 MB)". Nothing but a regular file is opened.
    """
    before = _stat_regular(path)
    if before.st_size > limit:
        raise NotReadable(too_large(limit, per, before.st_size))
    with _open_checked(path, before) as handle:
        try:
            # One byte beyond the size seen tells whether the file grew; if
            # it did, read on to one byte beyond the limit, never further.
            wanted = min(before.st_size, limit) + 1
            data = handle.read(wanted)
            if len(data) == wanted and wanted <= limit:
                data += handle.read(limit + 1 - wanted)
        except OSError as exc:
            raise NotReadable(f"cannot be read ({exc.strerror or exc})") from exc
    if len(data) > limit:
        raise NotReadable(f"{too_large(limit, per, None)} (it grew while being read)")
    return data


def open_regular_file(path: Path) -> io.BufferedReader:
    """Open the regular file ``path`` for reading in binary, with the checks of
    :func:`read_regular_file` but no limit on its size.

    For files read as a stream (a CSV or JSON Lines file of many articles),
    where the reader bounds what it holds at once; the caller closes the
    file. Raises :class:`NotReadable` as :func:`read_regular_file` does.
    """
    return _open_checked(path, _stat_regular(path))


def _open_checked(path: Path, before: os.stat_result) -> io.BufferedReader:
    """Open ``path``, seen as ``before``; refuse it if it is no longer that regular file."""
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        raise NotReadable(f"cannot be read ({exc.strerror or exc})") from exc
    handle = os.fdopen(fd, "rb")
    now = os.fstat(handle.fileno())
    same = (now.st_dev, now.st_ino) == (before.st_dev, before.st_ino)
    if not (same and stat.S_ISREG(now.st_mode)):
        handle.close()
        raise NotReadable("was replaced while being opened; not read")
    return handle


def decode_text(data: bytes) -> tuple[str, str | None]:
    """Decode by byte-order mark, else UTF-8; fall back to Windows-1252, then Latin-1.

    A UTF-8, UTF-16 or UTF-32 byte-order mark selects that encoding (and is
    dropped); bytes invalid in UTF-16 or UTF-32 after its mark are replaced
    with U+FFFD, and a note says so. Line endings are normalised to ``\\n``.
    """
    note = None
    bom = bom_encoding(data)
    if bom is not None:
        codec, label = bom
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as exc:
            text = data.decode(codec, errors="replace")
            note = f"not valid {label} (byte {exc.start}); undecodable bytes replaced"
        return text.replace("\r\n", "\n").replace("\r", "\n"), note
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        try:
            text = data.decode("cp1252")
            note = f"not valid UTF-8 (byte {exc.start}); decoded as Windows-1252"
        except UnicodeDecodeError:
            text = data.decode("latin-1")
            note = f"not valid UTF-8 (byte {exc.start}); decoded as Latin-1"
    return text.replace("\r\n", "\n").replace("\r", "\n"), note


def bom_encoding(data: bytes) -> tuple[str, str] | None:
    """The (codec, name) of the UTF-16 or UTF-32 byte-order mark opening ``data``.

    Such text is full of zero bytes, so binary sniffing must skip it.
    """
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            return codec, label
    return None


def is_inside(root: str, path: str) -> bool:
    """Whether the absolute, normalised ``path`` is ``root`` or below it."""
    root, path = os.path.normcase(root), os.path.normcase(path)
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def is_folder(path: Path) -> bool:
    """Whether ``path`` is a folder or a link to one (False for broken links and loops)."""
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except OSError:
        return False


def _stat_regular(path: Path) -> os.stat_result:
    """``os.stat`` of a regular file; :class:`NotReadable` saying what else it is."""
    try:
        info = os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise NotReadable("is a symbolic link loop") from exc
        if exc.errno in (errno.ENOENT, errno.ENOTDIR) and os.path.islink(path):
            raise NotReadable("is a symbolic link to a missing file") from exc
        raise NotReadable(f"cannot be read ({exc.strerror or exc})") from exc
    if stat.S_ISDIR(info.st_mode):
        raise NotReadable("is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise NotReadable(f"not a regular file ({_file_kind(info.st_mode)})")
    return info


def _file_kind(mode: int) -> str:
    """What a file that is neither regular nor a folder is, for a message."""
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "an unknown kind of file"


def too_large(limit: int, per: str, size: int | None) -> str:
    """``larger than the 5 MB limit per document (12.3 MB)``; ``size`` may be unknown."""
    message = f"larger than the {_human_size(limit)} limit {per}"
    if size is None:
        return message
    shown = _human_size(size)
    if shown == _human_size(limit):
        shown = f"{size:,} bytes"
    return f"{message} ({shown})"


def _human_size(n: int) -> str:
    """Bytes in decimal units, to one decimal place: 5 MB, 12.3 MB, 900 bytes."""
    for unit, scale in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if n >= scale:
            return f"{n / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{n} byte" + ("" if n == 1 else "s")
