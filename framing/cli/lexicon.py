"""``framing lexicon``: commands to write, check and improve a lexicon.

A thin typer layer over :mod:`framing.lexicon_tools`: each command parses
its options, calls the library, and prints a table (rendered by
:mod:`framing.cli.lexicon_text`) or JSON with ``--format json``. Library errors
become one line on stderr and a non-zero exit, as in :mod:`framing.cli`.
Nothing heavy is imported at module level, so ``framing --help`` stays
fast; ``list`` and ``validate`` never import scikit-learn.

framing/cli/app.py mounts it with ``app.add_typer(lexicon_app, name="lexicon")``.
"""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Annotated

import typer

from framing.cli.common import (
    Command,
    note,
    plural,
    printable,
    quiet_warnings,
    user_errors,
    warn,
)
from framing.cli.lexicon_author import kwic_command, new_command
from framing.cli.lexicon_options import (
    Format,
    FormatOption,
    InputsArgument,
    JsonOption,
    LexiconsOption,
    QuietOption,
    lexicon_app,
    load_corpus,
    load_lexicons,
    wants_json,
)
from framing.cli.lexicon_text import (
    coverage_text,
    evaluation_text,
    explanation_text,
    frame_text,
    problems_text,
    set_text,
    suggestions_text,
)
from framing.model.results import DEFAULT_RESAMPLES, DEFAULT_SEED

__all__ = ["LexiconsOption", "lexicon_app"]

# --------------------------------------------------------------------------
# list
# --------------------------------------------------------------------------


@lexicon_app.command(cls=Command, name="list")
def list_command(
    lexicons: LexiconsOption = None,
    fmt: FormatOption = Format.text,
    as_json: JsonOption = False,
    quiet: QuietOption = False,
) -> None:
    """List the frames of a lexicon set.

    For each frame: its id, label, number of terms by kind (words, phrases,
    wildcards) and description; then the set's negation cues.

    \b
    Examples:
      framing lexicon list
      framing lexicon list --lexicons my_frames/
      framing lexicon list --format json
    """
    from framing.lexicon_tools import describe_set, to_json

    with user_errors(), quiet_warnings(quiet):
        as_json = wants_json(fmt, as_json)
        summary = describe_set(load_lexicons(lexicons))
    typer.echo(to_json(summary) if as_json else set_text(summary))


# --------------------------------------------------------------------------
# show
# --------------------------------------------------------------------------


@lexicon_app.command(cls=Command, name="show")
def show_command(
    frame: Annotated[str, typer.Argument(metavar="FRAME", help="The frame's id.")],
    lexicons: LexiconsOption = None,
    fmt: FormatOption = Format.text,
    as_json: JsonOption = False,
    quiet: QuietOption = False,
) -> None:
    """Show one frame's terms, grouped by kind.

    Each term comes with the line of the file that defines it, and its weight
    when it is not 1. An unknown FRAME gets an error listing the known ids.

    \b
    Examples:
      framing lexicon show possible_extremists
      framing lexicon show heroic --lexicons my_frames/
      framing lexicon show possible_extremists --format json
    """
    from framing.lexicon_tools import describe_frame, to_json

    with user_errors(), quiet_warnings(quiet):
        as_json = wants_json(fmt, as_json)
        detail = describe_frame(load_lexicons(lexicons), frame)
    typer.echo(to_json(detail) if as_json else frame_text(detail))


# --------------------------------------------------------------------------
# validate
# --------------------------------------------------------------------------


@lexicon_app.command(cls=Command, name="validate")
def validate_command(
    path: Annotated[
        Path | None,
        typer.Argument(
            metavar="[PATH]",
            help="A lexicon set folder or one frame file. Default: --lexicons, "
            "else the bundled 'volunteers' set.",
            show_default=False,
        ),
    ] = None,
    lexicons: LexiconsOption = None,
    fmt: FormatOption = Format.text,
    as_json: JsonOption = False,
    quiet: QuietOption = False,
) -> None:
    """Check lexicon files and report every problem.

    Each problem is one line, "path:line: error|warning: message", followed
    by a summary.

    Errors: TOML syntax, unknown keys, bad ids or colours, frames without
    terms, bad weights, duplicate terms in a frame, terms that can never
    match. Warnings: a term in two frames, an entry a wildcard of its frame
    already matches, two frame colours that are hard to tell apart (with
    normal vision or a colour vision deficiency). Exit status 1 when there is
    an error, else 0.

    \b
    Examples:
      framing lexicon validate                    # the bundled set
      framing lexicon validate my_frames/
      framing lexicon validate my_frames/heroic.toml --format json
    """
    from framing.errors import LexiconError
    from framing.lexicon_tools import count_problems, to_json, validate_path
    from framing.resources import default_lexicons

    with user_errors(), quiet_warnings(quiet):
        as_json = wants_json(fmt, as_json)
        if path is not None and lexicons is not None and path != lexicons:
            raise LexiconError("give the lexicons to check as PATH or --lexicons, not both")
        target = path or lexicons or default_lexicons()
        problems = validate_path(target)
    errors, _ = count_problems(problems)
    typer.echo(to_json(problems) if as_json else problems_text(target, problems))
    if errors:
        raise typer.Exit(1)


# --------------------------------------------------------------------------
# coverage
# --------------------------------------------------------------------------


@lexicon_app.command(cls=Command, name="coverage")
def coverage_command(
    inputs: InputsArgument = None,
    lexicons: LexiconsOption = None,
    fmt: FormatOption = Format.text,
    as_json: JsonOption = False,
    quiet: QuietOption = False,
) -> None:
    """Count each term's matches in a corpus.

    For each frame and term: non-negated and negated hits, documents, hits
    per outlet, and the forms each wildcard caught (radicali* -> radicalized
    2, radicalization 1). A term inside a longer matching term of its frame
    counts for the longer one, as in the report.

    \b
    Examples:
      framing lexicon coverage                    # the bundled seeds (a note says so)
      framing lexicon coverage articles/ --lexicons my_frames/
      framing lexicon coverage articles/ --format json
    """
    from framing.lexicon_tools import measure_coverage, to_json
    from framing.lexicons.match import match_sentences

    with user_errors(), quiet_warnings(quiet):
        as_json = wants_json(fmt, as_json)
        lexicon_set = load_lexicons(lexicons)
        corpus = load_corpus(inputs)
        hits = match_sentences(corpus.sentences, lexicon_set)
        coverage = measure_coverage(lexicon_set, corpus.sentences, hits, corpus=corpus.name)
    typer.echo(to_json(coverage) if as_json else coverage_text(coverage, lexicon_set))


# --------------------------------------------------------------------------
# suggest
# --------------------------------------------------------------------------


@lexicon_app.command(cls=Command, name="suggest")
def suggest_command(
    frame: Annotated[str, typer.Argument(metavar="FRAME", help="The frame's id.")],
    inputs: InputsArgument = None,
    top: Annotated[int, typer.Option("--top", min=1, help="How many terms to suggest.")] = 20,
    add: Annotated[
        list[str] | None,
        typer.Option(
            "--add",
            metavar="TERM",
            help="Append TERM to the frame's file (repeatable), keeping its comments and "
            "layout, instead of ranking suggestions. Needs --lexicons (your set) or --copy-to.",
            show_default=False,
        ),
    ] = None,
    copy_to: Annotated[
        Path | None,
        typer.Option(
            "--copy-to",
            metavar="DIR",
            help="With --add and no --lexicons: copy the bundled set to DIR (a new folder) "
            "and add the terms there; the installed package is never edited.",
            show_default=False,
        ),
    ] = None,
    lexicons: LexiconsOption = None,
    fmt: FormatOption = Format.text,
    as_json: JsonOption = False,
    quiet: QuietOption = False,
) -> None:
    """Suggest new terms for a frame from a corpus.

    Candidates are the corpus's words and bigrams typical of the sentences
    that invoke FRAME.

    Terms are ranked by the log-odds ratio with an informative Dirichlet
    prior (Monroe, Colaresi & Quinn 2008) between the sentences that invoke
    FRAME and the others, as z-scores; terms the frame already matches are
    left out. Each comes with an example sentence. --add writes chosen terms
    into the frame's .toml file (refusing a term it already has, or cannot
    parse), then checks that the file still loads. It never writes into the
    bundled set, which belongs to the installed package: name your own set
    with --lexicons, or copy the bundled one with --copy-to DIR.

    \b
    Examples:
      framing lexicon suggest possible_extremists articles/
      framing lexicon suggest heroic articles/ --lexicons my_frames/ --top 30
      framing lexicon suggest heroic --lexicons my_frames/ --add "brave" --add "sacrifice*"
      framing lexicon suggest goodwill_fighters --add "aid workers" --copy-to my_volunteers/
    """
    from framing.errors import InputError
    from framing.lexicon_tools import add_terms, find_frame, suggest_terms, to_json
    from framing.lexicon_tools.start import copy_set
    from framing.lexicons.match import match_sentences
    from framing.resources import default_lexicons

    with user_errors(), quiet_warnings(quiet):
        as_json = wants_json(fmt, as_json)
        if copy_to is not None and (lexicons is not None or not add):
            raise InputError(
                "--copy-to copies the bundled set before --add writes to it; "
                "it goes with --add and without --lexicons"
            )
        if add and lexicons is None:
            if copy_to is None:
                raise InputError(
                    "--add writes into a lexicon set's files, and the bundled set belongs to "
                    "the installed package: add --lexicons DIR (your own set) or --copy-to DIR "
                    "(to copy the bundled set there first)"
                )
            lexicons = copy_set(default_lexicons(), copy_to)
            note(
                f"copied the bundled set to {copy_to}; "
                f"from now on pass --lexicons {shlex.quote(str(copy_to))}"
            )
        lexicon_set = load_lexicons(lexicons)
        frame_file = Path(find_frame(lexicon_set, frame).source)
        if add:
            written = add_terms(frame_file, add)
        else:
            corpus = load_corpus(inputs)
            hits = match_sentences(corpus.sentences, lexicon_set)
            result = suggest_terms(
                frame, lexicon_set, corpus.sentences, hits, top=top, corpus=corpus.name
            )
    if add:
        added = [term.strip() for term in add]
        if as_json:
            typer.echo(to_json({"frame": frame, "file": str(written), "added": added}))
        else:
            terms = ", ".join(repr(term) for term in added)
            typer.echo(printable(f"Added {terms} to {written}"))
        return
    if lexicons is None:
        where = f"--copy-to {shlex.quote('my_' + lexicon_set.name)}/"
    else:
        where = f"--lexicons {shlex.quote(str(lexicons))}"
    hint = f"framing lexicon suggest {shlex.quote(frame)} --add TERM {where}"
    typer.echo(to_json(result) if as_json else suggestions_text(result, lexicon_set, hint))


# --------------------------------------------------------------------------
# explain
# --------------------------------------------------------------------------


@lexicon_app.command(cls=Command, name="explain")
def explain_command(
    sentence: Annotated[str, typer.Argument(metavar="SENTENCE", help="The sentence, quoted.")],
    lexicons: LexiconsOption = None,
    fmt: FormatOption = Format.text,
    as_json: JsonOption = False,
    quiet: QuietOption = False,
) -> None:
    """Explain why a sentence counts (or not) for a frame.

    Shows the sentence's numbered tokens, every lexicon match, each negation
    cue with the tokens its scope negates (underlined with ^), and the
    frames invoked with their score (weights of non-negated hits summed);
    negated hits are listed apart, as they never count.

    \b
    Examples:
      framing lexicon explain "This is not mercenaries who are coming to earn money"
      framing lexicon explain "They fight for freedom." --lexicons my_frames/
      framing lexicon explain "No POW status for them." --format json
    """
    from framing.lexicon_tools import explain_sentence, to_json

    with user_errors(), quiet_warnings(quiet):
        as_json = wants_json(fmt, as_json)
        explanation = explain_sentence(sentence, load_lexicons(lexicons))
    typer.echo(to_json(explanation) if as_json else explanation_text(explanation))


# --------------------------------------------------------------------------
# import
# --------------------------------------------------------------------------


@lexicon_app.command(cls=Command, name="import")
def import_command(
    dictionary: Annotated[
        Path,
        typer.Argument(
            metavar="FILE",
            help="A dictionary: LIWC .dic or .dicx, Lexicoder .lc3, YAML (.yml/.yaml), "
            "or a .txt word list.",
        ),
    ],
    out: Annotated[
        Path,
        typer.Option("--out", "-o", help="The folder to write the frame files into."),
    ],
    overwrite: Annotated[
        bool, typer.Option("--overwrite", help="Replace frame files that already exist.")
    ] = False,
    quiet: QuietOption = False,
) -> None:
    """Convert a dictionary into a lexicon set: one editable .toml frame file per category.

    Warnings (e.g. legacy LIWC markup that was skipped) name the file and line.
    The new set can be checked with 'framing lexicon validate DIR' and used
    with 'framing report --lexicons DIR'.

    \b
    Examples:
      framing lexicon import moral_foundations.dic --out lexicons/moral/
      framing lexicon import sentiment.lc3 --out lexicons/sentiment/ --overwrite
    """
    from framing.lexicons.importers import import_lexicon, write_lexicon_set

    with user_errors(), quiet_warnings(quiet):
        result = import_lexicon(dictionary)
        written = write_lexicon_set(result.lexicons, out, overwrite=overwrite)
        for warning in result.warnings:
            warn(warning)
    for path in written:
        typer.echo(f"wrote {printable(str(path))}")
    frames = plural(len(written), "frame file")
    typer.echo(
        printable(
            f"{frames} in {out}; check them with: framing lexicon validate {shlex.quote(str(out))}"
        )
    )


# --------------------------------------------------------------------------
# evaluate
# --------------------------------------------------------------------------


@lexicon_app.command(cls=Command, name="evaluate")
def evaluate_command(
    sheet: Annotated[
        Path,
        typer.Argument(
            metavar="SHEET.csv",
            help="A coding sheet: a text column and one column per frame id holding "
            "support, weak, deny or none (docs/validation.md).",
            show_default=False,
        ),
    ],
    lexicons: LexiconsOption = None,
    fmt: FormatOption = Format.text,
    as_json: JsonOption = False,
    quiet: QuietOption = False,
    seed: Annotated[
        int, typer.Option(min=0, max=2**32 - 1, help="Seed of the bootstrap intervals.")
    ] = DEFAULT_SEED,
    bootstrap: Annotated[
        int,
        typer.Option(min=100, max=100_000, help="Bootstrap resamples for the F1 intervals."),
    ] = DEFAULT_RESAMPLES,
) -> None:
    """Measure how well the lexicon reads, against sentences coded by hand.

    Each sentence is read as the report reads it (same tokenizer, matcher and
    negation). Per frame: precision, recall and F1 (strict: support; lenient:
    support or weak) with a 95% interval over documents, Cohen's kappa per
    coder, Krippendorff's alpha among coders, the deny table, the terms that
    fire on sentences not coded support, and examples of each disagreement.

    \b
    Examples:
      framing lexicon evaluate coded.csv
      framing lexicon evaluate coded.csv --lexicons my_frames/ --format json > figures.json
    """
    from framing.io.coding import load_coding_sheet
    from framing.lexicon_tools.evaluate import evaluate_sheet, evaluation_to_json
    from framing.lexicon_tools.serialize import to_json

    with user_errors(), quiet_warnings(quiet):
        as_json = wants_json(fmt, as_json)
        lexicon_set = load_lexicons(lexicons)
        coded = load_coding_sheet(sheet, frames=lexicon_set.frame_ids)
        for frame in lexicon_set.frame_ids:
            if frame not in coded.frames:
                warn(f"{sheet}: no column for frame {frame!r}; it is not evaluated")
        evaluation = evaluate_sheet(coded, lexicon_set, seed=seed, n_bootstrap=bootstrap)
    if as_json:
        typer.echo(to_json(evaluation_to_json(evaluation)))
    else:
        typer.echo(evaluation_text(evaluation, lexicon_set))


# --------------------------------------------------------------------------
# sample
# --------------------------------------------------------------------------


@lexicon_app.command(cls=Command, name="sample")
def sample_command(
    inputs: Annotated[
        list[Path],
        typer.Argument(
            metavar="INPUT",
            help="Article files (.txt/.md) or folders of them, optionally with a manifest.csv.",
            show_default=False,
        ),
    ],
    n: Annotated[
        int, typer.Option("--n", min=1, max=100_000, help="How many sentences to draw.")
    ] = 200,
    out: Annotated[
        Path,
        typer.Option("--out", "-o", help="The blind coding sheet to write (.csv)."),
    ] = Path("sheet.csv"),
    key: Annotated[
        Path,
        typer.Option("--key", help="The key to write: where each row comes from (.csv)."),
    ] = Path("key.csv"),
    lexicons: LexiconsOption = None,
    seed: Annotated[
        int, typer.Option(min=0, max=2**32 - 1, help="Seed of the random draw.")
    ] = DEFAULT_SEED,
    overwrite: Annotated[
        bool, typer.Option("--overwrite", help="Replace a sheet or key that already exists.")
    ] = False,
    quiet: QuietOption = False,
) -> None:
    """Draw sentences for a person to code, stratified by the lexicon's reading.

    About 40% of the rows are sentences the lexicon reads as supporting a
    frame, 20% sentences it reads as denials, 40% the rest; shuffled, with
    no hint of the reading. The key maps rows back to documents and records
    the lexicon's reading and each stratum's size. Code the sheet, then run
    'framing lexicon evaluate' on it.

    \b
    Examples:
      framing lexicon sample articles/ --n 200 --out sheet.csv --key key.csv
    """
    from framing.cli.outputs import Inputs, check_outputs
    from framing.errors import OutputError
    from framing.io.files import write_texts_atomic
    from framing.lexicon_tools.sample import render_key, render_sheet, sample_sentences

    with user_errors(), quiet_warnings(quiet):
        if out.resolve() == key.resolve():
            raise OutputError("--out and --key name the same file", path=out)
        for path in (out, key):
            if path.exists() and not overwrite:
                raise OutputError(
                    "already exists (a coded sheet may be in it); "
                    "choose another name or add --overwrite",
                    path=path,
                )
        lexicon_set = load_lexicons(lexicons)
        corpus = load_corpus(inputs)
        sample = sample_sentences(corpus.sentences, lexicon_set, n=n, seed=seed)
        # Even with --overwrite, neither file may replace an article or the lexicon.
        named = (*inputs, *([lexicons] if lexicons else []))
        check_outputs([("--out", out), ("--key", key)], inputs=Inputs(named))
        write_texts_atomic(
            {out: render_sheet(sample), key: render_key(sample, outlet_names=corpus.outlet_names)}
        )
    counts = ", ".join(
        f"{sum(r.stratum == name for r in sample.rows)} {name}" for name in sample.population
    )
    typer.echo(f"wrote {printable(str(out))}: {plural(len(sample.rows), 'sentence')} ({counts})")
    typer.echo(f"wrote {printable(str(key))} (keep it from the coder)")
    evaluate = f"framing lexicon evaluate {shlex.quote(str(out))}"
    if lexicons is not None:
        evaluate += f" --lexicons {shlex.quote(str(lexicons))}"
    typer.echo(printable(f"once coded: {evaluate}"))


# --------------------------------------------------------------------------
# new, kwic (framing/cli/lexicon_author.py)
# --------------------------------------------------------------------------

lexicon_app.command(cls=Command, name="kwic")(kwic_command)
lexicon_app.command(cls=Command, name="new")(new_command)
