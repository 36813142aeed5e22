"""The report's opening summary: sizes, one sentence per divergence, the share table.

Each divergence's sentence comes from
:func:`framing.analysis.significance.gaps.describe_divergence`, the reading
the JSON export carries too: outlets tied at the highest or the lowest share
are named together, a gap is called a gap only when its interval excludes
zero (and the adjusted test agrees, when it was run), and an outlet that
rests on one or two articles is spoken of as its articles. Below the
sentences, the small-sample caveat and what treating sentences as
independent means.
"""

from __future__ import annotations

from dataclasses import dataclass

from framing.analysis.significance.caveat import independence_note
from framing.analysis.significance.gaps import readings_of
from framing.analysis.significance.references import join_references, refer_all
from framing.model import Analysis, Divergence
from framing.report.common import FrameView, Table, cell_score, cell_share, frame_view
from framing.report.format import format_pct, plural
from framing.report.listed import removed_counts


@dataclass(frozen=True)
class DivergenceLine:
    """The facts of one divergence, and its reading in words.

    The reading is ``before`` + the frame's label + ``after``, then
    ``verdict``; ``finding`` says what the divergence amounts to (see
    :data:`framing.analysis.significance.gaps.Finding`). ``most`` and
    ``least`` name the outlets the divergence contrasts (by their articles
    when they have one or two); ``most_ties`` and ``least_ties`` the other
    outlets with exactly the same share, or "".
    """

    frame: FrameView
    most: str
    least: str
    most_share: str
    least_share: str
    before: str
    after: str
    verdict: str
    finding: str
    most_ties: str = ""
    least_ties: str = ""


@dataclass(frozen=True)
class SummaryView:
    """Counts, one line per divergence, the notes that qualify them, and the share table.

    ``caveat`` names the outlets that rest on one or two articles;
    ``notes`` say what the intervals assume (sentences independent) and,
    when the tests were not run, that the gaps are not adjusted for the
    number of comparisons.
    """

    n_outlets: str
    n_documents: str
    n_sentences: str
    n_removed: int
    n_skipped: int
    lines: tuple[DivergenceLine, ...]
    shares: Table
    caveat: str | None = None
    notes: tuple[str, ...] = ()
    headline: str = ""


def headline_finding(lines: tuple[DivergenceLine, ...]) -> str:
    """The report's finding in one plain sentence, for its first screen.

    The clearest difference (the largest gap whose interval excludes chance),
    else the largest one, said to be possibly chance. The numbers, intervals
    and the other frames follow in the summary's paragraph.
    """
    if not lines:
        return ""
    clear = [line for line in lines if line.finding == "gap"]
    if clear:
        c = clear[0]
        return (
            f"The clearest difference: {c.most} invokes “{c.frame.label}” in "
            f"{c.most_share} of its sentences, {c.least} in {c.least_share}."
        )
    c = lines[0]
    return (
        "No difference between the outlets is clear of chance: the largest, on "
        f"“{c.frame.label}”, is {c.most} at {c.most_share} against {c.least} "
        f"at {c.least_share}."
    )


def divergence_line(analysis: Analysis, d: Divergence) -> DivergenceLine:
    """Format one divergence: its outlets (ties named), shares and reading."""
    reading = readings_of(analysis).divergences[d.frame]
    references = refer_all(analysis.outlets)

    def ties(ids: tuple[str, ...], named: str) -> str:
        others = [references[i] for i in ids if i != named]
        return f"tied with {join_references(others)}" if others else ""

    return DivergenceLine(
        frame=frame_view(analysis.lexicons.frame(d.frame)),
        most=references[d.most].text,
        least=references[d.least].text,
        most_share=format_pct(d.most_share),
        least_share=format_pct(d.least_share),
        before=reading.before,
        after=reading.after,
        verdict=reading.verdict,
        finding=reading.finding,
        most_ties=ties(reading.most, d.most),
        least_ties=ties(reading.least, d.least),
    )


def share_table(analysis: Analysis) -> Table:
    """Shares with outlets as rows and frames as columns."""
    return Table(
        caption="Share of each outlet's sentences that invoke each frame.",
        corner="Outlet",
        columns=tuple(f.label for f in analysis.frames),
        rows=tuple(
            (
                o.name,
                tuple(
                    format_pct(cell_share(cell_score(analysis, o.id, f.id)))
                    for f in analysis.frames
                ),
            )
            for o in analysis.outlets
        ),
    )


def summary_notes(analysis: Analysis) -> tuple[str, ...]:
    """What the summary's intervals assume, and what was not adjusted for."""
    notes = []
    independence = independence_note(analysis.outlets, tests=bool(analysis.pairs))
    if independence:
        notes.append(independence)
    if not analysis.pairs and len(analysis.outlets) > 1 and analysis.divergences:
        notes.append(
            "The pairwise tests were not run (quick mode), so these intervals are not adjusted "
            "for the number of comparisons: among many frames and outlets, a gap whose "
            "interval excludes zero can still be chance."
        )
    return tuple(notes)


def summary_view(analysis: Analysis) -> SummaryView:
    """The opening summary: sizes, divergences in order, the notes, and the share table."""
    lines = tuple(divergence_line(analysis, d) for d in analysis.divergences)
    return SummaryView(
        n_outlets=plural(len(analysis.outlets), "outlet"),
        n_documents=plural(sum(o.n_documents for o in analysis.outlets), "document"),
        n_sentences=plural(sum(o.n_sentences for o in analysis.outlets), "sentence"),
        n_removed=removed_counts(analysis).n_removed,
        n_skipped=len(analysis.skipped),
        lines=lines,
        shares=share_table(analysis),
        caveat=analysis.caveat.message if analysis.caveat else None,
        notes=summary_notes(analysis),
        headline=headline_finding(lines),
    )
