from __future__ import annotations

from pathlib import Path

import pytest

from framing.errors import InputError
from framing.io.corpus import decode_text, load_corpus
from tests.conftest import REPO


def test_loads_bundled_seeds_with_manifest_metadata():
    corpus = load_corpus([REPO / "seeds"])
    assert [d.outlet for d in corpus.documents] == ["Military.com", "Arab News", "People"]
    assert corpus.documents[1].date == "2022-03-10"
    assert corpus.documents[0].date is None
    assert corpus.documents[2].title.startswith("6,000 Americans Contacted")
    assert corpus.skipped == ()
    assert corpus.name == "seeds"


def test_folder_without_manifest_uses_file_stems_as_outlets(write, tmp_path):
    write("in/b.md", "Text of b.")
    write("in/a.txt", "Text of a.")
    write("in/notes.pdf", b"%PDF")
    corpus = load_corpus([tmp_path / "in"])
    assert [(d.id, d.outlet) for d in corpus.documents] == [("a", "a"), ("b", "b")]
    assert [Path(s.source).name for s in corpus.skipped] == ["notes.pdf"]


def test_several_articles_may_share_an_outlet(write, tmp_path):
    write("in/manifest.csv", "file,outlet,extra\nx.txt,Daily,1\ny.txt,Daily,2\n")
    write("in/x.txt", "One.")
    write("in/y.txt", "Two.")
    corpus = load_corpus([tmp_path / "in"])
    assert [d.outlet for d in corpus.documents] == ["Daily", "Daily"]


def test_single_file_takes_metadata_from_a_manifest_beside_it():
    corpus = load_corpus([REPO / "seeds" / "002_eeaa64c69777ef11.txt"])
    assert corpus.documents[0].outlet == "Arab News"


def test_ids_stay_unique_across_folders(write, tmp_path):
    write("a/story.txt", "A.")
    write("b/story.txt", "B.")
    corpus = load_corpus([tmp_path / "a", tmp_path / "b"])
    assert [d.id for d in corpus.documents] == ["story", "story-2"]
    assert corpus.name == "corpus"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "is empty"),
        (b"  \n\t\n", "contains only whitespace"),
        (b"PK\x03\x04\x00\x00binary", "binary"),
    ],
)
def test_bad_file_among_good_ones_is_skipped_and_listed(write, tmp_path, content, reason):
    write("in/good.txt", "A good article.")
    write("in/bad.txt", content)
    corpus = load_corpus([tmp_path / "in"])
    assert [d.id for d in corpus.documents] == ["good"]
    assert len(corpus.skipped) == 1
    assert corpus.skipped[0].source.endswith("bad.txt")
    assert reason in corpus.skipped[0].reason


def test_only_bad_file_is_an_error_naming_it(write):
    path = write("empty.txt", "")
    with pytest.raises(InputError, match=r"empty\.txt: is empty"):
        load_corpus([path])


def test_non_utf8_text_is_decoded_with_a_note(write):
    path = write("latin.txt", "Caf\u00e9 \u201cquoted\u201d".encode("cp1252"))
    corpus = load_corpus([path])
    assert corpus.documents[0].text == "Caf\u00e9 \u201cquoted\u201d"
    assert "Windows-1252" in corpus.notes[0]


def test_decode_handles_bom_and_crlf():
    assert decode_text("\ufeffa\r\nb\rc".encode()) == ("a\nb\nc", None)


def test_missing_path_is_an_error(tmp_path):
    with pytest.raises(InputError, match="no such file or folder"):
        load_corpus([tmp_path / "nope"])


def test_empty_folder_is_an_error(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match=r"no \.txt or \.md files"):
        load_corpus([tmp_path / "empty"])


def test_manifest_naming_a_missing_file_is_an_error_with_line(write, tmp_path):
    write("in/manifest.csv", "file,outlet\na.txt,A\nmissing.txt,B\n")
    write("in/a.txt", "A.")
    with pytest.raises(InputError, match=r"manifest\.csv:3: names 'missing.txt'"):
        load_corpus([tmp_path / "in"])


def test_manifest_without_outlet_column_is_an_error(write, tmp_path):
    write("in/manifest.csv", "file,title\na.txt,T\n")
    write("in/a.txt", "A.")
    with pytest.raises(InputError, match=r"manifest\.csv:1: header lacks column 'outlet'"):
        load_corpus([tmp_path / "in"])


def test_file_not_in_manifest_is_skipped_not_dropped(write, tmp_path):
    write("in/manifest.csv", "file,outlet\na.txt,A\n")
    write("in/a.txt", "A.")
    write("in/extra.txt", "Extra.")
    corpus = load_corpus([tmp_path / "in"])
    assert [d.id for d in corpus.documents] == ["a"]
    assert "not listed in" in corpus.skipped[0].reason


def test_unsupported_explicit_file_is_an_error(write):
    with pytest.raises(InputError, match=r"page\.html: not a \.txt or \.md file"):
        load_corpus([write("page.html", "<p>x</p>")])
