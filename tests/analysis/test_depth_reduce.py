"""The in-depth analyses as map and reduce: the same results as over all sentences and hits."""

from __future__ import annotations

import dataclasses
import gc
import os
import random
import tempfile
from functools import partial

import numpy as np
import pytest

from framing import analyse, load_corpus
from framing.analysis.depth_reduce import DepthReducer
from framing.analysis.pipeline import build_outlet_ids
from framing.analysis.records import map_documents
from framing.analysis.reduce import Reducer
from framing.analysis.tone import TONE_SAMPLE, tone_order, tone_sample
from framing.model import BODY, Analysis, AnalysisOptions, CleanCorpus, Corpus, Document
from framing.report import render_json
from framing.text.clean import clean_corpus

OPTIONS = AnalysisOptions(jobs=1, n_bootstrap=200, n_permutations=200)


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Corpus:
    """300 benchmark articles in 4 outlets: cells of more than TONE_SAMPLE invoking sentences."""
    from benchmarks.bench_pipeline import build_corpus

    folder = tmp_path_factory.mktemp("synthetic-depth")
    build_corpus(folder, n_articles=300, n_outlets=4, seed=1)
    return load_corpus([folder])


@pytest.fixture(scope="module")
def full_synthetic(synthetic, lexicons) -> Analysis:
    return analyse(synthetic, lexicons, options=OPTIONS)


def _streamed(corpus: Corpus | CleanCorpus, lexicons, sizes: list[int]) -> Analysis:
    """The record-based in-depth analysis with the documents cut into chunks of these sizes."""
    return _finish(_reducer(corpus, lexicons, sizes), corpus)


def _reducer(corpus: Corpus | CleanCorpus, lexicons, sizes: list[int]) -> tuple[Reducer, dict]:
    """A reducer given the documents in chunks of these sizes, and its outlets' ids."""
    outlet_ids = build_outlet_ids(d.outlet for d in corpus.documents)
    work = partial(
        map_documents,
        lexicons=lexicons,
        outlet_ids=outlet_ids,
        per_cell=OPTIONS.evidence_per_cell,
        depth=True,
    )
    reducer = Reducer(lexicons, OPTIONS)
    start = 0
    for size in sizes:
        reducer.add(work(corpus.documents[start : start + size]))
        start += size
    assert start == len(corpus.documents)
    return reducer, outlet_ids


def _finish(made: tuple[Reducer, dict], corpus: Corpus | CleanCorpus) -> Analysis:
    reducer, outlet_ids = made
    return reducer.finish(
        name=corpus.name,
        outlet_names={v: k for k, v in outlet_ids.items()},
        skipped=corpus.skipped,
        removed=corpus.removed if isinstance(corpus, CleanCorpus) else (),
        notes=corpus.notes,
    )


def _same_results(streamed: Analysis, full: Analysis) -> None:
    """Every result equal but the sentences, hits and quotes, of which the cited are kept."""
    for field in dataclasses.fields(Analysis):
        if field.name not in ("sentences", "hits", "options", "quotations"):
            assert getattr(streamed, field.name) == getattr(full, field.name), field.name
    kept = tuple(s._replace(tokens=()) for s in full.sentences if s.part != BODY or s.is_lede)
    assert streamed.sentences == kept
    assert streamed.quotations is not None and full.quotations is not None
    assert streamed.quotations.quotes == ()
    assert streamed.quotations.genders == full.quotations.genders
    cited = {e.sentence for e in (*full.evidence, *full.denials)}
    assert streamed.quotations.sentence_speaker == {
        i: full.quotations.sentence_speaker.get(i) for i in sorted(cited)
    }
    assert render_json(streamed) == render_json(full)


def _cuts(n: int, seed: int) -> list[int]:
    cuts = sorted(random.Random(seed).sample(range(1, n), 4))
    return [b - a for a, b in zip([0, *cuts], [*cuts, n], strict=True)]


def test_seeds_in_any_chunking(seeds, lexicons):
    full = analyse(seeds, lexicons, options=OPTIONS)
    assert full.shared is not None and full.shared.groups  # the AP copy the seeds share
    assert any(full.quotations.sentence_speaker.values())
    clean = clean_corpus(seeds)
    for sizes in ([3], [1, 1, 1], [2, 1]):
        _same_results(_streamed(clean, lexicons, sizes), full)
    _same_results(_streamed(seeds, lexicons, [1, 2]), full)  # raw: cleaned in the map step


def test_synthetic_corpus_in_any_chunking(synthetic, full_synthetic, lexicons):
    full = full_synthetic
    assert any(t.n_sentences > TONE_SAMPLE for t in full.tone.values())  # sampled cells
    assert {p.unit for p in full.pairs} == {"articles"}
    clean = clean_corpus(synthetic)
    n = len(clean.documents)
    for sizes in ([n], [7] * (n // 7) + [n % 7], _cuts(n, 1)):
        _same_results(_streamed(clean, lexicons, [s for s in sizes if s]), full)


def test_analyse_streams_the_in_depth_analysis_for_any_number_of_jobs(
    synthetic, full_synthetic, lexicons, monkeypatch
):
    monkeypatch.setattr("framing.parallel.MIN_PARALLEL_ITEMS", 2)
    monkeypatch.setattr("framing.analysis.stream.CHUNK_DOCUMENTS", 40)
    for jobs in (1, 2):
        options = dataclasses.replace(OPTIONS, jobs=jobs)
        streamed = analyse(synthetic, lexicons, options=options, keep_sentences=False)
        _same_results(streamed, full_synthetic)


def test_copy_shared_across_documents_in_other_chunks_is_found(lexicons):
    """Edited wire copy in three outlets, one document per chunk, groups as in memory."""
    wire = (
        "The volunteers must sign a contract to serve without pay in the International "
        "Legion for the Territorial Defense of Ukraine."
    )
    quote = '"We are not mercenaries, we came to help," said Borys Kremenetskyi, the attache.'
    rng = random.Random(3)
    documents = []
    for i in range(12):
        outlet = ("Outlet A", "Outlet B", "Outlet C")[i % 3]
        own = " ".join(rng.choice(["fighters", "aid", "the war", "talks"]) for _ in range(9))
        edited = wire.replace("without pay", "unpaid") if i % 2 else wire
        text = f"Headline {i}\n\n{edited}\n\nA local view: {own}.\n\n{quote}"
        documents.append(Document(f"d{i}", outlet, text, f"d{i}.txt"))
    corpus = Corpus(tuple(documents))
    full = analyse(corpus, lexicons, options=OPTIONS)
    assert full.shared is not None and len(full.shared.groups) >= 2
    assert any(g.quoted for g in full.shared.groups)
    clean = clean_corpus(corpus)
    for sizes in ([12], [1] * 12, [5, 7]):
        _same_results(_streamed(clean, lexicons, sizes), full)


def test_tone_order_is_tone_samples_order():
    ids = list(range(0, 5000, 7))
    for seed in (0, 1, 12345):
        order = tone_order(np.array(ids), seed)
        cells = {i: {"f"} for i in ids}
        outlet = dict.fromkeys(ids, "o")
        chosen = tone_sample(cells, outlet, seed=seed, per_cell=50)
        assert chosen == sorted(np.array(ids)[np.argsort(order)[:50]].tolist())


def test_the_tone_sample_kept_is_bounded(synthetic, lexicons):
    """However many chunks, at most TONE_SAMPLE sentences per cell are kept, with their texts."""
    clean = clean_corpus(synthetic)
    outlet_ids = build_outlet_ids(d.outlet for d in clean.documents)
    reducer = DepthReducer(lexicons, OPTIONS)
    offset = 0
    n_cells = len(outlet_ids) * len(lexicons.frames)
    for start in range(0, len(clean.documents), 50):
        chunk = map_documents(
            clean.documents[start : start + 50],
            lexicons=lexicons,
            outlet_ids=outlet_ids,
            per_cell=2,
            depth=True,
        )
        reducer.add(chunk.records, chunk.depth, offset)
        offset += chunk.n_sentences
        assert reducer._tone is not None
        assert len(np.unique(reducer._tone[2])) <= TONE_SAMPLE * n_cells
        assert sorted(reducer._tone_texts) == np.unique(reducer._tone[2]).tolist()


def test_a_chunk_without_depth_state_is_refused(seeds, lexicons):
    outlet_ids = build_outlet_ids(d.outlet for d in seeds.documents)
    chunk = map_documents(seeds.documents, lexicons=lexicons, outlet_ids=outlet_ids, per_cell=2)
    assert chunk.depth is None
    with pytest.raises(ValueError, match="depth"):
        Reducer(lexicons, OPTIONS).add(chunk)


def test_shared_copy_read_back_in_blocks_of_any_size(
    synthetic, full_synthetic, lexicons, monkeypatch
):
    """The passes at the end read the sentences a block of whole chunks at a time."""
    clean = clean_corpus(synthetic)
    n = len(clean.documents)
    for block in (1, 500, 4000):
        monkeypatch.setattr("framing.analysis.depth_shared.BLOCK_SENTENCES", block)
        _same_results(_streamed(clean, lexicons, [13] * (n // 13) + [n % 13]), full_synthetic)


def _open_in(folder) -> list[str]:
    """The files this process has open in ``folder`` (unnamed: "#inode (deleted)")."""
    links = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            links.append(os.readlink(f"/proc/self/fd/{fd}"))
        except FileNotFoundError:  # the listing's own descriptor, closed since
            continue
    return [link for link in links if link.startswith(f"{folder}/")]


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="reads /proc/self/fd")
def test_the_temporary_files_are_freed_after_a_run_and_after_an_error(
    seeds, lexicons, monkeypatch, tmp_path
):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    clean = clean_corpus(seeds)
    made = _reducer(clean, lexicons, [1, 2])
    copy = made[0]._depth._copy
    assert len(_open_in(tmp_path)) >= 5  # text, outlet, speaker, invocations, texts
    assert list(tmp_path.iterdir()) == []  # never named
    analysis = _finish(made, clean)
    assert copy.spill.closed
    assert analysis.shared is not None and analysis.shared.groups
    assert len(_open_in(tmp_path)) == 2  # each sentence's group, the groups' sentences
    assert list(analysis.shared.groups[0].sentences) and analysis.shared.group_of(0) >= -1
    del analysis, made
    gc.collect()
    assert _open_in(tmp_path) == []

    def fail(*args, **kwargs):
        raise RuntimeError("alignment failed")

    monkeypatch.setattr("framing.analysis.depth_shared.shared_components", fail)
    made = _reducer(clean, lexicons, [3])
    assert _open_in(tmp_path)
    with pytest.raises(RuntimeError, match="alignment failed"):
        _finish(made, clean)
    assert _open_in(tmp_path) == []
    assert list(tmp_path.iterdir()) == []
