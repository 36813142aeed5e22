"""Tests for cleaning a whole corpus (framing.text.clean.corpus).

The seed tests check the behaviour promised on the three real saved pages in
``seeds/``.
"""

from __future__ import annotations

import csv
import dataclasses
import subprocess
import sys

import pytest

from framing.model import CleanCorpus, Corpus, Document, SkippedInput
from framing.text.clean.corpus import SKIP_REASON, clean_corpus
from framing.text.clean.rules import (
    REASON_BYLINE,
    REASON_CAPTION,
    REASON_DATE,
    REASON_FURNITURE,
    REASON_RELATED,
    REASON_REPEATED,
)
from tests.conftest import REPO
from tests.text.clean.conftest import APPENDED, make_doc, nonblank, source_lines, spans

SEEDS = REPO / "seeds"


def load_seeds() -> Corpus:
    """The seed articles as Documents, from seeds/manifest.csv."""
    documents = []
    with (SEEDS / "manifest.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            path = SEEDS / row["file"]
            documents.append(
                Document(
                    id=path.stem,
                    outlet=row["outlet"],
                    text=path.read_text(encoding="utf-8"),
                    source=str(path),
                    title=row["title"] or None,
                    date=row["date"] or None,
                    url=row["url"] or None,
                )
            )
    return Corpus(tuple(documents), name="seeds")


def seed(corpus: Corpus, prefix: str) -> Document:
    return next(doc for doc in corpus.documents if doc.id.startswith(prefix))


@pytest.fixture(scope="module")
def seeds() -> Corpus:
    return load_seeds()


@pytest.fixture(scope="module")
def cleaned_seeds(seeds: Corpus) -> CleanCorpus:
    return clean_corpus(seeds)


# --------------------------------------------------------------------------
# Skipped documents, corpus fields, order of spans
# --------------------------------------------------------------------------


def test_document_with_only_furniture_is_skipped_with_its_spans() -> None:
    earlier = SkippedInput("broken.txt", "could not be decoded")
    corpus = Corpus(
        (
            make_doc("Harbour reopens after storm\n\nThe port reopens next month.\n", "a"),
            make_doc("Share\nFollow\n\nAdvertisement\nRead more: Storm pictures\n", "b"),
            make_doc("Ferries return\nBy Ann Lee\n\nFerries sail again from Monday.\n", "c"),
        ),
        skipped=(earlier,),
        notes=("b.txt read as latin-1",),
        name="harbour",
    )
    result = clean_corpus(corpus)
    assert [doc.id for doc in result.documents] == ["a", "c"]
    assert result.skipped == (earlier, SkippedInput("b.txt", SKIP_REASON))
    assert result.notes == ("b.txt read as latin-1",)
    assert result.name == "harbour"
    assert [(s.document, s.line, s.reason) for s in result.removed] == [
        ("b", 1, REASON_FURNITURE),
        ("b", 2, REASON_FURNITURE),
        ("b", 4, REASON_FURNITURE),
        ("b", 5, REASON_RELATED),
        ("c", 2, REASON_BYLINE),
    ]


def test_empty_corpus() -> None:
    result = clean_corpus(Corpus(()))
    assert result == CleanCorpus(documents=(), removed=())


def test_import_is_light() -> None:
    code = "import sys, framing.text.clean; print('sklearn' in sys.modules, 'scipy' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO
    )
    assert out.stdout.strip() == "False False"


# --------------------------------------------------------------------------
# The seed pages
# --------------------------------------------------------------------------


def test_seed_with_appended_story(seeds: Corpus, cleaned_seeds: CleanCorpus) -> None:
    doc = seed(seeds, "002_")
    lines = source_lines(doc)
    removed = spans(cleaned_seeds, doc.id)
    assert [(line, reason) for line, reason, _ in removed[:-1]] == [
        (3, REASON_CAPTION),
        (4, REASON_FURNITURE),
        (5, REASON_FURNITURE),
        (6, REASON_FURNITURE),
        (8, REASON_REPEATED),
        (10, REASON_REPEATED),
        (11, REASON_REPEATED),
    ]
    assert removed[0][2].endswith("(File/AFP)")
    assert [text for _, _, text in removed[1:4]] == [
        "Short Url",
        "Updated 10 March 2022",
        "Follow",
    ]
    line, reason, text = removed[-1]
    assert line == 41
    assert APPENDED.fullmatch(reason), reason
    assert text == "\n".join(lines[40:])

    clean = next(d for d in cleaned_seeds.documents if d.id == doc.id)
    assert clean.headline == doc.title == lines[0]
    assert clean.deck == ()
    assert clean.paragraphs == tuple(nonblank(lines[12:39]))
    assert clean.paragraphs[0].startswith("WASHINGTON: Russia’s invasion")
    assert clean.paragraphs[-1].endswith("And we are not going to give up.”")
    assert clean.date == "2022-03-10"


def test_seed_dates_are_detected_without_manifest_dates(seeds: Corpus) -> None:
    undated = Corpus(tuple(dataclasses.replace(doc, date=None) for doc in seeds.documents))
    dates = {doc.id[:3]: doc.date for doc in clean_corpus(undated).documents}
    assert dates == {"000": None, "002": "2022-03-10", "004": "2022-03-10"}


def test_seed_with_captions_and_contact_lines(seeds: Corpus, cleaned_seeds: CleanCorpus) -> None:
    doc = seed(seeds, "000_")
    lines = source_lines(doc)
    removed = spans(cleaned_seeds, doc.id)
    assert [(line, reason) for line, reason, _ in removed] == [
        (3, REASON_CAPTION),
        (4, REASON_CAPTION),
        (12, REASON_RELATED),
        (50, REASON_BYLINE),
        (52, REASON_BYLINE),
        (54, REASON_RELATED),
        (56, REASON_FURNITURE),
    ]
    assert removed[1][2].endswith("(AP Photo/Efrem Lukatsky)")
    assert removed[0][2] == lines[2].strip()
    assert lines[3].startswith(lines[2])
    assert removed[-1][2] == "Story Continues"

    clean = next(d for d in cleaned_seeds.documents if d.id == doc.id)
    assert clean.headline == lines[0] == doc.title
    assert clean.deck == ()
    kept_lines = [*range(5, 11), *range(12, 48)]
    assert clean.paragraphs == tuple(nonblank([lines[i] for i in kept_lines]))
    assert clean.date is None


def test_seed_with_date_prefix(seeds: Corpus, cleaned_seeds: CleanCorpus) -> None:
    doc = seed(seeds, "004_")
    lines = source_lines(doc)
    assert spans(cleaned_seeds, doc.id) == [(1, REASON_DATE, "date 2022-03-10")]
    clean = next(d for d in cleaned_seeds.documents if d.id == doc.id)
    assert clean.deck == (lines[0].strip().removeprefix("date 2022-03-10 "),)
    assert clean.headline == lines[2] == doc.title
    assert clean.paragraphs == tuple(nonblank(lines[3:]))


def test_seed_spans_are_ordered_by_document_then_line(
    seeds: Corpus, cleaned_seeds: CleanCorpus
) -> None:
    order = {doc.id: i for i, doc in enumerate(seeds.documents)}
    keys = [(order[span.document], span.line) for span in cleaned_seeds.removed]
    assert keys == sorted(keys)
    assert [doc.id for doc in cleaned_seeds.documents] == [doc.id for doc in seeds.documents]


def test_cleaning_reports_progress_and_ends_with_the_total():
    from framing.model import Corpus, Document
    from framing.text.clean import clean_corpus
    from framing.text.clean import corpus as module

    docs = tuple(
        Document(id=f"d{i}", outlet="o", text=f"Headline {i}\n\nA body sentence here.", source="s")
        for i in range(5)
    )
    seen: list[int] = []
    old = module.PROGRESS_EVERY
    module.PROGRESS_EVERY = 2
    try:
        cleaned = clean_corpus(Corpus(documents=docs, skipped=(), name="c"), progress=seen.append)
    finally:
        module.PROGRESS_EVERY = old
    assert seen == [2, 4, 5]
    assert cleaned == clean_corpus(Corpus(documents=docs, skipped=(), name="c"))


def test_a_repeated_line_gets_the_same_verdict_in_every_document(monkeypatch) -> None:
    """The single-line rules read a repeated line once; every copy gets their verdict."""
    import framing.text.clean.corpus as corpus_module
    from framing.text.clean.lines import _Line

    page = "Ferries return\nBy Ann Lee\n\nFerries sail again from Monday.\n\nShare\n"
    documents = [make_doc(page, f"d{k}") for k in range(3)]
    classified: list[str] = []
    real = corpus_module._classify

    def counting(line: _Line) -> None:
        classified.append(line.text)
        real(line)

    monkeypatch.setattr(corpus_module, "_classify", counting)
    together = corpus_module.clean_documents(documents)
    assert sorted(classified) == sorted(set(classified))  # each distinct line once
    alone = [corpus_module.clean_documents([d])[0] for d in documents]
    assert together == alone
    assert [[s.reason for s in spans] for _, spans in together] == [
        [REASON_BYLINE, REASON_FURNITURE]
    ] * 3
    # clean_corpus starts a fresh memo every MEMO_DOCUMENTS documents: same result
    monkeypatch.setattr(corpus_module, "MEMO_DOCUMENTS", 2)
    cleaned = clean_corpus(Corpus(tuple(documents)))
    assert cleaned.documents == tuple(clean for clean, _ in together)
