"""JSON Lines tables of articles: unicode, gzip, standard input, invalid lines."""

from __future__ import annotations

import gzip
import io
import json
import sys

import pytest

from framing.errors import InputError
from framing.io.corpus import load_corpus

UNICODE = "Caf\u00e9 \u201cquoted\u201d, na\u00efve, \u65e5\u672c."
ARTICLES = [
    {"id": "lm-1", "text": UNICODE, "source": "Le Monde",
     "published": "Thu, 10 Mar 2022 23:30:00 -0500", "headline": "Volontaires"},
    {"id": "dz-1", "text": "Freiwillige \u00fcberqueren die Grenze.\nZweiter Absatz.",
     "source": "Die Zeit", "published": "2022-03-11"},
]  # fmt: skip
JSONL = "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES)


def _read(corpus):
    return [(d.id, d.outlet, d.text, d.date, d.title) for d in corpus.documents]


EXPECTED = [
    ("lm-1", "Le Monde", UNICODE, "2022-03-10", "Volontaires"),
    ("dz-1", "Die Zeit", ARTICLES[1]["text"], "2022-03-11", None),
]


def test_jsonl_with_unicode(write):
    corpus = load_corpus([write("articles.jsonl", JSONL)])
    assert _read(corpus) == EXPECTED
    assert corpus.documents[1].source.endswith("articles.jsonl:2")
    assert corpus.skipped == () and corpus.notes == ()


def test_ndjson_and_gzip_read_the_same(write):
    assert _read(load_corpus([write("a.ndjson", JSONL)])) == EXPECTED
    assert _read(load_corpus([write("a.jsonl.gz", gzip.compress(JSONL.encode()))])) == EXPECTED


def _stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_jsonl_on_standard_input(monkeypatch):
    _stdin(monkeypatch, JSONL.encode())
    corpus = load_corpus(["-"])
    assert _read(corpus) == EXPECTED
    assert corpus.documents[0].source == "<stdin>:1"
    assert corpus.name == "stdin"


def test_gzipped_csv_on_standard_input_with_a_format(monkeypatch):
    _stdin(monkeypatch, gzip.compress(b"outlet,text\nA,From a pipe.\n"))
    (doc,) = load_corpus(["-"], format="csv").documents
    assert (doc.id, doc.outlet, doc.text, doc.source) == (
        "stdin-2",
        "A",
        "From a pipe.",
        "<stdin>:2",
    )


def test_standard_input_is_not_read_as_parquet(monkeypatch):
    with pytest.raises(
        InputError, match=r"^-: standard input is read as jsonl, csv, tsv, not parquet"
    ):
        load_corpus(["-"], format="parquet")


def test_invalid_json_on_line_n_is_skipped_and_listed(write):
    path = write(
        "corpus.jsonl",
        '{"text": "First.", "outlet": "A"}\n'
        "\n"
        '{"text": "Broken", "outlet": "A"\n'
        '["not", "an", "object"]\n'
        '{"outlet": "B"}\n'
        '{"text": "Last.", "outlet": "B", "date": "March 2022"}\n',
    )
    corpus = load_corpus([path])
    assert [(d.id, d.text, d.date) for d in corpus.documents] == [
        ("corpus-1", "First.", None),
        ("corpus-6", "Last.", None),
    ]
    assert [(s.source, s.reason) for s in corpus.skipped] == [
        (f"{path}:3", "invalid JSON (Expecting ',' delimiter: column 33)"),
        (f"{path}:4", "not a JSON object but an array"),
        (
            f"{path}:5",
            "no text field found among its fields: 'outlet'; name the one that holds the "
            "articles' text with --text-column (text_column= in Python)",
        ),
    ]
    assert corpus.notes == (f"{path}:6: date 'March 2022' has no day; left empty",)


def test_a_json_array_is_refused_with_how_to_convert_it(write):
    path = write("export.jsonl", json.dumps(ARTICLES, indent=2))
    with pytest.raises(InputError) as caught:
        load_corpus([path])
    assert str(caught.value) == (
        f"{path}:1: holds a JSON array, not JSON Lines (one object a line); convert it with "
        "jq -c '.[]' FILE.json > FILE.jsonl"
    )


def test_no_text_field_names_the_line_and_lists_the_fields(write):
    path = write("meta.jsonl", "\n" + json.dumps({"id": 1, "Title": "T"}) + "\n")
    with pytest.raises(InputError) as caught:
        load_corpus([path])
    assert str(caught.value) == (
        f"{path}:2: no text field found among its fields: 'id', 'Title'; name the one that "
        "holds the articles' text with --text-column (text_column= in Python)"
    )


def test_objects_may_leave_out_fields(write):
    path = write(
        "sparse.jsonl",
        '{"text": "No date, no outlet."}\n'
        '{"text": "Dated.", "date": "2022-03-10", "outlet": "A"}\n'
        '{"text": "Empty outlet.", "outlet": ""}\n',
    )
    corpus = load_corpus([path])
    assert [(d.outlet, d.date) for d in corpus.documents] == [
        ("sparse", None),
        ("A", "2022-03-10"),
        ("sparse", None),
    ]
    assert corpus.notes == (
        f"{path}: 1 row has no outlet field (first: line 1); its outlet is 'sparse'",
        f"{path}: 1 row has an empty outlet cell (first: line 3); its outlet is 'sparse'",
    )


def test_a_field_named_explicitly_that_no_object_has_is_noted(write):
    path = write("a.jsonl", '{"text": "One.", "outlet": "A"}\n')
    corpus = load_corpus([path], date_column="when")
    assert [d.date for d in corpus.documents] == [None]
    assert corpus.notes == (f"{path}: no field 'when' (given for the date) in any row",)


def test_a_field_holding_a_list_skips_the_row(write):
    path = write("nested.jsonl", '{"text": "Fine.", "outlet": ["A", "B"]}\n{"text": "Good."}\n')
    corpus = load_corpus([path])
    assert [d.text for d in corpus.documents] == ["Good."]
    assert [s.reason for s in corpus.skipped] == ["the outlet is a list, not text"]


def test_a_line_over_the_limit_is_skipped_and_the_next_read(write):
    path = write("long.jsonl", json.dumps({"text": "x" * 500}) + "\n" + '{"text": "Next."}\n')
    corpus = load_corpus([path], max_bytes=100)
    assert [d.text for d in corpus.documents] == ["Next."]
    assert [(s.source, s.reason) for s in corpus.skipped] == [
        (
            f"{path}:1",
            "line larger than the 400 bytes limit per line (four times the limit per document)",
        )
    ]
