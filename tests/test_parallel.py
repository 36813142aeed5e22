from __future__ import annotations

import os
import signal
import sys
import threading
import time
from dataclasses import replace
from functools import partial
from pathlib import Path

import pytest

from framing import parallel
from framing.analysis.pipeline import analyse
from framing.model import AnalysisOptions
from framing.parallel import LocalEngine, default_jobs, map_chunks
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


def test_map_chunks_reports_items_done_after_each_chunk():
    items = list(range(1000))
    for jobs in (1, 2):
        done: list[int] = []
        chunks = map_chunks(_double, items, jobs=jobs, progress=done.append)
        assert [x for chunk in chunks for x in chunk] == _double(items)
        assert done == sorted(done) and done[-1] == len(items)
        assert len(done) == len(chunks) > 1
    # in this process, progress splits the work into chunks only to report them
    assert len(map_chunks(_double, items, jobs=1, progress=lambda n: None)) == (
        parallel.PROGRESS_CHUNKS
    )
    few: list[int] = []
    assert map_chunks(_double, items[:10], jobs=4, progress=few.append) == [_double(items[:10])]
    assert few == [10]


def _record(calls):
    def progress(stage: str, done: int, total: int) -> None:
        calls.append((stage, done, total))

    return progress


def test_analysis_reports_each_stage_with_increasing_counts(seeds_corpus, default_lexicon_set):
    from framing.analysis import pipeline
    from framing.analysis.in_depth import TONE

    calls: list[tuple[str, int, int]] = []
    options = AnalysisOptions(n_bootstrap=200, jobs=1)
    analyse(seeds_corpus, default_lexicon_set, options=options, progress=_record(calls))
    stages = list(dict.fromkeys(stage for stage, _, _ in calls))
    assert stages == [pipeline.CLEANING, pipeline.SENTENCES, pipeline.COMPARING, TONE]
    for stage in stages:
        counts = [(done, total) for s, done, total in calls if s == stage]
        done = [d for d, _ in counts]
        assert done == sorted(done), stage
        assert done[0] == 0 and done[-1] == counts[-1][1] > 0, stage
        assert len({total for _, total in counts}) == 1, stage
    n_documents = len(seeds_corpus.documents)
    assert (pipeline.CLEANING, n_documents, n_documents) in calls
    assert calls[-1] == (pipeline.COMPARING, 10, 10)
    quick: list[tuple[str, int, int]] = []
    options = AnalysisOptions(n_bootstrap=200, jobs=1, depth=False)
    analyse(seeds_corpus, default_lexicon_set, options=options, progress=_record(quick))
    assert quick[-1] == (pipeline.COMPARING, 6, 6)
    assert TONE not in {stage for stage, _, _ in quick}


def test_progress_never_changes_the_outputs(monkeypatch, seeds_corpus, default_lexicon_set):
    options = AnalysisOptions(n_bootstrap=200, jobs=1)
    silent = analyse(seeds_corpus, default_lexicon_set, options=options)
    expected = (render_json(silent), render_html(silent))
    # many chunks, in this process and in workers, as on a large corpus
    monkeypatch.setattr(parallel, "MIN_PARALLEL_ITEMS", 1)
    for jobs in (1, 3):
        calls: list[tuple[str, int, int]] = []
        run = analyse(
            seeds_corpus,
            default_lexicon_set,
            options=AnalysisOptions(n_bootstrap=200, jobs=jobs),
            progress=_record(calls),
        )
        assert calls
        assert (render_json(run), render_html(replace(run, options=options))) == expected


def _note_pid_and_sleep(folder: Path, chunk):
    """A chunk that never ends in time: it notes its worker's id, then sleeps."""
    (folder / str(os.getpid())).touch()
    if 0 in chunk:
        raise ValueError("the first chunk fails")
    time.sleep(120)
    return chunk


def _wait_for(condition, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def _workers(folder: Path) -> list[int]:
    return [int(p.name) for p in folder.iterdir()]


def test_a_failing_chunk_ends_the_busy_workers_at_once(tmp_path):
    start = time.monotonic()
    with pytest.raises(ValueError, match="the first chunk fails"):
        map_chunks(
            partial(_note_pid_and_sleep, tmp_path), range(parallel.MIN_PARALLEL_ITEMS), jobs=2
        )
    assert time.monotonic() - start < 30  # not the 120 s the other chunks sleep
    workers = _workers(tmp_path)
    assert workers and os.getpid() not in workers
    assert _wait_for(lambda: all(map(_gone, workers)), 5)


@pytest.mark.skipif(sys.platform == "win32", reason="sends SIGINT to a thread")
def test_ctrl_c_ends_the_busy_workers_at_once(tmp_path, ctrl_c):
    """Ctrl-C while the workers run: KeyboardInterrupt at once, and no worker left."""
    items = range(1, parallel.MIN_PARALLEL_ITEMS + 1)  # no chunk fails
    main = threading.main_thread().ident
    assert main is not None

    def interrupt() -> None:
        _wait_for(lambda: len(_workers(tmp_path)) >= 2, 60)
        signal.pthread_kill(main, signal.SIGINT)

    threading.Thread(target=interrupt, daemon=True).start()
    start = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        map_chunks(partial(_note_pid_and_sleep, tmp_path), items, jobs=2)
    assert time.monotonic() - start < 30
    workers = _workers(tmp_path)
    assert len(workers) >= 2
    assert _wait_for(lambda: all(map(_gone, workers)), 5)


def _square(x: int) -> int:
    return x * x


@pytest.mark.parametrize("jobs", [1, 2])
def test_local_engine_yields_results_in_input_order(jobs):
    with LocalEngine(jobs) as engine:
        assert list(engine.map(_square, range(50))) == [x * x for x in range(50)]


def test_local_engine_pulls_items_only_as_results_are_taken():
    pulled = []

    def items():
        for i in range(100):
            pulled.append(i)
            yield i

    with LocalEngine(2, in_flight=2) as engine:
        results = engine.map(_square, items())
        assert next(results) == 0
        # two workers, two items each ahead of the consumer: never the whole stream
        assert len(pulled) <= 5
        assert list(results) == [x * x for x in range(1, 100)]


def _large(x: int) -> bytes:
    return bytes(4 << 20)  # larger than a pipe's buffer: sent in many writes


def test_stopping_workers_in_the_middle_of_sending_a_result_leaves_no_thread_to_wait_for():
    """Python joins a pool's manager thread at exit: one left reading the rest of a
    result that a stopped worker was sending would make the exit wait for ever."""
    before = set(threading.enumerate())
    for _ in range(3):
        with pytest.raises(RuntimeError), LocalEngine(2, in_flight=2) as engine:
            results = engine.map(_large, range(20))
            next(results)
            raise RuntimeError("the consumer stops while the workers send")
        left = [t for t in set(threading.enumerate()) - before if t.is_alive() and not t.daemon]
        assert not left
