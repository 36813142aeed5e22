"""``--tables DIR``: the analysis as CSV tables, for pandas, R or a spreadsheet.

Five tables, one row per unit (layout in docs/validation.md):

* ``sentences.csv``: every analysed sentence, with its document, outlet,
  date, position, part and text, and per frame the lexicon's reading
  (``support``, ``deny`` or ``none``, as in :mod:`framing.lexicons.reading`)
  and the lexicon entries that matched (``<frame>_terms``, ``; ``-separated);
* ``documents.csv``: per document, its metadata, sentence count and per
  frame the number of sentences read as support and as deny;
* ``outlets.csv``: per outlet, its size and per frame the share of its
  sentences read as support, with the 95% interval, and the counts;
* ``over_time.csv``: per outlet, frame and period, the sentences, those
  read as support, the share with its 95% Wilson interval, and whether the
  period has too few sentences to read (:mod:`framing.analysis.over_time`);
  only the header when the articles have no dates or fall in one period;
* ``removed.csv``: every span cleaning removed, with its document, source
  line, reason and text.

The report and the JSON show the strongest evidence; these tables hold the
reading of every sentence, which is what a researcher's own models need.

The same tables are written as Parquet files (``sentences.parquet``, …;
``--table-format parquet``, through :mod:`framing.io.parquet_out`): the same
rows and columns, each column typed by its kind here (:func:`table_kinds`).
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from framing.analysis.table_rows import (
    REMOVED_HEADER,
    ChunkTables,
    DocumentRow,
    document_header,
    reading_counts,
    removed_row,
    sentence_header,
    sentence_row,
)
from framing.lexicons.reading import frame_readings
from framing.model import Analysis, Hit
from framing.model.coding import DENY
from framing.report.paths import for_display

if TYPE_CHECKING:
    from framing.io.files import StagedFile
    from framing.io.parquet_out import Kind, StagedParquet

#: The tables, in the order they are listed.
TABLES = ("sentences", "documents", "outlets", "over_time", "removed")
#: ``--table-format``: CSV text, or Parquet through pyarrow.
TABLE_FORMATS = ("csv", "parquet")


def table_names(table_format: str = "csv") -> tuple[str, ...]:
    """The file names in ``table_format``: ``sentences.csv``, … or ``sentences.parquet``, …"""
    if table_format not in TABLE_FORMATS:
        raise ValueError(f"unknown table format {table_format!r}; choose from {TABLE_FORMATS}")
    return tuple(f"{table}.{table_format}" for table in TABLES)


TABLE_NAMES = table_names("csv")


def render_tables(analysis: Analysis, *, inputs: Sequence[str | Path] = ()) -> dict[str, str]:
    """File name -> CSV text, for each of :data:`TABLE_NAMES`.

    Sources are given relative to ``inputs`` (:mod:`framing.report.paths`).
    """
    return {f"{t}.csv": _csv(header, rows) for t, (header, rows) in _tables(analysis, inputs)}


def render_parquet_tables(
    analysis: Analysis, *, inputs: Sequence[str | Path] = ()
) -> dict[str, bytes]:
    """File name -> Parquet file, for each of ``table_names("parquet")``: the CSV tables, typed.

    Needs pyarrow (``framing[parquet]``): without it, an
    :class:`~framing.errors.OutputError` says how to install it.
    """
    from framing.io.parquet_out import parquet_bytes, require_pyarrow

    require_pyarrow()

    frames = [f.id for f in analysis.frames]
    return {
        f"{t}.parquet": parquet_bytes(_columns(header, table_kinds(t, frames)), rows)
        for t, (header, rows) in _tables(analysis, inputs)
    }


def _tables(analysis: Analysis, inputs: Sequence[str | Path]) -> list[tuple[str, Rows]]:
    """Each table's name, header and rows (cells as the CSV writes them)."""
    analysis = for_display(analysis, inputs)
    readings = Readings.of(analysis)
    return [
        ("sentences", sentence_rows(analysis, readings)),
        ("documents", document_rows(analysis, readings)),
        ("outlets", _outlets(analysis, readings.frames, readings.by_sentence)),
        ("over_time", _over_time(analysis)),
        ("removed", (REMOVED_HEADER, [removed_row(span) for span in analysis.removed])),
    ]


#: Per table, the kinds of its first columns, then of the columns it has per frame.
_KINDS: dict[str, tuple[tuple[Kind, ...], tuple[Kind, ...]]] = {
    "sentences": (("int", "str", "str", "str", "int", "str", "str"), ("str", "str")),
    "documents": (("str",) * 6 + ("int", "int"), ("int", "int")),
    "outlets": (("str", "str", "int", "int", "int"), ("float", "float", "float", "int", "int")),
    "over_time": (("str",) * 5 + ("int",) * 3 + ("float",) * 3 + ("bool",), ()),
    "removed": (("str", "int", "str", "str"), ()),
}


def table_kinds(table: str, frames: Sequence[str]) -> list[Kind]:
    """What each column of ``table`` (one of :data:`TABLES`) holds, in the order of its header."""
    first, per_frame = _KINDS[table]
    return [*first, *per_frame * len(frames)]


def _columns(header: Sequence[str], kinds: Sequence[Kind]) -> list[tuple[str, Kind]]:
    return list(zip(header, kinds, strict=True))


@dataclass(frozen=True)
class Readings:
    """Every sentence's reading of every frame, and the hits behind them.

    ``by_sentence`` maps a sentence id to ``{frame id: "support"|"deny"|"none"}``
    (:func:`framing.lexicons.reading.frame_readings`); ``hits`` maps it to its hits.
    """

    frames: list[str]
    hits: dict[int, list[Hit]]
    by_sentence: dict[int, dict[str, str]]

    @classmethod
    def of(cls, analysis: Analysis) -> Readings:
        frames = [f.id for f in analysis.frames]
        hits: dict[int, list[Hit]] = defaultdict(list)
        for hit in analysis.hits:
            hits[hit.sentence].append(hit)
        by_sentence = {s.id: frame_readings(hits.get(s.id, ()), frames) for s in analysis.sentences}
        return cls(frames, hits, by_sentence)


#: A table: its header and its rows, values typed (ints stay ints).
Rows = tuple[list[str], list[list[object]]]


def _csv(header: Sequence[str] | None, rows: Iterable[Sequence[object]]) -> str:
    """CSV text of ``rows``, after ``header`` unless it is None."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    if header is not None:
        writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def sentence_rows(analysis: Analysis, readings: Readings) -> Rows:
    """``sentences.csv``: one row per sentence, its reading and matched terms per frame."""
    frames = readings.frames
    documents = {d.id: d for d in analysis.documents}
    names = {o.id: o.name for o in analysis.outlets}
    rows: list[list[object]] = []
    for s in analysis.sentences:
        doc = documents.get(s.document)
        name = names.get(s.outlet, s.outlet)
        read, hits = readings.by_sentence[s.id], readings.hits.get(s.id, ())
        rows.append([s.id, *sentence_row(s, name, doc.date if doc else None, read, hits, frames)])
    return sentence_header(frames), rows


def document_rows(analysis: Analysis, readings: Readings) -> Rows:
    """``documents.csv``: one row per document, with its sentences read as support and deny."""
    frames = readings.frames
    of_document: dict[str, list[dict[str, str]]] = defaultdict(list)
    for s in analysis.sentences:
        of_document[s.document].append(readings.by_sentence[s.id])
    names = {o.id: o.name for o in analysis.outlets}
    rows = [
        DocumentRow(d, names.get(d.outlet, d.outlet), reading_counts(of_document[d.id])).cells(
            frames, _same
        )
        for d in analysis.documents
    ]
    return document_header(frames), rows


def _same(path: str) -> str:
    return path


def _outlets(
    analysis: Analysis, frames: Sequence[str], readings: dict[int, dict[str, str]]
) -> Rows:
    denied: dict[tuple[str, str], int] = defaultdict(int)
    for s in analysis.sentences:
        for frame, reading in readings[s.id].items():
            if reading == DENY:
                denied[(s.outlet, frame)] += 1
    return _outlet_table(analysis, frames, denied)


def _outlet_table(
    analysis: Analysis, frames: Sequence[str], denied: Mapping[tuple[str, str], int]
) -> Rows:
    """``outlets.csv``, given each (outlet id, frame)'s sentences read as deny."""
    header = ["outlet_id", "outlet", "n_documents", "n_sentences", "n_tokens"]
    for f in frames:
        header += [f"{f}_share", f"{f}_ci95_low", f"{f}_ci95_high", f"{f}_support", f"{f}_deny"]
    rows: list[list[object]] = []
    for o in analysis.outlets:
        row: list[object] = [o.id, o.name, o.n_documents, o.n_sentences, o.n_tokens]
        for f in frames:
            score = analysis.score(o.id, f)
            row += [
                f"{score.share:.6f}",
                f"{score.ci95[0]:.6f}",
                f"{score.ci95[1]:.6f}",
                score.n_sentences,
                denied.get((o.id, f), 0),
            ]
        rows.append(row)
    return header, rows


def _over_time(analysis: Analysis) -> Rows:
    header = ["outlet", "frame", "period", "start", "end", "n_documents", "n_sentences"]
    header += ["n_support", "share", "ci95_low", "ci95_high", "too_few"]
    over_time = analysis.over_time
    if over_time is None:
        return header, []
    names = {o.id: o.name for o in analysis.outlets}
    periods = {p.key: p for p in over_time.periods}
    rows: list[list[object]] = [
        [
            names.get(s.outlet, s.outlet),
            s.frame,
            s.period,
            periods[s.period].start,
            periods[s.period].end,
            s.n_documents,
            s.n_sentences,
            s.n_support,
            "" if s.share is None else f"{s.share:.6f}",
            "" if s.ci95 is None else f"{s.ci95[0]:.6f}",
            "" if s.ci95 is None else f"{s.ci95[1]:.6f}",
            "true" if s.too_few else "false",
        ]
        for s in over_time.shares
    ]
    return header, rows


class TableWriter:
    """Writes the tables of a streamed quick analysis as its chunks come in.

    Pass it as ``tables`` to :func:`framing.analysis.pipeline.analyse`: each
    chunk's sentence, document and removed-span rows are appended to
    temporary files beside ``folder``'s tables (:class:`~framing.io.files.StagedFile`,
    or :class:`~framing.io.parquet_out.StagedParquet` for ``table_format="parquet"``,
    a row group at a time), so that no table is held in memory. :meth:`finish`
    adds the outlet and over-time tables, made from the finished analysis, and
    returns what :func:`~framing.io.files.write_texts_atomic` needs to write
    the whole set; :meth:`discard` removes the temporary files of a run that
    stops. Sources are shown relative to ``inputs``, as :func:`render_tables`
    shows them.
    """

    def __init__(
        self,
        folder: Path,
        frames: Sequence[str],
        *,
        inputs: Sequence[str | Path] = (),
        table_format: str = "csv",
    ) -> None:
        self.folder = folder
        self.names = table_names(table_format)
        self._made_folder = not folder.exists()
        self._frames = list(frames)
        self._roots = list(inputs)
        self._denied: dict[tuple[str, str], int] = defaultdict(int)
        self._files: list[StagedFile] = []
        self._parquet: list[StagedParquet] = []
        headers = {
            "sentences": sentence_header(self._frames),
            "documents": document_header(self._frames),
            "removed": REMOVED_HEADER,
        }
        try:
            if table_format == "parquet":
                from framing.io.parquet_out import StagedParquet, require_pyarrow

                require_pyarrow()
                for table, header in headers.items():
                    columns = _columns(header, table_kinds(table, self._frames))
                    self._parquet.append(StagedParquet(folder / f"{table}.parquet", columns))
                self._files += self._parquet
            else:
                from framing.io.files import StagedFile

                for table, header in headers.items():
                    self._files.append(StagedFile(folder / f"{table}.csv"))
                    self._files[-1].write(_csv(header, []))
        except BaseException:
            self.discard()
            raise

    def __call__(self, rows: ChunkTables, first_sentence: int) -> None:
        """Append a chunk's rows; its first sentence has id ``first_sentence``."""
        from framing.report.paths import display_path

        roots = self._roots

        def show(path: str) -> str:
            return display_path(path, roots)

        documents = (d.cells(self._frames, show) for d in rows.documents)
        if self._parquet:
            sentences, documents_file, removed = self._parquet
            sentences.add_csv(rows.sentences.text, ids_from=first_sentence)
            documents_file.add(documents)
            removed.add(map(removed_row, rows.removed))
        else:
            sentences_csv, documents_csv, removed_csv = self._files
            sentences_csv.write("".join(rows.sentences.with_ids(first_sentence)))
            documents_csv.write(_csv(None, documents))
            removed_csv.write(_csv(None, map(removed_row, rows.removed)))
        for d in rows.documents:
            for f in self._frames:
                self._denied[(d.outlet_name, f)] += d.counts.get((f, DENY), 0)

    def finish(self, analysis: Analysis) -> tuple[dict[Path, str | bytes], list[StagedFile]]:
        """The outlet and over-time tables, and the staged tables, for writing as a set."""
        ids = {o.name: o.id for o in analysis.outlets}
        denied = {(ids[name], f): n for (name, f), n in self._denied.items() if name in ids}
        tables = {
            "outlets": _outlet_table(analysis, self._frames, denied),
            "over_time": _over_time(analysis),
        }
        texts: dict[Path, str | bytes] = {}
        for table, (header, rows) in tables.items():
            if self._parquet:
                from framing.io.parquet_out import parquet_bytes

                columns = _columns(header, table_kinds(table, self._frames))
                texts[self.folder / f"{table}.parquet"] = parquet_bytes(columns, rows)
            else:
                texts[self.folder / f"{table}.csv"] = _csv(header, rows)
        return texts, list(self._files)

    def discard(self) -> None:
        """Remove the temporary files, and the folder if it made it and it is left empty."""
        for file in self._files:
            file.discard()
        if self._made_folder:
            with suppress(OSError):
                self.folder.rmdir()  # only when empty: the set may have been written
