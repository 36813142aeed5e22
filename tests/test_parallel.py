from __future__ import annotations

from dataclasses import replace

from framing import parallel
from framing.analysis.pipeline import analyse
from framing.model import AnalysisOptions
from framing.parallel import default_jobs, map_chunks
from framing.report import render_html, render_json


def _double(chunk):
    return [2 * x for x in chunk]


def test_map_chunks_keeps_order_in_and_out_of_process():
    items = list(range(1000))
    assert map_chunks(_double, items, jobs=1) == [_double(items)]
    chunks = map_chunks(_double, items, jobs=2)
    assert len(chunks) == 8
    assert [x for chunk in chunks for x in chunk] == _double(items)
    assert default_jobs() >= 1


def test_parallel_analysis_equals_serial(monkeypatch, seeds_corpus, default_lexicon_set):
    options = AnalysisOptions(n_bootstrap=200, jobs=1)
    serial = analyse(seeds_corpus, default_lexicon_set, options=options)
    monkeypatch.setattr(parallel, "MIN_PARALLEL_ITEMS", 1)
    parallel_run = analyse(
        seeds_corpus, default_lexicon_set, options=AnalysisOptions(n_bootstrap=200, jobs=3)
    )
    assert len(serial.sentences) > 100 and len(serial.hits) > 20
    assert parallel_run.sentences == serial.sentences
    assert parallel_run.hits == serial.hits
    # Quotes are extracted per chunk of documents and renumbered.
    assert parallel_run.quotations == serial.quotations
    assert len(serial.quotations.quotes) > 20 and serial.quotations.genders
    assert max(q.sentence for q in parallel_run.quotations.quotes) > len(serial.sentences) // 2
    assert render_json(parallel_run) == render_json(serial)
    assert render_html(replace(parallel_run, options=options)) == render_html(serial)
