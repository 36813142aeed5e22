"""The ``framing`` command line: a thin layer over the library.

Each command parses its options, calls the library, prints a short result,
and turns a :class:`~framing.errors.FramingError` into one line on stderr
and a non-zero exit code. Heavy libraries are imported inside the commands,
so ``framing --help`` starts instantly.
"""

from __future__ import annotations

import json
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from framing import __version__
from framing.cli.common import EXIT_CODES, Command, printable, quiet_warnings, user_errors
from framing.cli.common import warn as _warn
from framing.cli.interrupt import interruptible
from framing.cli.lexicon import LexiconsOption, lexicon_app
from framing.cli.outputs import Inputs, check_outputs
from framing.cli.report_options import (
    By,
    DateColumn,
    IdColumn,
    InputFormat,
    OutletColumn,
    TableFormat,
    TableFormatOption,
    TextColumn,
    TitleColumn,
    UrlColumn,
)
from framing.model.results import DEFAULT_RESAMPLES, DEFAULT_SEED

if TYPE_CHECKING:
    from collections.abc import Iterable

    from framing.model import (
        Analysis,
        Corpus,
        Document,
        DocumentSummary,
        LexiconSet,
        SkippedInput,
    )

REPORTS_DIR = Path("reports")
#: ``--seed``: numpy's seeds are 32-bit.
MAX_SEED = 2**32 - 1
#: ``--bootstrap``: more resamples than this add time, not precision.
MAX_RESAMPLES = 100_000
#: ``--max-document-mb``: its default (framing.io.corpus.MAX_DOCUMENT_BYTES) and largest
#: value. Memory grows faster than an article's size (one article of 5 MB peaks at about
#: 0.4 GB, 10 MB at 1.1 GB, 20 MB at 3.1 GB: benchmarks/bench_limits.py).
DEFAULT_DOCUMENT_MB = 5.0
MAX_DOCUMENT_MB = 20.0


app = typer.Typer(
    name="framing",
    help=(
        "Compare how news outlets frame the people in a story.\n\n"
        "Give several articles about one event from different outlets; framing measures "
        "each outlet's frames with hand-made lexicons and TF-IDF and writes an HTML report "
        "(with the outlets' own sentences as evidence) and a JSON export.\n\n"
        "Example: framing report articles/ --out reports/articles.html"
    ),
    epilog="\b\nExit status:\n"
    + "\n".join(f"  {code:>3}  {meaning}" for code, meaning in EXIT_CODES.items()),
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"framing {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Compare how news outlets frame the people in a story."""


@app.command("report", cls=Command)
def report_command(
    inputs: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="INPUT",
            help="Articles (.txt, .md, saved .html pages), tables of articles (.csv, .tsv, "
            ".jsonl, .parquet, also .gz), folders of them (optionally with a manifest.csv), "
            "or - for standard input; see docs/inputs.md. Default: the bundled seed articles.",
            show_default=False,
        ),
    ] = None,
    lexicons: LexiconsOption = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="Where to write the HTML report. Default: reports/<input name>.html.",
            show_default=False,
        ),
    ] = None,
    json_path: Annotated[
        Path | None,
        typer.Option(
            "--json",
            metavar="PATH",
            help="Where to write the JSON export; '-' writes it to standard output, and "
            "nothing else goes there (pipe it into jq). Default: the report's path with .json.",
            show_default=False,
        ),
    ] = None,
    title: Annotated[
        str | None,
        typer.Option(
            "--title",
            metavar="TEXT",
            help="The report's title. Default: the lexicon set's description (up to its "
            "first colon), else 'How N outlets frame the story'.",
            show_default=False,
        ),
    ] = None,
    seed: Annotated[
        int, typer.Option(min=0, max=MAX_SEED, help="Seed of the bootstrap intervals.")
    ] = DEFAULT_SEED,
    bootstrap: Annotated[
        int,
        typer.Option(
            min=100, max=MAX_RESAMPLES, help="Number of bootstrap resamples for intervals."
        ),
    ] = DEFAULT_RESAMPLES,
    evidence: Annotated[
        int,
        typer.Option(
            min=1,
            max=500,
            help="Evidence sentences kept per outlet and frame, strongest first (the report "
            "pages through them).",
        ),
    ] = 20,
    blind: Annotated[
        bool,
        typer.Option(
            "--blind",
            help="Replace outlet names by Outlet A, B, … everywhere; write the answer key "
            "to <report>.key.json.",
        ),
    ] = False,
    classroom: Annotated[
        bool,
        typer.Option(
            "--classroom",
            help="Add discussion questions and a printable worksheet for a class.",
        ),
    ] = False,
    quick: Annotated[
        bool,
        typer.Option(
            "--quick",
            help="Skip the in-depth analyses (pairwise tests, shared copy, quotes, tone): "
            "a corpus of any size then fits in memory, where shared copy keeps a "
            "compact record of every sentence (docs/scale.md).",
        ),
    ] = False,
    tables: Annotated[
        Path | None,
        typer.Option(
            "--tables",
            help="Also write sentences.csv, documents.csv, outlets.csv, over_time.csv and "
            "removed.csv (every sentence's reading, shares per period, what cleaning "
            "removed) into this folder; .parquet files with --table-format parquet.",
            show_default=False,
        ),
    ] = None,
    table_format: TableFormatOption = TableFormat.csv,
    coded: Annotated[
        Path | None,
        typer.Option(
            "--coded",
            help="A coding sheet (docs/validation.md): add a section saying how well the "
            "lexicon agrees with this human coding.",
            show_default=False,
        ),
    ] = None,
    by: Annotated[
        By | None,
        typer.Option(
            "--by",
            help="Periods of the 'Over time' section: day, week, month or quarter ('none' "
            "leaves it out). Default: chosen from the span of the articles' dates.",
            show_default=False,
        ),
    ] = None,
    progress: Annotated[
        bool | None,
        typer.Option(
            "--progress/--no-progress",
            help="Draw progress bars on stderr. Default: only when stderr is a terminal "
            "and without --quiet.",
            show_default=False,
        ),
    ] = None,
    input_format: Annotated[
        InputFormat | None,
        typer.Option(
            "--format",
            help="Read the named files (and -) as this format instead of by their suffix.",
            show_default=False,
        ),
    ] = None,
    dayfirst: Annotated[
        bool,
        typer.Option("--dayfirst", help="Read ambiguous dates such as 03/04/2022 as day first."),
    ] = False,
    text_column: TextColumn = None,
    outlet_column: OutletColumn = None,
    date_column: DateColumn = None,
    title_column: TitleColumn = None,
    url_column: UrlColumn = None,
    id_column: IdColumn = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print only errors: no summary, no warnings.")
    ] = False,
    max_document_mb: Annotated[
        float,
        typer.Option(
            "--max-document-mb",
            min=0.01,
            max=MAX_DOCUMENT_MB,
            help="Skip (and list) any article larger than this many megabytes "
            "(1 MB = 1,000,000 bytes). An article of 10 MB needs about 1 GB of memory.",
        ),
    ] = DEFAULT_DOCUMENT_MB,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            metavar="N",
            help="Worker processes on this machine. Default: one per CPU, at most 8. "
            "Results never depend on it.",
            show_default=False,
        ),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=1,
            metavar="N",
            help="Run the per-article work on N local Dask workers (not with --blind; "
            "needs pip install 'framing[dask]'; docs/scale.md).",
            show_default=False,
        ),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            metavar="ADDRESS",
            help="Run the per-article work on the Dask cluster whose scheduler is at ADDRESS, "
            "e.g. tcp://10.0.0.5:8786 (not with --blind; with --quick its workers read "
            "the input files, which they must see at the same path; docs/scale.md).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Analyse articles and write an HTML report and a JSON export.

    \b
    Examples:
      framing report                      # the bundled seeds -> reports/seeds.html, .json
      framing report articles/            # a folder with a manifest.csv
      framing report a.txt b.txt --lexicons my_frames/ --out out/ab.html
      framing report articles/ --title "Coverage of the bus strike, May 2025"
      framing report articles/ --json - | jq '.outlets[].name'
      framing report big/ --quick --scheduler tcp://10.0.0.5:8786
      framing report big/ --quick --tables tables/ --table-format parquet
    """
    from framing.analysis.pipeline import analyse
    from framing.cli.engine import analysis_engine
    from framing.cli.progress import READING, terminal_progress, wants_progress
    from framing.io.corpus import CorpusStream, load_corpus, stream_corpus
    from framing.io.files import StagedFile, signals_deferred, write_texts_atomic
    from framing.lexicons.importers import import_lexicon
    from framing.model import AnalysisOptions, Corpus
    from framing.report import TableWriter, render_html, render_json, table_names
    from framing.report.paths import key_for_display
    from framing.resources import default_lexicons, seeds_dir

    to_stdout = json_path is not None and str(json_path) == "-"
    with (
        interruptible() as run,
        user_errors(),
        quiet_warnings(quiet),
        terminal_progress(wants_progress(progress, quiet=quiet)) as bars,
        ExitStack() as cleanup,
    ):
        if table_format is TableFormat.parquet:
            _check_parquet(tables)
        engine = analysis_engine(jobs=jobs, workers=workers, scheduler=scheduler, blind=blind)
        paths = list(inputs) if inputs else [seeds_dir()]
        # A run without blinding reads its articles as a stream, chunk by chunk,
        # so that no more than the chunks in flight (and the in-depth analyses'
        # compact state) are in memory; its tables are written as the chunks come in.
        streaming = not blind
        reading: dict[str, Any] = dict(
            name=None if inputs else "seeds",
            max_bytes=round(max_document_mb * 1_000_000),
            format=None if input_format is None else input_format.value,
            dayfirst=dayfirst,
            text_column=text_column,
            outlet_column=outlet_column,
            date_column=date_column,
            title_column=title_column,
            url_column=url_column,
            id_column=id_column,
        )
        corpus: Corpus | CorpusStream
        if streaming:
            corpus = stream_corpus(paths, **reading)
        else:
            corpus = load_corpus(
                paths, **reading, progress=bars.counting(READING) if bars else None
            )
        lexicon_path = lexicons or default_lexicons()
        # No output may replace one of these (the inputs, the lexicon, the sheet).
        named = (*paths, lexicon_path, *([coded] if coded else []))
        imported = import_lexicon(lexicon_path)
        lexicon_set = imported.lexicons
        for warning in imported.warnings:
            _warn(warning)
        for warning in _colour_warnings(lexicon_set):
            _warn(warning)
        answer_key = None
        n_warned = 0
        sources: tuple[str, ...] = ()
        if isinstance(corpus, Corpus):
            sources = _sources(corpus.documents, corpus.skipped)  # before blinding renames them
            for skipped in corpus.skipped:
                _warn(f"skipped {skipped.source}: {skipped.reason}")
            n_warned = len(corpus.skipped)
            corpus = _with_script_notes(corpus, lexicon_set)
            if blind:
                from framing.io.blind import blind_corpus

                corpus, answer_key = blind_corpus(corpus)
            for note in corpus.notes:
                _warn(note)
        # Paths in the outputs are shown relative to what the user gave.
        given = [*paths, *([coded] if coded is not None else [])]
        html_path = out or REPORTS_DIR / f"{corpus.name}.html"
        json_out = html_path.with_suffix(".json") if json_path is None else json_path
        key_path = html_path.with_suffix(".key.json")
        table_writer = None
        names = table_names(table_format.value)
        if tables is not None and streaming:
            # The tables are written as the articles are read: refuse a clash first.
            planned = [("--out", html_path), *(("--tables", tables / n) for n in names)]
            if not to_stdout:
                planned.insert(1, ("--json", json_out))
            check_outputs(planned, inputs=Inputs(named))
            table_writer = TableWriter(
                tables, lexicon_set.frame_ids, inputs=given, table_format=table_format.value
            )
            # Whatever ends the run, no temporary table is left (once written, none is).
            cleanup.callback(table_writer.discard)
        with engine as entered:
            analysis = analyse(
                corpus,
                lexicon_set,
                options=AnalysisOptions(
                    seed=seed,
                    n_bootstrap=bootstrap,
                    n_permutations=bootstrap,
                    evidence_per_cell=evidence,
                    depth=not quick,
                    by=None if by is None else by.value,
                    jobs=jobs,
                ),
                progress=bars,
                # A streamed run keeps per-document records only; its tables are streamed.
                keep_sentences=not streaming,
                engine=entered,
                tables=table_writer,
            )
        for skipped in analysis.skipped[n_warned:]:
            _warn(f"skipped {skipped.source}: {skipped.reason}")
        if not isinstance(corpus, Corpus):  # a stream's notes and sources are known once read
            for note in analysis.notes:
                _warn(note)
            sources = _sources(analysis.documents, analysis.skipped)
        protected = Inputs(named, sources)
        validation = None
        if coded is not None:
            from framing.io.coding import load_coding_sheet
            from framing.lexicon_tools.evaluate import evaluate_sheet

            sheet = load_coding_sheet(coded, frames=lexicon_set.frame_ids)
            for frame in lexicon_set.frame_ids:
                if frame not in sheet.frames:
                    _warn(f"{coded}: no column for frame {frame!r}; it is not evaluated")
            validation = evaluate_sheet(sheet, lexicon_set, seed=seed, n_bootstrap=bootstrap)
        # Render everything before writing anything, then write the files as a
        # set, so a failure leaves no partial output and no mix of old and new.
        json_text = render_json(analysis, validation=validation, inputs=given)
        outputs: list[tuple[str, Path, str | bytes]] = [
            (
                "--out",
                html_path,
                render_html(
                    analysis,
                    classroom=classroom,
                    validation=validation,
                    inputs=given,
                    title=title,
                ),
            )
        ]
        if not to_stdout:
            outputs.append(("--json", json_out, json_text))
        if answer_key is not None:
            shown_key = key_for_display(answer_key, given)
            key_text = json.dumps(shown_key.to_json(), ensure_ascii=False, indent=2)
            outputs.append(("the answer key", key_path, key_text + "\n"))
        staged: list[StagedFile] = []
        if table_writer is not None:
            texts, staged = table_writer.finish(analysis)
            outputs += [("--tables", path, text) for path, text in texts.items()]
        elif tables is not None:
            rendered = _render_tables(analysis, given, table_format)
            outputs += [("--tables", tables / n, content) for n, content in rendered.items()]
        check_outputs(
            [(label, path) for label, path, _ in outputs]
            + [("--tables", file.path) for file in staged],
            inputs=protected,
        )
        with signals_deferred():
            write_texts_atomic({path: text for _, path, text in outputs}, staged=staged)
            run.written = True
    if to_stdout:
        # The JSON alone on stdout, so it pipes into jq; what people read goes to stderr.
        typer.echo(json_text, nl=False)
    if not quiet:
        where = "standard output" if to_stdout else str(json_out)
        lines = [_summary(analysis), "", f"Report: {html_path}", f"JSON:   {where}"]
        if answer_key is not None:
            lines.append(f"Key:    {key_path} (which outlet is which; keep it from the class)")
        if tables is not None:
            lines.append(f"Tables: {tables}/ ({', '.join(names)})")
        if out is None:
            lines.append(f"(written under {REPORTS_DIR}/ in the current folder; choose with --out)")
        typer.echo("\n".join(lines), err=to_stdout)


def _check_parquet(tables: Path | None) -> None:
    """Before any work: Parquet tables need --tables, and pyarrow."""
    from framing.errors import InputError
    from framing.io.parquet_out import require_pyarrow

    if tables is None:
        raise InputError("--table-format parquet is the format of --tables: give --tables DIR too")
    require_pyarrow()


def _render_tables(
    analysis: Analysis, inputs: list[Path], table_format: TableFormat
) -> dict[str, str] | dict[str, bytes]:
    """The tables of an analysis that kept its sentences, by file name, in ``table_format``."""
    from framing.report import render_parquet_tables, render_tables

    if table_format is TableFormat.parquet:
        return render_parquet_tables(analysis, inputs=inputs)
    return render_tables(analysis, inputs=inputs)


def _sources(
    documents: Iterable[Document | DocumentSummary], skipped: Iterable[SkippedInput]
) -> tuple[str, ...]:
    """The files the articles and skipped inputs came from (no output may replace one)."""
    return tuple(d.source for d in documents) + tuple(s.source for s in skipped)


def _with_script_notes(corpus: Corpus, lexicons: LexiconSet) -> Corpus:
    """The corpus with a note per script its articles are in and the lexicon's terms are not."""
    from dataclasses import replace

    from framing.text.scripts import script_notes

    notes = script_notes(corpus.documents, lexicons)
    return replace(corpus, notes=corpus.notes + tuple(notes)) if notes else corpus


def _summary(analysis: Analysis) -> str:
    """A plain-text table of frame shares per outlet, for the terminal."""
    frames = analysis.lexicons.frames
    headers = ["outlet", "docs", "sentences", *(f.label for f in frames)]
    rows = [
        [
            printable(o.name),
            str(o.n_documents),
            str(o.n_sentences),
            *(f"{analysis.score(o.id, f.id).share:.0%}" for f in frames),
        ]
        for o in analysis.outlets
    ]
    widths = [max(len(r[i]) for r in [headers, *rows]) for i in range(len(headers))]

    def line(cells: list[str]) -> str:
        first = cells[0].ljust(widths[0])
        rest = (c.rjust(w) for c, w in zip(cells[1:], widths[1:], strict=True))
        return "  ".join([first, *rest])

    title = "Share of each outlet's sentences that invoke each frame"
    return "\n".join([title, line(headers), *(line(r) for r in rows)])


def _colour_warnings(lexicons: LexiconSet) -> list[str]:
    """One warning per pair of frames whose chart colours some readers cannot tell apart."""
    from framing.lexicons.palette import confusions_by_pair, describe_visions

    pairs = confusions_by_pair({f.id: f.colour for f in lexicons.frames})
    return [
        f"{lexicons.source}: frames {first!r} and {second!r} have colours that are hard to "
        f"tell apart {describe_visions(found)}; see framing lexicon validate"
        for (first, second), found in pairs.items()
    ]


app.add_typer(lexicon_app, name="lexicon")


def main() -> None:
    """Console-script entry point."""
    app(prog_name="framing")


if __name__ == "__main__":  # pragma: no cover
    main()
