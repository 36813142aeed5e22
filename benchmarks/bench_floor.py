"""The floor: the least work a frame count over a JSON Lines corpus needs, in one process.

For each article of a JSON Lines file (``benchmarks/corpus.py`` writes one),
this script does what any lexicon-and-term-count analysis must do at the
least, with the fastest plain tools, and nothing else:

1. read the line and decode the JSON (``json.loads``);
2. split the text into sentences with one regular expression (not Punkt): a
   break at a blank line, or after ``.``, ``!`` or ``?`` (and any closing
   quotes or bracket) followed by white space and a capital letter or digit
   (an opening quote or bracket allowed before it). Abbreviations such as
   "Gen. Smith" are cut wrongly; this is a floor, not a segmenter;
3. find the lexicon terms in the lower-cased text with one Aho-Corasick
   automaton (pyahocorasick) over the terms' surface forms, each match
   checked for word boundaries and counted for its sentence and frame (hits,
   and sentences with a hit, per frame and outlet);
4. tokenize with one regular expression (``\\w+`` with inner apostrophes and
   hyphens) and count the unigrams of each document (a ``Counter``), adding
   them to the corpus's document frequencies (what TF-IDF needs).

The surface forms: every term of the lexicon set
(``framing.lexicons.load.load_lexicons``, by default the bundled set), lower
case, its words expanded to their inflected forms when the set inflects
(``framing.lexicons.patterns.inflections``, lemminflect's tables). A word
ending in ``*`` is matched as a prefix (the match must start at a word
boundary, and may end anywhere); a gap ``{0,n}`` is matched with no word in
it only; terms with a lone ``*`` (any one word), a gap of at least one word,
or a ``*`` before their last word are left out and counted. No negation,
stance or referent is read, nothing is cleaned, no statistic is computed.

Run from the repository root (needs ``pip install "framing[bench]"``)::

    python benchmarks/bench_floor.py /tmp/framing-scale/corpus-10000.jsonl
    python benchmarks/bench_floor.py CORPUS.jsonl --json     # one JSON object on stdout

It reports CPU seconds (``time.process_time``), wall seconds and articles
per second, from the start of the process (interpreter start-up excepted) so
that it compares with a ``framing report`` command timed from outside.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
import time
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

CPU_START, WALL_START = time.process_time(), time.perf_counter()

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

#: A sentence break: a blank line, or a sentence mark, closing quotes and
#: white space before a capital letter or a digit (an opening quote allowed).
SENTENCE_BREAK = re.compile(
    r"\n\s*\n|(?<=[.!?])[\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]?[A-Z0-9])"
)
#: A word token: letters and digits, with inner apostrophes or hyphens.
WORD = re.compile(r"\w+(?:['\u2019-]\w+)*")
#: Most forms one term may expand to (the product of its words' inflections).
MAX_FORMS_PER_TERM = 256


def surface_forms(tokens: tuple[str, ...], inflect: bool) -> tuple[list[str], bool] | None:
    """The lower-cased strings a term's tokens match, and whether they are prefixes.

    None for a term this floor leaves out (see the module's docstring).
    """
    from framing.lexicons.patterns import inflections
    from framing.model import is_gap

    words: list[tuple[str, ...]] = []
    prefix = False
    for k, token in enumerate(tokens):
        if token == "*":
            return None
        if is_gap(token):
            if not token.startswith("{0,"):
                return None
            continue
        if token.endswith("*"):
            if k != len(tokens) - 1:
                return None
            prefix = True
            words.append((token[:-1],))
        else:
            words.append(tuple(sorted(inflections(token))) if inflect else (token,))
    forms = []
    for combination in itertools.islice(itertools.product(*words), MAX_FORMS_PER_TERM):
        text = ""
        for word in combination:
            # Clitics ("n't", "'s") are tokens of their own but follow the word unspaced.
            glue = "" if not text or word.startswith("'") or word == "n't" else " "
            text += glue + word
        forms.append(text.lower())
    return forms, prefix


def build_automaton(lexicon_path: Path | None) -> tuple[Any, list[str], dict[str, int]]:
    """An Aho-Corasick automaton over the lexicon's surface forms; frame ids; counts.

    Each key's value is ``(length, ((frame index, is prefix), ...))``.
    """
    try:
        import ahocorasick
    except ImportError:
        sys.exit('bench_floor.py needs pyahocorasick: pip install "framing[bench]"')
    from framing.lexicons.load import load_lexicons
    from framing.resources import default_lexicons

    lexicons = load_lexicons(lexicon_path or default_lexicons())
    entries: dict[str, set[tuple[int, bool]]] = {}
    counts = {"terms": 0, "terms left out": 0}
    for index, frame in enumerate(lexicons.frames):
        for term in frame.terms:
            counts["terms"] += 1
            found = surface_forms(term.tokens, lexicons.inflect)
            if found is None:
                counts["terms left out"] += 1
                continue
            forms, prefix = found
            for form in forms:
                entries.setdefault(form, set()).add((index, prefix))
    automaton = ahocorasick.Automaton()
    for form, values in entries.items():
        automaton.add_word(form, (len(form), tuple(sorted(values))))
    automaton.make_automaton()
    counts["surface forms"] = len(entries)
    return automaton, [f.id for f in lexicons.frames], counts


def read_jsonl(path: Path) -> Iterable[dict[str, Any]]:
    """The JSON objects of a JSON Lines file, one at a time."""
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as error:
                    sys.exit(f"{path}:{number}: not a JSON object ({error.msg})")


def run(path: Path, lexicon_path: Path | None) -> dict[str, Any]:
    """Read, split, match and count every article of ``path``; return the counts."""
    automaton, frames, lexicon_counts = build_automaton(lexicon_path)
    n_frames = len(frames)
    hits: Counter[tuple[str, int]] = Counter()
    support: Counter[tuple[str, int]] = Counter()
    sentences_by_outlet: Counter[str] = Counter()
    document_frequency: Counter[str] = Counter()
    n_documents = n_sentences = n_tokens = n_skipped = 0
    for record in read_jsonl(path):
        text = record.get("text")
        if not isinstance(text, str) or not text.strip():
            n_skipped += 1
            continue
        outlet = str(record.get("outlet", ""))
        n_documents += 1
        starts = [0, *(m.end() for m in SENTENCE_BREAK.finditer(text))]
        sentences_by_outlet[outlet] += len(starts)
        n_sentences += len(starts)
        lower = text.lower()
        end_of_text = len(lower)
        seen: set[int] = set()
        for end, (length, values) in automaton.iter(lower):
            start = end - length + 1
            if start and lower[start - 1].isalnum():
                continue
            after = end + 1 < end_of_text and lower[end + 1].isalnum()
            sentence = bisect_right(starts, start) - 1
            for frame, prefix in values:
                if after and not prefix:
                    continue
                hits[outlet, frame] += 1
                seen.add(sentence * n_frames + frame)
        for key in seen:
            support[outlet, key % n_frames] += 1
        counts = Counter(WORD.findall(lower))
        n_tokens += counts.total()
        document_frequency.update(counts.keys())
    return {
        "documents": n_documents,
        "skipped": n_skipped,
        "sentences": n_sentences,
        "tokens": n_tokens,
        "vocabulary": len(document_frequency),
        "hits": {f: sum(n for (_, k), n in hits.items() if k == i) for i, f in enumerate(frames)},
        "sentences with a hit": {
            f: sum(n for (_, k), n in support.items() if k == i) for i, f in enumerate(frames)
        },
        "outlets": len(sentences_by_outlet),
        **lexicon_counts,
    }


def peak_memory_mb() -> float:
    """This process's peak resident memory in MB (``VmHWM``), or 0 where unknown."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="a JSON Lines file of articles")
    parser.add_argument("--lexicons", type=Path, help="a lexicon set (default: the bundled set)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    if not args.corpus.is_file():
        sys.exit(f"{args.corpus}: no such file")
    result = run(args.corpus, args.lexicons)
    result["cpu_s"] = time.process_time() - CPU_START
    result["wall_s"] = time.perf_counter() - WALL_START
    result["articles_per_s"] = result["documents"] / result["wall_s"]
    result["peak_rss_mb"] = peak_memory_mb()
    if args.json:
        print(json.dumps(result))
        return
    for key, value in result.items():
        if isinstance(value, dict):
            shown = ", ".join(f"{k} {v:,}" for k, v in value.items())
        else:
            shown = f"{value:,.2f}" if isinstance(value, float) else f"{value:,}"
        print(f"{key:24s} {shown}")


if __name__ == "__main__":
    main()
