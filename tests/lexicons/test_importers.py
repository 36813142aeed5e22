"""Picking a reader by extension, and files that cannot be read (framing.lexicons.importers)."""

from __future__ import annotations

import pytest

from framing.lexicons.importers import import_lexicon
from framing.lexicons.load import load_lexicons
from tests.lexicons.helpers import DATA, frames_of, import_error


def test_extension_is_case_insensitive(tmp_path):
    path = tmp_path / "Upper.LC3"
    path.write_bytes((DATA / "lexicoder_small.lc3").read_bytes())
    assert frames_of(import_lexicon(path)) == frames_of(
        import_lexicon(DATA / "lexicoder_small.lc3")
    )


def test_toml_and_folders_go_to_load_lexicons(two_frames):
    folder = import_lexicon(two_frames)
    assert folder.lexicons == load_lexicons(two_frames)
    assert folder.warnings == ()
    single = import_lexicon(two_frames / "legal.toml")
    assert single.lexicons.frame_ids == ("legal",)


def test_unknown_extension_lists_the_supported_formats(write):
    path = write("dict.cat", "x\n")
    assert import_error(path) == (
        f"{path}: unsupported dictionary format '.cat'; supported: .dic (LIWC .dic), "
        ".dicx (LIWC-22 .dicx), .lc3 (Lexicoder .lc3), .yml/.yaml (YAML), .txt (word list), "
        ".toml (framing TOML)"
    )


def test_no_extension_is_unsupported(write):
    path = write("dictionary", "x\n")
    assert "unsupported dictionary format (no extension); supported: .dic" in import_error(path)


def test_missing_file(tmp_path):
    path = tmp_path / "absent.dic"
    assert import_error(path) == f"{path}: no such dictionary file"


@pytest.mark.parametrize("name", ["x.dic", "x.dicx", "x.lc3", "x.yml", "x.txt"])
def test_non_utf8_reports_the_byte_offset(write, name):
    path = write(name, "+care\nna\xefve\n".encode("latin-1"))
    assert import_error(path) == f"{path}: is not UTF-8 text (byte 8); save it as UTF-8"


@pytest.mark.parametrize("content", [b"", b"\xef\xbb\xbf", b"\n  \n\t\n"])
@pytest.mark.parametrize("name", ["x.dic", "x.dicx", "x.lc3", "x.yaml", "x.txt"])
def test_empty_file_is_an_error(write, name, content):
    path = write(name, content)
    assert import_error(path) == f"{path}: is empty"
