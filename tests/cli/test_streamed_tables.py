"""``report --tables``: tables written chunk by chunk, the same as from kept sentences."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from framing import analyse, default_lexicons, load_corpus
from framing.cli import app
from framing.model import AnalysisOptions
from framing.report import TABLE_NAMES, render_tables

runner = CliRunner()


@pytest.fixture
def articles(tmp_path):
    from benchmarks.bench_pipeline import build_corpus

    folder = tmp_path / "in"
    folder.mkdir()
    build_corpus(folder, n_articles=24, n_outlets=3, seed=4)
    # beside the folder (whose manifest lists its articles): a caption that
    # cleaning removes, and a quotation across two lines
    (tmp_path / "odd.txt").write_text(
        'Volunteers abroad\n\nPhoto: a volunteer at the border.\n\n"They came to help,\n'
        'to defend families," she said. Foreign fighters are not lawful combatants.\n'
    )
    return [str(folder), str(tmp_path / "odd.txt")]


def _tables(folder):
    return {name: (folder / name).read_text(encoding="utf-8") for name in TABLE_NAMES}


def test_streamed_tables_equal_those_of_the_kept_sentences(articles, tmp_path, monkeypatch):
    monkeypatch.setattr("framing.analysis.stream.CHUNK_DOCUMENTS", 5)  # several chunks
    streamed, kept = tmp_path / "streamed", tmp_path / "kept"
    quick = ["report", *articles, "--quick", "--out", str(tmp_path / "q.html")]
    result = runner.invoke(app, [*quick, "--tables", str(streamed)])
    assert result.exit_code == 0, result.output
    # the in-depth analysis streams its tables too
    full = ["report", *articles, "--out", str(tmp_path / "f.html"), "--bootstrap", "100"]
    result = runner.invoke(app, [*full, "--tables", str(kept)])
    assert result.exit_code == 0, result.output
    assert _tables(streamed) == _tables(kept)
    # and they are those of an analysis that keeps every sentence
    corpus = load_corpus(articles)
    analysis = analyse(corpus, default_lexicons(), options=AnalysisOptions(depth=False, jobs=1))
    assert _tables(streamed) == render_tables(analysis, inputs=articles)
    sentences = _tables(streamed)["sentences.csv"]
    assert "They came to help" in sentences
    assert "Photo: a volunteer at the border." in _tables(streamed)["removed.csv"]
    assert not [p.name for p in streamed.iterdir() if p.name.startswith(".")]


def test_a_run_that_fails_midway_leaves_no_table_behind(articles, tmp_path, monkeypatch):
    from framing.analysis import reduce

    monkeypatch.setattr("framing.analysis.stream.CHUNK_DOCUMENTS", 5)
    calls = []
    add = reduce.Reducer.add

    def fail_on_third(self, chunk):
        calls.append(1)
        if len(calls) == 3:
            raise RuntimeError("disk on fire")
        add(self, chunk)

    monkeypatch.setattr(reduce.Reducer, "add", fail_on_third)
    tables = tmp_path / "tables"
    args = ["report", *articles, "--quick", "--out", str(tmp_path / "q.html")]
    result = runner.invoke(app, [*args, "--tables", str(tables)])
    assert result.exit_code != 0
    assert not tables.exists()
    assert not (tmp_path / "q.html").exists()


def test_old_tables_stay_whole_when_a_run_fails(articles, tmp_path, monkeypatch):
    tables = tmp_path / "tables"
    args = ["report", *articles, "--quick", "--out", str(tmp_path / "q.html")]
    assert runner.invoke(app, [*args, "--tables", str(tables)]).exit_code == 0
    before = _tables(tables)
    monkeypatch.setattr("framing.report.render_html", lambda *a, **k: 1 / 0)  # a failure late
    result = runner.invoke(app, [*args, "--tables", str(tables)])
    assert result.exit_code != 0
    assert _tables(tables) == before
    assert sorted(p.name for p in tables.iterdir()) == sorted(TABLE_NAMES)


def test_a_streamed_in_depth_report_is_that_of_the_kept_sentences(articles, tmp_path, monkeypatch):
    """Read as a stream in chunks, in one or two processes: the JSON of the whole corpus."""
    from framing.report import render_json

    monkeypatch.setattr("framing.analysis.stream.CHUNK_DOCUMENTS", 5)  # several chunks
    monkeypatch.setattr("framing.parallel.MIN_PARALLEL_ITEMS", 2)
    texts = []
    for jobs in ("1", "2"):
        out = tmp_path / f"j{jobs}.html"
        args = ["report", *articles, "--out", str(out), "--bootstrap", "100", "--jobs", jobs]
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        texts.append(out.with_suffix(".json").read_text(encoding="utf-8"))
    options = AnalysisOptions(n_bootstrap=100, n_permutations=100, jobs=1)
    analysis = analyse(load_corpus(articles), default_lexicons(), options=options)
    assert analysis.shared is not None and analysis.pairs
    assert texts[0] == texts[1] == render_json(analysis, inputs=articles)
