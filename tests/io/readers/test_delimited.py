"""CSV and TSV tables of articles: a Media Cloud export, separators, bad rows."""

from __future__ import annotations

import csv
import gzip

import pytest

from framing.errors import InputError
from framing.io.corpus import load_corpus
from framing.io.readers.rows import LISTED_PER_REASON

# A Media Cloud export as its columns come (the text column added), with a
# quoted cell running over two paragraphs and doubled quotes inside.
MEDIA_CLOUD = (
    "stories_id,publish_date,title,url,language,media_id,media_name,media_url,text\n"
    "1001,2022-03-10 14:22:05.123456,Volunteers head east,https://planet.example/1,en,1,"
    'Daily Planet,https://planet.example,"Hundreds crossed the border.\n\n'
    'One said ""we were asked""."\n'
    "1002,2022-03-11T08:00:00Z,Fighters arrive,https://star.example/2,en,2,Morning Star,"
    "https://star.example,Fighters arrived on Friday.\n"
)


def _documents(corpus):
    return [
        (d.id, d.outlet, d.date, d.title, d.url, d.source.rsplit("/", 1)[-1])
        for d in corpus.documents
    ]


def test_media_cloud_export_needs_no_options(write):
    corpus = load_corpus([write("stories.csv", MEDIA_CLOUD)])
    assert _documents(corpus) == [
        ("1001", "Daily Planet", "2022-03-10", "Volunteers head east",
         "https://planet.example/1", "stories.csv:2"),
        ("1002", "Morning Star", "2022-03-11", "Fighters arrive",
         "https://star.example/2", "stories.csv:5"),
    ]  # fmt: skip
    assert corpus.documents[0].text == 'Hundreds crossed the border.\n\nOne said "we were asked".'
    assert corpus.skipped == () and corpus.notes == ()
    assert corpus.name == "stories"


def test_gzipped_csv_reads_as_the_plain_one(write):
    plain = load_corpus([write("stories.csv", MEDIA_CLOUD)])
    gzipped = load_corpus([write("in/stories.csv.gz", gzip.compress(MEDIA_CLOUD.encode()))])
    assert [d.text for d in gzipped.documents] == [d.text for d in plain.documents]
    assert gzipped.documents[1].source.endswith("stories.csv.gz:5")
    assert gzipped.name == "stories"


def test_tsv_with_other_usual_names(write):
    path = write(
        "wire.tsv",
        "Headline\tContent\tPublication\tPubDate\tLink\n"
        "Border opens\tThe border opened.\tThe Times\tMarch 3, 2022\thttps://t.example/a\n",
    )
    (doc,) = load_corpus([path]).documents
    assert (doc.title, doc.text, doc.outlet, doc.date, doc.url) == (
        "Border opens", "The border opened.", "The Times", "2022-03-03", "https://t.example/a",
    )  # fmt: skip
    assert doc.id == "wire-2"


def test_semicolon_csv_is_read_by_its_header(write):
    corpus = load_corpus([write("s.csv", "title;body;outlet\nA;Ein Text, mit Komma.;Zeit\n")])
    assert [(d.title, d.text, d.outlet) for d in corpus.documents] == [
        ("A", "Ein Text, mit Komma.", "Zeit")
    ]


def test_columns_can_be_named_explicitly(write):
    path = write(
        "own.csv",
        "key,paper,when,story,heading\nk1,Gazette,2022-03-10,Story text.,Heading\n",
    )
    (doc,) = load_corpus(
        [path],
        text_column="STORY",
        outlet_column="paper",
        date_column="when",
        title_column="heading",
        id_column="key",
    ).documents
    assert (doc.id, doc.outlet, doc.date, doc.title, doc.text) == (
        "k1", "Gazette", "2022-03-10", "Heading", "Story text.",
    )  # fmt: skip


def test_no_text_column_is_an_error_listing_the_columns(write):
    path = write("meta.csv", "stories_id,title,media_name\n1,T,Daily\n")
    with pytest.raises(InputError) as caught:
        load_corpus([path])
    assert str(caught.value) == (
        f"{path}: no text column found among its columns: 'stories_id', 'title', "
        "'media_name'; name the one that holds the articles' text with --text-column "
        "(text_column= in Python)"
    )


def test_a_named_column_that_does_not_exist_is_an_error(write):
    path = write("a.csv", "text,outlet\nSome text.,A\n")
    with pytest.raises(InputError) as caught:
        load_corpus([path], outlet_column="paper")
    assert str(caught.value) == (
        f"{path}: has no column 'paper' (given for the outlet); its columns are: 'text', 'outlet'"
    )


def test_without_an_outlet_column_the_file_name_is_the_outlet_with_a_note(write):
    corpus = load_corpus([write("planet.csv", "text\nOne.\nTwo.\n")])
    assert [(d.id, d.outlet) for d in corpus.documents] == [
        ("planet-2", "planet"),
        ("planet-3", "planet"),
    ]
    assert corpus.notes == (
        f"{corpus.documents[0].source[:-2]}: no outlet column; every article's outlet is 'planet' "
        "(the file's name)",
    )


def test_bad_rows_are_skipped_and_listed_with_their_line(write):
    path = write(
        "corpus.csv",
        "id,outlet,date,text\n"
        "1,A,2022-03-10,Good text.\n"
        "2,A,2022-03-10,   \n"  # empty text
        "3,A,2022-03-10,Text, with an unquoted comma\n"  # five cells
        "\n"  # a blank line is passed over
        "4,,next Tuesday,Good text too.\n"  # no outlet, a date not understood
        "5,B,2022-03-12\n",  # three cells
    )
    corpus = load_corpus([path])
    assert [(d.id, d.outlet, d.date) for d in corpus.documents] == [
        ("1", "A", "2022-03-10"),
        ("4", "corpus", None),
    ]
    assert [(s.source, s.reason) for s in corpus.skipped] == [
        (f"{path}:3", "empty text"),
        (f"{path}:4", "has 5 cells where the header has 4"),
        (f"{path}:7", "has 3 cells where the header has 4"),
    ]
    assert corpus.notes == (
        f"{path}:6: date 'next Tuesday' not understood; left empty",
        f"{path}: 1 row has an empty outlet cell (first: line 6); its outlet is 'corpus'",
    )


def test_a_quote_left_unclosed_is_named_by_the_line_it_starts_on(write):
    path = write("q.csv", 'outlet,text\nA,Good.\nB,"Swallows\nC,the rest\n')
    corpus = load_corpus([path])
    assert [d.text for d in corpus.documents] == ["Good."]
    assert [(s.source, s.reason) for s in corpus.skipped] == [
        (
            f"{path}:3",
            "the row starting here runs on to line 4 and is not valid CSV "
            "(unexpected end of data); is a quote left unclosed? The rest of the file is not read",
        )
    ]


def test_a_row_breaking_the_quoting_rule_is_skipped_not_misread(write):
    path = write(
        "q.tsv",
        'outlet\ttext\nA\t"We will fight," he said.\nB\t"Quoted, with ""doubled"" quotes."\n'
        'C\tA quote "inside" an unquoted cell.\n',
    )
    corpus = load_corpus([path])
    assert [d.text for d in corpus.documents] == [
        'Quoted, with "doubled" quotes.',
        'A quote "inside" an unquoted cell.',
    ]
    assert [(s.source, s.reason) for s in corpus.skipped] == [
        (f"{path}:2", "is not valid TSV (a tab expected after '\"')")
    ]


def test_a_row_with_a_quote_left_unclosed_and_too_few_cells_gets_a_hint(write):
    path = write("q.csv", 'id,outlet,text\n1,A,Good.\n2,"B,no text\n3",C,More.\n')
    corpus = load_corpus([path])
    assert [d.text for d in corpus.documents] == ["Good."]
    assert [(s.source, s.reason) for s in corpus.skipped] == [
        (
            f"{path}:3",
            "has 4 cells where the header has 3 (the row runs on to line 4: "
            "is a quote left unclosed?)",
        )
    ]


@pytest.fixture
def line_limit(monkeypatch):
    """Make the limit per line (four times the limit per document) 200 bytes."""
    import framing.io.readers.base as base

    monkeypatch.setattr(base.ReadOptions, "line_limit", property(lambda self: 200))


def test_a_line_over_the_limit_stops_the_file_there(write, line_limit):
    path = write("q.csv", 'outlet,text\nA,Good.\nB,"' + "x" * 300 + "\nC,more\n")
    corpus = load_corpus([path])
    assert [d.text for d in corpus.documents] == ["Good."]
    assert [(s.source, s.reason) for s in corpus.skipped] == [
        (
            f"{path}:3",
            "line larger than the 200 bytes limit per line (four times the limit per document); "
            "the rest of the file is not read",
        )
    ]


def test_a_cell_over_the_limit_on_many_lines_stops_the_file_there(write, line_limit):
    cell = "\n".join(["y" * 60] * 5)
    path = write("q.csv", f'outlet,text\nA,Good.\nB,"{cell}"\nC,more\n')
    corpus = load_corpus([path])
    assert [d.text for d in corpus.documents] == ["Good."]
    assert [(s.source, s.reason) for s in corpus.skipped] == [
        (
            f"{path}:3",
            "the row starting here runs on to line 6 and is not valid CSV "
            "(field larger than field limit (200)); is a quote left unclosed? "
            "The rest of the file is not read",
        )
    ]
    assert csv.field_size_limit() == 131_072  # csv's default, restored


def test_a_row_over_the_limit_per_document_is_skipped(write):
    path = write("big.csv", "text\nShort.\n" + "y" * 2_500 + "\n")
    corpus = load_corpus([path], max_bytes=1_000)
    assert [(s.source, s.reason) for s in corpus.skipped] == [
        (f"{path}:3", "text larger than the 1 kB limit per document (2.5 kB)")
    ]


def test_many_bad_rows_are_listed_up_to_a_count_then_summed_up(write):
    rows = "".join(f"{i},\n" for i in range(LISTED_PER_REASON + 30))
    path = write("empty.csv", "id,text\n" + rows + "last,Good text.\n")
    corpus = load_corpus([path])
    assert len(corpus.documents) == 1
    assert len(corpus.skipped) == LISTED_PER_REASON + 1
    assert corpus.skipped[0] == corpus.skipped[0].__class__(f"{path}:2", "empty text")
    assert corpus.skipped[-1].source == str(path)
    assert corpus.skipped[-1].reason == (
        f"empty text in 30 more rows (lines {LISTED_PER_REASON + 2} to {LISTED_PER_REASON + 31}); "
        f"only the first {LISTED_PER_REASON} are listed one by one"
    )


def test_an_excel_workbook_named_csv_is_refused_with_what_it_is(write):
    path = write("sheet.csv", b"PK\x03\x04\x14\x00\x06\x00binary")
    with pytest.raises(
        InputError, match=r"sheet\.csv: looks like a ZIP archive or an Excel workbook"
    ):
        load_corpus([path])


def test_windows_1252_lines_are_decoded_with_a_note(write):
    data = "outlet,text\nA,Plain line.\nB,Caf\u00e9 \u201cquoted\u201d.\n".encode("cp1252")
    path = write("legacy.csv", data)
    corpus = load_corpus([path])
    assert [d.text for d in corpus.documents] == ["Plain line.", "Caf\u00e9 \u201cquoted\u201d."]
    assert corpus.notes == (f"{path}:3: not valid UTF-8; decoded as Windows-1252",)


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16"])
def test_byte_order_marks_are_read(write, codec):
    path = write("bom.csv", "outlet,text\nCaf\u00e9 Times,Un texte.\n".encode(codec))
    (doc,) = load_corpus([path]).documents
    assert (doc.outlet, doc.text) == ("Caf\u00e9 Times", "Un texte.")


def test_an_empty_csv_is_an_error(write):
    path = write("nothing.csv", "")
    with pytest.raises(InputError, match=r"nothing\.csv: is empty"):
        load_corpus([path])
