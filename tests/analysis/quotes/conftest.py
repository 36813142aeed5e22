"""Helpers and the seed fixture of the quotation tests."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from framing.analysis.pipeline import build_outlet_ids
from framing.analysis.quotes.extraction import extract_quotes
from framing.io.corpus import load_corpus
from framing.lexicons.load import load_lexicons
from framing.lexicons.match import match_sentences
from framing.model import Hit, Quotations, Sentence
from framing.resources import default_lexicons, seeds_dir
from framing.text.clean import clean_corpus
from framing.text.segment import segment_corpus
from tests.conftest import make_sentence


def doc(*texts: str, document: str = "d", outlet: str = "o", first: int = 0) -> list[Sentence]:
    """One document's sentences, numbered from ``first``."""
    return [
        make_sentence(text, id=first + i, outlet=outlet, document=document)._replace(position=i)
        for i, text in enumerate(texts)
    ]


def found(quotations: Quotations, sentence: int) -> list[tuple[str | None, str, str, int, int]]:
    """(speaker, kind, text, start, end) of each quote of one sentence."""
    return [(q.speaker, q.kind, q.text, q.start, q.end) for q in quotations.in_sentence(sentence)]


def span(text: str, part: str) -> tuple[str, int, int]:
    start = text.index(part)
    return part, start, start + len(part)


@pytest.fixture(scope="module")
def seeds() -> tuple[tuple[Sentence, ...], Quotations, tuple[Hit, ...]]:
    clean = clean_corpus(load_corpus([seeds_dir()]))
    sentences = segment_corpus(
        clean, outlet_ids=build_outlet_ids(d.outlet for d in clean.documents)
    )
    hits = match_sentences(sentences, load_lexicons(default_lexicons()))
    return sentences, extract_quotes(sentences), hits


def sentence_with(sentences: Sequence[Sentence], outlet: str, part: str) -> Sentence:
    (match,) = [s for s in sentences if s.outlet == outlet and part in s.text]
    return match
