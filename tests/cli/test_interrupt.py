"""Ctrl-C, SIGTERM and a killed parent during a run that uses worker processes.

Each test starts ``framing report`` in a subprocess on a generated corpus
large enough for :func:`framing.parallel.map_chunks` to start workers (two,
whatever the machine's CPUs), waits until the workers exist, signals the
main process, and checks: the exit code, the one line on stderr, that every
worker is gone within seconds, and that no output (nor a temporary file) was
written.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from framing.parallel import MIN_PARALLEL_ITEMS
from tests.conftest import REPO

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/stat").exists(), reason="finds worker processes through Linux's /proc"
)

#: Runs the command line with two worker processes, however many CPUs there are.
RUN_WITH_TWO_WORKERS = (
    "import sys; import framing.analysis.pipeline as p; p.default_jobs = lambda: 2; "
    "from framing.cli import main; sys.argv[0] = 'framing'; main()"
)
#: How soon a signalled run must end (the whole run takes 15 s or more).
STOP_SECONDS = 8
WORDS = ["volunteers", "fighters", "border", "training", "weapons", "convoy", "officials",
         "city", "river", "bridge", "council", "families", "winter", "supplies", "hospital",
         "reporters", "soldiers", "villages", "road", "market"]  # fmt: skip


@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory) -> Path:
    """Enough articles, long enough, that segmenting them in workers takes seconds."""
    folder = tmp_path_factory.mktemp("big")
    n_articles = MIN_PARALLEL_ITEMS * 3
    for i in range(n_articles):
        sentences = [
            f"The {WORDS[(i + k) % len(WORDS)]} near {WORDS[(i * 7 + k) % len(WORDS)]} "
            f"number {i}-{k} said {WORDS[(k * 3) % len(WORDS)]} were not ready."
            for k in range(150)
        ]
        paragraphs = [" ".join(sentences[j : j + 3]) for j in range(0, len(sentences), 3)]
        text = f"Report {i} on the border\n\n" + "\n\n".join(paragraphs) + "\n"
        (folder / f"a{i:04d}.txt").write_text(text, encoding="utf-8")
    return folder


def _children(pid: int) -> set[int]:
    """The ids of the living processes whose parent is ``pid``."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and _alive(int(entry.name)) and _parent(int(entry.name)) == pid:
            found.add(int(entry.name))
    return found


def _stat(pid: int) -> list[str] | None:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text[text.rindex(")") + 2 :].split()  # after "pid (command) "


def _parent(pid: int) -> int | None:
    fields = _stat(pid)
    return int(fields[1]) if fields else None


def _alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie, dead but not yet reaped, does not)."""
    fields = _stat(pid)
    return fields is not None and fields[0] not in ("Z", "X")


def _wait_for(condition, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    pytest.fail(f"timed out waiting for {what}")


def _ctrl_c_default() -> None:
    """In the child: SIGINT as a terminal gives it, whatever this run inherited.

    Tests started in the background of a non-interactive shell inherit SIGINT
    ignored, and a child would too, so that Ctrl-C would never reach it.
    """
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _start(corpus: Path, out: Path) -> tuple[subprocess.Popen[str], set[int]]:
    """Start a run; return it once its workers are busy, with their ids."""
    command = [sys.executable, "-c", RUN_WITH_TWO_WORKERS, "report", str(corpus)]
    command += ["--out", str(out), "--quick", "--no-progress"]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    process = subprocess.Popen(
        command,
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_ctrl_c_default,
    )
    try:
        workers = _wait_for(lambda: _children(process.pid), 120, "the worker processes")
    except BaseException:
        process.kill()
        process.communicate()
        raise
    time.sleep(0.3)  # let them start on their chunks
    return process, workers


def _assert_workers_end(workers: set[int]) -> None:
    _wait_for(lambda: not any(_alive(pid) for pid in workers), 5, "the workers to end")


@pytest.mark.parametrize(
    ("signum", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)], ids=["SIGINT", "SIGTERM"]
)
def test_a_signal_stops_the_workers_prints_one_line_and_writes_nothing(
    big_corpus, tmp_path, signum, code
):
    out = tmp_path / "out" / "r.html"
    process, workers = _start(big_corpus, out)
    process.send_signal(signum)
    try:
        # The whole run takes 15 s or more; stopping must not wait for the chunks.
        _, stderr = process.communicate(timeout=STOP_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        pytest.fail(f"the run did not end within {STOP_SECONDS} s of the signal")
    assert process.returncode == code, stderr
    assert stderr.strip() == "interrupted; nothing was written"
    _assert_workers_end(workers)
    assert not out.parent.exists() or list(out.parent.iterdir()) == []


def test_workers_die_with_a_killed_parent(big_corpus, tmp_path):
    out = tmp_path / "out" / "r.html"
    process, workers = _start(big_corpus, out)
    process.kill()  # SIGKILL: no handler, no unwinding
    # Orphaned workers would keep the pipes open, and communicate() waiting.
    process.communicate(timeout=STOP_SECONDS)
    _assert_workers_end(workers)
    assert not out.parent.exists() or list(out.parent.iterdir()) == []
