"""Helpers, invented sentences and the seed fixture of the shared-copy tests."""

from __future__ import annotations

import random

import pytest

from framing.analysis.shared.groups import align_shared
from framing.model import Sentence
from tests.conftest import make_sentence


def corpus(*rows: tuple[str, str]) -> tuple[Sentence, ...]:
    """Sentences from (outlet, text) rows; each outlet's sentences form one document."""
    return tuple(
        make_sentence(text, id=i, outlet=outlet, document=f"{outlet}-doc")
        for i, (outlet, text) in enumerate(rows)
    )


#: Unrelated sentences so that IDF weights are not those of a two-sentence corpus.
BACKGROUND = (
    ("x", "The harbour authority opened a new ferry terminal on the north shore last spring."),
    ("y", "Local farmers say the dry summer has cut the wheat harvest by almost a third."),
    ("x", "A museum of modern glass art will open its doors to visitors in the old mill."),
    ("y", "The city council voted to extend the opening hours of the central library."),
)


CONTRACT = (
    "The volunteers must sign a contract to serve without pay in the International "
    "Legion for the Territorial Defense of Ukraine."
)


def pseudo_sentence(rng: random.Random, n_words: int) -> str:
    """A sentence of pronounceable made-up words, unlike any other."""
    letters, vowels = "bcdfghjklmnpqrstvwxz", "aeiou"
    words = [
        "".join(rng.choice(letters) + rng.choice(vowels) for _ in range(rng.randint(2, 4)))
        for _ in range(n_words)
    ]
    return " ".join(words).capitalize() + "."


@pytest.fixture(scope="module")
def seeds(seeds_corpus):
    from framing.analysis.pipeline import build_outlet_ids
    from framing.text.clean import clean_corpus
    from framing.text.segment import segment_corpus

    clean = clean_corpus(seeds_corpus)
    outlet_ids = build_outlet_ids(d.outlet for d in clean.documents)
    sentences = segment_corpus(clean, outlet_ids=outlet_ids)
    return sentences, outlet_ids, align_shared(sentences)


def find(sentences, outlet: str, fragment: str) -> Sentence:
    """The one sentence of ``outlet`` whose text contains ``fragment``."""
    found = [s for s in sentences if s.outlet == outlet and fragment in s.text]
    assert len(found) == 1, (outlet, fragment, found)
    return found[0]


def synthetic(seeds, *, n: int, n_outlets: int, seed: int, p_edit: float, p_own: float):
    """Seed sentences resampled over outlets (some edited by one word), plus own sentences.

    Returns the sentences and, per sentence, the id of the seed sentence it
    copies, or -1 for an outlet's own sentence.
    """
    from framing.text.segment import tokenize

    pool = [s for s in seeds[0]]
    rng = random.Random(seed)
    sentences, source = [], []
    for i in range(n):
        outlet = f"outlet-{i % n_outlets:02d}"
        if rng.random() < p_own:
            text, origin = pseudo_sentence(rng, rng.randint(8, 20)), -1
        else:
            copied = rng.choice(pool)
            text, origin = copied.text, copied.id
            if rng.random() < p_edit:
                words = text.split(" ")
                words[rng.randrange(len(words))] = rng.choice(["plainly", "again", "there"])
                text = " ".join(words)
        tokens = tuple(tokenize(text))
        sentences.append(make_sentence(text, id=i, outlet=outlet, document=f"d{i // 30}"))
        assert sentences[-1].tokens == tokens
        source.append(origin)
    return tuple(sentences), source
