"""View models for the report's in-depth sections: how the comparison holds up
(significance, frame mixes), prominence and tone, and sources (who is quoted,
shared copy).

Kept apart from the modules of the core sections (:mod:`framing.report.summary`
and its siblings) so each file stays readable; the same conventions hold:
pure functions from an :class:`~framing.model.Analysis` to frozen view
dataclasses of display strings, which the templates only print (autoescaped).
"""

from __future__ import annotations

from dataclasses import dataclass

from framing.analysis.features import invoked_frames
from framing.analysis.significance.caveat import independence_note
from framing.analysis.significance.references import refer_all
from framing.model import HEADLINE, Analysis
from framing.report.common import Table
from framing.report.format import format_pct

#: How a mean VADER compound score reads in words (upper bounds, exclusive).
_TONE_WORDS = ((-0.35, "negative"), (-0.05, "slightly negative"), (0.05, "neutral"),
               (0.35, "slightly positive"), (2.0, "positive"))  # fmt: skip


def tone_word(mean: float | None) -> str:
    """A plain word for a mean compound score.

    >>> tone_word(-0.5), tone_word(0.0), tone_word(0.2), tone_word(None)
    ('negative', 'neutral', 'slightly positive', '—')
    """
    if mean is None:
        return "—"
    return next(word for bound, word in _TONE_WORDS if mean < bound)


@dataclass(frozen=True)
class HeadlineView:
    """One document's headline and the frames it invokes (labels)."""

    outlet: str
    text: str
    frames: tuple[str, ...]


#: Up to this many headlines the report lists them all; beyond, it lists a
#: few per outlet (those that invoke a frame first) and counts the rest.
HEADLINES_SHOWN = 60


@dataclass(frozen=True)
class ProminenceView:
    """Prominence-weighted shares and tone beside the plain shares, and the headlines.

    ``headlines`` are all of them, or a sample per outlet when there are more
    than :data:`HEADLINES_SHOWN` (``n_headlines`` counts them all);
    ``headline_counts`` counts, per outlet and frame, the headlines that
    invoke the frame.
    """

    reading: str
    table: Table
    tone: Table
    headlines: tuple[HeadlineView, ...]
    n_headlines: int = 0
    headline_counts: Table | None = None


def prominence_view(analysis: Analysis) -> ProminenceView:
    """The 'Prominence and tone' section."""
    frames = analysis.lexicons.frames
    rows = []
    tone_rows = []
    for o in analysis.outlets:
        cells = []
        tone_cells = []
        for f in frames:
            score = analysis.scores.get((o.id, f.id))
            prominence = analysis.prominence.get((o.id, f.id))
            plain = format_pct(score.share if score else None)
            weighted = format_pct(prominence.weighted_share if prominence else None)
            cells.append(f"{plain} → {weighted}")
            tone = analysis.tone.get((o.id, f.id))
            mean = tone.mean if tone else None
            tone_cells.append("—" if mean is None else f"{mean:+.2f} ({tone_word(mean)})")
        rows.append((o.name, tuple(cells)))
        tone_rows.append((o.name, tuple(tone_cells)))
    columns = tuple(f.label for f in frames)
    headlines = _headlines(analysis)
    return ProminenceView(
        reading=_prominence_reading(analysis),
        table=Table(
            caption="Share of sentences → prominence-weighted share (headline and deck count "
            "3 times, lede sentences twice).",
            corner="Outlet",
            columns=columns,
            rows=tuple(rows),
        ),
        tone=Table(
            caption="Mean tone (VADER compound score, −1 to +1) of the sentences that invoke "
            "each frame.",
            corner="Outlet",
            columns=columns,
            rows=tuple(tone_rows),
        ),
        headlines=_shown_headlines(headlines),
        n_headlines=sum(map(len, headlines.values())),
        headline_counts=_headline_counts(headlines, analysis),
    )


def _headlines(analysis: Analysis) -> dict[str, list[HeadlineView]]:
    """Every headline, by outlet id in outlet order, in corpus order within an outlet."""
    frames_of = invoked_frames(analysis.hits)
    label = {f.id: f.label for f in analysis.lexicons.frames}
    name = {o.id: o.name for o in analysis.outlets}
    by_outlet: dict[str, list[HeadlineView]] = {o.id: [] for o in analysis.outlets}
    for s in analysis.sentences:
        if s.part == HEADLINE:
            by_outlet.setdefault(s.outlet, []).append(
                HeadlineView(
                    outlet=name.get(s.outlet, s.outlet),
                    text=s.text,
                    frames=tuple(label[f] for f in label if f in frames_of.get(s.id, ())),
                )
            )
    return by_outlet


def _shown_headlines(headlines: dict[str, list[HeadlineView]]) -> tuple[HeadlineView, ...]:
    """All headlines, or for a large corpus an even number per outlet, framed ones first.

    A list of thousands of headlines is neither readable nor quick to open;
    the JSON export gives every document's headline frames.
    """
    if sum(map(len, headlines.values())) <= HEADLINES_SHOWN:
        return tuple(h for own in headlines.values() for h in own)
    per_outlet = max(2, HEADLINES_SHOWN // max(1, len(headlines)))
    shown: list[HeadlineView] = []
    for own in headlines.values():
        framed = [h for h in own if h.frames] + [h for h in own if not h.frames]
        shown.extend(framed[:per_outlet])
    return tuple(shown)


def _headline_counts(headlines: dict[str, list[HeadlineView]], analysis: Analysis) -> Table | None:
    """Per outlet, how many of its headlines invoke each frame (None without headlines)."""
    if not any(headlines.values()):
        return None
    frames = analysis.lexicons.frames
    name = {o.id: o.name for o in analysis.outlets}
    rows = tuple(
        (
            name.get(outlet, outlet),
            tuple(f"{sum(f.label in h.frames for h in own):,} of {len(own):,}" for f in frames),
        )
        for outlet, own in headlines.items()
    )
    return Table(
        caption="Headlines that invoke each frame, of the outlet's headlines.",
        corner="Outlet",
        columns=tuple(f.label for f in frames),
        rows=rows,
    )


def _prominence_reading(analysis: Analysis) -> str:
    """One sentence: which outlet puts which frame in a headline or lede, if any.

    An outlet with one or two articles is named by its articles ("People's
    article puts … in its headline or lede").
    """
    parts = []
    label = {f.id: f.label for f in analysis.lexicons.frames}
    references = refer_all(analysis.outlets)
    for o in analysis.outlets:
        placed = [
            label[f.id]
            for f in analysis.lexicons.frames
            if (p := analysis.prominence.get((o.id, f.id))) and (p.headlines or p.ledes)
        ]
        if placed:
            ref = references[o.id]
            where = "its headline or lede" if ref.few and not ref.plural else "a headline or lede"
            parts.append(f"{ref.text} {ref.verb('puts', 'put')} {_join(placed)} in {where}")
    if not parts:
        return "No outlet puts any frame in a headline or lede."
    return "; ".join(parts) + "."


def _join(items: list[str]) -> str:
    if len(items) < 3:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


@dataclass(frozen=True)
class PairReading:
    """One pairwise difference as a sentence, and whether it is unlikely to be chance.

    ``significant``: its adjusted p-value is below the level and its
    interval excludes zero
    (:func:`~framing.analysis.significance.readings.is_clear`).
    """

    frame: str
    text: str
    significant: bool


#: Pairwise readings listed, strongest evidence first; the JSON export has every pair.
PAIRS_SHOWN = 30


@dataclass(frozen=True)
class HoldsUpView:
    """The 'How the comparison holds up' section.

    ``pairs`` are the first :data:`PAIRS_SHOWN` readings, strongest evidence
    first, of ``n_pairs`` (20 outlets make 570 pairs over three frames).
    ``unit_note`` says what the tests permute; ``independence`` what it
    means that some treat sentences as independent (or None).
    """

    caveat: str | None
    pairs: tuple[PairReading, ...]
    n_significant: int
    unit_note: str
    mix_reading: str
    mix_table: Table | None
    n_pairs: int = 0
    independence: str | None = None


def holds_up_view(analysis: Analysis) -> HoldsUpView:
    """Pairwise differences (strongest evidence first), the caveat, and frame-mix distances."""
    from framing.analysis.significance import is_clear
    from framing.analysis.significance.gaps import readings_of

    written = readings_of(analysis)
    label = {f.id: f.label for f in analysis.lexicons.frames}
    readings = sorted(
        (
            (
                not is_clear(p),
                p.q_value,
                -abs(p.diff),
                index,
                PairReading(
                    label.get(p.frame, p.frame),
                    written.pairs[index],
                    is_clear(p),
                ),
            )
            for index, p in enumerate(analysis.pairs)
        ),
    )
    units = {p.unit for p in analysis.pairs}
    unit_note = (
        "For pairs of outlets that both have five articles or more, the p-value shuffles "
        "whole articles between the two outlets; for the other pairs it is Fisher's exact "
        "test on their sentences."
        if "articles" in units
        else "No pair of outlets has five articles or more each, so the p-values come from "
        "Fisher's exact test on the outlets' sentences; whole articles cannot be shuffled."
    )
    mix = analysis.frame_mix
    return HoldsUpView(
        caveat=analysis.caveat.message if analysis.caveat else None,
        pairs=tuple(r[-1] for r in readings[:PAIRS_SHOWN]),
        n_pairs=len(readings),
        n_significant=sum(1 for p in analysis.pairs if is_clear(p)),
        unit_note=unit_note,
        mix_reading=written.frame_mix or "",
        mix_table=_mix_table(analysis) if mix else None,
        independence=independence_note(analysis.outlets) if analysis.pairs else None,
    )


def _mix_table(analysis: Analysis) -> Table:
    mix = analysis.frame_mix
    assert mix is not None
    name = {o.id: o.name for o in analysis.outlets}
    names = tuple(name.get(o, o) for o in mix.outlets)
    return Table(
        caption="Jensen–Shannon distance between the outlets' mixes of frames "
        "(0: the same mix; 1: no frame in common).",
        corner="Outlet",
        columns=names,
        rows=tuple(
            (names[i], tuple("—" if d is None else f"{d:.2f}" for d in row))
            for i, row in enumerate(mix.distance)
        ),
    )


@dataclass(frozen=True)
class LogOddsList:
    """An outlet's distinctive terms by log-odds: (term, z, count) display strings."""

    heading: str
    terms: tuple[tuple[str, str, str], ...]


def log_odds_lists(analysis: Analysis) -> tuple[LogOddsList, ...]:
    """Per outlet, in display order, its terms by log-odds z-score."""
    if analysis.log_odds is None:
        return ()
    return tuple(
        LogOddsList(
            heading=o.name,
            terms=tuple(
                (t.term, f"{t.z:.1f}", str(t.count)) for t in analysis.log_odds.terms.get(o.id, ())
            ),
        )
        for o in analysis.outlets
    )


@dataclass(frozen=True)
class SourcesView:
    """The 'Sources' section: who is quoted, and the copy outlets share."""

    voice_readings: tuple[str, ...]
    speakers: tuple[Table, ...]
    voices: Table | None
    shared_readings: tuple[str, ...]
    shared_table: Table | None


#: At most this many speakers per outlet in the report (the JSON has them all).
SPEAKERS_SHOWN = 8


def sources_view(analysis: Analysis) -> SourcesView:
    """Who each outlet quotes and how much; own voice vs quoted per frame; shared copy."""
    frames = analysis.lexicons.frames
    summary = analysis.sources
    voice_readings: tuple[str, ...] = ()
    speakers: tuple[Table, ...] = ()
    voices: Table | None = None
    if analysis.quotations is not None and summary is not None:
        voice_readings = tuple(
            summary.voice_readings[o.id]
            for o in analysis.outlets
            if summary.voice_readings.get(o.id)
        )
        speakers = tuple(
            Table(
                caption=f"Speakers quoted by {o.name}, most words first.",
                corner="Speaker",
                columns=("Quotes", "Words", "Share of the outlet's words"),
                rows=tuple(
                    (
                        st.speaker,
                        (str(st.n_quotes), str(st.n_words), format_pct(st.share_of_outlet_words)),
                    )
                    for st in analysis.speakers.get(o.id, ())[:SPEAKERS_SHOWN]
                ),
            )
            for o in analysis.outlets
        )
        voices = Table(
            caption="Sentences invoking each frame: in the outlet's own voice / quoted.",
            corner="Outlet",
            columns=tuple(f.label for f in frames),
            rows=tuple(
                (o.name, tuple(_voice_cell(analysis, o.id, f.id) for f in frames))
                for o in analysis.outlets
            ),
        )
    shared_readings: tuple[str, ...] = ()
    shared_table: Table | None = None
    if analysis.shared is not None and summary is not None:
        shared_readings = summary.shared_readings
        shared_table = Table(
            caption="Share of each outlet's sentences shared with another outlet, and the "
            "sentences invoking each frame: shared / unique.",
            corner="Outlet",
            columns=("Shared", *(f.label for f in frames)),
            rows=tuple(
                (
                    o.name,
                    (
                        format_pct(summary.shared_fraction.get(o.id, 0.0)),
                        *(
                            "{} / {}".format(*summary.frames_by_origin.get((o.id, f.id), (0, 0)))
                            for f in frames
                        ),
                    ),
                )
                for o in analysis.outlets
            ),
        )
    return SourcesView(voice_readings, speakers, voices, shared_readings, shared_table)


def _voice_cell(analysis: Analysis, outlet_id: str, frame_id: str) -> str:
    voice = analysis.voices.get((outlet_id, frame_id))
    if voice is None:
        return "0 / 0"
    return f"{voice.n_sentences_own_voice} / {voice.n_sentences_quoted}"
