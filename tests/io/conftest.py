"""Fixtures for reading hostile inputs: a spy on what is opened, a guard against hangs."""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from framing.io import safe_read

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs os.mkfifo")
needs_symlinks = pytest.mark.skipif(
    sys.platform == "win32", reason="symbolic links need privileges on Windows"
)


class _SpyOS:
    """The ``os`` module, except that ``open`` records the real path of what it opens."""

    def __init__(self) -> None:
        self.opened: list[str] = []

    def open(self, path: Any, flags: int, *args: Any) -> int:
        self.opened.append(os.path.realpath(path))
        return os.open(path, flags, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(os, name)


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The real paths framing.io.safe_read opens during the test, in order."""
    spy = _SpyOS()
    monkeypatch.setattr(safe_read, "os", spy)
    return spy.opened


def finishes(call: Callable[[], Any], *, fifo: Path | None = None, timeout: float = 10) -> Any:
    """Run ``call`` in a thread and return its result; fail the test if it hangs.

    When it hangs on ``fifo``, a writer is opened on the FIFO to release it,
    so the stuck thread ends instead of outliving the test.
    """
    outcome: dict[str, Any] = {}

    def target() -> None:
        try:
            outcome["value"] = call()
        except BaseException as exc:  # handed back to the test below
            outcome["error"] = exc

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(timeout)
    if thread.is_alive():
        if fifo is not None:
            with contextlib.suppress(OSError):  # no reader left: nothing to release
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail(f"still running after {timeout} s: it hangs")
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]
