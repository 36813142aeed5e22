"""framing lexicon sample's library: a stratified, shuffled, blind sample and its key."""

import csv
import io

from framing.lexicon_tools.sample import render_key, render_sheet, sample_sentences
from framing.lexicons.load import parse_term
from framing.model import Frame, LexiconSet
from tests.conftest import make_sentence


def lexicons():
    heroes = Frame("heroes", "Heroes", "", "#0072B2", (parse_term("brave"),), "h.toml")
    return LexiconSet(name="t", frames=(heroes,), source="t", negation_cues=("not",))


def corpus():
    texts = (
        [f"A brave act number {i}." for i in range(10)]
        + [f"It was not brave, case {i}." for i in range(3)]
        + [f"Plain sentence {i}." for i in range(40)]
    )
    return [make_sentence(t, id=i, document=f"doc{i % 4}", outlet="o") for i, t in enumerate(texts)]


def test_strata_quotas_and_determinism():
    sample = sample_sentences(corpus(), lexicons(), n=20, seed=5)
    strata = [r.stratum for r in sample.rows]
    assert strata.count("support") == 8  # 40% of 20
    assert strata.count("deny") == 3  # all three denials (20% would be 4)
    assert strata.count("rest") == 9
    assert sample.population == {"support": 10, "deny": 3, "rest": 40}
    again = sample_sentences(corpus(), lexicons(), n=20, seed=5)
    assert [r.sentence.id for r in again.rows] == [r.sentence.id for r in sample.rows]
    other = sample_sentences(corpus(), lexicons(), n=20, seed=6)
    assert [r.sentence.id for r in other.rows] != [r.sentence.id for r in sample.rows]
    # Shuffled: not grouped by stratum.
    assert strata != sorted(strata, key=["support", "deny", "rest"].index)


def test_a_sample_larger_than_the_corpus_takes_every_sentence():
    sample = sample_sentences(corpus(), lexicons(), n=500)
    assert sorted(r.sentence.id for r in sample.rows) == list(range(53))


def test_the_sheet_is_blind_and_the_key_maps_rows_back():
    sample = sample_sentences(corpus(), lexicons(), n=12, seed=1)
    sheet = list(csv.DictReader(io.StringIO(render_sheet(sample))))
    assert list(sheet[0]) == ["id", "document", "text", "heroes"]
    assert all(row["heroes"] == "" for row in sheet)
    assert all(row["document"].startswith("d0") for row in sheet)  # opaque codes
    key = {
        row["id"]: row
        for row in csv.DictReader(io.StringIO(render_key(sample, outlet_names={"o": "Outlet"})))
    }
    assert set(key) == {row["id"] for row in sheet}
    for row in sheet:
        entry = key[row["id"]]
        original = next(s for s in corpus() if s.text == row["text"])
        assert entry["document_id"] == original.document
        assert entry["outlet"] == "Outlet"
        assert entry["heroes"] == (
            "support"
            if entry["stratum"] == "support"
            else "deny"
            if entry["stratum"] == "deny"
            else "none"
        )
        assert int(entry["stratum_size"]) == sample.population[entry["stratum"]]
