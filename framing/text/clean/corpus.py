"""Cleaning a corpus: every rule applied to every document, and the audit collected.

:func:`clean_corpus` (and :func:`clean_documents`, for a stream of
documents) scans each document (the single-line rules and the appended-story
candidates), detects appended stories (each document on its own), then
removes repeats, cuts date prefixes, lays out headline, deck and paragraphs
and records every removal as a :class:`~framing.model.RemovedSpan`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from framing.model import (
    CleanCorpus,
    CleanDocument,
    Corpus,
    Document,
    RemovedSpan,
    SkippedInput,
)
from framing.parallel import cyclic_gc_paused
from framing.text.clean.appended import _find_candidates, _find_tails, _Scan, _Tail
from framing.text.clean.layout import _layout, _split_date_prefixes
from framing.text.clean.lines import _parse_lines, _split_lines, _title_key
from framing.text.clean.rules import _classify, _mark_repeats

#: How often (in documents) cleaning reports its progress.
PROGRESS_EVERY = 200
#: Documents whose lines share one memo of the single-line rules' verdicts
#: (:func:`clean_corpus`; :func:`clean_documents` keeps one per call).
MEMO_DOCUMENTS = 1000

#: A line's verdict under the single-line rules, by its trimmed text: its
#: removal reason and date. Boilerplate, captions and wire copy repeat
#: lines across documents; the rules read each once.
_Verdicts = dict[str, tuple[str | None, str | None]]

SKIP_REASON = "nothing left after cleaning"


def _scan(document: Document, verdicts: _Verdicts) -> _Scan:
    """Parse a document, apply the single-line rules and find break candidates.

    The rules read only the line's text, so a line seen before (in
    ``verdicts``, updated here) takes its verdict from there.
    """
    lines = _parse_lines(document.text)
    for line in lines:
        verdict = verdicts.get(line.text)
        if verdict is None:
            _classify(line)
            verdicts[line.text] = (line.reason, line.date)
        else:
            line.reason, line.date = verdict
    return _Scan(document, lines, _find_candidates(lines))


def _finish(scan: _Scan, tail: _Tail | None) -> tuple[CleanDocument | None, list[RemovedSpan]]:
    """Apply rules 5-7 to a scanned document and build its clean version and audit."""
    document = scan.document
    title_key = _title_key(document.title) if document.title else None
    lines = scan.lines if tail is None else scan.lines[: tail.start]
    _mark_repeats(lines, title_key)
    spans = _split_date_prefixes(lines, title_key, document.id)
    spans += [
        RemovedSpan(document.id, line.raw.strip(), line.reason, line.number)
        for line in lines
        if line.reason is not None
    ]
    if tail is not None:
        spans.append(_tail_span(scan, tail))
    spans.sort(key=lambda span: span.line)

    kept = [line for line in lines if line.reason is None]
    headline, deck, paragraphs = _layout(kept, title_key)
    if headline is None and not deck and not paragraphs:
        return None, spans
    detected = next((line.date for line in lines if line.date), None)
    clean = CleanDocument(
        id=document.id,
        outlet=document.outlet,
        source=document.source,
        title=document.title or headline,
        date=document.date or detected,
        url=document.url,
        headline=headline,
        deck=tuple(deck),
        paragraphs=tuple(paragraphs),
    )
    return clean, spans


def _tail_span(scan: _Scan, tail: _Tail) -> RemovedSpan:
    """One span holding the appended story's source lines, from its first line on."""
    first = scan.lines[tail.start].number
    last = scan.lines[-1].number
    source = _split_lines(scan.document.text)[first - 1 : last]
    return RemovedSpan(scan.document.id, "\n".join(source), tail.reason, first)


def clean_documents(
    documents: Sequence[Document],
) -> list[tuple[CleanDocument | None, list[RemovedSpan]]]:
    """Clean each document on its own: its clean version (None if nothing is left) and removals.

    What :func:`clean_corpus` does to each document, for callers that
    stream documents in chunks: no document's cleaning depends on another's.
    """
    with cyclic_gc_paused():
        verdicts: _Verdicts = {}
        scans = [_scan(document, verdicts) for document in documents]
        tails = _find_tails(scans)
        return [_finish(scan, tails.get(i)) for i, scan in enumerate(scans)]


def clean_corpus(corpus: Corpus, *, progress: Callable[[int], None] | None = None) -> CleanCorpus:
    """Clean every document of ``corpus`` and audit what was removed.

    Returns one :class:`CleanDocument` per input document, in order, except
    documents with nothing left after cleaning, which are listed in
    ``skipped`` instead. ``removed`` holds every removed span, ordered by
    document then source line. ``corpus.skipped``, ``notes`` and ``name`` are
    carried over. ``progress``, if given, is called with the number of
    documents cleaned so far, every :data:`PROGRESS_EVERY` documents and at
    the end.
    """
    documents: list[CleanDocument] = []
    removed: list[RemovedSpan] = []
    skipped = list(corpus.skipped)
    with cyclic_gc_paused():
        scans = []
        verdicts: _Verdicts = {}
        for n, document in enumerate(corpus.documents, start=1):
            if n % MEMO_DOCUMENTS == 0:
                verdicts = {}  # bounded: a corpus's distinct lines may be many
            scans.append(_scan(document, verdicts))
            if progress is not None and n % PROGRESS_EVERY == 0:
                progress(n)
        tails = _find_tails(scans)
        for i, scan in enumerate(scans):
            clean, spans = _finish(scan, tails.get(i))
            removed.extend(spans)
            if clean is None:
                skipped.append(SkippedInput(scan.document.source, SKIP_REASON))
            else:
                documents.append(clean)
    if progress is not None:
        progress(len(corpus.documents))
    return CleanCorpus(
        documents=tuple(documents),
        removed=tuple(removed),
        skipped=tuple(skipped),
        notes=corpus.notes,
        name=corpus.name,
    )
