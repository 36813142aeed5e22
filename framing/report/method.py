"""Method and lexicons: the settings the method text quotes, the lexicons, the documents."""

from __future__ import annotations

from dataclasses import dataclass

from framing.model import LISTED_DOCUMENTS, Analysis, Frame
from framing.report.common import FrameView, Table, frame_view
from framing.report.format import format_score
from framing.report.listed import n_documents

_KIND_ORDER = ("word", "phrase", "wildcard")
#: The document table lists at most this many documents (the JSON has them all).
DOCUMENTS_SHOWN = 200


@dataclass(frozen=True)
class LexiconFrameView:
    """A frame with its terms grouped by kind; weights shown only when not 1."""

    frame: FrameView
    source: str
    kinds: tuple[tuple[str, tuple[tuple[str, str | None], ...]], ...]


@dataclass(frozen=True)
class MethodView:
    """Settings quoted in the method text, the lexicons and the document list."""

    n_permutations: str
    seed: int
    lexicon_name: str
    lexicon_source: str
    frames: tuple[LexiconFrameView, ...]
    negation_cues: tuple[str, ...]
    documents: Table


def lexicon_frame_view(frame: Frame) -> LexiconFrameView:
    """Group a frame's terms by kind (word, phrase, wildcard), keeping lexicon order."""
    kinds = []
    for kind in _KIND_ORDER:
        terms = tuple(
            (t.text, None if t.weight == 1 else format_score(t.weight, 2).rstrip("0").rstrip("."))
            for t in frame.terms
            if t.kind == kind
        )
        if terms:
            kinds.append((kind, terms))
    return LexiconFrameView(frame_view(frame), frame.source, tuple(kinds))


def documents_table(analysis: Analysis) -> Table:
    """The analysed documents, in analysis order (the first :data:`DOCUMENTS_SHOWN`)."""
    names = {o.id: o.name for o in analysis.outlets}
    n = n_documents(analysis)
    caption = "Documents analysed."
    if n > DOCUMENTS_SHOWN:
        listed = "them all" if n <= LISTED_DOCUMENTS else f"the first {LISTED_DOCUMENTS:,}"
        caption = (
            f"The first {DOCUMENTS_SHOWN:,} of the {n:,} documents analysed "
            f"(the JSON export lists {listed}; the tables of --tables list them all)."
        )
    return Table(
        caption=caption,
        corner="Document",
        columns=("Outlet", "Date", "Source", "Sentences", "Words"),
        rows=tuple(
            (
                d.title or d.id,
                (
                    names.get(d.outlet, d.outlet),
                    d.date or "\u2014",
                    d.source,
                    f"{d.n_sentences:,}",
                    f"{d.n_tokens:,}",
                ),
            )
            for d in analysis.documents[:DOCUMENTS_SHOWN]
        ),
    )


def method_view(analysis: Analysis) -> MethodView:
    """Method text parameters, lexicons and documents."""
    return MethodView(
        n_permutations=f"{analysis.options.n_permutations:,}",
        seed=analysis.options.seed,
        lexicon_name=analysis.lexicons.name,
        lexicon_source=analysis.lexicons.source,
        frames=tuple(lexicon_frame_view(f) for f in analysis.frames),
        negation_cues=tuple(analysis.lexicons.negation_cues),
        documents=documents_table(analysis),
    )
