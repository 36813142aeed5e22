"""Small tables of articles with every kind of bad row, for reading in partitions.

:func:`write_tables` writes the same synthetic articles (from
:mod:`benchmarks.corpus`) as JSON Lines, CSV and Parquet (row groups of 7
rows), among rows that are skipped (invalid JSON, empty text, a text field
missing; more than :data:`~framing.io.readers.rows.LISTED_PER_REASON` of
some kinds, so that some are only counted), dates that cannot be read,
outlets left empty, repeated ids, blank lines and a line that is not UTF-8.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from framing.io.corpus import load_corpus


def article_rows(folder: Path, n_articles: int = 40) -> list[dict[str, str | None]]:
    """Rows of synthetic articles (id, outlet, date, title, text), some odd."""
    from benchmarks.bench_pipeline import build_corpus

    build_corpus(folder, n_articles=n_articles, n_outlets=4, seed=2)
    rows: list[dict[str, str | None]] = []
    for i, d in enumerate(load_corpus([folder]).documents):
        rows.append(
            {
                "id": "same" if i % 6 == 0 else d.id,  # repeated ids are made unique
                "outlet": "" if i % 10 == 3 else d.outlet,  # the file's name stands in
                "date": "the day after" if i % 3 else f"2022-03-{1 + i % 28:02d}",
                "title": d.title,
                "text": d.text,
            }
        )
    return rows


def jsonl_lines(rows: list[dict[str, str | None]]) -> list[bytes]:
    """The rows as JSON Lines, with bad lines between them."""
    lines: list[bytes] = []
    for i, row in enumerate(rows):
        lines.append(json.dumps(row).encode())
        lines.append(b"{not json" if i % 3 else b"")
        if i % 2 or i % 5 == 0:
            lines.append(json.dumps({"text": " ", "outlet": "Blank"}).encode())
        if i % 9 == 4:
            lines.append(json.dumps({"body": "no text field"}).encode())
        if i == 7:
            lines.append('{"text": "caf\xe9 au lait", "outlet": "Latin"}'.encode("cp1252"))
    return lines


def write_tables(folder: Path, n_articles: int = 40) -> dict[str, Path]:
    """Write ``stories.jsonl``, ``stories.csv`` and ``stories.parquet`` into ``folder``."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder.mkdir(parents=True, exist_ok=True)
    rows = article_rows(folder / "articles", n_articles)
    paths = {
        "jsonl": folder / "stories.jsonl",
        "csv": folder / "stories.csv",
        "parquet": folder / "stories.parquet",
    }
    paths["jsonl"].write_bytes(b"\n".join(jsonl_lines(rows)))  # no line break at the end
    with paths["csv"].open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    # every other row of the first 50 has no text: more than are listed one by one
    blank = [{**row, "text": ""} for row in rows[:25]]
    table = pa.Table.from_pylist(
        [*(x for pair in zip(rows[:25], blank, strict=True) for x in pair), *rows[25:]]
    )
    pq.write_table(table, paths["parquet"], row_group_size=7)
    return paths
