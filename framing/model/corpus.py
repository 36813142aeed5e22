"""What was read, what cleaning kept, and the sentences: the data of the text stages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

# --------------------------------------------------------------------------
# Corpus: what was read from disk
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Document:
    """One article as read from disk, before cleaning.

    ``id`` is unique within a corpus (the file's stem, made unique when two
    inputs share a stem). ``source`` is the path it was read from.
    ``title``, ``date`` and ``url`` come from the manifest when one names
    them; cleaning may detect a title or a date when they are missing.
    """

    id: str
    outlet: str
    text: str
    source: str
    title: str | None = None
    date: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class SkippedInput:
    """An input that is not analysed, and why; shown in the report and JSON."""

    source: str
    reason: str


@dataclass(frozen=True)
class Corpus:
    """The documents to analyse, plus every input that was skipped.

    ``notes`` carries non-fatal remarks about inputs that were read (for
    example a file decoded with a fallback encoding).
    """

    documents: tuple[Document, ...]
    skipped: tuple[SkippedInput, ...] = ()
    notes: tuple[str, ...] = ()
    name: str = "corpus"


# --------------------------------------------------------------------------
# Cleaning: what was kept, and an audit of what was removed
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class RemovedSpan:
    """A span of a document removed by cleaning, with the rule that removed it.

    ``line`` is the 1-based line of the source file where the span starts, so
    a reader can find it in the original.
    """

    document: str
    text: str
    reason: str
    line: int


@dataclass(frozen=True)
class CleanDocument:
    """An article after cleaning.

    ``headline`` is the headline as it appears in the text (``None`` when the
    text has none). ``deck`` holds standfirst/summary lines that sit between
    or around the headline and the body. ``paragraphs`` is the body, one
    string per paragraph, in order. ``title`` is the manifest's title, or the
    detected headline; ``date`` the manifest's date or one detected in the text.
    """

    id: str
    outlet: str
    source: str
    title: str | None
    date: str | None
    url: str | None
    headline: str | None
    deck: tuple[str, ...]
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class CleanCorpus:
    """Cleaned documents, the audit of removed spans, and skipped inputs."""

    documents: tuple[CleanDocument, ...]
    removed: tuple[RemovedSpan, ...]
    skipped: tuple[SkippedInput, ...] = ()
    notes: tuple[str, ...] = ()
    name: str = "corpus"


# --------------------------------------------------------------------------
# Segmentation
# --------------------------------------------------------------------------

HEADLINE = "headline"
DECK = "deck"
BODY = "body"


class Sentence(NamedTuple):
    """One sentence of one document.

    ``id`` is the sentence's index in the analysis (0..n-1, in document
    order). ``outlet`` is the outlet's id (see :class:`OutletSummary`).
    ``position`` is its index within its document. ``part`` is
    ``"headline"``, ``"deck"`` or ``"body"``; ``is_lede`` marks the first body
    sentences. ``tokens`` are lower-cased word and punctuation tokens (see
    :func:`framing.text.segment.tokenize`); ``n_words`` counts the word tokens.

    A named tuple rather than a dataclass: a large corpus has hundreds of
    thousands of sentences, and tuples are several times cheaper to make.
    """

    id: int
    document: str
    outlet: str
    position: int
    part: str
    is_lede: bool
    text: str
    tokens: tuple[str, ...]
    n_words: int
