from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest

import framing.io.manifest as manifest_module
from framing.errors import InputError
from framing.io.corpus import MAX_DOCUMENT_BYTES, decode_text, load_corpus
from tests.conftest import REPO
from tests.io.conftest import finishes, needs_fifo, needs_symlinks


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
    with pytest.raises(InputError, match=r"notes\.pdf: not a file framing reads; pass \.txt"):
        load_corpus([write("notes.pdf", "%PDF")])


# --------------------------------------------------------------------------
# Folders sent by strangers: boundaries, odd files, sizes, encodings, CSV
# --------------------------------------------------------------------------


def _error(paths, **kwargs) -> InputError:
    """The InputError load_corpus raises, checked to exit with code 2."""
    with pytest.raises(InputError) as caught:
        load_corpus(paths, **kwargs)
    assert caught.value.exit_code == 2
    return caught.value


def _skipped(corpus) -> list[tuple[str, str]]:
    return [(Path(s.source).name, s.reason) for s in corpus.skipped]


@pytest.mark.parametrize("row", ["../secret.txt", "../../../../etc/passwd", "{tmp}/secret.txt"])
def test_manifest_row_outside_its_folder_is_an_error_with_line(write, tmp_path, opened, row):
    write("secret.txt", "Private.")
    row = row.format(tmp=tmp_path)
    manifest = write("in/manifest.csv", f"file,outlet\na.txt,A\n{row},Evil\n")
    write("in/a.txt", "A.")
    error = _error([tmp_path / "in"])
    assert str(error) == (
        f"{manifest}:3: {row!r} is outside the folder {tmp_path / 'in'}; "
        "a manifest may only name files in its own folder"
    )
    assert opened == [os.path.realpath(manifest)]


@needs_symlinks
@pytest.mark.parametrize(
    ("row", "link", "target"), [("link.txt", "link.txt", "secret.txt"), ("sub/s.txt", "sub", "out")]
)
def test_manifest_row_linking_out_of_its_folder_is_an_error(
    write, tmp_path, opened, row, link, target
):
    write("secret.txt", "Private.")
    write("out/s.txt", "Private.")
    manifest = write("in/manifest.csv", f"file,outlet\n{row},Evil\n")
    os.symlink(tmp_path / target, tmp_path / "in" / link)
    error = _error([tmp_path / "in"])
    assert str(error) == (
        f"{manifest}:2: {row!r} is outside the folder {tmp_path / 'in'} (through a symbolic link); "
        "a manifest may only name files in its own folder"
    )
    assert opened == [os.path.realpath(manifest)]


@needs_symlinks
def test_links_inside_the_folder_are_followed(write, tmp_path):
    write("in/manifest.csv", "file,outlet\nalias.txt,A\nsub/b.txt,B\n")
    write("in/real/a.txt", "A.")
    write("in/real/b.txt", "B.")
    os.symlink("real/a.txt", tmp_path / "in" / "alias.txt")
    os.symlink("real", tmp_path / "in" / "sub")
    corpus = load_corpus([tmp_path / "in"])
    assert [(d.id, d.text) for d in corpus.documents] == [("alias", "A."), ("b", "B.")]


def test_manifest_row_must_name_a_text_file(write, tmp_path):
    manifest = write("in/manifest.csv", "file,outlet\nnotes.pdf,A\n")
    write("in/notes.pdf", "%PDF")
    assert str(_error([tmp_path / "in"])) == (
        f"{manifest}:2: names 'notes.pdf', which is not a file framing reads"
    )


@needs_symlinks
def test_manifest_that_links_out_of_its_folder_is_refused(write, tmp_path, opened):
    write("elsewhere/manifest.csv", "file,outlet\na.txt,A\n")
    write("in/a.txt", "A.")
    os.symlink(tmp_path / "elsewhere" / "manifest.csv", tmp_path / "in" / "manifest.csv")
    assert str(_error([tmp_path / "in"])) == (
        f"{tmp_path / 'in' / 'manifest.csv'}: is a symbolic link to a file outside its folder; "
        "not read"
    )
    assert opened == []


@needs_symlinks
def test_links_out_of_a_folder_are_skipped_and_listed_unread(write, tmp_path, opened):
    write("secret.txt", "Private.")
    write("private/notes.txt", "Private.")
    write("in/a.txt", "A.")
    os.symlink(tmp_path / "secret.txt", tmp_path / "in" / "passwd.txt")
    os.symlink(tmp_path / "private", tmp_path / "in" / "docs")
    corpus = load_corpus([tmp_path / "in"])
    assert [d.id for d in corpus.documents] == ["a"]
    assert _skipped(corpus) == [
        ("docs", "is a symbolic link to a folder outside its folder; not read"),
        ("passwd.txt", "is a symbolic link to a file outside its folder; not read"),
    ]
    assert opened == [os.path.realpath(tmp_path / "in" / "a.txt")]


@needs_symlinks
def test_link_out_of_its_folder_named_directly_is_skipped(write, tmp_path, opened):
    write("secret.txt", "Private.")
    good = write("in/a.txt", "A.")
    os.symlink(tmp_path / "secret.txt", tmp_path / "in" / "passwd.txt")
    corpus = load_corpus([good, tmp_path / "in" / "passwd.txt"])
    assert _skipped(corpus) == [
        ("passwd.txt", "is a symbolic link to a file outside its folder; not read")
    ]
    assert str(_error([tmp_path / "in" / "passwd.txt"])) == (
        f"{tmp_path / 'in' / 'passwd.txt'}: is a symbolic link to a file outside its folder; "
        "not read"
    )
    assert os.path.realpath(tmp_path / "secret.txt") not in opened


@needs_symlinks
@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_link_to_dev_zero_is_skipped_unread(write, tmp_path, opened):
    write("in/a.txt", "A.")
    os.symlink("/dev/zero", tmp_path / "in" / "zero.txt")
    corpus = finishes(lambda: load_corpus([tmp_path / "in"]))
    assert _skipped(corpus) == [
        ("zero.txt", "is a symbolic link to a file outside its folder; not read")
    ]
    assert "/dev/zero" not in opened


@needs_fifo
def test_fifo_in_a_folder_is_skipped_and_listed_unopened(write, tmp_path, opened):
    write("in/a.txt", "A.")
    fifo = tmp_path / "in" / "pipe.txt"
    os.mkfifo(fifo)
    os.mkfifo(tmp_path / "in" / "pipe.csv")
    os.mkfifo(tmp_path / "in" / "pipe.pdf")
    corpus = finishes(lambda: load_corpus([tmp_path / "in"]), fifo=fifo)
    assert [d.id for d in corpus.documents] == ["a"]
    assert _skipped(corpus) == [
        ("pipe.pdf", "not a file framing reads"),
        ("pipe.csv", "not a regular file (a FIFO)"),
        ("pipe.txt", "not a regular file (a FIFO)"),
    ]
    assert opened == [os.path.realpath(tmp_path / "in" / "a.txt")]


@needs_fifo
def test_fifo_named_directly_or_in_a_manifest_is_never_opened(write, tmp_path, opened):
    fifo = tmp_path / "in" / "pipe.txt"
    write("in/manifest.csv", "file,outlet\na.txt,A\npipe.txt,P\n")
    write("in/a.txt", "A.")
    os.mkfifo(fifo)
    corpus = finishes(lambda: load_corpus([tmp_path / "in"]), fifo=fifo)
    assert _skipped(corpus) == [("pipe.txt", "not a regular file (a FIFO)")]
    error = finishes(lambda: _error([fifo]), fifo=fifo)
    assert str(error) == f"{fifo}: not a regular file (a FIFO)"
    assert os.path.realpath(fifo) not in opened


@needs_fifo
def test_manifest_that_is_a_fifo_is_an_error(write, tmp_path, opened):
    write("in/a.txt", "A.")
    manifest = tmp_path / "in" / "manifest.csv"
    os.mkfifo(manifest)
    error = finishes(lambda: _error([tmp_path / "in"]), fifo=manifest)
    assert str(error) == f"{manifest}: not a regular file (a FIFO)"
    assert opened == []


@needs_symlinks
def test_broken_links_and_article_named_folders_are_listed_with_the_reason(write, tmp_path):
    write("in/a.txt", "A.")
    write("in/images/photo.txt", "Not read: subfolders are not searched.")
    write("in/.hidden.txt", "Not read: hidden.")
    (tmp_path / "in" / "old.txt").mkdir()
    os.symlink("loop.txt", tmp_path / "in" / "loop.txt")
    os.symlink("gone.txt", tmp_path / "in" / "dangling.md")
    corpus = load_corpus([tmp_path / "in"])
    assert [d.id for d in corpus.documents] == ["a"]
    assert _skipped(corpus) == [
        ("old.txt", "is a folder, not a file"),
        ("dangling.md", "is a symbolic link to a missing file"),
        ("loop.txt", "is a symbolic link loop"),
    ]


@needs_symlinks
def test_link_loop_named_directly_is_not_called_missing(tmp_path):
    loop = tmp_path / "loop.txt"
    os.symlink("loop.txt", loop)
    assert str(_error([loop])) == f"{loop}: is a symbolic link loop"


def test_document_over_the_limit_is_skipped_and_listed_unread(write, tmp_path, opened):
    write("in/a.txt", "A.")
    with (tmp_path / "in" / "big.txt").open("wb") as handle:
        handle.truncate(12_300_000)
    corpus = load_corpus([tmp_path / "in"])
    assert _skipped(corpus) == [("big.txt", "larger than the 5 MB limit per document (12.3 MB)")]
    assert opened == [os.path.realpath(tmp_path / "in" / "a.txt")]
    assert MAX_DOCUMENT_BYTES == 5_000_000


def test_the_limit_per_document_can_be_set(write, tmp_path):
    write("in/a.txt", "A.")
    write("in/b.txt", "B" * 2_500)
    corpus = load_corpus([tmp_path / "in"], max_bytes=1_000)
    assert _skipped(corpus) == [("b.txt", "larger than the 1 kB limit per document (2.5 kB)")]
    with pytest.raises(ValueError, match="max_bytes must be at least 1, not 0"):
        load_corpus([tmp_path / "in"], max_bytes=0)


def test_manifest_over_its_limit_is_an_error(write, tmp_path, monkeypatch, opened):
    manifest = write("in/manifest.csv", "file,outlet\n" + "a.txt,A\n" * 20)
    write("in/a.txt", "A.")
    monkeypatch.setattr(manifest_module, "MAX_MANIFEST_BYTES", 100)
    assert str(_error([tmp_path / "in"])) == (
        f"{manifest}: larger than the 100 bytes limit for a manifest (172 bytes)"
    )
    assert opened == []
    assert manifest_module.MAX_MANIFEST_BYTES == 100


@pytest.mark.parametrize("codec", ["utf-16", "utf-32"])
def test_utf16_and_utf32_articles_and_manifests_are_read(write, tmp_path, codec):
    # Python's "utf-16"/"utf-32" codecs write a byte-order mark.
    write("in/manifest.csv", "file,outlet\na.txt,Caf\u00e9 Times\n".encode(codec))
    write("in/a.txt", "Caf\u00e9 \u201cquoted\u201d.\r\n".encode(codec))
    corpus = load_corpus([tmp_path / "in"])
    assert [(d.outlet, d.text) for d in corpus.documents] == [
        ("Caf\u00e9 Times", "Caf\u00e9 \u201cquoted\u201d.\n")
    ]
    assert corpus.skipped == ()
    assert corpus.notes == ()


def test_binary_behind_a_utf16_mark_is_still_binary(write, tmp_path):
    write("in/a.txt", "A.")
    write("in/b.txt", b"\xff\xfe" + b"\x00\x00" * 10)
    corpus = load_corpus([tmp_path / "in"])
    assert _skipped(corpus) == [("b.txt", "looks like a binary file, not text")]


@pytest.mark.parametrize(
    ("manifest", "line", "column", "end"),
    [
        # An unclosed quote swallows the rows after it, to the end of the file...
        ('file,outlet\na.txt,"Daily\nb.txt,Weekly\n', 2, "outlet", 3),
        # ...or up to the next quote.
        ('file,outlet\na.txt,A\nb.txt,"Daily\nc.txt,Weekly\nd.txt,"Other"\n', 3, "outlet", 5),
        ('file,outlet,title\na.txt,A,"Title\nb.txt,B,Other"\n', 2, "title", 3),
        ('file,outlet\n"a.txt\nb.txt",A\n', 2, "file", 3),
    ],
)
def test_line_break_in_a_manifest_cell_is_an_error_with_line(
    write, tmp_path, manifest, line, column, end
):
    path = write("in/manifest.csv", manifest)
    for name in "abcd":
        write(f"in/{name}.txt", f"{name}.")
    assert str(_error([tmp_path / "in"])) == (
        f"{path}:{line}: the {column!r} cell runs on to line {end}; is a quote left unclosed? "
        "(a cell may not hold a line break)"
    )


def test_line_break_in_an_ignored_column_is_allowed(write, tmp_path):
    write("in/manifest.csv", 'file,outlet,notes\na.txt,A,"two\nlines"\nb.txt,B,\n')
    write("in/a.txt", "A.")
    write("in/b.txt", "B.")
    corpus = load_corpus([tmp_path / "in"])
    assert [d.outlet for d in corpus.documents] == ["A", "B"]


def test_invalid_csv_spanning_lines_names_the_line_it_starts_on(write, tmp_path):
    # A quote left open runs into the CSV reader's limit on a cell's length.
    path = write("in/manifest.csv", 'file,outlet\na.txt,"Daily\nb.txt,Weekly\nc.txt,X\n')
    write("in/a.txt", "A.")
    default = csv.field_size_limit(20)
    try:
        error = _error([tmp_path / "in"])
    finally:
        csv.field_size_limit(default)
    assert str(error) == (
        f"{path}:2: the row starting here runs on to line 4 and is not valid CSV "
        "(field larger than field limit (20)); is a quote left unclosed?"
    )


# --------------------------------------------------------------------------
# Formats: folders mixing them, an explicit format, ids across files
# --------------------------------------------------------------------------


def test_a_folder_may_mix_formats(write, tmp_path):
    write("in/a.txt", "Text article.")
    write("in/b.csv", "outlet,text\nB Daily,CSV article.\n")
    write("in/c.jsonl", '{"outlet": "C Weekly", "text": "JSON article."}\n')
    write("in/d.tsv", "outlet\ttext\nD Times\tTSV article.\n")
    write("in/e.pdf", "%PDF")
    corpus = load_corpus([tmp_path / "in"])
    assert [(d.id, d.outlet, d.text) for d in corpus.documents] == [
        ("a", "a", "Text article."),
        ("b-2", "B Daily", "CSV article."),
        ("c-1", "C Weekly", "JSON article."),
        ("d-2", "D Times", "TSV article."),
    ]
    assert _skipped(corpus) == [("e.pdf", "not a file framing reads")]


def test_an_explicit_format_reads_a_file_whatever_its_name(write):
    path = write("export.dat", "outlet,text\nA,Read as CSV.\n")
    with pytest.raises(InputError, match=r"export\.dat: not a file framing reads; pass"):
        load_corpus([path])
    assert [d.text for d in load_corpus([path], format="CSV").documents] == ["Read as CSV."]
    with pytest.raises(ValueError, match="unknown format 'xls'"):
        load_corpus([path], format="xls")


def test_ids_stay_unique_across_rows_and_files(write, tmp_path):
    write("in/story.txt", "A file.")
    write("in/story.csv", "id,text\nstory,Row one.\nstory,Row two.\n,Row three.\n")
    corpus = load_corpus([tmp_path / "in"])
    assert [d.id for d in corpus.documents] == ["story", "story-2", "story-4", "story-3"]
    assert len({d.id for d in corpus.documents}) == 4


def test_a_table_that_cannot_be_read_among_others_is_skipped_and_listed(write, tmp_path):
    write("in/a.txt", "A.")
    write("in/meta.csv", "id,title\n1,T\n")
    corpus = load_corpus([tmp_path / "in"])
    assert [d.id for d in corpus.documents] == ["a"]
    assert _skipped(corpus) == [
        (
            "meta.csv",
            "no text column found among its columns: 'id', 'title'; name the one that holds "
            "the articles' text with --text-column (text_column= in Python)",
        )
    ]


def test_loading_reports_progress_and_ends_with_the_total(tmp_path, monkeypatch):
    from framing.io import corpus as module

    for i in range(5):
        (tmp_path / f"a{i}.txt").write_text(f"Headline {i}\n\nBody text {i}.\n", encoding="utf-8")
    monkeypatch.setattr(module, "PROGRESS_EVERY", 2)
    seen: list[int] = []
    loaded = module.load_corpus([tmp_path], progress=seen.append)
    assert seen == [2, 4, 5]
    assert loaded == module.load_corpus([tmp_path])
