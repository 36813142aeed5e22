"""``framing lexicon sample``: draw sentences for a person to code, blind.

A random sample of a corpus' sentences holds few that a lexicon reads as a
frame, and fewer denials, so measuring precision on it wastes the coder's
time. The sample is therefore stratified by the lexicon's reading: sentences
read as supporting some frame, sentences read as denying one (denied or
rebutted hits, none supporting), and the rest, drawn at random within each stratum (seeded). Its
rows are shuffled and written as a *blind* sheet: an opaque row id, an
opaque document code (so ``framing lexicon evaluate`` can resample
documents), the text and one empty column per frame, with no hint of the
lexicon's reading. A separate *key* maps each row back to its document,
outlet and position, with the stratum and the lexicon's reading.

Because the strata are sampled at different rates, precision measured on the
sheet is exact for the support stratum, but recall over the whole corpus
needs the strata's weights: the key records each stratum's size in the
corpus and in the sample.
"""

from __future__ import annotations

import csv
import io
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from framing.lexicons.match import Matcher
from framing.lexicons.reading import frame_readings, frame_terms
from framing.model import DEFAULT_SEED, LexiconSet, Sentence
from framing.model.coding import DENY, SUPPORT

#: Strata, in order, and the share of the sample each aims for; a stratum
#: with too few sentences gives its place to the next ones.
STRATA = (("support", 0.4), ("deny", 0.2), ("rest", 0.4))


@dataclass(frozen=True)
class SampledSentence:
    """One sampled sentence: its row id, opaque document code, stratum and reading."""

    row: int
    document_code: str
    sentence: Sentence
    stratum: str
    read: Mapping[str, str]
    terms: Mapping[str, tuple[str, ...]]


@dataclass(frozen=True)
class Sample:
    """A stratified sample, in sheet order, and each stratum's size in the corpus."""

    rows: tuple[SampledSentence, ...]
    frames: tuple[str, ...]
    population: Mapping[str, int]
    seed: int


def sample_sentences(
    sentences: Sequence[Sentence], lexicons: LexiconSet, *, n: int, seed: int = DEFAULT_SEED
) -> Sample:
    """Draw up to ``n`` sentences, stratified by the lexicon's reading, shuffled.

    Headlines and decks are sampled like body sentences. With ``n`` at least
    the number of sentences, every sentence is taken.
    """
    if n < 1:
        raise ValueError("n must be at least 1")
    matcher = Matcher(lexicons)
    frame_ids = tuple(f.id for f in lexicons.frames)
    strata: dict[str, list[tuple[Sentence, dict[str, str], dict[str, tuple[str, ...]]]]] = {
        name: [] for name, _ in STRATA
    }
    previous: Sentence | None = None
    for sentence in sentences:
        same = previous is not None and previous.document == sentence.document
        hits = matcher.match(sentence, previous=previous.tokens if same and previous else ())
        previous = sentence
        read = frame_readings(hits, frame_ids)
        values = set(read.values())
        stratum = "support" if SUPPORT in values else "deny" if DENY in values else "rest"
        strata[stratum].append((sentence, read, frame_terms(hits, frame_ids)))
    rng = random.Random(seed)
    quotas = _quotas({k: len(v) for k, v in strata.items()}, n)
    chosen: list[tuple[str, tuple[Sentence, dict[str, str], dict[str, tuple[str, ...]]]]] = []
    for name, _ in STRATA:
        picked = rng.sample(range(len(strata[name])), quotas[name])
        chosen.extend((name, strata[name][i]) for i in sorted(picked))
    rng.shuffle(chosen)
    codes: dict[str, str] = {}
    rows = []
    for row, (stratum, (sentence, read, terms)) in enumerate(chosen, start=1):
        code = codes.setdefault(sentence.document, f"d{len(codes) + 1:03d}")
        rows.append(SampledSentence(row, code, sentence, stratum, read, terms))
    return Sample(
        rows=tuple(rows),
        frames=frame_ids,
        population={k: len(v) for k, v in strata.items()},
        seed=seed,
    )


def _quotas(sizes: Mapping[str, int], n: int) -> dict[str, int]:
    """How many sentences to draw per stratum: its share of ``n``, capped by its size.

    >>> _quotas({"support": 3, "deny": 50, "rest": 500}, 20)
    {'support': 3, 'deny': 4, 'rest': 13}
    """
    quotas = {name: min(sizes[name], round(n * share)) for name, share in STRATA}
    left = n - sum(quotas.values())
    for name, _ in (*STRATA[2:], *STRATA[:2]):  # fill from the rest first
        extra = min(left, sizes[name] - quotas[name])
        quotas[name] += extra
        left -= extra
    while sum(quotas.values()) > n:  # rounding overshoot: trim the rest
        largest = max(quotas, key=lambda k: (quotas[k], k == "rest"))
        quotas[largest] -= 1
    return quotas


def render_sheet(sample: Sample) -> str:
    """The blind coding sheet as CSV text: row id, document code, text, empty frame columns."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "document", "text", *sample.frames])
    for row in sample.rows:
        writer.writerow(
            [row.row, row.document_code, row.sentence.text, *([""] * len(sample.frames))]
        )
    return out.getvalue()


def render_key(sample: Sample, *, outlet_names: Mapping[str, str]) -> str:
    """The sample's key as CSV text: where each row comes from and how the lexicon read it.

    ``stratum_size`` and ``stratum_sampled`` give the row's stratum's size in
    the corpus and in the sample: the weights that recall over the corpus
    needs (a row stands for ``stratum_size / stratum_sampled`` sentences).
    """
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    frames = sample.frames
    writer.writerow(
        [
            "id",
            "document",
            "document_id",
            "outlet",
            "position",
            "part",
            "stratum",
            *frames,
            *(f"{f}_terms" for f in frames),
            "stratum_size",
            "stratum_sampled",
        ]
    )
    counts = {name: sum(r.stratum == name for r in sample.rows) for name, _ in STRATA}
    for row in sample.rows:
        s = row.sentence
        writer.writerow(
            [
                row.row,
                row.document_code,
                s.document,
                outlet_names.get(s.outlet, s.outlet),
                s.position,
                s.part,
                row.stratum,
                *(row.read[f] for f in frames),
                *("; ".join(row.terms[f]) for f in frames),
                sample.population[row.stratum],
                counts[row.stratum],
            ]
        )
    return out.getvalue()
