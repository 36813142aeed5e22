from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from framing.io import safe_read
from framing.io.safe_read import NotReadable, decode_text, read_regular_file
from tests.io.conftest import finishes, needs_fifo, needs_symlinks


def test_reads_a_regular_file_within_the_limit(write, opened):
    path = write("a.txt", "Hello.")
    assert read_regular_file(path, 6, "per document") == b"Hello."
    assert opened == [os.path.realpath(path)]


def test_file_larger_than_the_limit_is_refused_before_it_is_opened(tmp_path, opened):
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:
        handle.truncate(12_300_000)  # sparse: costs no disk space
    with pytest.raises(NotReadable) as caught:
        read_regular_file(path, 5_000_000, "per document")
    assert str(caught.value) == "larger than the 5 MB limit per document (12.3 MB)"
    assert opened == []


def test_size_just_over_the_limit_is_shown_in_bytes(write):
    path = write("a.txt", b"x" * 5_000_001)
    with pytest.raises(NotReadable) as caught:
        read_regular_file(path, 5_000_000, "per document")
    assert str(caught.value) == "larger than the 5 MB limit per document (5,000,001 bytes)"


def test_file_that_grows_while_read_is_cut_at_one_byte_over_the_limit(write, monkeypatch):
    path = write("a.txt", b"x" * 3_000)
    real_stat = safe_read._stat_regular
    reads: list[int] = []

    def stale_stat(p):
        # The size seen before opening: 10 bytes, as if the file grew later.
        info = real_stat(p)
        fields = list(info)
        fields[6] = 10
        return os.stat_result(fields)

    monkeypatch.setattr(safe_read, "_stat_regular", stale_stat)
    real_fdopen = os.fdopen

    class CountingReader:
        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def fileno(self):
            return self.handle.fileno()

        def read(self, n):
            data = self.handle.read(n)
            reads.append(len(data))
            return data

    monkeypatch.setattr(
        safe_read.os, "fdopen", lambda fd, mode: CountingReader(real_fdopen(fd, mode))
    )
    with pytest.raises(NotReadable) as caught:
        read_regular_file(path, 1_000, "per document")
    assert str(caught.value) == "larger than the 1 kB limit per document (it grew while being read)"
    assert sum(reads) == 1_001


@needs_fifo
def test_fifo_is_refused_without_being_opened(tmp_path, opened):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(NotReadable) as caught:
        finishes(lambda: read_regular_file(fifo, 100, "per document"), fifo=fifo)
    assert str(caught.value) == "not a regular file (a FIFO)"
    assert opened == []


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_device_is_refused_without_being_opened(opened):
    with pytest.raises(NotReadable) as caught:
        finishes(lambda: read_regular_file(Path("/dev/zero"), 100, "per document"))
    assert str(caught.value) == "not a regular file (a character device)"
    assert opened == []


@needs_symlinks
@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_link_to_a_device_is_refused_without_being_opened(tmp_path, opened):
    link = tmp_path / "zero.txt"
    os.symlink("/dev/zero", link)
    with pytest.raises(NotReadable) as caught:
        finishes(lambda: read_regular_file(link, 100, "per document"))
    assert str(caught.value) == "not a regular file (a character device)"
    assert opened == []


@needs_symlinks
@pytest.mark.parametrize(
    ("target", "reason"),
    [
        ("loop.txt", "is a symbolic link loop"),
        ("gone.txt", "is a symbolic link to a missing file"),
    ],
)
def test_broken_links_say_what_is_wrong(tmp_path, opened, target, reason):
    link = tmp_path / "loop.txt"
    os.symlink(target, link)
    with pytest.raises(NotReadable) as caught:
        read_regular_file(link, 100, "per document")
    assert str(caught.value) == reason
    assert opened == []


def test_folder_is_refused(tmp_path):
    (tmp_path / "sub.txt").mkdir()
    with pytest.raises(NotReadable, match=r"^is a folder, not a file$"):
        read_regular_file(tmp_path / "sub.txt", 100, "per document")


def test_file_replaced_after_the_check_is_refused(write, monkeypatch):
    first, second = write("a.txt", "A."), write("b.txt", "B.")
    real_stat = safe_read._stat_regular
    monkeypatch.setattr(safe_read, "_stat_regular", lambda p: real_stat(second))
    with pytest.raises(NotReadable, match=r"^was replaced while being opened; not read$"):
        read_regular_file(first, 100, "per document")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_with_a_byte_order_mark_are_decoded(codec):
    bom = {
        "utf-16-le": codecs.BOM_UTF16_LE,
        "utf-16-be": codecs.BOM_UTF16_BE,
        "utf-32-le": codecs.BOM_UTF32_LE,
        "utf-32-be": codecs.BOM_UTF32_BE,
    }[codec]
    data = bom + "Caf\u00e9 \u201cquoted\u201d\r\nnext".encode(codec)
    assert decode_text(data) == ("Caf\u00e9 \u201cquoted\u201d\nnext", None)


def test_invalid_utf16_after_its_mark_is_replaced_with_a_note():
    data = codecs.BOM_UTF16_LE + "Hi".encode("utf-16-le") + b"\x00\xd8"  # lone surrogate
    text, note = decode_text(data)
    assert text == "Hi\ufffd"
    assert note == "not valid UTF-16 (byte 6); undecodable bytes replaced"


def test_windows_1252_fallback_keeps_its_note():
    assert decode_text("caf\u00e9".encode("cp1252")) == (
        "caf\u00e9",
        "not valid UTF-8 (byte 3); decoded as Windows-1252",
    )


@pytest.mark.parametrize(
    ("n", "shown"),
    [
        (1, "1 byte"),
        (900, "900 bytes"),
        (2_500, "2.5 kB"),
        (5_000_000, "5 MB"),
        (12_345_678, "12.3 MB"),
    ],
)
def test_sizes_are_shown_in_decimal_units(n, shown):
    assert safe_read._human_size(n) == shown
