"""`framing lexicon ...` through the command line, on a throwaway app that mounts it."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from framing.cli.lexicon import lexicon_app
from tests.conftest import REPO

DATA = REPO / "tests" / "data" / "lexicon_tools"
GOOD = DATA / "good"
BROKEN = DATA / "broken"
MERCENARIES = "This is not mercenaries who are coming to earn money"

# Plain help, like the framing app's (rich_markup_mode=None).
app = typer.Typer(rich_markup_mode=None, pretty_exceptions_enable=False)
app.add_typer(lexicon_app, name="lexicon")


@app.callback()
def _root() -> None:
    """A stand-in for the framing app."""


runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, ["lexicon", *args], catch_exceptions=False)


def one_line_error(result, exit_code: int, *fragments: str) -> str:
    assert result.exit_code == exit_code, result.output
    err = result.stderr.strip()
    assert len(err.splitlines()) == 1, err
    assert err.startswith("error: ") and "Traceback" not in result.output
    for fragment in fragments:
        assert fragment in err
    return err


# --------------------------------------------------------------------------
# help
# --------------------------------------------------------------------------


def test_help_lists_the_six_commands():
    result = run("--help")
    assert result.exit_code == 0
    for command in ("list", "show", "validate", "coverage", "suggest", "explain"):
        assert command in result.output


@pytest.mark.parametrize(
    ("command", "example", "options"),
    [
        ("list", "framing lexicon list --lexicons my_frames/", ["--format", "--json"]),
        ("show", "framing lexicon show possible_extremists", ["--format", "--json"]),
        ("validate", "framing lexicon validate my_frames/", ["--format", "--json"]),
        ("coverage", "framing lexicon coverage articles/", ["--format", "--json"]),
        (
            "suggest",
            "framing lexicon suggest possible_extremists",
            ["--top", "--add", "--format", "--json"],
        ),
        ("explain", f'framing lexicon explain "{MERCENARIES}"', ["--format", "--json"]),
    ],
)
def test_each_command_has_examples_and_options(command, example, options):
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Examples:" in result.output and example in result.output
    for option in ["--lexicons", *options]:
        assert option in result.output


# --------------------------------------------------------------------------
# list, show
# --------------------------------------------------------------------------


def test_list_shows_each_frame_with_counts_and_description():
    result = run("list", "--lexicons", str(GOOD))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == f"good ({GOOD})"
    header = next(line for line in lines if line.startswith("id "))
    assert header.split() == ["id", "label", "terms", "words", "phrases", "wildcards"]
    assert next(line for line in lines if line.startswith("heroic")).split() == [
        "heroic",
        "Heroic",
        "4",
        "2",
        "1",
        "1",
    ]
    assert "    Volunteers as brave heroes fighting for freedom." in lines
    assert "Negation cues: not, never, n't" in lines


def test_list_json_on_the_bundled_set():
    result = run("list", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert [f["id"] for f in data["frames"]] == [
        "goodwill_fighters",
        "possible_extremists",
        "unprotected_civilians",
    ]
    for frame in data["frames"]:
        assert frame["n_terms"] == frame["n_words"] + frame["n_phrases"] + frame["n_wildcards"]
    assert run("list", "--format", "json").output == result.output


def test_show_groups_terms_by_kind_with_lines_and_weights():
    result = run("show", "heroic", "--lexicons", str(GOOD))
    assert result.exit_code == 0, result.output
    text = result.output
    assert text.index("words (2)") < text.index("phrases (1)") < text.index("wildcards (1)")
    assert "line 10  brave   weight 0.5" in text
    assert "line 7  freedom\n" in text  # weight 1 is not shown
    assert "line 9  hero*" in text


def test_show_json():
    data = json.loads(run("show", "legal", "--lexicons", str(GOOD), "--format", "json").output)
    assert data["summary"]["id"] == "legal"
    assert [(t["text"], t["line"], t["weight"]) for t in data["words"]] == [("law", 8, 2.0)]
    assert [t["text"] for t in data["wildcards"]] == ["geneva convention*", "prosecut*"]


def test_show_an_unknown_frame_lists_the_known_ids():
    result = run("show", "nope", "--lexicons", str(GOOD))
    one_line_error(result, 3, "unknown frame 'nope'", "known frames: heroic, legal")


def test_a_broken_set_gets_one_line_pointing_to_validate():
    result = run("list", "--lexicons", str(BROKEN))
    one_line_error(result, 3, "_set.toml:3", "framing lexicon validate")


# --------------------------------------------------------------------------
# validate
# --------------------------------------------------------------------------


def test_validate_prints_every_problem_then_a_summary_and_exits_1():
    result = run("validate", str(BROKEN))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert len(lines) == 21
    assert f"{BROKEN / 'e_terms.toml'}:6: error: duplicate term 'freedom'" in lines[9]
    assert lines[10].startswith(f"{BROKEN / 'e_terms.toml'}:7: warning: term 'radicalized'")
    assert lines[18].startswith(f"{BROKEN / 'f_other.toml'}:3: warning: term 'mercenar*'")
    assert f"{BROKEN / 'e_terms.toml'}:14" in lines[18]
    assert lines[-1] == f"{BROKEN}: 17 errors, 3 warnings"


def test_validate_json_gives_the_list():
    result = run("validate", str(BROKEN), "--format", "json")
    assert result.exit_code == 1
    problems = json.loads(result.output)
    assert len(problems) == 20
    assert problems[2] == {
        "path": str(BROKEN / "a_syntax.toml"),
        "line": 4,
        "severity": "error",
        "message": problems[2]["message"],
    }
    assert problems[2]["message"].startswith("TOML syntax error")


def test_validate_a_clean_set_and_the_default():
    result = run("validate", "--lexicons", str(GOOD))
    assert (result.exit_code, result.output) == (0, f"{GOOD}: no problems found\n")
    assert run("validate").exit_code == 0
    assert json.loads(run("validate", str(GOOD), "--format", "json").output) == []


def test_warnings_alone_exit_0(write, tmp_path):
    write("lex/a.toml", 'id = "a"\nterms = ["radical*", "radicalized"]\n')
    write("lex/b.toml", 'id = "b"\nterms = [\n  "Radical*",\n]\n')
    result = run("validate", str(tmp_path / "lex"))
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"{tmp_path / 'lex' / 'a.toml'}:2: warning: term 'radicalized' is redundant: "
        "wildcard 'radical*' (line 2) already matches it",
        f"{tmp_path / 'lex' / 'b.toml'}:3: warning: term 'Radical*' is also in frame 'a' "
        f"({tmp_path / 'lex' / 'a.toml'}:2: 'radical*'); a sentence using it counts for both",
        f"{tmp_path / 'lex'}: 0 errors, 2 warnings",
    ]


def test_confusable_colours_are_a_warning_in_text_and_json(write, tmp_path):
    write("lex/a.toml", 'id = "a"\ncolour = "#d62728"\nterms = ["alpha"]\n')
    write("lex/b.toml", 'id = "b"\ncolour = "#2ca02c"\nterms = ["beta"]\n')
    message = (
        "colours of 'a' (#d62728) and 'b' (#2ca02c) are hard to tell apart with "
        "deuteranopia (ΔE00 4.6); see docs/lexicons.md"
    )
    result = run("validate", str(tmp_path / "lex"))
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"{tmp_path / 'lex' / 'b.toml'}:2: warning: {message}",
        f"{tmp_path / 'lex'}: 0 errors, 1 warning",
    ]
    result = run("validate", str(tmp_path / "lex"), "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == [
        {
            "path": str(tmp_path / "lex" / "b.toml"),
            "line": 2,
            "severity": "warning",
            "message": message,
        }
    ]


def test_validate_refuses_two_different_targets_and_a_missing_one(tmp_path):
    result = run("validate", str(GOOD), "--lexicons", str(BROKEN))
    one_line_error(result, 3, "not both")
    one_line_error(run("validate", str(tmp_path / "nope")), 3, "no such lexicon file or folder")


# --------------------------------------------------------------------------
# coverage
# --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds_coverage():
    result = run("coverage", "--format", "json")
    assert result.exit_code == 0, result.output
    assert "note: no INPUT given, so this uses the bundled seed articles" in result.stderr
    return json.loads(result.stdout)


def test_coverage_json_on_the_seeds(seeds_coverage):
    data = seeds_coverage
    assert (data["corpus"], data["n_documents"]) == ("seeds", 3)
    terms = {(t["frame"], t["term"]): t for t in data["terms"]}
    radical = terms[("possible_extremists", "radicali*")]
    assert {"surface": "radicalized", "count": radical["matches"]} in radical["forms"]
    supremacist = [t for t in data["terms"] if "supremacist" in t["term"]]
    assert {o["outlet"] for t in supremacist for o in t["outlets"]} == {"arab-news"}
    assert list(data["terms"][0]) == [
        "frame",
        "term",
        "kind",
        "line",
        "matches",
        "negated",
        "documents",
        "outlets",
        "forms",
        "neutral",
    ]


def test_coverage_table(seeds_coverage):
    result = run("coverage")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Coverage of volunteers on seeds: 3 documents, " + (
        f"{seeds_coverage['n_sentences']} sentences"
    )
    radical = next(line for line in lines if " radicali* " in line)
    assert "radicalized" in radical
    mercenary = next(line for line in lines if " mercenar* " in line).split()
    assert mercenary[2] == "0" and int(mercenary[3]) >= 2  # hits, negated
    never = [t["term"] for t in seeds_coverage["terms"] if not t["matches"] + t["negated"]]
    assert "supremacist*" in never
    assert any(line.strip().startswith("never matched:") for line in lines)


def test_coverage_of_given_inputs_warns_about_skipped_files(write, tmp_path):
    write("in/manifest.csv", "file,outlet\na.txt,A\n")
    write("in/a.txt", "Headline here\n\nThey fought for freedom and were heroes.\n")
    write("in/b.txt", "Not listed in the manifest.\n")
    result = run("coverage", str(tmp_path / "in"), "--lexicons", str(GOOD), "--format", "json")
    assert result.exit_code == 0, result.output
    assert "warning: skipped" in result.stderr and "b.txt" in result.stderr
    terms = {t["term"]: t for t in json.loads(result.stdout)["terms"]}
    assert terms["hero*"]["forms"] == [{"surface": "heroes", "count": 1}]
    assert terms["freedom"]["outlets"] == [{"outlet": "a", "count": 1}]


# --------------------------------------------------------------------------
# suggest
# --------------------------------------------------------------------------


def test_suggest_table_and_json_on_the_seeds():
    result = run("suggest", "goodwill_fighters", "--top", "3")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Terms for goodwill_fighters (Goodwill fighters) on seeds:")
    assert "Monroe" in lines[1]
    assert sum(1 for line in lines if line.lstrip().startswith("e.g. ")) == 3
    data = json.loads(run("suggest", "goodwill_fighters", "--top", "3", "--format", "json").stdout)
    assert len(data["suggestions"]) == 3
    assert data["alpha0"] > 0 and data["frame_sentences"] > 0
    first = data["suggestions"][0]
    assert list(first) == [
        "frame",
        "term",
        "z",
        "delta",
        "in_frame",
        "elsewhere",
        "sentences",
        "example",
        "example_document",
        "example_sentence",
    ]
    assert f"{first['term']}" in lines[4]


def test_suggest_add_keeps_the_file_byte_for_byte_but_the_added_lines(tmp_path):
    frame_file = Path(shutil.copy(DATA / "addable" / "heroic.toml", tmp_path / "heroic.toml"))
    before = frame_file.read_text(encoding="utf-8").splitlines(keepends=True)
    result = run(
        "suggest", "heroic", "--lexicons", str(tmp_path), "--add", "brave", "--add", "sacrific*"
    )
    assert result.exit_code == 0, result.output
    assert result.output == f"Added 'brave', 'sacrific*' to {frame_file}\n"
    after = frame_file.read_text(encoding="utf-8")
    assert after == "".join([*before[:8], '    "brave",\n', '    "sacrific*",\n', *before[8:]])
    assert "# After the list: this comment stays too." in after
    assert run("validate", str(tmp_path)).exit_code == 0


def test_suggest_add_json(tmp_path):
    shutil.copy(DATA / "addable" / "heroic.toml", tmp_path / "heroic.toml")
    result = run("suggest", "heroic", "-l", str(tmp_path), "--add", " valour ", "--format", "json")
    assert json.loads(result.output) == {
        "frame": "heroic",
        "file": str(tmp_path / "heroic.toml"),
        "added": ["valour"],
    }


@pytest.mark.parametrize(
    ("term", "fragment"),
    [
        ("FREEDOM", "the frame already has 'freedom'"),
        ("*", "'*' has no words, so it can never match"),
    ],
)
def test_suggest_add_refuses_with_one_line(tmp_path, term, fragment):
    frame_file = Path(shutil.copy(DATA / "addable" / "heroic.toml", tmp_path / "heroic.toml"))
    before = frame_file.read_bytes()
    result = run("suggest", "heroic", "--lexicons", str(tmp_path), "--add", term)
    one_line_error(result, 3, "heroic.toml", fragment)
    assert frame_file.read_bytes() == before


def test_suggest_an_unknown_frame():
    one_line_error(run("suggest", "nope"), 3, "unknown frame 'nope'", "goodwill_fighters")


# --------------------------------------------------------------------------
# explain
# --------------------------------------------------------------------------


def test_explain_underlines_the_negation_scope():
    result = run("explain", MERCENARIES)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    negation = lines.index("Negation:")
    sentence, marks, caption = lines[negation + 1 : negation + 4]
    assert sentence == "  " + MERCENARIES
    start = sentence.index("not")
    assert marks[start : start + 3] == "~~~"
    assert marks[start + 4 :] == "".join("^" if c != " " else " " for c in MERCENARIES[12:])
    assert caption == (
        '  "not" (token 2) negates tokens 3-9: mercenaries who are coming to earn money'
    )
    assert "  0 this   1 is   2 not   3 mercenaries" in result.output
    match = next(line for line in lines if "mercenar*" in line and "negated" in line)
    assert match.split()[:4] == ["3", "possible_extremists", "mercenar*", "mercenaries"]
    assert match.endswith('negated by "not" (token 2)')
    frames = lines[lines.index("Frames:") + 1 :]
    assert frames[0] == ("  possible_extremists (Possible extremists): not invoked, no hit counts")
    assert frames[1].startswith("    not counted: mercenar*")


def test_explain_json_and_an_invoked_frame():
    result = run("explain", "Brave heroes fight for freedom.", "-l", str(GOOD), "--format", "json")
    data = json.loads(result.output)
    assert data["frames"] == [
        {
            "frame": "heroic",
            "label": "Heroic",
            "invoked": True,
            "score": 2.5,
            "terms": ["brave", "hero*", "freedom"],
            "negated_terms": [],
        }
    ]
    text = run("explain", "Brave heroes fight for freedom.", "-l", str(GOOD)).output
    assert "heroic (Heroic): invoked, score 2.5 (brave, hero*, freedom)" in text
    assert "no negation cue" in text


def test_explain_an_empty_sentence_is_a_one_line_error():
    one_line_error(run("explain", " "), 2, "the sentence is empty")


# --------------------------------------------------------------------------
# speed: list and validate stay light
# --------------------------------------------------------------------------

LIGHT_CHECK = """
import sys, typer
from typer.testing import CliRunner
from framing.cli.lexicon import lexicon_app
assert "framing.lexicon_tools" not in sys.modules and "framing.lexicons.load" not in sys.modules
# Plain help, like the framing app's (rich_markup_mode=None).
app = typer.Typer(rich_markup_mode=None, pretty_exceptions_enable=False)
app.add_typer(lexicon_app, name="lexicon")
@app.callback()
def _root(): pass
for args in (["lexicon", "list"], ["lexicon", "validate"], ["lexicon", "show", "heroic",
             "--lexicons", sys.argv[1]], ["lexicon", "validate", sys.argv[2]]):
    result = CliRunner().invoke(app, args)
    assert result.exit_code in (0, 1), result.output
heavy = sorted(m for m in ("sklearn", "numpy", "scipy", "tomlkit") if m in sys.modules)
print(",".join(heavy) or "light")
"""


def test_list_show_and_validate_import_nothing_heavy():
    out = subprocess.run(
        [sys.executable, "-c", LIGHT_CHECK, str(GOOD), str(BROKEN)],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    )
    assert out.stdout.strip() == "light", out.stderr


def test_import_command_converts_a_dictionary_into_a_valid_set(tmp_path):
    from framing.cli import app as framing_app
    from framing.lexicons.load import load_lexicons
    from tests.conftest import REPO

    dictionary = REPO / "tests" / "data" / "importers" / "moral_small.dic"
    out = tmp_path / "moral"
    result = CliRunner().invoke(
        framing_app, ["lexicon", "import", str(dictionary), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "frame files in" in result.output
    imported = load_lexicons(out)
    assert imported.frame_ids == tuple(sorted(imported.frame_ids))
    assert "care_virtue" in imported.frame_ids
    again = CliRunner().invoke(
        framing_app, ["lexicon", "import", str(dictionary), "--out", str(out)]
    )
    assert again.exit_code != 0 and "exists" in again.stderr
    validate = CliRunner().invoke(framing_app, ["lexicon", "validate", str(out)])
    assert validate.exit_code == 0, validate.output
