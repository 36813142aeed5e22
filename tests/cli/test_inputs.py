"""framing report reads tables of articles, with its --format and column options."""

import json

from typer.testing import CliRunner

from framing.cli import app
from framing.cli.report_options import InputFormat as _Format
from framing.io.readers.formats import FORMATS

runner = CliRunner()


def test_format_choices_are_the_readers_formats():
    assert tuple(f.value for f in _Format) == FORMATS


def test_a_csv_with_named_columns_and_day_first_dates(tmp_path):
    table = tmp_path / "export.csv"
    table.write_text(
        "story,paper,when,body\n"
        '1,Daily,03/04/2022,"They came to fight for freedom. They are heroes to many."\n'
        '2,Ledger,05/04/2022,"They are not mercenaries, officials said. Prices rose."\n',
        encoding="utf-8",
    )
    out = tmp_path / "r.html"
    args = ["report", str(table), "--out", str(out), "--quick", "--quiet", "--dayfirst"]
    args += ["--text-column", "body", "--outlet-column", "paper", "--date-column", "when"]
    args += ["--id-column", "story"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    data = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    assert [o["name"] for o in data["outlets"]] == ["Daily", "Ledger"]
    assert {d["date"] for d in data["documents"]} == {"2022-04-03", "2022-04-05"}


def test_a_missing_text_column_names_the_columns(tmp_path):
    table = tmp_path / "export.csv"
    table.write_text("id,paper,words\n1,Daily,Some text here.\n", encoding="utf-8")
    result = runner.invoke(
        app, ["report", str(table), "--quick", "--out", str(tmp_path / "r.html")]
    )
    assert result.exit_code == 2
    assert "words" in result.stderr and "text" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_quick_run_reads_a_stream_and_writes_what_a_loaded_corpus_gives(tmp_path):
    """--quick streams its articles; with --tables it loads them all: the same JSON."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Aid for Ukraine\n\nVolunteers went to help and defend.\n")
    (folder / "b.txt").write_text("A legion\n\nForeign fighters are not lawful combatants.\n")
    (folder / "empty.txt").write_text("")
    (folder / "c.txt").write_bytes(b"Aid\n\nThey went to help caf\xe9 owners.\n")  # not UTF-8
    (folder / "notes.csv.bak").write_text("x")
    streamed = runner.invoke(
        app, ["report", str(folder), "--quick", "--out", str(tmp_path / "s.html")]
    )
    loaded = runner.invoke(
        app,
        [
            "report",
            str(folder),
            "--quick",
            "--out",
            str(tmp_path / "l.html"),
            "--tables",
            str(tmp_path / "tables"),
        ],
    )
    assert streamed.exit_code == 0 and loaded.exit_code == 0, streamed.output + loaded.output
    for result in (streamed, loaded):  # every skipped input is still said
        assert "skipped" in result.output and "empty.txt" in result.output
        assert "notes.csv.bak" in result.output
        assert "c.txt: not valid UTF-8" in result.output
    assert (tmp_path / "s.json").read_text() == (tmp_path / "l.json").read_text()


def test_a_streamed_run_never_writes_over_an_article_it_read(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    article = folder / "a.txt"
    article.write_text("Aid\n\nVolunteers went to help.\n")
    before = article.read_text()
    result = runner.invoke(
        app,
        [
            "report",
            str(folder),
            "--quick",
            "--out",
            str(tmp_path / "r.html"),
            "--json",
            str(article),
        ],
    )
    assert result.exit_code != 0
    assert article.read_text() == before
    assert not (tmp_path / "r.html").exists()
