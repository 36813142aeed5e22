"""Shared fixtures: tiny, hand-written inputs for the stage tests."""

from __future__ import annotations

import faulthandler
import sys
import threading
from pathlib import Path

import pytest

from framing.model import Sentence
from framing.text.segment import is_word, tokenize

REPO = Path(__file__).resolve().parent.parent

# After the last test, the interpreter must exit within this many seconds; if it
# does not (a thread it waits for is stuck), every thread's stack goes to stderr
# and the run exits with status 1, instead of hanging until CI's time limit.
EXIT_GRACE_SECONDS = 120


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Name the threads still running after the tests, which the exit must wait for."""
    main = threading.main_thread()
    left = [t.name for t in threading.enumerate() if t is not main and not t.daemon]
    if left:
        print(f"\nthreads still running after the tests: {', '.join(left)}", file=sys.__stderr__)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    """Start the exit's deadline (:data:`EXIT_GRACE_SECONDS`) once pytest is done."""
    faulthandler.dump_traceback_later(EXIT_GRACE_SECONDS, exit=True, file=sys.__stderr__)


def make_sentence(text: str, *, id: int = 0, outlet: str = "o", document: str = "d") -> Sentence:
    """A body sentence with real tokens, for matcher and evidence tests."""
    tokens = tuple(tokenize(text))
    return Sentence(
        id=id,
        document=document,
        outlet=outlet,
        position=id,
        part="body",
        is_lede=False,
        text=text,
        tokens=tokens,
        n_words=sum(1 for t in tokens if is_word(t)),
    )


@pytest.fixture
def write(tmp_path: Path):
    """Write a file under tmp_path: write("a/b.txt", "text") -> Path."""

    def _write(relative: str, content: str | bytes) -> Path:
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write


@pytest.fixture
def two_frames(write) -> Path:
    """A two-frame lexicon set: 'legal' and 'heroic'."""
    write(
        "lex/legal.toml",
        'id = "legal"\nlabel = "Legal risk"\ndescription = "Law."\ncolour = "#0072B2"\n'
        'terms = ["geneva convention*", "pow status", "prosecut*",\n'
        '         { term = "law", weight = 0.5 }]\n',
    )
    write(
        "lex/heroic.toml",
        'id = "heroic"\nlabel = "Heroic"\ndescription = "Heroes."\n'
        'terms = ["hero*", "freedom", "people of goodwill"]\n',
    )
    return write("lex/.keep", "").parent


@pytest.fixture(scope="session")
def seeds_corpus():
    from framing.io.corpus import load_corpus

    return load_corpus([REPO / "seeds"])


@pytest.fixture(scope="session")
def default_lexicon_set():
    from framing.lexicons.load import load_lexicons
    from framing.resources import default_lexicons

    return load_lexicons(default_lexicons())


@pytest.fixture
def ctrl_c():
    """SIGINT raises KeyboardInterrupt during the test, as in a terminal.

    A test run started in the background of a non-interactive shell (``nohup
    .ci/run &``) inherits SIGINT ignored, and Python then installs no
    KeyboardInterrupt handler, so a Ctrl-C test would wait for ever.
    """
    import signal

    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)
