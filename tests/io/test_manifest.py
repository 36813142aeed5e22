"""A manifest may name any file framing reads; its dates become ISO dates."""

from __future__ import annotations

import pytest

from framing.errors import InputError
from framing.io.corpus import load_corpus


def test_manifest_dates_are_read_into_iso_dates_and_bad_ones_listed(write, tmp_path):
    manifest = write(
        "in/manifest.csv",
        'file,outlet,date\na.txt,A,"March 10, 2022"\nb.txt,B,03/04/2022\nc.txt,C,next Tuesday\n',
    )
    for name in "abc":
        write(f"in/{name}.txt", f"{name}.")
    corpus = load_corpus([tmp_path / "in"])
    assert [d.date for d in corpus.documents] == ["2022-03-10", "2022-03-04", None]
    assert corpus.notes == (f"{manifest}:4: date 'next Tuesday' not understood; left empty",)
    dayfirst = load_corpus([tmp_path / "in"], dayfirst=True)
    assert [d.date for d in dayfirst.documents] == ["2022-03-10", "2022-04-03", None]


def test_a_manifest_may_name_tables_whose_rows_keep_their_own_outlet(write, tmp_path):
    manifest = write(
        "in/manifest.csv",
        "file,outlet,title,date,url\n"
        "wire.csv,Wire Service,A title,2022-03-01,\n"
        "feed.jsonl,,,,\n"
        "a.txt,Gazette,Gazette story,2022-03-09,https://g.example/a\n",
    )
    write("in/wire.csv", "outlet,date,text\nDaily Planet,2022-03-10,Planet text.\n,,Wire text.\n")
    write("in/feed.jsonl", '{"text": "Feed text."}\n')
    write("in/a.txt", "Gazette text.")
    corpus = load_corpus([tmp_path / "in"])
    assert [(d.id, d.outlet, d.date, d.title, d.url) for d in corpus.documents] == [
        ("wire-2", "Daily Planet", "2022-03-10", None, None),
        ("wire-3", "Wire Service", "2022-03-01", None, None),
        ("feed-1", "feed", None, None, None),
        ("a", "Gazette", "2022-03-09", "Gazette story", "https://g.example/a"),
    ]
    folder = tmp_path / "in"
    assert corpus.notes == (
        f"{folder / 'wire.csv'}: the manifest's title and url describe one article; "
        "they are not used for a file of many",
        f"{folder / 'wire.csv'}: 1 row has an empty outlet cell (first: line 3); "
        "its outlet is 'Wire Service'",
        f"{folder / 'feed.jsonl'}: no outlet field; every article's outlet is 'feed' "
        "(the file's name)",
    )
    assert manifest.exists()


def test_an_article_file_still_needs_its_outlet_in_the_manifest(write, tmp_path):
    manifest = write("in/manifest.csv", "file,outlet\na.txt,\n")
    write("in/a.txt", "A.")
    with pytest.raises(InputError) as caught:
        load_corpus([tmp_path / "in"])
    assert str(caught.value) == f"{manifest}:2: empty 'outlet' cell for 'a.txt'"


def test_a_manifest_named_directly_is_an_error_pointing_at_its_folder(write):
    manifest = write("in/manifest.csv", "file,outlet\na.txt,A\n")
    with pytest.raises(InputError) as caught:
        load_corpus([manifest])
    assert str(caught.value) == f"{manifest}: is a manifest; pass the folder that holds it"
