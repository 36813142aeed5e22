"""The docs stay true: quick start, CI, every command and option, every JSON field."""

from __future__ import annotations

import re

import typer.main

from framing.analysis.pipeline import analyse
from framing.cli import app
from framing.model import AnalysisOptions
from framing.report.export import build_json
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def quick_start_commands() -> list[str]:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", section, flags=re.S)]


def test_quick_start_is_exactly_two_commands():
    commands = quick_start_commands()
    assert len(commands) == 2
    assert all("\n" not in c for c in commands)
    install_and_report, install_and_test = commands
    assert "pip install ." in install_and_report and "framing report" in install_and_report
    assert '".[test]"' in install_and_test and "pytest" in install_and_test


def test_ci_runs_the_readme_test_command():
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert quick_start_commands()[1] in ci.splitlines()


def _commands(group, prefix: str):
    """(full name, command) for every leaf command, depth first."""
    for name, command in group.commands.items():
        full = f"{prefix} {name}"
        if hasattr(command, "commands"):
            assert command.help, f"{full} has no help"
            yield from _commands(command, full)
        else:
            yield full, command


def test_every_command_and_option_is_documented():
    group = typer.main.get_command(app)
    commands = dict(_commands(group, "framing"))
    assert {"framing report", "framing lexicon validate", "framing lexicon import"} <= set(commands)
    lexicon_doc = (REPO / "docs" / "lexicons.md").read_text(encoding="utf-8")
    for full, command in commands.items():
        assert full in README, f"{full} is not in the README"
        assert command.help and "Example" in command.help, f"{full} has no help with examples"
        docs = README if full == "framing report" else README + lexicon_doc
        for param in command.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("--") and opt != "--help":
                    assert opt in docs, f"{opt} of '{full}' is not documented"


def test_every_json_field_is_documented(seeds_corpus, default_lexicon_set):
    data = build_json(
        analyse(seeds_corpus, default_lexicon_set, options=AnalysisOptions(n_bootstrap=200))
    )
    json_doc = (REPO / "docs" / "json.md").read_text(encoding="utf-8")
    for key in data:
        assert f"`{key}`" in README, key
        assert f"`{key}`" in json_doc, key
    nested = {
        "outlets": data["outlets"][0],
        "outlets.frames": next(iter(data["outlets"][0]["frames"].values())),
        "frames": data["frames"][0],
        "evidence": data["evidence"][0],
        "evidence.matches": data["evidence"][0]["matches"][0],
        "removed": data["removed"][0],
        "documents": data["documents"][0],
        "divergence": data["divergence"][0],
    }
    for where, obj in nested.items():
        for key in obj:
            assert f"`{key}`" in json_doc, f"{where}.{key} is not in docs/json.md"


def test_documented_schema_version_is_current():
    from framing.report.export import SCHEMA_VERSION

    json_doc = (REPO / "docs" / "json.md").read_text(encoding="utf-8")
    assert f'`"{SCHEMA_VERSION}"`' in README
    assert f'`schema_version` is `"{SCHEMA_VERSION}"`' in json_doc


def test_public_api_names_resolve_lazily():
    import subprocess
    import sys

    code = (
        "import sys, framing\n"
        "assert 'sklearn' not in sys.modules and 'nltk' not in sys.modules\n"
        "for name in framing.__all__: getattr(framing, name)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO)
