"""Classroom mode: discussion questions and a printable worksheet.

The questions are generated from the analysis, never written in advance: the
largest differences between outlets, the sentences behind them, who is
quoted, what is denied and what is shared copy. Each question quotes the
outlets' own sentences so a class can discuss the wording, not the numbers.

A question takes a difference as real only when the summary calls it a gap
(:func:`framing.analysis.significance.gaps.describe_divergence`): a
difference that could be chance is not set as a puzzle to explain ("why
might it give the frame less room?") but as one to check ("do these
articles really differ?"). Outlets that rest on one or two articles are
spoken of as their articles.
"""

from __future__ import annotations

from dataclasses import dataclass

from framing.analysis.significance.gaps import readings_of
from framing.analysis.significance.references import join_references, refer_all
from framing.model import Analysis, Evidence
from framing.report.common import EvidenceView, documents_by_id, evidence_view

#: How many of the largest divergences may become questions (those that are gaps do).
QUESTIONS_FROM_DIVERGENCES = 3


@dataclass(frozen=True)
class Question:
    """A discussion question and the sentences it asks about."""

    text: str
    sentences: tuple[EvidenceView, ...]


@dataclass(frozen=True)
class ClassroomView:
    """The classroom section: questions, then worksheet tasks with space to write."""

    questions: tuple[Question, ...]
    tasks: tuple[str, ...]


def classroom_view(analysis: Analysis) -> ClassroomView:
    """Questions from the largest gaps, quoted sources, denials and shared copy."""
    docs = documents_by_id(analysis.documents)
    references = refer_all(analysis.outlets)
    labels = {f.id: f.label for f in analysis.lexicons.frames}

    def shown(items: tuple[Evidence, ...]) -> tuple[EvidenceView, ...]:
        return tuple(evidence_view(e, docs, analysis) for e in items[:1])

    questions: list[Question] = []
    for d in analysis.divergences[:QUESTIONS_FROM_DIVERGENCES]:
        reading = readings_of(analysis).divergences[d.frame]
        if reading.finding == "no_difference":
            continue
        label = labels[d.frame]
        least = [references[i] for i in reading.least]
        if reading.finding == "gap":
            ask = (
                "Read the sentences below. Which words signal the frame? Why might "
                f"{join_references(least)} give it less room?"
            )
        else:
            ask = (
                "The difference could be chance. Read the sentences below: do they really "
                "treat the frame differently?"
            )
        questions.append(
            Question(
                f"{reading.before}the frame “{label}”{reading.after} {ask}",
                shown(analysis.evidence_for(d.most, d.frame))
                + shown(analysis.evidence_for(d.least, d.frame)),
            )
        )
        voice = analysis.voices.get((d.most, d.frame))
        if voice is not None and voice.top_speakers and voice.n_sentences_quoted:
            speaker, n = voice.top_speakers[0]
            questions.append(
                Question(
                    f"In {references[d.most].text}, {speaker} carries “{label}” in {n} "
                    f"sentence{'s' if n != 1 else ''}. "
                    f"{'Do' if len(least) > 1 or least[0].plural else 'Does'} "
                    f"{join_references(least)} quote anyone on it? "
                    "What changes when a frame comes from a quoted expert rather than the "
                    "outlet itself?",
                    (),
                )
            )
    for denial in _first_denials(analysis):
        questions.append(
            Question(
                f"This sentence from {references[denial.outlet].text} uses words of "
                f"“{labels[denial.frame]}” only to deny them. Does denying a frame still put "
                "the idea in the reader's mind?",
                shown((denial,)),
            )
        )
    if analysis.sources is not None and analysis.sources.shared_readings:
        questions.append(
            Question(
                analysis.sources.shared_readings[0]
                + " Which differences between these outlets come from their own reporting, "
                "and which from the copy they share?",
                (),
            )
        )
    return ClassroomView(
        questions=tuple(questions),
        tasks=(
            "Before looking at the numbers: pick one article and underline every word that "
            "tells you how to see the people in the story.",
            "Choose one frame. Write two words or phrases that signal it and are missing from "
            "its lexicon (see 'Method and lexicons').",
            "Rewrite one evidence sentence so that it invokes a different frame. What did you "
            "have to change?",
            "Which outlet would you trust to tell you about this story, and why? What other "
            "sources would you check?",
        ),
    )


def _first_denials(analysis: Analysis) -> tuple[Evidence, ...]:
    """The strongest denial of each frame (at most one per frame), in frame order."""
    chosen: dict[str, Evidence] = {}
    for e in sorted(analysis.denials, key=lambda e: (-e.score, e.rank, e.sentence)):
        chosen.setdefault(e.frame, e)
    return tuple(chosen[f.id] for f in analysis.lexicons.frames if f.id in chosen)[:1]
