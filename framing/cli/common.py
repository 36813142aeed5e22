"""What every command shares: one-line errors with exit codes, terminal-safe printing, help.

The exit codes (:data:`EXIT_CODES`, listed in ``framing --help`` and the
README): 0 success; 1 ``framing lexicon validate`` found an error; 2 bad
input (a missing file, a bad manifest, a bad option); 3 a bad lexicon; 4 an
output that cannot be written; 70 an internal error (a bug: please report
it); 130 interrupted (Ctrl-C).
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import typer
from typer.core import TyperCommand

from framing.errors import FramingError

#: Exit status -> what it means; the root command's help lists them.
EXIT_CODES: dict[int, str] = {
    0: "success",
    1: "framing lexicon validate found an error",
    2: "bad input: a missing file, a bad manifest or a bad option",
    3: "a bad lexicon file",
    4: "an output cannot be written",
    70: "internal error (a bug: please report it)",
    130: "interrupted (Ctrl-C)",
}


def printable(text: str) -> str:
    """Text safe for a terminal: control characters (e.g. escape codes) shown as '?'."""
    return "".join("?" if unicodedata.category(c) == "Cc" else c for c in text)


#: Whether warnings are silenced (``--quiet``); set for one command by :func:`quiet_warnings`.
_QUIET: ContextVar[bool] = ContextVar("framing_quiet", default=False)


def note(message: str) -> None:
    """Print ``note: message`` on stderr (what a command chose for the user), unless quiet."""
    if not _QUIET.get():
        typer.echo(f"note: {printable(message)}", err=True)


def warn(message: str) -> None:
    """Print ``warning: message`` on stderr, terminal-safe, unless ``--quiet`` was given."""
    if not _QUIET.get():
        typer.echo(f"warning: {printable(message)}", err=True)


@contextmanager
def quiet_warnings(quiet: bool) -> Iterator[None]:
    """Within the block, :func:`warn` prints nothing when ``quiet``; errors still print."""
    token = _QUIET.set(quiet)
    try:
        yield
    finally:
        _QUIET.reset(token)


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


def plural(n: int, word: str, many: str | None = None) -> str:
    """``1 frame``, ``2 frames``; ``many`` for an irregular plural (``matches``)."""
    return f"{n} {word}" if n == 1 else f"{n} {many or word + 's'}"


# --------------------------------------------------------------------------
# Help: plain metavars
# --------------------------------------------------------------------------


class Command(TyperCommand):
    """A command whose help names values as people read them, not as Python types.

    Recent typer shows ``INPUT <list[Path]>``, ``--out <path>`` and ``--top
    <int range>``; this shows ``INPUT...``, ``--out PATH`` and ``--top INT``,
    a choice as ``[day|week]``, and a required argument in the usage line as
    ``FRAME`` rather than ``{FRAME}``. Older typer's help passes unchanged.
    """

    def format_options(self, ctx: Any, formatter: Any) -> None:
        arguments, options = [], []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            name, text = record
            if param.param_type_name == "argument":
                name = _TYPE.sub("", name)
                if param.nargs != 1 and not name.endswith("..."):
                    name += "..."
                arguments.append((name, text))
            elif param.param_type_name == "option":
                options.append((_TYPE.sub(lambda m: " " + _plain_type(m.group(1)), name), text))
        for title, rows in (("Arguments", arguments), ("Options", options)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                name = param.metavar or (param.name or "").upper()
                name = name.strip("[]{}")
                name = name if param.required else f"[{name}]"
                pieces.append(name + ("..." if param.nargs != 1 else ""))
            else:
                pieces.extend(param.get_usage_pieces(ctx))
        return pieces


#: A Python type in typer's help: `` <list[Path]>``, `` <int range>``.
_TYPE = re.compile(r" <([^<>]*(?:<[^<>]*>[^<>]*)*)>")


def _plain_type(inner: str) -> str:
    """``int range`` -> ``INT``, ``path`` -> ``PATH``, ``a|b`` -> ``[a|b]``."""
    inner = inner.removesuffix(" range")
    if "|" in inner:
        return f"[{inner}]"
    return inner.upper()
