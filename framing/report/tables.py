"""``--tables DIR``: the analysis as CSV tables, for pandas, R or a spreadsheet.

Four tables, one row per unit (layout in docs/validation.md):

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
  only the header when the articles have no dates or fall in one period.

The report and the JSON show the strongest evidence; these tables hold the
reading of every sentence, which is what a researcher's own models need.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from framing.lexicons.reading import frame_readings, frame_terms
from framing.model import Analysis, Hit
from framing.model.coding import DENY, SUPPORT
from framing.report.paths import for_display

TABLE_NAMES = ("sentences.csv", "documents.csv", "outlets.csv", "over_time.csv")


def render_tables(analysis: Analysis, *, inputs: Sequence[str | Path] = ()) -> dict[str, str]:
    """File name -> CSV text, for each of :data:`TABLE_NAMES`.

    Sources are given relative to ``inputs`` (:mod:`framing.report.paths`).
    """
    analysis = for_display(analysis, inputs)
    readings = Readings.of(analysis)
    return {
        "sentences.csv": _csv(*sentence_rows(analysis, readings)),
        "documents.csv": _csv(*document_rows(analysis, readings)),
        "outlets.csv": _outlets(analysis, readings.frames, readings.by_sentence),
        "over_time.csv": _over_time(analysis),
    }


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


def _csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def sentence_rows(analysis: Analysis, readings: Readings) -> Rows:
    """``sentences.csv``: one row per sentence, its reading and matched terms per frame."""
    frames = readings.frames
    documents = {d.id: d for d in analysis.documents}
    names = {o.id: o.name for o in analysis.outlets}
    header = ["sentence", "document", "outlet", "date", "position", "part", "text"]
    header += [f for f in frames] + [f"{f}_terms" for f in frames]
    rows: list[list[object]] = []
    for s in analysis.sentences:
        doc = documents.get(s.document)
        terms = frame_terms(readings.hits.get(s.id, ()), frames)
        rows.append(
            [
                s.id,
                s.document,
                names.get(s.outlet, s.outlet),
                (doc.date if doc else None) or "",
                s.position,
                s.part,
                s.text,
                *(readings.by_sentence[s.id][f] for f in frames),
                *("; ".join(terms[f]) for f in frames),
            ]
        )
    return header, rows


def document_rows(analysis: Analysis, readings: Readings) -> Rows:
    """``documents.csv``: one row per document, with its sentences read as support and deny."""
    frames = readings.frames
    counts: dict[tuple[str, str, str], int] = defaultdict(int)
    for s in analysis.sentences:
        for frame, reading in readings.by_sentence[s.id].items():
            counts[(s.document, frame, reading)] += 1
    names = {o.id: o.name for o in analysis.outlets}
    header = ["document", "outlet", "date", "title", "url", "source", "n_sentences", "n_tokens"]
    header += [f"{f}_{kind}" for f in frames for kind in (SUPPORT, DENY)]
    rows: list[list[object]] = [
        [
            d.id,
            names.get(d.outlet, d.outlet),
            d.date or "",
            d.title or "",
            d.url or "",
            d.source,
            d.n_sentences,
            d.n_tokens,
            *(counts[(d.id, f, kind)] for f in frames for kind in (SUPPORT, DENY)),
        ]
        for d in analysis.documents
    ]
    return header, rows


def _outlets(analysis: Analysis, frames: Sequence[str], readings: dict[int, dict[str, str]]) -> str:
    denied: dict[tuple[str, str], int] = defaultdict(int)
    for s in analysis.sentences:
        for frame, reading in readings[s.id].items():
            if reading == DENY:
                denied[(s.outlet, frame)] += 1
    header = ["outlet_id", "outlet", "n_documents", "n_sentences", "n_tokens"]
    for f in frames:
        header += [f"{f}_share", f"{f}_ci95_low", f"{f}_ci95_high", f"{f}_support", f"{f}_deny"]
    rows = []
    for o in analysis.outlets:
        row: list[object] = [o.id, o.name, o.n_documents, o.n_sentences, o.n_tokens]
        for f in frames:
            score = analysis.score(o.id, f)
            row += [
                f"{score.share:.6f}",
                f"{score.ci95[0]:.6f}",
                f"{score.ci95[1]:.6f}",
                score.n_sentences,
                denied[(o.id, f)],
            ]
        rows.append(row)
    return _csv(header, rows)


def _over_time(analysis: Analysis) -> str:
    header = ["outlet", "frame", "period", "start", "end", "n_documents", "n_sentences"]
    header += ["n_support", "share", "ci95_low", "ci95_high", "too_few"]
    over_time = analysis.over_time
    if over_time is None:
        return _csv(header, [])
    names = {o.id: o.name for o in analysis.outlets}
    periods = {p.key: p for p in over_time.periods}
    rows = (
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
    )
    return _csv(header, rows)
