"""``framing lexicon new`` and ``framing lexicon kwic``: start a set, read a term in context.

Registered on the ``framing lexicon`` group by :mod:`framing.cli.lexicon`;
the work is done by :mod:`framing.lexicon_tools.start` and
:mod:`framing.lexicon_tools.kwic`.
"""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Annotated

import typer

from framing.cli.common import printable, quiet_warnings, user_errors
from framing.cli.lexicon_options import (
    Format,
    FormatOption,
    InputsArgument,
    LexiconsOption,
    QuietOption,
    load_corpus,
    load_lexicons,
)


def new_command(
    folder: Annotated[
        Path,
        typer.Argument(
            metavar="NAME",
            help="The new set's folder (its name is the set's name), e.g. lexicons/strike/.",
        ),
    ],
    frames: Annotated[
        str,
        typer.Option(
            "--frames",
            metavar="ID,ID,...",
            help="The frames' ids, comma-separated (lower-case letters, digits and _).",
        ),
    ],
    description: Annotated[
        str,
        typer.Option("--description", metavar="TEXT", help="One sentence: the story and its time."),
    ] = "",
    quiet: QuietOption = False,
) -> None:
    """Start a new lexicon set: a _set.toml and one commented frame file per id.

    Each frame file explains its fields in comments and starts with one term
    (the id's words), so the set validates as it is; replace the term, write
    the description, then grow the lexicon with 'framing lexicon suggest'.

    \b
    Examples:
      framing lexicon new lexicons/strike --frames disruption,workers_rights
      framing lexicon new my_frames --frames heroic,victims --description "Flood, May 2024"
    """
    from framing.lexicon_tools.start import scaffold_set

    with user_errors(), quiet_warnings(quiet):
        written = scaffold_set(folder, frames.split(","), description=description)
    for path in written:
        typer.echo(printable(f"wrote {path}"))
    where = shlex.quote(str(folder))
    typer.echo(printable(f"check it with: framing lexicon validate {where}"))
    typer.echo(printable(f"use it with:   framing report ARTICLES... --lexicons {where}"))


def kwic_command(
    term: Annotated[
        str,
        typer.Argument(
            metavar="TERM",
            help="A term as a lexicon writes it: a word, a phrase, a wildcard (radicali*).",
        ),
    ],
    inputs: InputsArgument = None,
    lexicons: LexiconsOption = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="How many matches to print.")] = 50,
    fmt: FormatOption = Format.text,
    quiet: QuietOption = False,
) -> None:
    """Show a term's matches in context, each with its reading.

    Every sentence of the corpus the term matches, cut around the match,
    with the reading the report gives it: support, deny (negated), rebut
    (raised and rejected, or attributed to others), uncertain, or other (said
    of another referent), and the cue that decided it. A term of the set is
    read as in the report; any other term is matched on its own, with the
    set's cues, to show what it would catch if it were added.

    \b
    Examples:
      framing lexicon kwic "aid workers" articles/
      framing lexicon kwic "mercenar*" articles/ --lexicons my_frames/ --limit 20
      framing lexicon kwic "extremist*" articles/ --format json
    """
    from framing.cli.lexicon_text import kwic_text
    from framing.lexicon_tools import to_json
    from framing.lexicon_tools.kwic import concordance

    with user_errors(), quiet_warnings(quiet):
        lexicon_set = load_lexicons(lexicons)
        corpus = load_corpus(inputs)
        found = concordance(
            term,
            lexicon_set,
            corpus.sentences,
            corpus=corpus.name,
            outlet_names=corpus.outlet_names,
        )
    if fmt == Format.json:
        typer.echo(to_json(found))
    else:
        typer.echo(kwic_text(found, limit=limit))
