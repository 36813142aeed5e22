"""The command line follows the conventions people expect of one.

``--json -`` pipes into jq, ``--quiet`` is quiet, help names values in
words, ``-V`` and shell completion exist, the lexicon commands print JSON
with ``--format json`` (the old ``--json`` still works, with a note), and the
exit codes are documented where people look.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
import typer.main
from typer.testing import CliRunner

from framing import __version__
from framing.cli import app
from framing.cli.common import EXIT_CODES
from tests.conftest import REPO

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


def _leaf_commands(group, prefix: str = "framing"):
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            yield from _leaf_commands(command, f"{prefix} {name}")
        else:
            yield f"{prefix} {name}", name, command


def _help(full: str) -> str:
    result = run(*full.split()[1:], "--help")
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture
def articles(tmp_path):
    """Two small articles and an empty one (a warning: skipped), in a folder."""
    folder = tmp_path / "articles"
    folder.mkdir()
    body = "Volunteers said they came to help civilians. They are not mercenaries, he said."
    (folder / "one.txt").write_text(f"Volunteers arrive\n\n{body}\n", encoding="utf-8")
    (folder / "two.txt").write_text(f"Fighters arrive\n\n{body} They fight.\n", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return folder


# --------------------------------------------------------------------------
# --json - : standard output holds the JSON and nothing else
# --------------------------------------------------------------------------


def test_json_dash_writes_only_the_json_to_stdout(articles, tmp_path):
    html = tmp_path / "out" / "r.html"
    command = [sys.executable, "-m", "framing", "report", str(articles), "--quick"]
    command += ["--out", str(html), "--json", "-"]
    done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)  # the whole of stdout is one JSON document
    assert data["corpus"]["documents"] == 2
    assert html.exists() and not (tmp_path / "-").exists()
    assert not (tmp_path / "out" / "r.json").exists()
    assert "Report:" in done.stderr and "JSON:   standard output" in done.stderr
    assert "warning: skipped" in done.stderr


def test_json_dash_with_quiet_leaves_stderr_empty(articles, tmp_path):
    command = [sys.executable, "-m", "framing", "report", str(articles), "--quick", "-q"]
    command += ["--out", str(tmp_path / "r.html"), "--json", "-"]
    done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["corpus"]["documents"] == 2
    assert done.stderr == ""


# --------------------------------------------------------------------------
# --quiet silences warnings
# --------------------------------------------------------------------------


def test_report_warns_without_quiet_and_not_with_it(articles, tmp_path):
    loud = run("report", str(articles), "--quick", "--out", str(tmp_path / "a.html"))
    assert loud.exit_code == 0
    assert "warning: skipped" in loud.stderr and "empty.txt" in loud.stderr
    quiet = run("report", str(articles), "--quick", "--out", str(tmp_path / "b.html"), "-q")
    assert quiet.exit_code == 0
    assert quiet.stdout == "" and quiet.stderr == ""


def test_quiet_still_prints_errors(tmp_path):
    result = run("report", str(tmp_path / "missing"), "--quiet")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ")


def test_lexicon_commands_are_quiet_with_quiet(articles):
    loud = run("lexicon", "coverage", str(articles))
    assert loud.exit_code == 0 and "warning: skipped" in loud.stderr
    quiet = run("lexicon", "coverage", str(articles), "--quiet")
    assert quiet.exit_code == 0 and quiet.stderr == ""
    assert quiet.stdout == loud.stdout


# --------------------------------------------------------------------------
# The lexicon commands' JSON: --format json, and the old --json
# --------------------------------------------------------------------------


def test_format_json_prints_json_alone():
    result = run("lexicon", "list", "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["name"] == "volunteers"
    assert result.stderr == ""


def test_the_old_json_flag_still_works_with_a_note_on_stderr():
    result = run("lexicon", "list", "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == json.loads(
        run("lexicon", "list", "--format", "json").stdout
    )
    assert "deprecated" in result.stderr and "--format json" in result.stderr


def test_every_lexicon_command_with_json_output_takes_format_json():
    group = typer.main.get_command(app)
    for full, _, command in _leaf_commands(group):
        options = {opt for p in command.params for opt in getattr(p, "opts", [])}
        if "--json" in options and full != "framing report":
            assert "--format" in options, full


# --------------------------------------------------------------------------
# Help: words, not Python types; -V; completion; exit codes
# --------------------------------------------------------------------------


def test_help_names_values_in_words():
    group = typer.main.get_command(app)
    for full, _, _ in _leaf_commands(group):
        text = _help(full)
        assert not re.search(r"<(list|int|float|str|path|bool)\b", text, re.IGNORECASE), full
        assert "{" not in text.splitlines()[0], full  # usage line: FRAME, not {FRAME}
    report = _help("framing report")
    assert "INPUT..." in report and "--out PATH" in report and "--bootstrap INT" in report
    assert "--by [day|week|month|quarter|none]" in report


def test_version_short_and_long():
    for flag in ("-V", "--version"):
        result = run(flag)
        assert result.exit_code == 0 and result.stdout.strip() == f"framing {__version__}"


def test_completion_can_be_installed():
    text = run("--help").output
    assert "--install-completion" in text and "--show-completion" in text


def test_exit_codes_are_in_the_help_and_the_readme():
    text = run("--help").output
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "Exit status" in text
    for code, meaning in EXIT_CODES.items():
        assert re.search(rf"^\s*{code}\s+{re.escape(meaning)}$", text, re.MULTILINE), code
        assert f"| {code} |" in readme, code


def test_each_error_class_exits_with_its_documented_code(tmp_path):
    from framing.errors import InputError, LexiconError, OutputError

    assert (InputError.exit_code, LexiconError.exit_code, OutputError.exit_code) == (2, 3, 4)
    assert run("report", str(tmp_path / "missing")).exit_code == 2
    bad = tmp_path / "bad.toml"
    bad.write_text("id = [", encoding="utf-8")
    assert run("report", "--lexicons", str(bad)).exit_code == 3
    assert run("report", "--bootstrap", "1").exit_code == 2  # a bad option
    assert run("lexicon", "validate", str(bad)).exit_code == 1
