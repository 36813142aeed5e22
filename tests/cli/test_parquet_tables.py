"""``report --tables DIR --table-format parquet``: the CSV tables, typed, streamed or not."""

from __future__ import annotations

import json
import sys

import pytest
from typer.testing import CliRunner

from framing.cli import app
from framing.report import TABLE_NAMES, table_names

pd = pytest.importorskip("pandas")
pq = pytest.importorskip("pyarrow.parquet")

runner = CliRunner()
PARQUET_NAMES = table_names("parquet")


@pytest.fixture
def articles(tmp_path):
    """30 articles of 3 outlets over 2022 (half with a URL), and an undated text file."""
    from benchmarks.corpus import article_date, generate_articles

    lines = []
    for i, article in enumerate(generate_articles(30, n_outlets=3, seed=5)):
        row = {"id": article.id, "outlet": article.outlet, "title": article.title}
        row["date"] = article_date(i, 30)
        row["url"] = f"https://example.org/{i}" if i % 2 == 0 else None
        row["text"] = article.text
        lines.append(json.dumps(row))
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    # a caption that cleaning removes, and a quotation across two lines
    (tmp_path / "odd.txt").write_text(
        'Volunteers abroad\n\nPhoto: a volunteer at the border.\n\n"They came to help,\n'
        'to defend families," she said. Foreign fighters are not lawful combatants.\n'
    )
    return [str(tmp_path / "feed.jsonl"), str(tmp_path / "odd.txt")]


def _run(articles, out, tables, *extra):
    args = ["report", *articles, "--out", str(out), "--tables", str(tables), *extra]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return result


def _bytes(folder):
    return {name: (folder / name).read_bytes() for name in PARQUET_NAMES}


def test_parquet_tables_hold_the_csv_tables_with_typed_columns(articles, tmp_path):
    in_depth = ["--bootstrap", "100"]
    _run(articles, tmp_path / "c.html", tmp_path / "csv", *in_depth)
    _run(articles, tmp_path / "p.html", tmp_path / "pq", *in_depth, "--table-format", "parquet")
    assert sorted(p.name for p in (tmp_path / "pq").iterdir()) == sorted(PARQUET_NAMES)
    for csv_name, parquet_name in zip(TABLE_NAMES, PARQUET_NAMES, strict=True):
        from_csv = pd.read_csv(tmp_path / "csv" / csv_name)
        from_parquet = pd.read_parquet(tmp_path / "pq" / parquet_name)
        assert len(from_parquet) > 0, parquet_name
        # the same cells and types; read_csv cannot type a column with no value, Parquet can
        pd.testing.assert_frame_equal(from_parquet, from_csv, check_dtype=False)
        typed = [c for c in from_csv.columns if from_csv[c].notna().any()]
        assert (from_parquet[typed].dtypes == from_csv[typed].dtypes).all(), parquet_name
    schema = {
        t: pq.read_schema(tmp_path / "pq" / f"{t}.parquet") for t in ("sentences", "over_time")
    }
    sentences, over_time = schema["sentences"], schema["over_time"]
    assert [str(sentences.field(c).type) for c in ("sentence", "position", "text")] == [
        "int64",
        "int64",
        "large_string",
    ]
    assert [str(over_time.field(c).type) for c in ("n_support", "share", "too_few")] == [
        "int64",
        "double",
        "bool",
    ]
    documents = pd.read_parquet(tmp_path / "pq" / "documents.parquet")
    # empty cells of the CSV are nulls: the undated article, the articles without a URL
    assert documents.loc[documents["date"].isna(), "source"].tolist() == ["odd.txt"]
    assert documents["url"].isna().sum() == 16
    assert documents["url"].dropna().str.startswith("https://example.org/").all()
    removed = pd.read_parquet(tmp_path / "pq" / "removed.parquet")
    assert "Photo: a volunteer at the border." in removed["text"].tolist()
    texts = pd.read_parquet(tmp_path / "pq" / "sentences.parquet")["text"]
    assert 'to defend families," she said.' in texts.tolist()  # quotes and a comma, whole


def test_quick_and_in_depth_give_the_same_parquet_bytes(articles, tmp_path, monkeypatch):
    monkeypatch.setattr("framing.analysis.stream.CHUNK_DOCUMENTS", 4)  # several chunks
    monkeypatch.setattr("framing.io.parquet_out.ROW_GROUP_ROWS", 50)  # groups across chunks
    parquet = ("--table-format", "parquet")
    _run(articles, tmp_path / "q1.html", tmp_path / "q1", "--quick", *parquet)
    _run(articles, tmp_path / "q2.html", tmp_path / "q2", "--quick", *parquet)
    _run(articles, tmp_path / "f.html", tmp_path / "f", "--bootstrap", "100", *parquet)
    assert _bytes(tmp_path / "q1") == _bytes(tmp_path / "q2") == _bytes(tmp_path / "f")
    sentences = pq.ParquetFile(tmp_path / "q1" / "sentences.parquet")
    assert sentences.metadata.num_row_groups > 2
    assert {sentences.metadata.row_group(i).num_rows for i in range(2)} == {50}
    assert not [p.name for p in (tmp_path / "q1").iterdir() if p.name.startswith(".")]


def test_a_parquet_run_that_fails_midway_leaves_no_table_behind(articles, tmp_path, monkeypatch):
    from framing.analysis import reduce

    monkeypatch.setattr("framing.analysis.stream.CHUNK_DOCUMENTS", 4)
    monkeypatch.setattr("framing.io.parquet_out.ROW_GROUP_ROWS", 20)  # row groups written
    calls = []
    add = reduce.Reducer.add

    def fail_on_fourth(self, chunk):
        calls.append(1)
        if len(calls) == 4:
            raise RuntimeError("disk on fire")
        add(self, chunk)

    monkeypatch.setattr(reduce.Reducer, "add", fail_on_fourth)
    args = ["report", *articles, "--quick", "--out", str(tmp_path / "q.html")]
    tables = tmp_path / "tables"
    result = runner.invoke(app, [*args, "--tables", str(tables), "--table-format", "parquet"])
    assert result.exit_code != 0
    assert len(calls) == 4
    assert not tables.exists()
    assert not (tmp_path / "q.html").exists()


def test_old_parquet_tables_stay_whole_when_a_run_fails_late(articles, tmp_path, monkeypatch):
    tables = tmp_path / "tables"
    args = ["report", *articles, "--quick", "--out", str(tmp_path / "q.html")]
    args += ["--tables", str(tables), "--table-format", "parquet"]
    assert runner.invoke(app, args).exit_code == 0
    before = _bytes(tables)
    monkeypatch.setattr("framing.report.render_html", lambda *a, **k: 1 / 0)  # a failure late
    assert runner.invoke(app, args).exit_code != 0
    assert _bytes(tables) == before
    assert sorted(p.name for p in tables.iterdir()) == sorted(PARQUET_NAMES)


@pytest.mark.parametrize("quick", [["--quick"], []])
def test_without_pyarrow_parquet_tables_stop_the_run_before_any_work(
    articles, tmp_path, monkeypatch, quick
):
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow raises ImportError

    def no_reading(*args, **kwargs):
        raise AssertionError("the articles were read")

    monkeypatch.setattr("framing.io.corpus.stream_corpus", no_reading)
    monkeypatch.setattr("framing.io.corpus.load_corpus", no_reading)
    args = ["report", *articles, *quick, "--out", str(tmp_path / "r.html")]
    result = runner.invoke(
        app, [*args, "--tables", str(tmp_path / "t"), "--table-format", "parquet"]
    )
    assert result.exit_code == 4
    assert result.stderr.strip().splitlines() == [
        "error: writing Parquet tables needs pyarrow: pip install 'framing[parquet]'"
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["feed.jsonl", "odd.txt"]


def test_parquet_without_tables_is_refused(articles, tmp_path):
    args = ["report", *articles, "--out", str(tmp_path / "r.html"), "--table-format", "parquet"]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "--table-format parquet is the format of --tables" in result.stderr
    assert not (tmp_path / "r.html").exists()


def test_an_unknown_table_format_is_a_usage_error(articles, tmp_path):
    args = ["report", *articles, "--tables", str(tmp_path / "t"), "--table-format", "xlsx"]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "xlsx" in result.stderr
    assert not (tmp_path / "t").exists()


def test_report_help_names_the_table_format():
    result = runner.invoke(app, ["report", "--help"], terminal_width=200)
    assert "--table-format" in result.output
    assert "parquet" in result.output


def test_the_table_formats_of_the_option_are_the_library_s():
    from framing.cli.report_options import TableFormat
    from framing.report import TABLE_FORMATS

    assert tuple(f.value for f in TableFormat) == TABLE_FORMATS
