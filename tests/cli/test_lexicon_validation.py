"""framing lexicon evaluate and sample, end to end through the CLI."""

import csv
import json

from typer.testing import CliRunner

from framing.cli import app

runner = CliRunner()

FRAMES = "goodwill_fighters,possible_extremists,unprotected_civilians"


def sheet(tmp_path, body):
    path = tmp_path / "coded.csv"
    path.write_text(f"document,text,{FRAMES}\n{body}", encoding="utf-8")
    return path


def test_evaluate_prints_figures_and_json(tmp_path):
    path = sheet(
        tmp_path,
        "a,They came to fight for freedom.,support,,\n"
        "a,They are not mercenaries.,,deny,\n"
        "b,Prices rose again.,,,\n"
        "b,Captured fighters would have no POW status.,,,support\n",
    )
    result = runner.invoke(app, ["lexicon", "evaluate", str(path)])
    assert result.exit_code == 0, result.output
    assert "goodwill_fighters (Goodwill fighters)" in result.output
    assert "strict" in result.output and "coded deny: 1" in result.output
    result = runner.invoke(app, ["lexicon", "evaluate", str(path), "--format", "json"])
    data = json.loads(result.stdout)
    assert data["frames"]["goodwill_fighters"]["strict"]["tp"] == 1
    assert data["frames"]["possible_extremists"]["deny"]["read_as_deny"] == 1
    assert data["bootstrap"]["unit"] == "documents"
    assert data["sentences"][0]["tool"]["goodwill_fighters"] == "support"


def test_evaluate_warns_about_an_uncoded_frame(tmp_path):
    path = tmp_path / "coded.csv"
    path.write_text("text,goodwill_fighters\nThey fight for freedom.,support\n", "utf-8")
    result = runner.invoke(app, ["lexicon", "evaluate", str(path)])
    assert result.exit_code == 0
    assert "no column for frame 'possible_extremists'" in result.stderr


def test_evaluate_bad_sheets_exit_2_with_one_line(tmp_path):
    cases = {
        "no_text.csv": "sentence,goodwill_fighters\nA,support\n",
        "unknown_frame.csv": "text,heroes\nA,support\n",
        "bad_code.csv": "text,goodwill_fighters\nA,yes\n",
        "empty.csv": "text,goodwill_fighters\n",
    }
    for name, body in cases.items():
        path = tmp_path / name
        path.write_text(body, encoding="utf-8")
        result = runner.invoke(app, ["lexicon", "evaluate", str(path)])
        assert result.exit_code == 2, (name, result.output)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"error: {path}"), lines
        assert "Traceback" not in result.output


def test_sample_writes_a_blind_sheet_and_a_key_and_never_overwrites(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Headline about volunteers\n\nThey came to fight for freedom. They are not "
        "mercenaries. The weather was cold. Prices rose.\n",
        encoding="utf-8",
    )
    out, key = tmp_path / "sheet.csv", tmp_path / "key.csv"
    args = ["lexicon", "sample", str(folder), "--n", "3", "--out", str(out), "--key", str(key)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == 3
    assert list(rows[0]) == ["id", "document", "text", *FRAMES.split(",")]
    keyed = list(csv.DictReader(key.open(encoding="utf-8")))
    assert {r["id"] for r in keyed} == {r["id"] for r in rows}
    assert {r["outlet"] for r in keyed} == {"a"}
    # A second run would overwrite a possibly coded sheet: refused.
    out.write_text("coded work\n", encoding="utf-8")
    result = runner.invoke(app, args)
    assert result.exit_code == 4
    assert "already exists" in result.stderr
    assert out.read_text(encoding="utf-8") == "coded work\n"
    assert runner.invoke(app, [*args, "--overwrite"]).exit_code == 0


def test_sample_needs_an_input():
    result = runner.invoke(app, ["lexicon", "sample"])
    assert result.exit_code == 2
    assert "Missing argument" in result.output


def test_report_writes_tables_and_a_validation_section(tmp_path):
    coded = sheet(
        tmp_path,
        "a,They came to fight for freedom.,support,,\n"
        "a,They are not mercenaries.,,deny,\n"
        "b,Prices rose again.,,,\n",
    )
    out, tables = tmp_path / "r.html", tmp_path / "tables"
    args = ["report", "--out", str(out), "--tables", str(tables), "--coded", str(coded)]
    result = runner.invoke(app, [*args, "--quick", "--quiet"])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert 'id="validation"' in html and "How well this lexicon reads" in html
    assert "the lexicon found 1." in html
    data = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    assert data["validation"]["frames"]["goodwill_fighters"]["strict"]["tp"] == 1
    assert "sentences" not in data["validation"]
    rows = list(csv.DictReader((tables / "sentences.csv").open(encoding="utf-8")))
    assert len(rows) == data["corpus"]["sentences"]
    assert {r["goodwill_fighters"] for r in rows} <= {"support", "deny", "none"}
    supported = [r for r in rows if r["goodwill_fighters"] == "support"]
    assert supported and all(r["goodwill_fighters_terms"] for r in supported)
    documents = list(csv.DictReader((tables / "documents.csv").open(encoding="utf-8")))
    assert sum(int(d["n_sentences"]) for d in documents) == len(rows)
    assert sum(int(d["goodwill_fighters_support"]) for d in documents) == len(supported)
    outlets = list(csv.DictReader((tables / "outlets.csv").open(encoding="utf-8")))
    by_outlet = {o["outlet"]: o for o in outlets}
    for outlet in data["outlets"]:
        share = outlet["frames"]["goodwill_fighters"]["share"]
        assert float(by_outlet[outlet["name"]]["goodwill_fighters_share"]) == round(share, 6)


def test_report_without_coded_has_no_validation_section(tmp_path):
    out = tmp_path / "r.html"
    assert runner.invoke(app, ["report", "--out", str(out), "--quick", "--quiet"]).exit_code == 0
    assert 'id="validation"' not in out.read_text(encoding="utf-8")
    assert "validation" not in json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))


def test_report_refuses_tables_over_the_json_and_writes_nothing(tmp_path):
    tables = tmp_path / "tables"
    out = tmp_path / "r.html"
    result = runner.invoke(
        app,
        [
            "report",
            "--out",
            str(out),
            "--json",
            str(tables / "outlets.csv"),
            "--tables",
            str(tables),
            "--quick",
        ],
    )
    assert result.exit_code == 4
    assert "--json and --tables name the same file" in result.stderr
    assert not out.exists() and not tables.exists()


def test_sample_never_replaces_an_article_even_with_overwrite(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    article = folder / "a.txt"
    article.write_text("Headline\n\nThey came to fight for freedom. Prices rose.\n", "utf-8")
    args = ["lexicon", "sample", str(folder), "--n", "2", "--out", str(article)]
    result = runner.invoke(app, [*args, "--key", str(tmp_path / "key.csv"), "--overwrite"])
    assert result.exit_code == 4
    assert article.read_text("utf-8").startswith("Headline")


def test_coded_sentences_are_escaped_in_the_report(tmp_path):
    coded = sheet(
        tmp_path,
        'a,"<script>alert(1)</script> They came to fight for freedom.",,,\n'
        "a,They are not mercenaries.,,deny,\n",
    )
    out = tmp_path / "r.html"
    args = ["report", "--out", str(out), "--coded", str(coded), "--quick", "--quiet"]
    assert runner.invoke(app, args).exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
