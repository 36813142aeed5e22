"""DaskEngine: ordered, lazy, failures raised here, one-line errors, results as the local pool's.

One Dask cluster of two single-threaded worker processes on 127.0.0.1 is
started for the module and reached by its address, as a cluster on other
machines would be; one test also lets the engine start its own.
"""

from __future__ import annotations

import json
import logging
import os
import random
import signal
import socket
import sys
import time
import warnings
from pathlib import Path

import pytest
from typer.testing import CliRunner

from framing import dask_engine
from framing.analysis.partitioned import map_partition
from framing.cli.app import app
from framing.dask_engine import DaskEngine, make_engine
from framing.errors import InputError
from framing.parallel import LocalEngine
from framing.report import TABLE_NAMES
from tests.conftest import REPO
from tests.table_corpus import write_tables

runner = CliRunner()


@pytest.fixture(scope="module")
def scheduler():
    """The address of a two-worker Dask cluster on 127.0.0.1, for the module's tests."""
    import dask
    import distributed  # noqa: F401  (its defaults join dask's configuration first)

    # a task whose worker dies is not retried on another: one death is enough to tell
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        cluster = _quiet_cluster(n_workers=2)
    with cluster:
        yield cluster.scheduler_address


def _quiet_cluster(n_workers: int):
    """A local cluster of single-threaded worker processes on 127.0.0.1 that logs only
    errors (its scheduler takes another port than 8787 when that one is taken)."""
    from distributed import LocalCluster

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Port .* is already in use")
        return LocalCluster(
            n_workers=n_workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            silence_logs=logging.CRITICAL,
        )


def _square(x: int) -> int:
    return x * x


def _fail_on_seven(x: int) -> int:
    if x == 7:
        raise ValueError(f"item {x} is bad")
    return x


def test_results_come_in_input_order_and_equal_items_stay_separate(scheduler):
    with DaskEngine(scheduler) as engine:
        assert engine.n_threads == 2
        assert list(engine.map(_square, range(40))) == [x * x for x in range(40)]
        # equal items are separate tasks: each gives its own result
        assert list(engine.map(_square, [3] * 9)) == [9] * 9
        assert list(engine.map(_square, [])) == []


def test_items_are_pulled_only_as_results_are_taken(scheduler):
    pulled = []

    def items():
        for i in range(60):
            pulled.append(i)
            yield i

    with DaskEngine(scheduler, in_flight=2) as engine:
        results = engine.map(_square, items())
        assert next(results) == 0
        # two worker threads, two items each ahead of the consumer: never the whole stream
        assert len(pulled) <= 5
        assert list(results) == [x * x for x in range(1, 60)]


def _exit_worker(x: int) -> int:
    if x == 3:
        os._exit(1)  # the worker process dies, as on running out of memory
    return x


def test_items_that_look_like_tasks_or_are_empty_are_passed_as_they_are(scheduler):
    items = [(len, "abc"), [], None, 0, ("x",)]
    with DaskEngine(scheduler) as engine:
        assert list(engine.map(repr, items)) == [repr(i) for i in items]


def test_a_failed_task_raises_its_exception_here_and_the_engine_goes_on(scheduler):
    with DaskEngine(scheduler) as engine:
        with pytest.raises(ValueError, match="item 7 is bad"):
            list(engine.map(_fail_on_seven, range(30)))
        assert list(engine.map(_square, range(5))) == [0, 1, 4, 9, 16]


def test_leaving_the_block_by_an_exception_closes_the_client(scheduler):
    engine = DaskEngine(scheduler)
    with pytest.raises(KeyboardInterrupt), engine:
        results = engine.map(_square, range(100))
        next(results)
        raise KeyboardInterrupt
    assert engine._client is None
    # the cluster it connected to keeps running for others
    with DaskEngine(scheduler) as again:
        assert list(again.map(_square, [2])) == [4]


def test_an_engine_without_a_scheduler_starts_its_own_workers_that_leave_ctrl_c_to_it():
    import psutil

    before = set(psutil.Process().children(recursive=True))
    with DaskEngine(workers=1) as engine:
        assert engine.n_threads == 1
        assert list(engine.map(_square, range(5))) == [0, 1, 4, 9, 16]
        started = {  # the worker (multiprocessing's resource tracker may start too, and stay)
            p
            for p in set(psutil.Process().children(recursive=True)) - before
            if "resource_tracker" not in " ".join(p.cmdline())
        }
        assert started
        # Ctrl-C in a terminal reaches the workers too: they leave it to this process
        worker_pids = engine._client.run(os.getpid).values()
        for pid in worker_pids:
            os.kill(pid, signal.SIGINT)
        time.sleep(0.5)
        assert list(engine.map(_square, [7])) == [49]
        assert all(psutil.pid_exists(pid) for pid in worker_pids)
    _, alive = psutil.wait_procs(list(started), timeout=5)
    assert not alive


def test_without_the_extra_the_error_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed fails
    with pytest.raises(InputError) as caught:
        DaskEngine(workers=2)
    message = str(caught.value)
    assert "pip install 'framing[dask]'" in message and "\n" not in message
    result = runner.invoke(app, ["report", "--quick", "--workers", "2"])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: {message}"


def _closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (it was free a moment ago)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_an_unreachable_scheduler_is_a_one_line_error(monkeypatch, tmp_path):
    address = f"tcp://127.0.0.1:{_closed_port()}"
    start = time.monotonic()
    with pytest.raises(InputError, match="cannot reach the Dask scheduler at " + address):
        DaskEngine(address, connect_timeout=1).__enter__()
    assert time.monotonic() - start < 10
    monkeypatch.setattr(dask_engine, "CONNECT_TIMEOUT_SECONDS", 1.0)
    out = tmp_path / "r.html"
    result = runner.invoke(app, ["report", "--quick", "--scheduler", address, "--out", str(out)])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: cannot reach the Dask scheduler")
    assert "Traceback" not in result.output and not out.exists()


def test_a_scheduler_without_workers_is_a_one_line_error():
    with _quiet_cluster(n_workers=0) as cluster:
        engine = DaskEngine(cluster.scheduler_address, connect_timeout=1)
        with pytest.raises(InputError, match="has no worker after 1 s"):
            engine.__enter__()


def test_options_that_contradict_each_other_are_refused():
    with pytest.raises(InputError, match="only one of jobs and scheduler"):
        make_engine(jobs=2, scheduler="tcp://127.0.0.1:8786", workers=None)
    with pytest.raises(InputError, match="at least 1"):
        DaskEngine(workers=0)
    assert isinstance(make_engine(jobs=3, scheduler=None, workers=None), LocalEngine)
    assert isinstance(make_engine(jobs=None, scheduler=None, workers=2), DaskEngine)
    for args, expected in [
        (["--scheduler", "tcp://127.0.0.1:8786", "--jobs", "2"], "--jobs and --scheduler"),
        (["--workers", "2", "--jobs", "2"], "--jobs and --workers"),
        (["--workers", "2", "--scheduler", "tcp://127.0.0.1:8786"], "--workers and --scheduler"),
    ]:
        result = runner.invoke(app, ["report", "--quick", *args])
        assert result.exit_code == 2, args
        assert result.stderr.startswith(f"error: {expected} cannot be used together"), args
    result = runner.invoke(app, ["report", "--workers", "2", "--blind"])
    assert result.exit_code == 2
    assert "cannot be used with --blind" in result.stderr
    result = runner.invoke(app, ["report", "--quick", "--workers", "0"])
    assert result.exit_code == 2


def _synthetic_corpus(folder: Path, n_articles: int) -> Path:
    """``n_articles`` articles over four outlets, resampled from the seed articles' sentences."""
    from framing.io.corpus import load_corpus
    from framing.text.clean import clean_corpus
    from framing.text.segment import split_sentences

    clean = clean_corpus(load_corpus([REPO / "seeds"]))
    pools = [[s for p in doc.paragraphs for s in split_sentences(p)] for doc in clean.documents]
    rng = random.Random(7)
    folder.mkdir()
    rows = ["file,outlet,title,date"]
    for i in range(n_articles):
        outlet = i % 4
        favourite = pools[outlet % len(pools)]
        paragraphs = [
            " ".join(
                rng.choice(favourite if rng.random() < 0.6 else rng.choice(pools)) for _ in "ab"
            )
            for _ in range(rng.randint(3, 8))
        ]
        headline = f"Volunteers weigh the risks of a foreign war, report {i}"
        (folder / f"a{i:04d}.txt").write_text("\n\n".join([headline, *paragraphs]) + "\n")
        rows.append(f'a{i:04d}.txt,Outlet {outlet},"{headline}",2022-03-{1 + i % 28:02d}')
    (folder / "manifest.csv").write_text("\n".join(rows) + "\n")
    return folder


def _report(tmp_path: Path, name: str, *args: str, quick: bool = True) -> tuple[str, str]:
    out = tmp_path / name / "r.html"
    speed = ["--quick"] if quick else []
    result = runner.invoke(app, ["report", *speed, "-q", *args, "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out.with_suffix(".json").read_text(), out.read_text()


def test_reports_on_dask_are_byte_identical_to_the_local_pool(scheduler, tmp_path, monkeypatch):
    # The map step's chunks are counted, so the test fails if the work did not run on Dask.
    chunks_from_dask = []
    dask_map = DaskEngine.map

    def counting_map(self, func, items):
        for result in dask_map(self, func, items):
            if getattr(func, "func", None) is map_partition:  # the workers read the files
                chunks_from_dask.extend(result)
            yield result

    monkeypatch.setattr(DaskEngine, "map", counting_map)
    monkeypatch.setattr("framing.analysis.stream.CHUNK_DOCUMENTS", 40)  # chunks of 150 articles

    # a quick run's tables are written chunk by chunk, wherever the chunks are made
    local = _report(tmp_path, "seeds-local", "--jobs", "2", "--tables", str(tmp_path / "t1"))
    on_dask = _report(
        tmp_path, "seeds-dask", "--scheduler", scheduler, "--tables", str(tmp_path / "t2")
    )
    assert on_dask == local
    for name in ("sentences.csv", "documents.csv", "removed.csv"):
        assert (tmp_path / "t1" / name).read_text() == (tmp_path / "t2" / name).read_text()
    assert len(chunks_from_dask) == 1

    corpus = str(_synthetic_corpus(tmp_path / "corpus", 150))
    local = _report(tmp_path, "many-local", corpus, "--jobs", "2")
    exported = json.loads(local[0])
    assert exported["corpus"]["documents"] == 150 and not exported["notes"]
    assert _report(tmp_path, "many-dask", corpus, "--scheduler", scheduler) == local
    assert len(chunks_from_dask) == 1 + 4


def test_in_depth_reports_on_dask_are_byte_identical_to_the_local_pool(
    scheduler, tmp_path, monkeypatch
):
    # The map step's chunks are counted, so the test fails if the work did not run on Dask.
    chunks_from_dask = []
    dask_map = DaskEngine.map

    def counting_map(self, func, items):
        for result in dask_map(self, func, items):
            chunks_from_dask.append(result)
            yield result

    monkeypatch.setattr(DaskEngine, "map", counting_map)
    monkeypatch.setattr("framing.analysis.stream.CHUNK_DOCUMENTS", 40)
    corpus = str(_synthetic_corpus(tmp_path / "corpus", 120))
    local = _report(tmp_path, "depth-local", "seeds", corpus, "--jobs", "2", quick=False)
    exported = json.loads(local[0])
    assert exported["corpus"]["documents"] == 123
    assert exported["shared_copy"] is not None and exported["quotes"] is not None
    on_dask = _report(
        tmp_path, "depth-dask", "seeds", corpus, "--scheduler", scheduler, quick=False
    )
    assert on_dask == local
    assert len(chunks_from_dask) == 4  # 123 documents in chunks of 40


def test_workers_read_parts_of_tables_and_reports_are_byte_identical(
    scheduler, tmp_path, monkeypatch
):
    from framing.analysis import partitioned

    paths = write_tables(tmp_path / "in", n_articles=16)
    inputs = [str(paths["jsonl"]), str(paths["csv"]), str(paths["parquet"]), str(paths["jsonl"])]
    monkeypatch.setattr("framing.io.partitions.PART_BYTES", 3000)  # about 3 articles
    monkeypatch.setattr("framing.analysis.stream.CHUNK_DOCUMENTS", 4)
    planned = []
    plan = partitioned.plan_partitions

    def counting_plan(stream, run):
        planned.append(plan(stream, run))
        return planned[-1]

    monkeypatch.setattr(partitioned, "plan_partitions", counting_plan)
    tasks = []
    dask_map = DaskEngine.map

    def counting_map(self, func, items):
        for result in dask_map(self, func, items):
            if getattr(func, "func", None) is map_partition:
                tasks.append(result)
            yield result

    monkeypatch.setattr(DaskEngine, "map", counting_map)
    tables = [("--tables", str(tmp_path / name)) for name in ("t1", "t2", "t3")]
    local = _report(tmp_path, "local", *inputs, "--jobs", "2", *tables[0])
    assert not planned  # processes here read the files here
    on_dask = _report(tmp_path, "dask", *inputs, "--scheduler", scheduler, *tables[1])
    exported = json.loads(local[0])
    assert exported["corpus"]["documents"] > 50 and len(exported["skipped"]) > 30
    assert on_dask == local
    pieces = [piece for partition in planned[0] for piece in partition.pieces]
    kinds = [piece.kind for piece in pieces]
    assert kinds.count("lines") > 5 and kinds.count("rows") > 3 and len(tasks) > 10
    assert [piece.every > 0 for piece in pieces].count(True) == 1  # the CSV file, in spans
    # --workers starts a cluster on this machine, whose workers read the files too
    assert _report(tmp_path, "workers", *inputs, "--workers", "2", *tables[2]) == local
    assert len(planned) == 2
    for name in TABLE_NAMES:
        expected = (tmp_path / "t1" / name).read_text()
        assert (tmp_path / "t2" / name).read_text() == expected
        assert (tmp_path / "t3" / name).read_text() == expected


def test_a_file_the_workers_cannot_find_is_a_one_line_error(scheduler, tmp_path, monkeypatch):
    from framing.analysis import partitioned

    paths = write_tables(tmp_path / "in", n_articles=4)
    plan = partitioned.plan_partitions

    def moving_plan(stream, run):
        planned = plan(stream, run)
        paths["csv"].rename(tmp_path / "elsewhere.csv")  # as on a worker without the file
        return planned

    monkeypatch.setattr(partitioned, "plan_partitions", moving_plan)
    result = runner.invoke(
        app, ["report", "--quick", "-q", str(paths["csv"]), "--scheduler", scheduler]
    )
    assert result.exit_code == 2
    assert result.output.startswith(f"error: {paths['csv']}: not found on the Dask worker at ")
    assert result.output.count("\n") == 1 and "docs/scale.md" in result.output


# Last: the nanny restarts the dead worker, which then imports everything again.
def test_a_dead_worker_is_a_one_line_error(scheduler):
    with (
        DaskEngine(scheduler) as engine,
        pytest.raises(InputError, match="Dask workers died while running a chunk"),
    ):
        list(engine.map(_exit_worker, range(6)))
