"""Benchmark the pipeline on a large synthetic corpus, the seeds, and start-up.

The large corpus is built by resampling the seed articles
(:mod:`benchmarks.corpus`): each synthetic article gets a headline and a
photo caption and furniture lines (so cleaning has work to do) and 12-24 body
paragraphs of one to three sentences drawn from the cleaned seed sentences.
Articles are spread over outlets, each outlet drawing more often from one
seed outlet so that the outlets differ.

Run from the repository root::

    python benchmarks/bench_pipeline.py                 # 10,000 articles, 20 outlets
    python benchmarks/bench_pipeline.py --articles 2000 --outlets 5

It prints one table; figures go into docs/benchmarks.md. Each measurement
that needs a clean process (peak memory, end-to-end commands) runs in a
subprocess.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def build_corpus(folder: Path, *, n_articles: int, n_outlets: int, seed: int) -> None:
    """Write ``n_articles`` synthetic articles and a manifest.csv into ``folder``.

    The articles are :func:`benchmarks.corpus.generate_articles`'s, one text
    file each. Every article is dated 2022-03-10 in the manifest, as in the
    earlier figures of docs/benchmarks.md, so that they stay comparable (the
    JSON Lines corpus of :mod:`benchmarks.corpus` spreads its dates instead).
    """
    from benchmarks.corpus import generate_articles

    folder.mkdir(parents=True, exist_ok=True)
    rows = ["file,outlet,title,date"]
    articles = generate_articles(n_articles, n_outlets=n_outlets, seed=seed)
    for article in articles:
        name = f"{article.id}.txt"
        (folder / name).write_text(article.text, encoding="utf-8")
        rows.append(f'{name},{article.outlet},"{article.title}",2022-03-10')
    (folder / "manifest.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")


def build_big_lexicon(folder: Path, *, n_terms: int, seed: int) -> Path:
    """Write the default set grown to ``n_terms`` terms; return its folder.

    The three default frames keep their terms and share the extra ones, so
    the comparison with the default set isolates the lexicon's size. The
    extra terms stand for a large dictionary used on a corpus it was not
    written for: 1% are content words of the seed articles and wildcards cut
    from them (they match, often); the rest are words and two-word phrases
    this corpus never uses, drawn from a pseudo-word vocabulary (a lookup
    each, no match). Hit counts are printed beside the times.
    """
    import tomllib

    from framing.analysis.features import build_analyzer
    from framing.resources import default_lexicons
    from framing.text.segment import tokenize

    rng = random.Random(seed)
    seed_text = " ".join(
        p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))
    )
    vocabulary = sorted(set(build_analyzer()(tokenize(seed_text))))
    words = [t for t in vocabulary if t.isalpha() and len(t) > 4]
    frames = [
        tomllib.loads(p.read_text(encoding="utf-8"))
        for p in sorted(default_lexicons().glob("[!_]*.toml"))
    ]
    n_extra = n_terms - sum(len(f["terms"]) for f in frames)
    extra = rng.sample(words, n_extra // 200) + [
        w[:5] + "*" for w in rng.sample(words, n_extra // 200)
    ]
    letters, vowels = "bcdfghjklmnpqrstvwxz", "aeiou"
    while len(extra) < n_extra:
        pseudo = "".join(rng.choice(letters) + rng.choice(vowels) for _ in range(rng.randint(3, 5)))
        extra.append(pseudo if rng.random() < 0.8 else f"{pseudo} {rng.choice(words)}")
    folder.mkdir(parents=True, exist_ok=True)
    for k, frame in enumerate(frames):
        terms = [t if isinstance(t, str) else t["term"] for t in frame["terms"]]
        terms += extra[k :: len(frames)]
        body = ",\n".join(f"    {json.dumps(t)}" for t in dict.fromkeys(terms))
        (folder / f"{frame['id']}.toml").write_text(
            f'id = "{frame["id"]}"\nterms = [\n{body},\n]\n', encoding="utf-8"
        )
    return folder


def time_lexicon_sizes(folder: Path, big: Path) -> dict[str, float]:
    """Analysis time of one cleaned corpus with the default set and with a big one."""
    from framing.analysis.pipeline import analyse
    from framing.io.corpus import load_corpus
    from framing.lexicons.load import load_lexicons
    from framing.resources import default_lexicons
    from framing.text.clean import clean_corpus

    clean = clean_corpus(load_corpus([folder]))
    times: dict[str, float] = {}
    for name, path in (("default set", default_lexicons()), ("big set", big)):
        lexicons = load_lexicons(path)
        start = time.perf_counter()
        analysis = analyse(clean, lexicons)
        times[f"analyse, {name} ({sum(len(f.terms) for f in lexicons.frames)} terms)"] = (
            time.perf_counter() - start
        )
        times[f"hits, {name}"] = len(analysis.hits)
    return times


def time_stages(folder: Path, lexicons: str | None) -> dict[str, float]:
    """Run each stage once in this process and time it; add peak memory."""
    from framing.analysis.pipeline import analyse
    from framing.io.corpus import load_corpus
    from framing.lexicons.load import load_lexicons
    from framing.model import AnalysisOptions
    from framing.report import render_html, render_json
    from framing.resources import default_lexicons
    from framing.text.clean import clean_corpus

    times: dict[str, float] = {}
    # Heavy libraries load lazily on first use; time that once, apart from
    # the per-corpus work (the seeds run below includes it end to end).
    start = time.perf_counter()
    import nltk.tokenize.punkt  # noqa: F401
    import scipy.stats  # noqa: F401
    import sklearn.feature_extraction.text
    import sklearn.feature_selection  # noqa: F401

    times["import scikit-learn, nltk, scipy"] = time.perf_counter() - start
    start = time.perf_counter()
    corpus = load_corpus([folder])
    times["load"] = time.perf_counter() - start

    start = time.perf_counter()
    clean = clean_corpus(corpus)
    times["clean"] = time.perf_counter() - start

    lexicon_set = load_lexicons(lexicons or default_lexicons())
    start = time.perf_counter()
    analyse(clean, lexicon_set, options=AnalysisOptions(depth=False))
    times["analyse, quick (segment..evidence)"] = time.perf_counter() - start

    start = time.perf_counter()
    analysis = analyse(clean, lexicon_set)
    times["analyse, in depth (+ tests, tone, shared, quotes)"] = time.perf_counter() - start

    start = time.perf_counter()
    html, data = render_html(analysis), render_json(analysis)
    times["render html+json"] = time.perf_counter() - start
    times["html MB"] = len(html.encode()) / 1e6
    times["json MB"] = len(data.encode()) / 1e6
    opening = time_opening(html)
    if opening is not None:
        times["report interactive in Chromium s"] = opening
    times["articles"] = len(corpus.documents)
    times["sentences"] = len(analysis.sentences)
    times["peak RSS MB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return times


#: What "interactive" means: every chart drawn and the explorer's first page built.
INTERACTIVE = (
    "['heatmap', 'bars', 'similarity'].every(id => "
    "document.querySelector('#chart-' + id + ' .main-svg') !== null) && "
    "document.querySelectorAll('#explore-results li').length > 0"
)


def time_opening(html: str, *, repeat: int = 3) -> float | None:
    """Median seconds until a report is interactive in headless Chromium, or None.

    Each opening is a new page in one browser, from a file URL, timed from
    navigation until :data:`INTERACTIVE` holds. Needs Playwright and Debian's
    Chromium (``FRAMING_CHROMIUM`` or /usr/bin/chromium); skipped when either
    is missing.
    """
    import os
    import statistics

    executable = os.environ.get("FRAMING_CHROMIUM", "/usr/bin/chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if not Path(executable).exists():
        return None
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "report.html"
        path.write_text(html, encoding="utf-8")
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=executable,
                args=["--no-sandbox", "--headless", "--disable-gpu",
                      "--disable-background-networking"],
            )  # fmt: skip
            for _ in range(repeat):
                page = browser.new_page()
                start = time.perf_counter()
                page.goto(path.as_uri())
                page.wait_for_function(INTERACTIVE, polling=20)
                times.append(time.perf_counter() - start)
                page.close()
            browser.close()
    return statistics.median(times)


def time_command(args: list[str], *, repeat: int, cwd: Path) -> float:
    """Best wall time of ``repeat`` runs of a command."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(args, cwd=cwd, check=True, capture_output=True)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--outlets", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--lexicons", help="lexicon set to use (default: the bundled set)")
    parser.add_argument("--keep", type=Path, help="keep the generated corpus in this folder")
    parser.add_argument(
        "--big-lexicon-terms",
        type=int,
        default=5000,
        help="also time the analysis with a lexicon of this many terms (0: skip)",
    )
    parser.add_argument("--stages-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--lexicon-sizes-only", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.stages_only:
        print(json.dumps(time_stages(args.corpus, args.lexicons)))
        return
    if args.lexicon_sizes_only:
        print(json.dumps(time_lexicon_sizes(args.corpus, args.lexicon_sizes_only)))
        return

    work = Path(tempfile.mkdtemp(prefix="framing-bench-"))
    corpus = args.keep or work / "corpus"
    try:
        start = time.perf_counter()
        build_corpus(corpus, n_articles=args.articles, n_outlets=args.outlets, seed=args.seed)
        print(f"built {args.articles} articles in {time.perf_counter() - start:.1f} s")
        stage_cmd = [
            sys.executable,
            __file__,
            "--stages-only",
            "--corpus",
            str(corpus),
            *(["--lexicons", args.lexicons] if args.lexicons else []),
        ]
        stages = json.loads(subprocess.run(stage_cmd, check=True, capture_output=True).stdout)
        sizes: dict[str, float] = {}
        if args.big_lexicon_terms:
            big = build_big_lexicon(
                work / "big_lexicon", n_terms=args.big_lexicon_terms, seed=args.seed
            )
            sizes_cmd = [sys.executable, __file__, "--lexicon-sizes-only", str(big)]
            sizes_cmd += ["--corpus", str(corpus)]
            sizes = json.loads(subprocess.run(sizes_cmd, check=True, capture_output=True).stdout)
        framing = [sys.executable, "-m", "framing"]
        seeds_time = time_command(
            [*framing, "report", "--quiet", "--out", str(work / "s.html")], repeat=3, cwd=REPO
        )
        help_time = time_command([*framing, "--help"], repeat=5, cwd=REPO)
        seeds_html = (work / "s.html").read_text(encoding="utf-8")
        seeds_opening = time_opening(seeds_html)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    analysed = stages["load"] + stages["clean"] + stages["analyse, quick (segment..evidence)"]
    with_imports = analysed + stages["import scikit-learn, nltk, scipy"]
    in_depth = (
        stages["load"]
        + stages["clean"]
        + stages["analyse, in depth (+ tests, tone, shared, quotes)"]
        + stages["render html+json"]
    )
    print(f"\n{int(stages['articles'])} articles, {int(stages['sentences'])} sentences")
    for key, value in stages.items():
        if key not in ("articles", "sentences"):
            print(f"  {key:50s} {value:8.2f}")
    print(f"  {'load+clean+analyse s':50s} {analysed:8.2f}")
    print(f"  {'... with the imports s':50s} {with_imports:8.2f}")
    print(f"  {'articles per second':50s} {stages['articles'] / analysed:8.0f}")
    print(f"  {'whole report, in depth s':50s} {in_depth:8.2f}")
    print(f"  {'... / quick analysis':50s} {in_depth / analysed:8.2f}")
    if sizes:
        print("lexicon size (same corpus, same process):")
        for key, value in sizes.items():
            print(f"  {key:46s} {value:10.2f}")
        default_key, big_key = (k for k in sizes if k.startswith("analyse"))
        print(f"  {'ratio big / default':46s} {sizes[big_key] / sizes[default_key]:10.2f}")
    print(f"seeds report end to end (best of 3): {seeds_time:.2f} s")
    print(f"seeds report size:                   {len(seeds_html.encode()) / 1e6:.2f} MB")
    if seeds_opening is not None:
        print(f"seeds report interactive (median 3): {seeds_opening:.2f} s")
    print(f"framing --help (best of 5):          {help_time:.3f} s")


if __name__ == "__main__":
    main()
