"""The synthetic benchmark corpus, generated one article at a time.

Every benchmark builds its articles here, by resampling the cleaned seed
sentences: each synthetic article gets a headline and a photo caption and
furniture lines (so cleaning has work to do) and 12-24 body paragraphs of one
to three sentences drawn from the seed sentences, about 5.6 KB of text.
Article ``i`` belongs to outlet ``i % n_outlets``, and each outlet draws 60%
of its sentences from one seed article so that the outlets differ. The same
seed gives the same articles, in the same order.

With ``distinct=True`` (``--distinct``) each drawn sentence has two of its
inner words replaced by words drawn from the seeds' vocabulary, so that,
like a real corpus and unlike the default one, almost no sentence text
repeats (the default corpus has about 3% distinct sentences): what the
pipeline remembers per distinct text then saves next to nothing. The words
stay the seeds' words, so the vocabulary and the share of sentences with a
lexicon term stay close to the default corpus's.

:func:`generate_articles` yields the articles; :func:`write_jsonl` streams
them to one JSON Lines file (the table format ``framing report`` reads, see
docs/inputs.md), never holding more than one article in memory, so a
million articles (about 5.6 GB) cost no more memory than ten. In the JSON
Lines file the dates are spread evenly over 2022 (in article order), so
that the report's frames over time have periods.

Run from the repository root::

    python benchmarks/corpus.py /tmp/corpus.jsonl --articles 1000000
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import random
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

#: The year the JSON Lines corpus's dates are spread over.
YEAR = 2022


@dataclass(frozen=True)
class SyntheticArticle:
    """One generated article, with the fields of a table row."""

    id: str
    outlet: str
    title: str
    date: str
    text: str


def seed_pools() -> list[list[str]]:
    """The cleaned sentences of each bundled seed article, one list per article."""
    from framing.io.corpus import load_corpus
    from framing.text.clean import clean_corpus
    from framing.text.segment import split_sentences

    clean = clean_corpus(load_corpus([REPO / "seeds"]))
    return [[s for p in doc.paragraphs for s in split_sentences(p)] for doc in clean.documents]


def article_date(index: int, n_articles: int) -> str:
    """The date of article ``index`` of ``n_articles``: spread evenly over :data:`YEAR`.

    >>> article_date(0, 4), article_date(3, 4)
    ('2022-01-01', '2022-10-01')
    """
    start = datetime.date(YEAR, 1, 1)
    days = (datetime.date(YEAR + 1, 1, 1) - start).days
    return (start + datetime.timedelta(days=index * days // max(n_articles, 1))).isoformat()


def generate_articles(
    n_articles: int,
    *,
    n_outlets: int = 20,
    seed: int = 1,
    pools: Sequence[Sequence[str]] | None = None,
    distinct: bool = False,
) -> Iterator[SyntheticArticle]:
    """Yield ``n_articles`` synthetic articles, one at a time, the same for the same seed.

    ``pools`` are the sentences to draw from (default: :func:`seed_pools`).
    Dates come from :func:`article_date` and use no random draw, so the texts
    do not depend on them. ``distinct``: see the module's docstring.
    """
    pools = seed_pools() if pools is None else pools
    rng = random.Random(seed)
    vocabulary = sorted({w for pool in pools for s in pool for w in s.split()[1:-1]})

    def draw(pool: Sequence[str]) -> str:
        sentence = rng.choice(pool)
        if not distinct:
            return sentence
        words = sentence.split(" ")
        if len(words) > 3:
            for _ in range(2):
                words[rng.randrange(1, len(words) - 1)] = rng.choice(vocabulary)
        return " ".join(words)

    for i in range(n_articles):
        outlet = i % n_outlets
        favourite = pools[outlet % len(pools)]
        paragraphs = []
        for _ in range(rng.randint(12, 24)):
            pool = favourite if rng.random() < 0.6 else rng.choice(pools)
            paragraphs.append(" ".join(draw(pool) for _ in range(rng.randint(1, 3))))
        headline = f"Volunteers weigh the risks of a foreign war, report {i}"
        text = "\n\n".join(
            [
                headline,
                "Volunteers train near the border, Saturday, Feb. 5, 2022. (AP Photo/Staff)",
                "Updated 10 March 2022",
                "Follow",
                *paragraphs,
                "Read Next: Another story about the war",
            ]
        )
        yield SyntheticArticle(
            id=f"article_{i:05d}",
            outlet=f"Outlet {outlet:02d}",
            title=headline,
            date=article_date(i, n_articles),
            text=text + "\n",
        )


def write_jsonl(
    path: Path, *, n_articles: int, n_outlets: int = 20, seed: int = 1, distinct: bool = False
) -> int:
    """Stream ``n_articles`` articles to ``path`` as JSON Lines; return the bytes written.

    The file is written under a temporary name beside ``path`` and renamed
    when complete, so an interrupted run never leaves a partial corpus that a
    later run would take for a finished one.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    try:
        with partial.open("w", encoding="utf-8", newline="\n", buffering=1 << 20) as handle:
            articles = generate_articles(
                n_articles, n_outlets=n_outlets, seed=seed, distinct=distinct
            )
            for article in articles:
                handle.write(json.dumps(asdict(article), ensure_ascii=False) + "\n")
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return path.stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="the JSON Lines file to write")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--outlets", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--distinct", action="store_true", help="sentences that almost never repeat (see above)"
    )
    args = parser.parse_args()
    wall, cpu = time.perf_counter(), time.process_time()
    size = write_jsonl(
        args.out,
        n_articles=args.articles,
        n_outlets=args.outlets,
        seed=args.seed,
        distinct=args.distinct,
    )
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(
        f"wrote {args.articles:,} articles, {size / 1e6:,.1f} MB, to {args.out} "
        f"in {wall:.1f} s wall, {cpu:.1f} s CPU ({args.articles / wall:,.0f} articles/s)"
    )


if __name__ == "__main__":
    main()
