"""What the ``framing lexicon`` commands share: the group, its options, loading.

The commands themselves are in :mod:`framing.cli.lexicon` and
:mod:`framing.cli.lexicon_author`. Nothing heavy is imported here.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from framing.cli.common import note, warn

if TYPE_CHECKING:
    from framing.lexicon_tools import CorpusSentences
    from framing.model import LexiconSet

lexicon_app = typer.Typer(
    name="lexicon",
    help=(
        "Write, check and improve a lexicon.\n\n"
        "List a set's frames, show one, validate the files, measure each term's coverage "
        "on a corpus, suggest new terms, show a term's matches in context (kwic), explain "
        "why a sentence counts for a frame, start a new set, and import dictionaries (LIWC, "
        "Lexicoder, YAML, word lists).\n\n"
        "Example: framing lexicon validate my_frames/"
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class Format(StrEnum):
    """``--format``: how a lexicon command prints its result."""

    text = "text"
    json = "json"


LexiconsOption = Annotated[
    Path | None,
    typer.Option(
        "--lexicons",
        "-l",
        metavar="PATH",
        help="A lexicon set (folder of frame .toml files), one frame file, or a dictionary "
        "(LIWC .dic/.dicx, Lexicoder .lc3, YAML, .txt word list). "
        "Default: the bundled 'volunteers' set.",
        show_default=False,
    ),
]
FormatOption = Annotated[
    Format,
    typer.Option(
        "--format",
        help="text (a table for people) or json (one JSON document on standard output, "
        "nothing else there).",
    ),
]
JsonOption = Annotated[
    bool,
    typer.Option(
        "--json",
        help="Deprecated spelling of --format json (in 'framing report', --json names "
        "the JSON file).",
    ),
]
QuietOption = Annotated[
    bool, typer.Option("--quiet", "-q", help="Print no warnings on standard error.")
]
InputsArgument = Annotated[
    list[Path] | None,
    typer.Argument(
        metavar="INPUT",
        help="Article files (.txt/.md) or folders of them, optionally with a manifest.csv. "
        "Default: the bundled seed articles (a note says so).",
        show_default=False,
    ),
]


def wants_json(fmt: Format, json_flag: bool) -> bool:
    """Whether to print JSON; the old ``--json`` flag still works, with a note on stderr."""
    if json_flag:
        warn("--json is deprecated in 'framing lexicon' commands; use --format json")
    return json_flag or fmt == Format.json


def load_lexicons(path: Path | None) -> LexiconSet:
    """Load the set (default: the bundled one); a load error points to ``validate``."""
    from framing.errors import LexiconError
    from framing.lexicons.load import load_lexicons as load
    from framing.resources import default_lexicons

    source = path or default_lexicons()
    try:
        return load(source)
    except LexiconError as exc:
        if source.is_dir() or source.suffix.lower() == ".toml":
            hint = f" (run 'framing lexicon validate {source}' to list every problem)"
            raise type(exc)(exc.detail + hint, path=exc.path, line=exc.line) from None
        raise


def load_corpus(inputs: Sequence[Path] | None) -> CorpusSentences:
    """Load, clean and segment the articles; warn about skipped ones.

    Without inputs the bundled seed articles are used, and a note on stderr
    says so: a command never studies a corpus the user did not name silently.
    """
    from framing.lexicon_tools import load_sentences
    from framing.resources import seeds_dir

    if not inputs:
        note(
            "no INPUT given, so this uses the bundled seed articles (bundled:seeds); "
            "name your own articles or folders to study them"
        )
    corpus = load_sentences(
        list(inputs) if inputs else [seeds_dir()], name=None if inputs else "seeds"
    )
    for skipped in corpus.skipped:
        warn(f"skipped {skipped.source}: {skipped.reason}")
    for remark in corpus.notes:
        warn(remark)
    return corpus
