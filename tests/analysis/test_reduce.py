"""The quick analysis as map and reduce: the same results as over all sentences and hits."""

from __future__ import annotations

import dataclasses
import json
import random
from functools import partial
from pathlib import Path

import pytest

from framing import analyse, load_corpus, load_lexicons
from framing.analysis.pipeline import build_outlet_ids
from framing.analysis.records import map_documents
from framing.analysis.reduce import Reducer
from framing.model import BODY, Analysis, AnalysisOptions, CleanCorpus, Corpus, Document
from framing.report import render_json
from framing.text.clean import clean_corpus
from tests.dated_corpus import dated_corpus, write_goodwill_lexicons


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Corpus:
    """48 benchmark articles in 4 outlets: enough for intervals over articles."""
    from benchmarks.bench_pipeline import build_corpus

    folder = tmp_path_factory.mktemp("synthetic")
    build_corpus(folder, n_articles=48, n_outlets=4, seed=1)
    return load_corpus([folder])


def _records(
    corpus: CleanCorpus | Corpus, lexicons, options: AnalysisOptions, chunk_sizes: list[int]
) -> Analysis:
    """The record-based quick analysis with the documents cut into chunks of these sizes.

    A raw corpus is cleaned in the map step.
    """
    outlet_ids = build_outlet_ids(d.outlet for d in corpus.documents)
    work = partial(
        map_documents, lexicons=lexicons, outlet_ids=outlet_ids, per_cell=options.evidence_per_cell
    )
    reducer = Reducer(lexicons, options)
    start = 0
    for size in chunk_sizes:
        reducer.add(work(corpus.documents[start : start + size]))
        start += size
    assert start == len(corpus.documents)
    return reducer.finish(
        name=corpus.name,
        outlet_names={v: k for k, v in outlet_ids.items()},
        skipped=corpus.skipped,
        removed=corpus.removed if isinstance(corpus, CleanCorpus) else (),
        notes=corpus.notes,
    )


def _same_results(records: Analysis, full: Analysis) -> None:
    """Every result but the sentences and hits is equal; those are the kept subset."""
    assert dataclasses.replace(records.options, jobs=None) == dataclasses.replace(
        full.options, jobs=None
    )
    for field in dataclasses.fields(Analysis):
        if field.name not in ("sentences", "hits", "options"):
            assert getattr(records, field.name) == getattr(full, field.name), field.name
    kept = tuple(s._replace(tokens=()) for s in full.sentences if s.part != BODY or s.is_lede)
    kept_ids = {s.id for s in kept}
    assert records.sentences == kept
    assert records.hits == tuple(h for h in full.hits if h.sentence in kept_ids)
    assert render_json(records) == render_json(full)


@pytest.mark.parametrize("per_cell", [1, 2, 20])
def test_any_chunking_gives_the_analysis_over_all_sentences(synthetic, lexicons, per_cell):
    options = AnalysisOptions(depth=False, jobs=1, evidence_per_cell=per_cell)
    full = analyse(synthetic, lexicons, options=options)
    clean = clean_corpus(synthetic)
    n = len(clean.documents)
    rng = random.Random(per_cell)
    cuts = sorted(rng.sample(range(1, n), 3))
    for sizes in (
        [n],
        [1] * n,
        [b - a for a, b in zip([0, *cuts], [*cuts, n], strict=True)],
    ):
        _same_results(_records(clean, lexicons, options, sizes), full)
    # raw documents are cleaned in the map step, with the same result
    m = len(synthetic.documents)
    _same_results(_records(synthetic, lexicons, options, [m // 3, m - m // 3]), full)


@pytest.mark.parametrize("corpus", ["seeds", "synthetic"])
def test_analyse_without_sentences_matches_for_any_number_of_jobs(
    corpus, lexicons, request, monkeypatch
):
    """Worker processes (even for a small corpus here) give the same results."""
    monkeypatch.setattr("framing.parallel.MIN_PARALLEL_ITEMS", 2)
    monkeypatch.setattr("framing.analysis.stream.CHUNK_DOCUMENTS", 2)  # several chunks
    corpus = request.getfixturevalue(corpus)
    full = analyse(corpus, lexicons, options=AnalysisOptions(depth=False, jobs=1))
    for jobs in (1, 2, 3):
        options = AnalysisOptions(depth=False, jobs=jobs)
        _same_results(analyse(corpus, lexicons, options=options, keep_sentences=False), full)


def test_the_in_depth_analysis_without_sentences_is_streamed_too(seeds, lexicons):
    """Its results equal the analysis over all sentences (see test_depth_reduce.py)."""
    options = AnalysisOptions(jobs=1, n_bootstrap=50, n_permutations=50)
    analysis = analyse(seeds, lexicons, options=options, keep_sentences=False)
    assert analysis.pairs and analysis.tone and analysis.shared is not None
    assert len(analysis.sentences) < sum(o.n_sentences for o in analysis.outlets)
    assert all(s.part != BODY or s.is_lede for s in analysis.sentences)


@pytest.mark.parametrize("by", [None, "month", "day", "none"])
def test_frames_over_time_from_records(tmp_path: Path, by):
    lexicons = load_lexicons(write_goodwill_lexicons(tmp_path))
    corpus = dated_corpus()
    options = AnalysisOptions(depth=False, jobs=1, by=by)
    full = analyse(corpus, lexicons, options=options)
    _same_results(analyse(corpus, lexicons, options=options, keep_sentences=False), full)
    clean = clean_corpus(corpus)
    sizes = [len(clean.documents) // 2, len(clean.documents) - len(clean.documents) // 2]
    _same_results(_records(clean, lexicons, options, sizes), full)


def test_repeated_sentences_are_cited_once_whatever_the_chunking(lexicons):
    """A sentence repeated in several documents is evidence once, at its strongest."""
    strong = "The volunteers are mercenaries and foreign fighters paid to fight."
    weak = "Some called them mercenaries."
    texts = [
        f"Headline {i}\n\n{weak}\n\n{strong}\n\n{weak}\n\nThey are not mercenaries."
        for i in range(6)
    ]
    corpus = Corpus(
        tuple(
            Document(f"d{i}", "Outlet A" if i % 2 else "Outlet B", text, f"d{i}.txt")
            for i, text in enumerate(texts)
        )
    )
    options = AnalysisOptions(depth=False, jobs=1, evidence_per_cell=2)
    full = analyse(corpus, lexicons, options=options)
    assert full.evidence
    clean = clean_corpus(corpus)
    for sizes in ([6], [1] * 6, [2, 4]):
        _same_results(_records(clean, lexicons, options, sizes), full)


def test_no_sentence_left_is_an_input_error(lexicons):
    from framing.errors import InputError

    corpus = Corpus((Document("d", "O", "   \n\n", "d.txt"),))
    with pytest.raises(InputError):
        analyse(corpus, lexicons, options=AnalysisOptions(depth=False), keep_sentences=False)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_stream_gives_what_the_loaded_corpus_gives(tmp_path, lexicons, monkeypatch, jobs):
    """Read as a stream, in chunks handed to workers, the corpus analyses the same."""
    from benchmarks.bench_pipeline import build_corpus
    from framing.io.corpus import stream_corpus

    monkeypatch.setattr("framing.analysis.stream.CHUNK_DOCUMENTS", 7)
    build_corpus(tmp_path, n_articles=30, n_outlets=4, seed=2)
    options = AnalysisOptions(depth=False, jobs=jobs)
    full = analyse(load_corpus([tmp_path]), lexicons, options=AnalysisOptions(depth=False, jobs=1))
    stream = stream_corpus([tmp_path])
    _same_results(analyse(stream, lexicons, options=options, keep_sentences=False), full)


def test_a_stream_notes_articles_in_a_script_the_lexicon_lacks(tmp_path, lexicons):
    from framing.io.corpus import stream_corpus
    from framing.text.scripts import script_notes

    (tmp_path / "a.txt").write_text("Volunteers went to fight.\n\nThey said they had to.")
    for i in range(5):
        (tmp_path / f"r{i}.txt").write_text("Добровольцы поехали воевать за Украину.")
    corpus = load_corpus([tmp_path])
    expected = script_notes(corpus.documents, lexicons)
    assert len(expected) == 4  # three named, then "2 more articles are ..."
    options = AnalysisOptions(depth=False, jobs=1)
    analysis = analyse(stream_corpus([tmp_path]), lexicons, options=options, keep_sentences=False)
    assert analysis.notes == (*corpus.notes, *expected)


def test_an_empty_stream_is_the_input_error_loading_gives(tmp_path, lexicons):
    from framing.errors import InputError
    from framing.io.corpus import stream_corpus

    (tmp_path / "empty.txt").write_text("")
    with pytest.raises(InputError) as loaded:
        load_corpus([tmp_path / "empty.txt"])
    with pytest.raises(InputError) as streamed:
        analyse(
            stream_corpus([tmp_path / "empty.txt"]),
            lexicons,
            options=AnalysisOptions(depth=False),
            keep_sentences=False,
        )
    assert str(streamed.value) == str(loaded.value)


def _limit_listing(monkeypatch, documents: int, removed: int) -> None:
    for module in ("framing.analysis.reduce", "framing.report.listed", "framing.report.export"):
        monkeypatch.setattr(f"{module}.LISTED_DOCUMENTS", documents, raising=False)
        monkeypatch.setattr(f"{module}.LISTED_REMOVED", removed, raising=False)
    monkeypatch.setattr("framing.report.method.LISTED_DOCUMENTS", documents)


def test_a_large_corpus_keeps_a_bounded_listing_and_counts_the_rest(
    synthetic, lexicons, monkeypatch
):
    """Past the listing limits, a streamed analysis keeps counts: its JSON is the full one's."""
    from framing.report import render_html

    _limit_listing(monkeypatch, documents=5, removed=7)
    monkeypatch.setattr("framing.analysis.stream.CHUNK_DOCUMENTS", 4)
    options = AnalysisOptions(depth=False, jobs=1, evidence_per_cell=2)
    full = analyse(synthetic, lexicons, options=options)
    streamed = analyse(synthetic, lexicons, options=options, keep_sentences=False)
    assert full.unlisted is None
    unlisted = streamed.unlisted
    assert unlisted is not None
    cited = {e.document for e in (*streamed.evidence, *streamed.denials)}
    first = [d.id for d in full.documents[:5]]
    assert [d.id for d in streamed.documents] == first + [
        d.id for d in full.documents[5:] if d.id in cited
    ]
    assert unlisted.n_documents == len(full.documents) - len(streamed.documents)
    assert streamed.removed == full.removed[:7]
    assert unlisted.n_removed == len(full.removed) - 7
    assert sum(unlisted.removed_reasons.values()) == len(full.removed)
    assert render_json(streamed) == render_json(full)
    data = json.loads(render_json(streamed))
    assert data["corpus"]["documents"] == len(full.documents)
    assert data["corpus"]["documents_listed"] == len(streamed.documents)
    assert data["corpus"]["removed"] == len(full.removed)
    assert len(data["removed"]) == data["corpus"]["removed_listed"] == 7
    html = render_html(streamed)
    assert f"{len(full.removed):,} spans in total" in html
    assert "chosen among the first 7" in html


def test_the_map_step_runs_with_the_cyclic_collector_paused(seeds, lexicons, monkeypatch):
    """A worker that did not inherit a paused collector (spawned, on a cluster) pauses it too."""
    import gc

    import framing.analysis.records as records

    seen = []
    original = records.build_sentences

    def spy(*args, **kwargs):
        seen.append(gc.isenabled())
        return original(*args, **kwargs)

    monkeypatch.setattr(records, "build_sentences", spy)
    clean = clean_corpus(seeds)
    outlet_ids = build_outlet_ids(d.outlet for d in clean.documents)
    assert gc.isenabled()
    chunk = map_documents(clean.documents, lexicons=lexicons, outlet_ids=outlet_ids, per_cell=2)
    assert seen and not any(seen)
    assert gc.isenabled()  # restored
    assert chunk.records
