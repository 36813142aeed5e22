"""The rows of the sentence, document and removed-span tables, defined once.

``framing report --tables`` writes them (:mod:`framing.report.tables`): from
the sentences an in-depth analysis keeps, or, for a streamed quick
analysis, chunk by chunk as the map step makes them
(:func:`chunk_table_rows`), so that no table is ever held whole in memory.
Both paths build every row here, so their tables are the same.

The map step renders a chunk's sentence rows as CSV text without their
first column (the corpus-wide sentence id, which only the reduce step
knows), with the offset of each row in the text; a sentence's text may
hold a line break inside its quoted field, so rows are found by offset,
never by splitting lines.
"""

from __future__ import annotations

import csv
from array import array
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from framing.lexicons.reading import frame_terms
from framing.model import DocumentSummary, Hit, RemovedSpan, Sentence
from framing.model.coding import DENY, SUPPORT


def sentence_header(frames: Sequence[str]) -> list[str]:
    """The columns of ``sentences.csv``."""
    header = ["sentence", "document", "outlet", "date", "position", "part", "text"]
    return header + list(frames) + [f"{f}_terms" for f in frames]


def sentence_row(
    s: Sentence,
    outlet_name: str,
    date: str | None,
    readings: Mapping[str, str],
    hits: Iterable[Hit],
    frames: Sequence[str],
) -> list[object]:
    """One sentence's row of ``sentences.csv`` without its first column (its id).

    ``readings`` are the sentence's readings of the frames
    (:func:`~framing.lexicons.reading.frame_readings` of ``hits``), made once
    by the caller, who counts them for ``documents.csv`` too.
    """
    terms = frame_terms(hits, frames)
    return [
        s.document,
        outlet_name,
        date or "",
        s.position,
        s.part,
        s.text,
        *(readings[f] for f in frames),
        *("; ".join(terms[f]) for f in frames),
    ]


def document_header(frames: Sequence[str]) -> list[str]:
    """The columns of ``documents.csv``."""
    header = ["document", "outlet", "date", "title", "url", "source", "n_sentences", "n_tokens"]
    return header + [f"{f}_{kind}" for f in frames for kind in (SUPPORT, DENY)]


@dataclass(frozen=True)
class DocumentRow:
    """One document's row of ``documents.csv``: its summary, its outlet's name, its counts.

    ``counts`` holds, per frame and kind (``support``, ``deny``), the
    sentences read so (:func:`reading_counts`).
    """

    summary: DocumentSummary
    outlet_name: str
    counts: Mapping[tuple[str, str], int]

    def cells(self, frames: Sequence[str], show: Callable[[str], str]) -> list[object]:
        """The row's cells, its source shown by ``show``."""
        d = self.summary
        return [
            d.id,
            self.outlet_name,
            d.date or "",
            d.title or "",
            d.url or "",
            show(d.source),
            d.n_sentences,
            d.n_tokens,
            *(self.counts.get((f, kind), 0) for f in frames for kind in (SUPPORT, DENY)),
        ]


def reading_counts(readings: Iterable[Mapping[str, str]]) -> dict[tuple[str, str], int]:
    """Per (frame, reading), how many of the sentences whose ``readings`` are given are read so."""
    counts: dict[tuple[str, str], int] = {}
    for read in readings:
        for frame, reading in read.items():
            counts[(frame, reading)] = counts.get((frame, reading), 0) + 1
    return counts


REMOVED_HEADER = ["document", "line", "reason", "text"]


def removed_row(span: RemovedSpan) -> list[object]:
    """One removed span's row of ``removed.csv``."""
    return [span.document, span.line, span.reason, span.text]


@dataclass(frozen=True)
class SentenceBlock:
    """A chunk's sentence rows as CSV text, without the id column, and where each row starts."""

    text: str
    starts: array[int]

    def with_ids(self, first_id: int) -> Iterable[str]:
        """The rows with their ids, ``first_id`` for the first, as CSV text pieces."""
        text, starts = self.text, self.starts
        if not starts:
            return
        ends = [*starts[1:], len(text)]
        for i, (start, end) in enumerate(zip(starts, ends, strict=True)):
            yield f"{first_id + i},{text[start:end]}"


def sentence_block(rows: Iterable[Sequence[object]]) -> SentenceBlock:
    """Render sentence rows (without ids) as one CSV text, remembering where each starts."""
    out = _RowText()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return SentenceBlock("".join(out.parts), out.starts)


class _RowText:
    """A file for :func:`csv.writer`, which writes each row in one call: where each starts."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.starts = array("q")
        self.length = 0

    def write(self, text: str) -> int:
        self.starts.append(self.length)
        self.parts.append(text)
        self.length += len(text)
        return len(text)


@dataclass(frozen=True)
class ChunkTables:
    """A chunk's rows of the streamed tables, in document order."""

    sentences: SentenceBlock
    documents: tuple[DocumentRow, ...]
    removed: tuple[RemovedSpan, ...]
