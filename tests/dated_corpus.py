"""A tiny dated corpus with a planted change, for the frames-over-time tests.

"Daily Planet" gives goodwill 8 of each article's 20 body sentences in
March 2022 and 1 in June 2022, with one short article (too few sentences)
in each of April and May; "Evening Star" gives it 4 of 20 throughout, and
has one article without a date. Every sentence is different, so cleaning
keeps them all; each article also has a headline (21 sentences in all).
"""

from __future__ import annotations

import csv
from pathlib import Path

from framing.model import Corpus, Document

PLACES = ("river", "valley", "harbour", "station", "market", "bridge", "council", "school")

#: (outlet, date, body sentences, sentences with the frame word), one per article.
ARTICLES: tuple[tuple[str, str, int, int], ...] = (
    *(("Daily Planet", f"2022-03-{2 + 6 * i:02d}", 20, 8) for i in range(5)),
    ("Daily Planet", "2022-04-12", 8, 4),
    ("Daily Planet", "2022-05-12", 8, 0),
    *(("Daily Planet", f"2022-06-{2 + 6 * i:02d}", 20, 1) for i in range(5)),
    *(("Evening Star", f"2022-03-{3 + 6 * i:02d}", 20, 4) for i in range(5)),
    *(("Evening Star", f"2022-06-{3 + 6 * i:02d}", 20, 4) for i in range(5)),
    ("Evening Star", "", 20, 4),
)


def article_text(number: int, outlet: str, n: int, k: int, word: str = "goodwill") -> str:
    """A headline and ``n`` one-sentence paragraphs, the first ``k`` using ``word``."""
    lines = [f"{outlet} report {number} on the volunteers", ""]
    for i in range(n):
        place = PLACES[i % len(PLACES)]
        if i < k:
            lines.append(f"Volunteer {number}-{i} near the {place} spoke of {word} for everyone.")
        else:
            lines.append(f"Volunteer {number}-{i} near the {place} described the weather there.")
        lines.append("")
    return "\n".join(lines)


def dated_corpus(articles=ARTICLES, name: str = "dated") -> Corpus:
    """The articles as a :class:`Corpus` (an empty date is no date)."""
    return Corpus(
        tuple(
            Document(
                id=f"a{number:03d}",
                outlet=outlet,
                text=article_text(number, outlet, n, k),
                source=f"a{number:03d}.txt",
                date=day or None,
            )
            for number, (outlet, day, n, k) in enumerate(articles, 1)
        ),
        name=name,
    )


def write_dated_corpus(folder: Path, articles=ARTICLES) -> Path:
    """The articles as text files with a manifest.csv in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "manifest.csv").open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["file", "outlet", "date"])
        for number, (outlet, day, n, k) in enumerate(articles, 1):
            name = f"a{number:03d}.txt"
            (folder / name).write_text(article_text(number, outlet, n, k), encoding="utf-8")
            writer.writerow([name, outlet, day])
    return folder


def write_goodwill_lexicons(folder: Path) -> Path:
    """Two frames: goodwill (``goodwill``) and extremists (``extremist*``)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "goodwill.toml").write_text(
        'id = "goodwill"\nlabel = "goodwill"\ndescription = "Good will."\nterms = ["goodwill"]\n',
        encoding="utf-8",
    )
    (folder / "extremists.toml").write_text(
        'id = "extremists"\nlabel = "extremists"\ndescription = "Extremists."\n'
        'terms = ["extremist*"]\n',
        encoding="utf-8",
    )
    return folder
