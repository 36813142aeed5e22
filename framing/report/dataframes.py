"""The analysis as pandas DataFrames, for a notebook.

:func:`to_dataframes` returns three tables, one row per unit:

* ``sentences``: every analysed sentence, with its document, outlet, date,
  position, part and text, per frame the lexicon's reading (``support``,
  ``deny`` or ``none``) and a ``<frame>_terms`` column (the matched entries);
  the columns of ``sentences.csv`` (:mod:`framing.report.tables`);
* ``documents``: per document, its metadata, size and per frame the
  sentences read as support and as deny; the columns of ``documents.csv``;
* ``scores``: one row per outlet and frame (long form, so
  ``scores.pivot(index="outlet", columns="frame", values="share")`` gives the
  report's heatmap): the share of the outlet's sentences that invoke the
  frame with its 95% interval, the sentences read as support and as deny,
  the hits, hits per 1,000 words and the negated hits.

pandas is an optional dependency (``pip install "framing[pandas]"``); it is
imported only when :func:`to_dataframes` is called.

The analysis must be in memory. For a corpus too large for that, ``framing
report --quick --tables DIR --table-format parquet`` writes the sentence and
document tables as the articles are read; ``pandas.read_parquet(DIR /
"sentences.parquet")`` reads one back, typed, with the columns of
``sentences`` here (``sentence`` a column, not the index; empty cells null).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from framing.model import Analysis
from framing.model.coding import DENY
from framing.report.paths import for_display
from framing.report.tables import Readings, document_rows, sentence_rows

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class DataFrames:
    """The three tables of :func:`to_dataframes`."""

    sentences: pd.DataFrame
    documents: pd.DataFrame
    scores: pd.DataFrame


SCORE_COLUMNS = [
    "outlet_id",
    "outlet",
    "frame",
    "label",
    "n_outlet_sentences",
    "share",
    "ci95_low",
    "ci95_high",
    "n_support",
    "n_deny",
    "n_hits",
    "per_1k_tokens",
    "n_negated",
]


def to_dataframes(analysis: Analysis, *, inputs: Sequence[str | Path] = ()) -> DataFrames:
    """Sentences, documents and outlet × frame scores as pandas DataFrames.

    Raises ``ImportError`` with the command that installs pandas when it is
    missing. Document sources are shown as in the report, relative to
    ``inputs`` (:mod:`framing.report.paths`). The same tables written by
    ``framing report --tables DIR --table-format parquet`` are read with
    ``pandas.read_parquet``.
    """
    try:
        import pandas as pd
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(
            'to_dataframes needs pandas: pip install "framing[pandas]" (or pip install pandas)'
        ) from exc
    analysis = for_display(analysis, inputs)
    readings = Readings.of(analysis)
    header, rows = sentence_rows(analysis, readings)
    sentences = pd.DataFrame(rows, columns=header).set_index("sentence")
    header, rows = document_rows(analysis, readings)
    documents = pd.DataFrame(rows, columns=header).set_index("document")
    return DataFrames(
        sentences=sentences,
        documents=documents,
        scores=pd.DataFrame(_score_rows(analysis, readings), columns=SCORE_COLUMNS),
    )


def _score_rows(analysis: Analysis, readings: Readings) -> list[list[object]]:
    denied: dict[tuple[str, str], int] = defaultdict(int)
    for s in analysis.sentences:
        for frame, reading in readings.by_sentence[s.id].items():
            if reading == DENY:
                denied[(s.outlet, frame)] += 1
    rows: list[list[object]] = []
    for o in analysis.outlets:
        for f in analysis.frames:
            score = analysis.score(o.id, f.id)
            rows.append(
                [
                    o.id,
                    o.name,
                    f.id,
                    f.label,
                    o.n_sentences,
                    score.share,
                    score.ci95[0],
                    score.ci95[1],
                    score.n_sentences,
                    denied[(o.id, f.id)],
                    score.n_hits,
                    score.per_1k_tokens,
                    score.n_negated,
                ]
            )
    return rows
