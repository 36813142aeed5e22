"""Tests for the cleaning stage (framing.text.clean).

Rule tests use small invented texts; the seed tests check the behaviour
promised on the three real saved pages in ``seeds/``; the appended-story tests
use invented articles in ``tests/data/clean/``.
"""

from __future__ import annotations

import csv
import dataclasses
import re
import subprocess
import sys
from pathlib import Path

import pytest

from framing.model import CleanCorpus, CleanDocument, Corpus, Document, SkippedInput
from framing.text.clean import (
    APPENDED_STORY_MAX_COSINE,
    REASON_BYLINE,
    REASON_CAPTION,
    REASON_DATE,
    REASON_FURNITURE,
    REASON_RELATED,
    REASON_REPEATED,
    SKIP_REASON,
    clean_corpus,
    find_date,
)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data" / "clean"
APPENDED = re.compile(
    r"appended unrelated story \(cosine (\d\.\d\d) to this article, "
    r"(\d\.\d\d) to the rest of the corpus\)"
)
APPENDED_ALONE = re.compile(
    r"appended unrelated story \(cosine (\d\.\d\d) to this article; no other documents\)"
)


# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------


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


def source_lines(doc: Document) -> list[str]:
    return doc.text.split("\n")


def nonblank(lines: list[str]) -> list[str]:
    return [line.strip() for line in lines if line.strip()]


def fixture(name: str, **fields: str | None) -> Document:
    path = DATA / f"{name}.txt"
    return Document(
        id=name, outlet=name, text=path.read_text(encoding="utf-8"), source=str(path), **fields
    )


@pytest.fixture(scope="module")
def seeds() -> Corpus:
    return load_seeds()


@pytest.fixture(scope="module")
def cleaned_seeds(seeds: Corpus) -> CleanCorpus:
    return clean_corpus(seeds)


# --------------------------------------------------------------------------
# Rule 1: photo captions and credits
# --------------------------------------------------------------------------


def test_caption_with_a_named_photo_desk_credit_is_removed() -> None:
    text = (
        "Harbour reopens after storm\n"
        "\n"
        "Photo: Boats in the harbour on Tuesday morning. (Gazette Photo/Staff)\n"
        "The harbour master said the port would reopen to ferries next month.\n"
        "Crews cleared the quay. (Harbour Authority photo)\n"
    )
    doc, removed = clean_one(text)
    assert [(line, reason) for line, reason, _ in removed] == [
        (3, REASON_CAPTION),
        (5, REASON_CAPTION),
    ]
    assert doc.deck == ()


def test_captions_with_credits_are_removed() -> None:
    text = (
        "Harbour reopens after storm\n"
        "\n"
        "Fishing boats return to the harbour on Tuesday. (AP Photo/Jane Doe)\n"
        "Crews repaired the sea wall within a week of the storm. (File/AFP)\n"
        "The harbour master said the port would reopen to ferries next month.\n"
        "Workers clear debris from the quay. Photo: Harbour Authority\n"
        "A crane lifts a damaged boat (Getty Images)\n"
        "Volunteers sort donated clothes (Courtesy of the town council)\n"
        "Photo by Ann Lee\n"
        "Most visitors paid by card (credit cards were accepted everywhere).\n"
    )
    doc, removed = clean_one(text)
    assert [(line, reason) for line, reason, _ in removed] == [
        (3, REASON_CAPTION),
        (4, REASON_CAPTION),
        (6, REASON_CAPTION),
        (7, REASON_CAPTION),
        (8, REASON_CAPTION),
        (9, REASON_CAPTION),
    ]
    assert removed[0][2] == "Fishing boats return to the harbour on Tuesday. (AP Photo/Jane Doe)"
    assert doc.headline == "Harbour reopens after storm"
    assert doc.paragraphs == (
        "The harbour master said the port would reopen to ferries next month.",
        "Most visitors paid by card (credit cards were accepted everywhere).",
    )


# --------------------------------------------------------------------------
# Rule 2: related links
# --------------------------------------------------------------------------


def test_related_link_lines_are_removed() -> None:
    text = (
        "Harbour reopens after storm\n\n"
        "The harbour master said the port would reopen to ferries next month.\n\n"
        "Read more: How ports prepare for storms\n\n"
        "RELATED: Ten storms that changed the coast\n"
        "See also: Ferry timetables\n"
        "Watch: Drone footage of the harbour\n"
        "Also read: Fishermen count their losses\n"
        "Read Next: The sea wall debate\n"
        "More than 200 boats were damaged: most of them small.\n"
    )
    doc, removed = clean_one(text)
    assert [(line, reason) for line, reason, _ in removed] == [
        (5, REASON_RELATED),
        (7, REASON_RELATED),
        (8, REASON_RELATED),
        (9, REASON_RELATED),
        (10, REASON_RELATED),
        (11, REASON_RELATED),
    ]
    assert doc.paragraphs == (
        "The harbour master said the port would reopen to ferries next month.",
        "More than 200 boats were damaged: most of them small.",
    )


# --------------------------------------------------------------------------
# Rule 3: page furniture and time stamps
# --------------------------------------------------------------------------

FURNITURE_TEXT = (
    "Harbour reopens after storm\n"
    "Short Url\n"
    "Published 12 April 2021\n"
    "Updated 5 sec ago\n"
    "Share\n"
    "Follow\n"
    "\n"
    "The harbour master said the port would reopen to ferries next month.\n"
    "Advertisement\n"
    "Updated figures released on Monday showed that damage was worse than first thought.\n"
    "Comments\n"
    "Continue reading...\n"
    "Story Continues\n"
)


def test_page_furniture_is_removed_and_stamp_date_detected() -> None:
    doc, removed = clean_one(FURNITURE_TEXT)
    assert removed == [
        (2, REASON_FURNITURE, "Short Url"),
        (3, REASON_FURNITURE, "Published 12 April 2021"),
        (4, REASON_FURNITURE, "Updated 5 sec ago"),
        (5, REASON_FURNITURE, "Share"),
        (6, REASON_FURNITURE, "Follow"),
        (9, REASON_FURNITURE, "Advertisement"),
        (11, REASON_FURNITURE, "Comments"),
        (12, REASON_FURNITURE, "Continue reading..."),
        (13, REASON_FURNITURE, "Story Continues"),
    ]
    assert doc.headline == "Harbour reopens after storm"
    assert doc.date == "2021-04-12"
    assert doc.paragraphs == (
        "The harbour master said the port would reopen to ferries next month.",
        "Updated figures released on Monday showed that damage was worse than first thought.",
    )


def test_manifest_date_wins_over_detected_date() -> None:
    doc, _ = clean_one(FURNITURE_TEXT, date="2021-04-13")
    assert doc.date == "2021-04-13"


# --------------------------------------------------------------------------
# Rule 4: bylines and contact lines
# --------------------------------------------------------------------------


def test_bylines_and_contact_lines_are_removed() -> None:
    text = (
        "Harbour reopens after storm\n\n"
        "By Jane Doe and John Roe\n\n"
        "By the end of the week, the water in the harbour had fallen by a metre.\n"
        "-- Jane Doe can be reached at jane@example.com\n"
        "Follow her on Twitter @janedoe\n"
        "jane.doe@example.com\n"
        "@janedoe\n"
        "Contact the author at the news desk.\n"
        "Reporting by Jane Doe; Editing by John Roe\n"
        "(Additional reporting by Ann Lee)\n"
        "Follow the money, investigators told the council.\n"
    )
    doc, removed = clean_one(text)
    assert [(line, reason) for line, reason, _ in removed] == [
        (3, REASON_BYLINE),
        (6, REASON_BYLINE),
        (7, REASON_BYLINE),
        (8, REASON_BYLINE),
        (9, REASON_BYLINE),
        (10, REASON_BYLINE),
        (11, REASON_BYLINE),
        (12, REASON_BYLINE),
    ]
    assert doc.paragraphs == (
        "By the end of the week, the water in the harbour had fallen by a metre.",
        "Follow the money, investigators told the council.",
    )


# --------------------------------------------------------------------------
# Rule 5: date lines
# --------------------------------------------------------------------------


def test_date_prefix_before_headline_becomes_deck() -> None:
    text = (
        " date 2021-04-12 Officials warn the worst may not be over for the coast\n"
        "\n"
        "Harbour Reopens After Storm\n"
        "\n"
        "The harbour master said the port would reopen to ferries next month.\n"
        "March 3, 2020 was the last time the port closed for a storm.\n"
    )
    doc, removed = clean_one(text, title="Harbour reopens after storm")
    assert removed == [(1, REASON_DATE, "date 2021-04-12")]
    assert doc.date == "2021-04-12"
    assert doc.deck == ("Officials warn the worst may not be over for the coast",)
    assert doc.headline == "Harbour Reopens After Storm"
    assert doc.title == "Harbour reopens after storm"
    assert doc.paragraphs == (
        "The harbour master said the port would reopen to ferries next month.",
        "March 3, 2020 was the last time the port closed for a storm.",
    )


def test_date_only_lines_are_removed_and_dated() -> None:
    text = (
        "Harbour reopens after storm\n"
        "Thursday, March 10, 2022 10:24 am\n"
        "\n"
        "The harbour master said the port would reopen to ferries next month.\n"
        "10 March 2022\n"
    )
    doc, removed = clean_one(text)
    assert removed == [
        (2, REASON_DATE, "Thursday, March 10, 2022 10:24 am"),
        (5, REASON_DATE, "10 March 2022"),
    ]
    assert doc.date == "2022-03-10"
    assert doc.paragraphs == (
        "The harbour master said the port would reopen to ferries next month.",
    )


def test_date_prefix_in_front_of_the_title_itself() -> None:
    text = "10 March 2022 Harbour reopens after storm\n\nThe port reopens next month.\n"
    doc, removed = clean_one(text, title="Harbour reopens after storm")
    assert removed == [(1, REASON_DATE, "10 March 2022")]
    assert doc.headline == "Harbour reopens after storm"
    assert doc.deck == ()
    assert doc.paragraphs == ("The port reopens next month.",)


def test_date_prefix_without_title() -> None:
    text = (
        "March 10, 2022 — Repairs will take the whole summer\n"
        "Harbour reopens after storm\n"
        "\n"
        "The harbour master said the port would reopen to ferries next month.\n"
    )
    doc, removed = clean_one(text)
    assert removed == [(1, REASON_DATE, "March 10, 2022")]
    assert doc.deck == ("Repairs will take the whole summer",)
    assert doc.headline == "Harbour reopens after storm"
    assert doc.title == "Harbour reopens after storm"
    assert doc.date == "2022-03-10"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Updated 10 March 2022", "2022-03-10"),
        ("posted Mar. 3 2020, 9:00", "2020-03-03"),
        ("2021-12-01", "2021-12-01"),
        ("September 31, 2021", None),
        ("Updated 5 sec ago", None),
    ],
)
def test_find_date(text: str, expected: str | None) -> None:
    assert find_date(text) == expected


# --------------------------------------------------------------------------
# Rule 6: repeated text
# --------------------------------------------------------------------------


def test_repeated_lines_and_prefixes_are_removed() -> None:
    text = (
        "Council approves new sea wall\n"
        "\n"
        "Workers clear debris from the quay after the storm\n"
        "Workers clear debris from the quay after the storm on Tuesday. (Reuters)\n"
        "\n"
        "Council approves new sea wall\n"
        "\n"
        "• The council will vote on the funding next week\n"
        "\n"
        "The council approved a new sea wall on Monday after a long debate.\n"
        "The council will vote on the funding next week, the mayor said.\n"
        "Wall Work Begins Soon\n"
        "Wall work begins soon after the vote, engineers said on Monday.\n"
        "THE  council approved a new sea wall on Monday after a long debate.\n"
    )
    doc, removed = clean_one(text)
    assert removed == [
        (3, REASON_CAPTION, "Workers clear debris from the quay after the storm"),
        (
            4,
            REASON_CAPTION,
            "Workers clear debris from the quay after the storm on Tuesday. (Reuters)",
        ),
        (6, REASON_REPEATED, "Council approves new sea wall"),
        (8, REASON_REPEATED, "• The council will vote on the funding next week"),
        (
            14,
            REASON_REPEATED,
            "THE  council approved a new sea wall on Monday after a long debate.",
        ),
    ]
    assert doc.headline == "Council approves new sea wall"
    assert doc.deck == ()
    # "Wall Work Begins Soon" has four words: too short to count as a repeat.
    assert doc.paragraphs == (
        "The council approved a new sea wall on Monday after a long debate.",
        "The council will vote on the funding next week, the mayor said.",
        "Wall Work Begins Soon",
        "Wall work begins soon after the vote, engineers said on Monday.",
    )


# --------------------------------------------------------------------------
# Rule 7: headline and deck
# --------------------------------------------------------------------------


def test_headline_matches_title_despite_quotes_dashes_and_case() -> None:
    text = (
        "COUNCIL'S FLOOD PLAN - WHAT IT MEANS\n"
        "\n"
        "• Repairs start in May\n"
        "• Ferries run a reduced timetable\n"
        "Residents will pay nothing towards the wall\n"
        "\n"
        "The council published its flood plan on Monday.\n"
        "It sets out three years of work along the river.\n"
    )
    doc, removed = clean_one(text, title="Council’s Flood Plan — What It Means")
    assert removed == []
    assert doc.headline == "COUNCIL'S FLOOD PLAN - WHAT IT MEANS"
    assert doc.title == "Council’s Flood Plan — What It Means"
    assert doc.deck == (
        "Repairs start in May",
        "Ferries run a reduced timetable",
        "Residents will pay nothing towards the wall",
    )
    assert doc.paragraphs == (
        "The council published its flood plan on Monday.",
        "It sets out three years of work along the river.",
    )


def test_no_headline_when_title_does_not_match() -> None:
    text = "Harbour reopens\n\nThe harbour master said the port would reopen next month.\n"
    doc, _ = clean_one(text, title="Something else entirely")
    assert doc.headline is None
    assert doc.title == "Something else entirely"
    assert doc.paragraphs == (
        "Harbour reopens",
        "The harbour master said the port would reopen next month.",
    )


def test_no_headline_when_first_line_is_a_sentence() -> None:
    text = (
        "The harbour master said the port would reopen next month.\n"
        "Ferries will run a reduced timetable until the summer.\n"
    )
    doc, _ = clean_one(text)
    assert doc.headline is None
    assert doc.title is None
    assert doc.deck == ()
    assert doc.paragraphs == (
        "The harbour master said the port would reopen next month.",
        "Ferries will run a reduced timetable until the summer.",
    )


def test_text_is_kept_verbatim_apart_from_trimming_and_bullets() -> None:
    text = (
        "Harbour “reopens” — at last\r\n"
        "\r\n"
        "   • “We’re back,” the harbour master said — and smiled.   \r\n"
        "- A second point, after a hyphen bullet.\r\n"
        "--- three dashes are not a bullet.\r\n"
    )
    doc, removed = clean_one(text)
    assert removed == []
    assert doc.headline == "Harbour “reopens” — at last"
    # Bulleted lines right after the headline are its summary (deck).
    assert doc.deck == (
        "“We’re back,” the harbour master said — and smiled.",
        "A second point, after a hyphen bullet.",
    )
    assert doc.paragraphs == ("--- three dashes are not a bullet.",)


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
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.strip() == "False False"


# --------------------------------------------------------------------------
# Rule 8: appended unrelated stories
# --------------------------------------------------------------------------


def flood_corpus() -> Corpus:
    return Corpus((fixture("flood_appended"), fixture("flood_other_a"), fixture("flood_other_b")))


def test_appended_story_is_removed_as_one_span() -> None:
    doc = fixture("flood_appended")
    result = clean_corpus(flood_corpus())
    removed = spans(result, "flood_appended")
    assert [(line, reason) for line, reason, _ in removed[:-1]] == [
        (3, REASON_CAPTION),
        (4, REASON_FURNITURE),
        (6, REASON_REPEATED),
    ]
    line, reason, text = removed[-1]
    assert line == 19
    match = APPENDED.fullmatch(reason)
    assert match, reason
    assert float(match.group(1)) < APPENDED_STORY_MAX_COSINE
    assert float(match.group(2)) < APPENDED_STORY_MAX_COSINE
    assert text == "\n".join(source_lines(doc)[18:]).rstrip("\n")

    clean = result.documents[0]
    assert clean.headline == "Riverside town counts the cost as floodwaters recede"
    assert clean.paragraphs == tuple(nonblank(source_lines(doc)[7:16]))
    assert clean.paragraphs[-1].startswith("Forecasters expect more rain")
    # The other reports are untouched apart from a byline.
    assert spans(result, "flood_other_a") == [(3, REASON_BYLINE, "By Sarah Lindqvist")]
    assert spans(result, "flood_other_b") == []


def test_appended_story_in_single_document_corpus() -> None:
    doc = fixture("flood_appended")
    result = clean_corpus(Corpus((doc,)))
    line, reason, text = spans(result)[-1]
    assert line == 19
    assert APPENDED_ALONE.fullmatch(reason), reason
    assert text.splitlines()[-1] == source_lines(doc)[-2]
    assert result.documents[0].paragraphs == tuple(nonblank(source_lines(doc)[7:16]))


def test_short_unrelated_tail_is_not_cut() -> None:
    article = "\n".join(source_lines(fixture("flood_appended"))[:16])
    text = (
        article + "\n\n\nChess club opens in the old library\n\nUpdated 1 hour ago\n\n"
        "The club meets on Tuesdays and welcomes beginners of all ages.\n"
    )
    doc, removed = clean_one(text)
    assert [reason for _, reason, _ in removed] == [
        REASON_CAPTION,
        REASON_FURNITURE,
        REASON_REPEATED,
        REASON_FURNITURE,
    ]
    assert doc.paragraphs[-2:] == (
        "Chess club opens in the old library",
        "The club meets on Tuesdays and welcomes beginners of all ages.",
    )


@pytest.mark.parametrize("with_other_topic", [False, True])
def test_on_topic_subheads_are_not_cut(with_other_topic: bool) -> None:
    doc = fixture("housing_subheads")
    others = (fixture("flood_other_a"), fixture("flood_other_b")) if with_other_topic else ()
    result = clean_corpus(Corpus((doc, *others)))
    assert spans(result, "housing_subheads") == []
    clean = result.documents[0]
    lines = nonblank(source_lines(doc))
    assert clean.headline == lines[0]
    assert clean.paragraphs == tuple(lines[1:])
    assert "WHAT THE COUNCIL PLANS" in clean.paragraphs


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
