"""Benchmark the readers: a table of articles against the same texts as files.

Builds ``--articles`` synthetic articles (``bench_pipeline.build_corpus``:
seed sentences resampled, about 5 kB each) as text files with a manifest,
then writes the same texts, outlets, titles and dates as a CSV file, a
gzipped CSV, a JSON Lines file and, when pyarrow is installed, a Parquet
file. Each is loaded with ``load_corpus`` in a fresh process (the files are
read once before, so every input is timed from the page cache), best of
``--repeat``; the table gives the time, the rate and the peak memory of the
process, and checks that every input gave the same texts.

Run from the repository root::

    python benchmarks/bench_readers.py                     # 100,000 articles
    python benchmarks/bench_readers.py --articles 10000 --keep /tmp/readers
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def build_inputs(folder: Path, *, n_articles: int, seed: int) -> dict[str, Path]:
    """Write the corpus as files and as tables; return the inputs by name."""
    from benchmarks.bench_pipeline import build_corpus

    files = folder / "files"
    if not (files / "manifest.csv").exists():
        build_corpus(files, n_articles=n_articles, n_outlets=20, seed=seed)
    with (files / "manifest.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    inputs = {"text files + manifest": files}
    header = ["id", "outlet", "title", "date", "text"]
    table = folder / "articles.csv"
    with table.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for row in rows:
            text = (files / row["file"]).read_text(encoding="utf-8")
            writer.writerow(
                [Path(row["file"]).stem, row["outlet"], row["title"], row["date"], text]
            )
    inputs["CSV"] = table
    gzipped = folder / "articles.csv.gz"
    with table.open("rb") as source, gzip.open(gzipped, "wb", compresslevel=6) as target:
        target.writelines(source)
    inputs["CSV, gzipped"] = gzipped
    lines = folder / "articles.jsonl"
    with lines.open("w", encoding="utf-8") as handle:
        for row in rows:
            text = (files / row["file"]).read_text(encoding="utf-8")
            record = {"id": Path(row["file"]).stem, "outlet": row["outlet"],
                      "title": row["title"], "date": row["date"], "text": text}  # fmt: skip
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    inputs["JSON Lines"] = lines
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        return inputs
    columns: dict[str, list[str]] = {name: [] for name in header}
    for row in rows:
        columns["id"].append(Path(row["file"]).stem)
        columns["text"].append((files / row["file"]).read_text(encoding="utf-8"))
        for name in ("outlet", "title", "date"):
            columns[name].append(row[name])
    parquet = folder / "articles.parquet"
    pq.write_table(pa.table(columns), parquet, row_group_size=10_000)
    inputs["Parquet"] = parquet
    return inputs


def measure(path: Path) -> dict[str, float | str]:
    """Load ``path`` in this process: seconds, articles, peak memory, digest of the texts."""
    from framing.io.corpus import load_corpus

    start = time.perf_counter()
    corpus = load_corpus([path])
    seconds = time.perf_counter() - start
    digest = hashlib.sha256()
    for doc in corpus.documents:
        digest.update(doc.text.encode("utf-8"))
    return {
        "seconds": seconds,
        "articles": len(corpus.documents),
        "peak RSS MB": peak_memory_mb(),
        "texts": digest.hexdigest()[:12],
    }


def peak_memory_mb() -> float:
    """This process's peak resident memory, in MB.

    ``VmHWM`` where Linux gives it: ``ru_maxrss`` survives ``exec`` there, so
    a process started by a large one would report its parent's peak.
    """
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_fresh(path: Path, *, repeat: int) -> dict[str, float | str]:
    """:func:`measure` in a fresh process, best of ``repeat`` by time."""
    best: dict[str, float | str] | None = None
    for _ in range(repeat):
        out = subprocess.run(
            [sys.executable, __file__, "--measure-only", str(path)],
            cwd=REPO, check=True, capture_output=True, text=True,
        )  # fmt: skip
        result = json.loads(out.stdout)
        if best is None or result["seconds"] < best["seconds"]:
            best = result
    assert best is not None
    return best


def warm(path: Path) -> None:
    """Read every file of ``path`` once, so each input is timed from the page cache."""
    for file in sorted(path.iterdir()) if path.is_dir() else [path]:
        file.read_bytes()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=2, help="fresh loads per input (best)")
    parser.add_argument("--keep", type=Path, help="build (or reuse) the inputs in this folder")
    parser.add_argument("--measure-only", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure_only:
        print(json.dumps(measure(args.measure_only)))
        return
    with tempfile.TemporaryDirectory(prefix="framing-readers-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        start = time.perf_counter()
        inputs = build_inputs(folder, n_articles=args.articles, seed=args.seed)
        print(f"built {args.articles:,} articles in {time.perf_counter() - start:.0f} s")
        print("| input | size | load | articles/s | peak RSS | same texts |")
        print("|---|---|---|---|---|---|")
        reference = None
        for name, path in inputs.items():
            warm(path)
            size = sum(p.stat().st_size for p in (path.iterdir() if path.is_dir() else [path]))
            result = measure_fresh(path, repeat=args.repeat)
            reference = reference or result["texts"]
            seconds = float(result["seconds"])
            print(
                f"| {name} | {size / 1e6:,.0f} MB | {seconds:.2f} s "
                f"| {float(result['articles']) / seconds:,.0f} "
                f"| {float(result['peak RSS MB']):,.0f} MB "
                f"| {'yes' if result['texts'] == reference else 'NO'} |"
            )


if __name__ == "__main__":
    main()
