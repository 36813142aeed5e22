"""What every command shares: one-line errors with exit codes, and terminal-safe printing."""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager

import typer

from framing.errors import FramingError


def printable(text: str) -> str:
    """Text safe for a terminal: control characters (e.g. escape codes) shown as '?'."""
    return "".join("?" if unicodedata.category(c) == "Cc" else c for c in text)


def warn(message: str) -> None:
    """Print ``warning: message`` on stderr, terminal-safe."""
    typer.echo(f"warning: {printable(message)}", err=True)


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn library errors into one line on stderr and an exit code, no traceback."""
    try:
        yield
    except FramingError as exc:
        typer.echo(f"error: {printable(str(exc))}", err=True)
        raise typer.Exit(exc.exit_code) from None
    except (typer.Exit, typer.Abort):
        raise
    except Exception as exc:
        if os.environ.get("FRAMING_DEBUG"):
            raise
        typer.echo(
            f"internal error: {type(exc).__name__}: {printable(str(exc))} "
            "(run with FRAMING_DEBUG=1 for a traceback, and please report it)",
            err=True,
        )
        raise typer.Exit(70) from None


def plural(n: int, word: str) -> str:
    """``1 frame``, ``2 frames``."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
