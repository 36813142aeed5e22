"""Writing outputs as a set: all or none, no temporary file left, nothing but files replaced."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from framing.errors import OutputError
from framing.io import files
from framing.io.files import signals_deferred, write_texts_atomic
from tests.conftest import REPO
from tests.io.conftest import needs_fifo, needs_symlinks

needs_signals = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_a_set_replaces_every_old_file(tmp_path):
    old = {tmp_path / "r.html": "old html", tmp_path / "r.json": "old json"}
    for path, text in old.items():
        path.write_text(text)
    write_texts_atomic({path: f"new {path.suffix}" for path in old})
    assert [p.read_text() for p in old] == ["new .html", "new .json"]
    assert _leftovers(tmp_path) == []


@needs_fifo
def test_an_existing_fifo_is_refused_not_replaced(tmp_path):
    fifo = tmp_path / "out.html"
    os.mkfifo(fifo)
    with pytest.raises(OutputError, match="not a regular file"):
        write_texts_atomic({tmp_path / "r.json": "{}", fifo: "<html>"})
    assert fifo.is_fifo()
    assert not (tmp_path / "r.json").exists()  # the set is all or none
    assert _leftovers(tmp_path) == []


@needs_fifo
@needs_symlinks
def test_a_link_to_a_fifo_is_refused(tmp_path):
    os.mkfifo(tmp_path / "fifo")
    (tmp_path / "out.html").symlink_to(tmp_path / "fifo")
    with pytest.raises(OutputError, match="not a regular file"):
        write_texts_atomic({tmp_path / "out.html": "<html>"})
    assert (tmp_path / "out.html").is_symlink()


def test_a_folder_is_refused(tmp_path):
    (tmp_path / "out.html").mkdir()
    with pytest.raises(OutputError, match="is a folder"):
        write_texts_atomic({tmp_path / "out.html": "<html>"})


def test_a_folder_that_refuses_new_files_is_an_output_error(tmp_path, monkeypatch):
    """A read-only folder: mkstemp fails (simulated, as root may write anywhere)."""

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(files.tempfile, "mkstemp", refuse)
    with pytest.raises(OutputError, match=r"out\.html: cannot be written \(Permission denied\)"):
        write_texts_atomic({tmp_path / "out.html": "<html>"})


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0, reason="root writes into read-only folders"
)
def test_a_read_only_folder_is_an_output_error(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(OutputError, match="cannot be written"):
            write_texts_atomic({folder / "out.html": "<html>"})
    finally:
        folder.chmod(0o755)


def test_a_failure_while_staging_leaves_old_files_and_no_temporary(tmp_path, monkeypatch):
    first, second = tmp_path / "a.html", tmp_path / "b.json"
    first.write_text("old a")
    second.write_text("old b")
    real_stage = files._stage

    def stage(path: Path, text: str) -> str:
        if path == second:
            raise OutputError("cannot be written (No space left on device)", path=path)
        return real_stage(path, text)

    monkeypatch.setattr(files, "_stage", stage)
    with pytest.raises(OutputError, match="No space left"):
        write_texts_atomic({first: "new a", second: "new b"})
    assert (first.read_text(), second.read_text()) == ("old a", "old b")
    assert _leftovers(tmp_path) == []


@needs_signals
def test_ctrl_c_while_writing_waits_until_the_set_is_written(tmp_path, monkeypatch, ctrl_c):
    first, second = tmp_path / "a.html", tmp_path / "b.json"
    real_stage = files._stage

    def stage(path: Path, text: str) -> str:
        if path == first:
            signal.raise_signal(signal.SIGINT)  # Ctrl-C in the middle of the set
        return real_stage(path, text)

    monkeypatch.setattr(files, "_stage", stage)
    with pytest.raises(KeyboardInterrupt):
        write_texts_atomic({first: "new a", second: "new b"})
    assert (first.read_text(), second.read_text()) == ("new a", "new b")
    assert _leftovers(tmp_path) == []
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


@needs_signals
def test_sigterm_while_writing_ends_the_process_after_the_set(tmp_path):
    """SIGTERM with its default action (no handler): the process still ends, after writing."""
    script = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "from framing.io import files\n"
        "real = files._stage\n"
        "def stage(path, text):\n"
        "    os.kill(os.getpid(), signal.SIGTERM)\n"
        "    return real(path, text)\n"
        "files._stage = stage\n"
        "folder = Path(sys.argv[1])\n"
        "files.write_texts_atomic({folder / 'a.html': 'new a', folder / 'b.json': 'new b'})\n"
        "print('survived')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)],
        env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == -signal.SIGTERM, result.stderr
    assert "survived" not in result.stdout
    assert (tmp_path / "a.html").read_text() == "new a"
    assert (tmp_path / "b.json").read_text() == "new b"
    assert _leftovers(tmp_path) == []


@needs_signals
def test_signals_deferred_leaves_ignored_signals_ignored():
    previous = signal.signal(signal.SIGTERM, signal.SIG_IGN)
    try:
        with signals_deferred():
            assert signal.getsignal(signal.SIGTERM) is signal.SIG_IGN
            os.kill(os.getpid(), signal.SIGTERM)
        assert signal.getsignal(signal.SIGTERM) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGTERM, previous)


@pytest.mark.skipif(os.name != "posix", reason="looks processes up by id")
def test_a_killed_run_s_temporary_file_is_removed_by_the_next_run(tmp_path):
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True, check=True)  # fmt: skip
    dead_pid = int(ended.stdout)
    stale = tmp_path / f".r.html.{dead_pid}.abc123.tmp"
    stale.write_text("half a report")
    alive = tmp_path / f".r.html.{os.getppid()}.def456.tmp"  # another run, still going
    alive.write_text("being written")
    other = tmp_path / f".notes.txt.{dead_pid}.x.tmp"  # not this output's
    other.write_text("not ours")
    write_texts_atomic({tmp_path / "r.html": "<html>"})
    assert not stale.exists()
    assert alive.exists() and other.exists()
    assert (tmp_path / "r.html").read_text() == "<html>"


def test_temporary_files_are_named_after_the_output_and_the_process(tmp_path, monkeypatch):
    names: list[str] = []
    real = tempfile.mkstemp

    def spy(*args, **kwargs):
        fd, name = real(*args, **kwargs)
        names.append(Path(name).name)
        return fd, name

    monkeypatch.setattr(files.tempfile, "mkstemp", spy)
    write_texts_atomic({tmp_path / "r.html": "<html>"})
    (name,) = names
    assert name.startswith(f".r.html.{os.getpid()}.") and name.endswith(".tmp")
