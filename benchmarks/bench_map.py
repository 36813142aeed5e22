"""Time the per-document map step alone: segmenting, matching and term counting.

The quick analysis spends most of its CPU time in
:func:`framing.analysis.records.map_documents`, once per document. This
script builds a benchmark corpus as ``bench_pipeline.py`` does, cleans it,
and times in this one process (no worker pool):

* sentence splitting and tokenizing (``sentence_pieces`` of every document),
* term counting (``count_terms`` over all the sentences' tokens),
* the same, keeping each token as written (``cased_sentence_pieces``),
* how each word is written, for the names left out of the lexicon
  candidates (``NameStats.add``, from the tokens as written),
* lexicon matching (``Matcher.match_tokens``, sentence by sentence),
* the whole map step (``map_documents`` on chunks of 500 documents: all of
  the above, and the records),
* the same with every sentence read afresh (``records.REMEMBER`` off): a
  chunk then reads a paragraph or sentence text it has seen before again,
  as it must on a corpus whose texts do not repeat, where the benchmark
  corpus, resampled from a few hundred seed sentences, repeats most of them
  (the per-process memos, such as Punkt's decision per context, still
  profit from its repeats),

reporting seconds of wall-clock and of CPU time, CPU milliseconds per
article, and articles per second for the map step. Run from the repository
root::

    python benchmarks/bench_map.py                  # 2,000 articles
    python benchmarks/bench_map.py --articles 5000 --repeat 3
    python benchmarks/bench_map.py --input seeds/ --input ../shared/dev/volunteers
    python benchmarks/bench_map.py --profile        # cProfile of the map step
    python benchmarks/bench_map.py --profile --afresh   # ... reading every sentence afresh

``--input`` times the stages on those articles (files or folders, as
``framing report`` reads them) instead of a generated corpus.

With ``--repeat``, each figure is the best of the runs (the machine is shared).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

#: Documents per call of ``map_documents``, as the pipeline's chunks.
CHUNK = 500
MAP = "map_documents (all of the above, and the records)"
AFRESH = "... every sentence read afresh (REMEMBER off)"


def _timed(work: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Best wall-clock and CPU seconds of ``repeat`` runs of ``work``."""
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        work()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--outlets", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--profile", action="store_true", help="print a cProfile of the map step")
    parser.add_argument(
        "--afresh",
        action="store_true",
        help="with --profile: profile the map step reading every sentence afresh",
    )
    parser.add_argument(
        "--input", type=Path, action="append", help="time these articles instead (repeatable)"
    )
    args = parser.parse_args()

    import gc

    from benchmarks.bench_pipeline import build_corpus
    from framing.analysis import records
    from framing.analysis.features import count_terms
    from framing.analysis.names import NameStats
    from framing.analysis.records import map_documents
    from framing.io.corpus import load_corpus
    from framing.lexicons.load import load_lexicons
    from framing.lexicons.match import Matcher
    from framing.resources import default_lexicons
    from framing.text.clean import clean_corpus
    from framing.text.segment import build_sentences, cased_sentence_pieces, sentence_pieces

    if args.input:
        clean = clean_corpus(load_corpus(args.input))
    else:
        with tempfile.TemporaryDirectory() as tmp:
            build_corpus(
                Path(tmp), n_articles=args.articles, n_outlets=args.outlets, seed=args.seed
            )
            clean = clean_corpus(load_corpus([Path(tmp)]))
    docs = clean.documents
    lexicons = load_lexicons(default_lexicons())
    outlet_ids = {name: f"o{k}" for k, name in enumerate(sorted({d.outlet for d in docs}))}
    chunks = [docs[i : i + CHUNK] for i in range(0, len(docs), CHUNK)]
    cased = [cased_sentence_pieces(doc) for doc in docs]  # warm-up: lazy imports, patterns
    pieces = [doc_pieces for doc_pieces, _ in cased]
    written = [forms for _, forms in cased]
    token_lists = [p[3] for doc_pieces in pieces for p in doc_pieces]
    sentences = [
        build_sentences([doc], [doc_pieces], outlet_ids=outlet_ids)
        for doc, doc_pieces in zip(docs, pieces, strict=True)
    ]

    def names() -> None:
        stats = NameStats()
        for own, forms in zip(sentences, written, strict=True):
            stats.add(own, forms)

    def match() -> None:
        matcher = Matcher(lexicons)
        for own, forms in zip(sentences, written, strict=True):
            previous: tuple[str, ...] = ()
            for s, w in zip(own, forms, strict=True):
                matcher.match_tokens(
                    s.tokens,
                    sentence_id=s.id,
                    previous=previous,
                    text=s.text,
                    part=s.part,
                    written=w,
                )
                previous = s.tokens

    def map_all() -> None:
        for chunk in chunks:
            map_documents(chunk, lexicons=lexicons, outlet_ids=outlet_ids, per_cell=20)

    def map_afresh() -> None:
        remember = getattr(records, "REMEMBER", None)
        records.REMEMBER = False  # type: ignore[attr-defined,unused-ignore]
        try:
            map_all()
        finally:
            if remember is not None:
                records.REMEMBER = remember

    gc.disable()  # as the pipeline does during analysis
    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(map_afresh if args.afresh else map_all)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(30)
        return
    rows = {
        "sentence splitting + tokenizing": _timed(
            lambda: [sentence_pieces(doc) for doc in docs], args.repeat
        ),
        "... and the tokens as written": _timed(
            lambda: [cased_sentence_pieces(doc) for doc in docs], args.repeat
        ),
        "term counting (count_terms)": _timed(
            lambda: [
                count_terms(token_lists[i : i + 20_000]) for i in range(0, len(token_lists), 20_000)
            ],
            args.repeat,
        ),
        "names (NameStats.add)": _timed(names, args.repeat),
        "lexicon matching (Matcher.match_tokens)": _timed(match, args.repeat),
        MAP: _timed(map_all, args.repeat),
        AFRESH: _timed(map_afresh, args.repeat),
    }
    distinct = len({p[2] for doc_pieces in pieces for p in doc_pieces})
    print(
        f"{len(docs)} articles, {len(token_lists)} sentences ({distinct} distinct texts), "
        f"best of {args.repeat}"
    )
    print(f"{'stage':<55} {'wall s':>8} {'CPU s':>8} {'CPU ms/article':>15}")
    for name, (wall, cpu) in rows.items():
        print(f"{name:<55} {wall:8.2f} {cpu:8.2f} {1000 * cpu / len(docs):15.3f}")
    wall, cpu = rows[MAP]
    print(
        f"map_documents: {len(docs) / wall:,.0f} articles/s wall, {len(docs) / cpu:,.0f} per CPU s"
    )


if __name__ == "__main__":
    main()
