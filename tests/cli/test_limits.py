"""Inputs that used to end in an internal error (exit 70) get a clear line and exit 2."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from framing.cli import app
from framing.cli.app import DEFAULT_DOCUMENT_MB, MAX_RESAMPLES, MAX_SEED
from framing.io.corpus import MAX_DOCUMENT_BYTES

ARTICLE = "Headline\n\nThey fight for freedom and the Geneva Conventions, officials said.\n"


def run(*args: str):
    return CliRunner().invoke(app, ["report", *args], catch_exceptions=False)


def _one_error(result, code: int, *fragments: str) -> None:
    assert result.exit_code == code, result.output
    errors = [line for line in result.stderr.splitlines() if not line.startswith("warning: ")]
    assert len(errors) == 1, result.stderr
    assert "Traceback" not in result.output and "internal error" not in result.output
    for fragment in fragments:
        assert fragment in errors[0]


@pytest.mark.parametrize(
    "texts",
    [
        ["!!! ... ???\n\n(--) ; : !\n", "?!\n\n...\n"],  # punctuation only
        ["2022 2023.\n\n14:30, 1,000,000.\n", "42.\n\n7 8 9.\n"],  # numbers only
        ["The and of it.\n\nIt is what it was, he said.\n", "Was it? It was.\n"],  # stop words
    ],
    ids=["punctuation", "numbers", "stop-words"],
)
def test_articles_without_content_words_are_an_input_error(write, tmp_path, texts):
    for i, text in enumerate(texts):
        write(f"in/{i}.txt", text)
    out = tmp_path / "r.html"
    result = run(str(tmp_path / "in"), "--out", str(out))
    _one_error(result, 2, "error: the articles have no words to compare")
    assert not out.exists()


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--seed", "-1"),
        ("--seed", str(MAX_SEED + 1)),
        ("--bootstrap", "1000000000"),
        ("--bootstrap", "99"),
        ("--evidence", "0"),
        ("--max-document-mb", "0"),
        ("--max-document-mb", "1000"),
        ("--max-document-mb", "nan"),
    ],
)
def test_numbers_out_of_range_are_usage_errors(tmp_path, option, value):
    out = tmp_path / "r.html"
    result = run(option, value, "--out", str(out))
    assert result.exit_code == 2, result.output
    assert f"Invalid value for '{option}'" in result.stderr
    assert "Traceback" not in result.output
    assert not out.exists()


def test_help_shows_every_range():
    text = " ".join(run("--help").stdout.split())
    assert f"0<=x<={MAX_SEED}" in text
    assert f"100<=x<={MAX_RESAMPLES}" in text
    assert "0.01<=x<=20.0" in text


def test_the_default_document_limit_is_the_library_s():
    assert DEFAULT_DOCUMENT_MB * 1_000_000 == MAX_DOCUMENT_BYTES


def test_an_article_over_the_limit_is_skipped_and_listed(write, tmp_path):
    write("in/a.txt", ARTICLE)
    write("in/b.txt", ARTICLE.replace("freedom", "pay"))
    write("in/long.txt", "Long\n\n" + "They fight for freedom. " * 500)  # 12 kB
    out = tmp_path / "r.html"
    result = run(str(tmp_path / "in"), "--out", str(out), "--max-document-mb", "0.01", "--quick")
    assert result.exit_code == 0, result.output
    assert "long.txt: larger than" in result.stderr
    skipped = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))["skipped"]
    assert [s["source"].rsplit("/", 1)[-1] for s in skipped] == ["long.txt"]
    again = run(str(tmp_path / "in"), "--out", str(out), "--max-document-mb", "0.02", "--quick")
    assert again.exit_code == 0 and "long.txt" not in again.stderr


def test_cyrillic_articles_with_an_english_lexicon_get_a_warning(write, tmp_path):
    write("in/en.txt", ARTICLE)
    write("in/ru.txt", "Заголовок\n\nОни сражаются за свободу, сказали чиновники.\n")
    out = tmp_path / "r.html"
    result = run(str(tmp_path / "in"), "--out", str(out), "--quick")
    assert result.exit_code == 0, result.output
    assert "ru.txt: mostly in Cyrillic script" in result.stderr
    assert "en.txt" not in result.stderr
    notes = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))["notes"]
    assert any("mostly in Cyrillic script" in n for n in notes)
