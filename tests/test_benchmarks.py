"""The benchmark corpus writer and the floor's helpers (no timing: figures live in docs)."""

from __future__ import annotations

import json

import pytest

from benchmarks.bench_floor import surface_forms
from benchmarks.bench_scale import skipped_rows
from benchmarks.corpus import generate_articles, write_jsonl
from framing import load_corpus


def test_jsonl_corpus_is_deterministic_and_loads(tmp_path):
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    size = write_jsonl(first, n_articles=30, n_outlets=4, seed=7)
    write_jsonl(second, n_articles=30, n_outlets=4, seed=7)
    assert first.read_bytes() == second.read_bytes()
    assert size == first.stat().st_size
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.jsonl", "b.jsonl"]  # no .partial

    rows = [json.loads(line) for line in first.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 30
    assert set(rows[0]) == {"id", "outlet", "title", "date", "text"}
    dates = [r["date"] for r in rows]
    assert dates == sorted(dates)
    assert dates[0] == "2022-01-01" and dates[-1].startswith("2022-12")

    corpus = load_corpus([first])
    assert len(corpus.documents) == 30
    assert not corpus.skipped
    assert len({d.outlet for d in corpus.documents}) == 4
    assert [d.text for d in corpus.documents] == [r["text"] for r in rows]


def test_another_seed_gives_other_articles(tmp_path):
    one, other = tmp_path / "one.jsonl", tmp_path / "other.jsonl"
    write_jsonl(one, n_articles=5, seed=1)
    write_jsonl(other, n_articles=5, seed=2)
    assert one.read_bytes() != other.read_bytes()


def test_articles_are_generated_one_at_a_time():
    pools = [["One sentence.", "Two sentences here."], ["Another pool."]]
    articles = generate_articles(10**9, n_outlets=2, pools=pools)
    first, second = next(articles), next(articles)
    assert (first.id, first.outlet) == ("article_00000", "Outlet 00")
    assert (second.id, second.outlet) == ("article_00001", "Outlet 01")
    assert "Two sentences here." in first.text or "One sentence." in first.text


def test_a_distinct_corpus_repeats_almost_no_sentence_and_keeps_the_seeds_words():
    from benchmarks.corpus import seed_pools
    from framing.text.segment import split_sentences

    pools = seed_pools()
    words = {w for pool in pools for s in pool for w in s.split()}

    def sentences(distinct):
        texts = [a.text for a in generate_articles(40, seed=3, pools=pools, distinct=distinct)]
        paragraphs = [p for t in texts for p in t.split("\n\n")[4:-1]]
        return [s for p in paragraphs for s in split_sentences(p)]

    plain, distinct = sentences(False), sentences(True)
    assert len(set(plain)) < 0.5 * len(plain)  # the default corpus resamples its sentences
    assert len(set(distinct)) > 0.95 * len(distinct)
    assert {w for s in distinct for w in s.split()} <= words | {w for s in plain for w in s.split()}
    again = [a.text for a in generate_articles(3, seed=3, pools=pools, distinct=True)]
    assert again == [a.text for a in generate_articles(3, seed=3, pools=pools, distinct=True)]


@pytest.mark.parametrize(
    ("tokens", "inflect", "expected"),
    [
        (("sense", "of", "duty"), False, (["sense of duty"], False)),
        (("democra*",), False, (["democra"], True)),
        (("help", "{0,1}", "defend"), False, (["help defend"], False)),
        (("do", "n't", "care"), False, (["don't care"], False)),
        (("help", "{1,2}", "defend"), False, None),
        (("*", "war"), False, None),
    ],
)
def test_floor_surface_forms(tokens, inflect, expected):
    assert surface_forms(tokens, inflect) == expected


def test_floor_surface_forms_inflect():
    found = surface_forms(("defend",), True)
    assert found is not None
    assert set(found[0]) == {"defend", "defended", "defending", "defends"}


def test_skipped_entries_summarising_rows_count_each_row():
    entries = [
        {"source": "a.jsonl:3", "reason": "empty text"},
        {"source": "a.jsonl", "reason": "empty text in 1,234 more rows (lines 40 to 9000)"},
    ]
    assert skipped_rows(entries) == 1235
