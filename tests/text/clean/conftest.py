"""Helpers shared by the cleaning tests: invented documents and the audit as tuples.

Rule tests use small invented texts; the appended-story tests use invented
articles in ``tests/data/clean/``.
"""

from __future__ import annotations

import re

from framing.model import CleanCorpus, CleanDocument, Corpus, Document
from framing.text.clean.corpus import clean_corpus
from tests.conftest import REPO

DATA = REPO / "tests" / "data" / "clean"
APPENDED = re.compile(
    r"appended unrelated story \(relative similarity (\d\.\d\d) to the article before it; "
    r"cosine (\d\.\d\d)\)"
)


def make_doc(text: str, doc_id: str = "doc", **fields: str | None) -> Document:
    """A document with an invented text."""
    return Document(id=doc_id, outlet="Outlet", text=text, source=f"{doc_id}.txt", **fields)


def clean_one(text: str, **fields: str | None) -> tuple[CleanDocument, list[tuple[int, str, str]]]:
    """Clean a one-document corpus; the document and its spans as (line, reason, text)."""
    result = clean_corpus(Corpus((make_doc(text, **fields),)))
    assert len(result.documents) == 1
    return result.documents[0], spans(result)


def spans(result: CleanCorpus, doc_id: str | None = None) -> list[tuple[int, str, str]]:
    """The removed spans (of one document) as (line, reason, text)."""
    return [
        (span.line, span.reason, span.text)
        for span in result.removed
        if doc_id is None or span.document == doc_id
    ]


def source_lines(doc: Document) -> list[str]:
    return doc.text.split("\n")


def nonblank(lines: list[str]) -> list[str]:
    return [line.strip() for line in lines if line.strip()]


def fixture(name: str, **fields: str | None) -> Document:
    path = DATA / f"{name}.txt"
    return Document(
        id=name, outlet=name, text=path.read_text(encoding="utf-8"), source=str(path), **fields
    )
