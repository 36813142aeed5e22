"""The analysis as JSON, for further analysis in other tools.

The layout is documented in docs/json.md; ``SCHEMA_VERSION`` changes
whenever a field is renamed, removed or changes meaning (adding a field
bumps the minor version). Floats are rounded to six decimals and every list
has a fixed order, so the same input and options give byte-identical JSON.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from framing import __version__
from framing.analysis.features import invoked_frames
from framing.model import (
    HEADLINE,
    LISTED_DOCUMENTS,
    Analysis,
    Divergence,
    Evidence,
    Sentence,
    SharedGroup,
)
from framing.model.coding import Evaluation
from framing.model.time import OverTime
from framing.report.audit import removed_json
from framing.report.listed import listed_documents, listed_removed, n_documents, removed_counts
from framing.report.paths import evaluation_for_display, for_display

SCHEMA_VERSION = "1.4"


def _r(value: float) -> float:
    return round(float(value), 6)


def build_json(
    analysis: Analysis,
    *,
    validation: Evaluation | None = None,
    inputs: Sequence[str | Path] = (),
) -> dict[str, Any]:
    """The analysis as a JSON-ready dict (see docs/json.md).

    With ``validation`` (the lexicon measured against a coding sheet), a
    ``validation`` key holds its figures (docs/validation.md), without the
    per-sentence readings. File paths are given relative to ``inputs`` (the
    files and folders the user gave), bundled data as ``bundled:``
    (:mod:`framing.report.paths`), never as absolute paths.
    """
    data = _build_json(for_display(analysis, inputs))
    validation = evaluation_for_display(validation, inputs)
    if validation is not None:
        from framing.lexicon_tools.evaluate import evaluation_to_json

        figures = evaluation_to_json(validation)
        figures.pop("sentences")
        data["validation"] = figures
    return data


def _build_json(analysis: Analysis) -> dict[str, Any]:
    frames = analysis.lexicons.frames
    listed = _listed_sentences(analysis)
    return {
        "schema_version": SCHEMA_VERSION,
        "generator": {"name": "framing", "version": __version__},
        "corpus": {
            "name": analysis.name,
            "documents": n_documents(analysis),
            "documents_listed": len(listed_documents(analysis)),
            "sentences": sum(o.n_sentences for o in analysis.outlets),
            "tokens": sum(o.n_tokens for o in analysis.outlets),
            "removed": removed_counts(analysis).n_removed,
            "removed_listed": len(listed_removed(analysis)),
        },
        "options": {
            "seed": analysis.options.seed,
            "n_bootstrap": analysis.options.n_bootstrap,
            "evidence_per_cell": analysis.options.evidence_per_cell,
            "n_permutations": analysis.options.n_permutations,
            "depth": analysis.options.depth,
        },
        "frames": [
            {
                "id": f.id,
                "label": f.label,
                "description": f.description,
                "colour": f.colour,
                "terms": [
                    {"term": t.text, "kind": t.kind, "weight": _r(t.weight)} for t in f.terms
                ],
            }
            for f in frames
        ],
        "negation_cues": list(analysis.lexicons.negation_cues),
        "scope_breakers": list(analysis.lexicons.scope_breakers),
        "outlets": [
            {
                "id": o.id,
                "name": o.name,
                "documents": o.n_documents,
                "sentences": o.n_sentences,
                "tokens": o.n_tokens,
                "frames": {f.id: _score_json(analysis, o.id, f.id, listed) for f in frames},
            }
            for o in analysis.outlets
        ],
        "divergence": [_divergence_json(analysis, d) for d in analysis.divergences],
        **_significance_json(analysis),
        **_sources_json(analysis),
        "over_time": _over_time_json(analysis.over_time),
        "evidence": [_evidence_json(e, analysis) for e in analysis.evidence],
        "denials": [_evidence_json(e, analysis) for e in analysis.denials],
        "distinctive_terms": {
            o.id: [
                {"term": t.term, "score": _r(t.score)}
                for t in analysis.distinctive_terms.get(o.id, ())
            ]
            for o in analysis.outlets
        },
        "similarity": {
            "outlets": [o.id for o in analysis.outlets],
            "matrix": [[_r(v) for v in row] for row in analysis.similarity],
        },
        "lexicon_candidates": {
            f.id: [
                {"term": c.term, "score": _r(c.score), "sentences": c.n_sentences}
                for c in analysis.candidates.get(f.id, ())
            ]
            for f in frames
        },
        "documents": _documents_json(analysis),
        "removed": removed_json(analysis),
        "skipped": [{"source": s.source, "reason": s.reason} for s in analysis.skipped],
        "notes": list(analysis.notes),
    }


def _divergence_json(analysis: Analysis, d: Divergence) -> dict[str, Any]:
    """One frame's divergence, the outlets tied at either end, and its reading."""
    from framing.analysis.significance.gaps import readings_of

    reading = readings_of(analysis).divergences[d.frame]
    return {
        "frame": d.frame,
        "most": d.most,
        "least": d.least,
        "most_outlets": list(reading.most),
        "least_outlets": list(reading.least),
        "most_share": _r(d.most_share),
        "least_share": _r(d.least_share),
        "gap": _r(d.gap),
        "gap_ci95": [_r(d.gap_ci95[0]), _r(d.gap_ci95[1])],
        "finding": reading.finding,
        "reading": reading.text(analysis.lexicons.frame(d.frame).label),
    }


def _opt(value: float | None) -> float | None:
    return None if value is None else _r(value)


def _over_time_json(over_time: OverTime | None) -> dict[str, Any] | None:
    """Shares per outlet, frame and period, and the readings of their changes."""
    if over_time is None:
        return None
    return {
        "by": over_time.by,
        "auto": over_time.auto,
        "min_sentences": over_time.min_sentences,
        "message": over_time.message,
        "periods": [
            {"key": p.key, "label": p.label, "start": p.start, "end": p.end}
            for p in over_time.periods
        ],
        "shares": [
            {
                "outlet": s.outlet,
                "frame": s.frame,
                "period": s.period,
                "documents": s.n_documents,
                "sentences": s.n_sentences,
                "support": s.n_support,
                "share": _opt(s.share),
                "ci95": None if s.ci95 is None else [_r(s.ci95[0]), _r(s.ci95[1])],
                "too_few": s.too_few,
            }
            for s in over_time.shares
        ],
        "changes": [
            {
                "outlet": c.outlet,
                "frame": c.frame,
                "changed": c.changed,
                "before": c.before,
                "after": c.after,
                "share_before": _opt(c.share_before),
                "share_after": _opt(c.share_after),
                "p_value": _opt(c.p_value),
                "reading": c.reading,
            }
            for c in over_time.changes
        ],
        "undated": {
            outlet: {"documents": n_docs, "sentences": n_sentences}
            for outlet, (n_docs, n_sentences) in over_time.undated.items()
        },
    }


def _significance_json(analysis: Analysis) -> dict[str, Any]:
    """Pairwise differences, frame-mix distances, log-odds terms and the sample caveat."""
    from framing.analysis.significance.gaps import readings_of

    readings = readings_of(analysis)
    data: dict[str, Any] = {
        "pairs": [
            {
                "frame": p.frame,
                "outlet_a": p.outlet_a,
                "outlet_b": p.outlet_b,
                "share_a": _r(p.share_a),
                "share_b": _r(p.share_b),
                "diff": _r(p.diff),
                "ci95": [_r(p.ci95[0]), _r(p.ci95[1])],
                "p_value": _r(p.p_value),
                "q_value": _r(p.q_value),
                "unit": p.unit,
                "reading": readings.pairs[index],
            }
            for index, p in enumerate(analysis.pairs)
        ]
    }
    mix = analysis.frame_mix
    data["frame_mix"] = (
        None
        if mix is None
        else {
            "outlets": list(mix.outlets),
            "jensen_shannon_distance": [[_opt(v) for v in row] for row in mix.distance],
            "reading": readings.frame_mix,
        }
    )
    log_odds = analysis.log_odds
    data["distinctive_log_odds"] = (
        None
        if log_odds is None
        else {
            "alpha0": _r(log_odds.alpha0),
            "terms": {
                o.id: [
                    {"term": t.term, "z": _r(t.z), "delta": _r(t.delta), "count": t.count}
                    for t in log_odds.terms.get(o.id, ())
                ]
                for o in analysis.outlets
            },
        }
    )
    caveat = analysis.caveat
    data["caveat"] = (
        None
        if caveat is None
        else {
            "min_articles": caveat.min_articles,
            "outlets": list(caveat.outlets),
            "message": caveat.message,
        }
    )
    return data


def _score_json(
    analysis: Analysis, outlet_id: str, frame_id: str, listed: Callable[[int], bool]
) -> dict[str, Any]:
    """One outlet's figures for one frame; ``listed`` tells the sentences of listed documents."""
    s = analysis.score(outlet_id, frame_id)
    cell: dict[str, Any] = {
        "share": _r(s.share),
        "ci95": [_r(s.ci95[0]), _r(s.ci95[1])],
        "per_1k_tokens": _r(s.per_1k_tokens),
        "sentences": s.n_sentences,
        "hits": s.n_hits,
        "negated": s.n_negated,
    }
    prominence = analysis.prominence.get((outlet_id, frame_id))
    if prominence is not None:
        cell["prominence_weighted_share"] = _r(prominence.weighted_share)
        cell["headline_sentences"] = [i for i in prominence.headlines if listed(i)]
        cell["lede_sentences"] = [i for i in prominence.ledes if listed(i)]
    tone = analysis.tone.get((outlet_id, frame_id))
    if tone is not None:
        cell["tone"] = None if tone.mean is None else _r(tone.mean)
    return cell


def _listed_sentences(analysis: Analysis) -> Callable[[int], bool]:
    """Whether a sentence id is of one of the first :data:`LISTED_DOCUMENTS` documents."""
    if len(analysis.documents) <= LISTED_DOCUMENTS:
        return lambda _: True
    first = {d.id for d in analysis.documents[:LISTED_DOCUMENTS]}
    ids = frozenset(s.id for s in analysis.sentences if s.document in first)
    return ids.__contains__


def _documents_json(analysis: Analysis) -> list[dict[str, Any]]:
    """Each document with its headline and lede, and the frames they invoke."""
    frames_of = invoked_frames(analysis.hits)
    headline: dict[str, Sentence] = {}
    lede_frames: dict[str, list[str]] = {}
    for sentence in analysis.sentences:
        if sentence.part == HEADLINE:
            headline[sentence.document] = sentence
        elif sentence.is_lede:
            found = lede_frames.setdefault(sentence.document, [])
            found.extend(f for f in frames_of.get(sentence.id, ()) if f not in found)
    order = {f.id: i for i, f in enumerate(analysis.lexicons.frames)}
    documents = []
    for d in listed_documents(analysis):
        h = headline.get(d.id)
        documents.append(
            {
                "id": d.id,
                "outlet": d.outlet,
                "title": d.title,
                "date": d.date,
                "url": d.url,
                "source": d.source,
                "sentences": d.n_sentences,
                "tokens": d.n_tokens,
                "headline": None if h is None else h.text,
                "headline_frames": []
                if h is None
                else sorted(frames_of.get(h.id, []), key=order.__getitem__),
                "lede_frames": sorted(lede_frames.get(d.id, []), key=order.__getitem__),
            }
        )
    return documents


#: At most this many shared-copy groups go into the JSON (the largest first).
MAX_SHARED_GROUPS = 1000

#: Each listed shared-copy group lists at most this many of its sentence ids
#: (the first, in id order), with its full size in ``n_sentences``: a few
#: groups of wire copy can hold most of a large corpus's sentences.
LISTED_GROUP_SENTENCES = 100


def _sources_json(analysis: Analysis) -> dict[str, Any]:
    """Shared copy between outlets, and who is quoted."""
    frame_ids = analysis.lexicons.frame_ids
    data: dict[str, Any] = {"shared_copy": None, "quotes": None}
    shared, summary = analysis.shared, analysis.sources
    if shared is not None and summary is not None:
        groups = sorted(shared.groups, key=lambda g: (-len(g.sentences), g.id))
        data["shared_copy"] = {
            "threshold": _r(shared.threshold),
            "method": shared.method,
            "outlets": {
                o.id: {
                    "shared_fraction": _r(summary.shared_fraction.get(o.id, 0.0)),
                    "frames": {
                        f: dict(
                            zip(
                                ("shared", "unique"),
                                summary.frames_by_origin.get((o.id, f), (0, 0)),
                                strict=True,
                            )
                        )
                        for f in frame_ids
                    },
                }
                for o in analysis.outlets
            },
            "pairs": [
                {"outlet_a": a, "outlet_b": b, "sentences": n} for (a, b), n in shared.pairs.items()
            ],
            "n_groups": len(shared.groups),
            "groups": [_group_json(g) for g in groups[:MAX_SHARED_GROUPS]],
            "readings": list(summary.shared_readings),
        }
    if analysis.quotations is not None and summary is not None:
        data["quotes"] = {
            "speakers": {
                o.id: [
                    {
                        "speaker": st.speaker,
                        "quotes": st.n_quotes,
                        "words": st.n_words,
                        "share_of_outlet_words": _r(st.share_of_outlet_words),
                    }
                    for st in analysis.speakers.get(o.id, ())
                ]
                for o in analysis.outlets
            },
            "voices": {
                o.id: {f: _voice_json(analysis.voices.get((o.id, f))) for f in frame_ids}
                for o in analysis.outlets
            },
            "readings": {o.id: summary.voice_readings.get(o.id) for o in analysis.outlets},
        }
    return data


def _group_json(group: SharedGroup) -> dict[str, Any]:
    """One shared-copy group: at most :data:`LISTED_GROUP_SENTENCES` of its ids, all counted."""
    listed = list(group.sentences[:LISTED_GROUP_SENTENCES])
    return {
        "id": group.id,
        "outlets": list(group.outlets),
        "outlet_sentences": dict(zip(group.outlets, group.per_outlet, strict=True))
        if group.per_outlet
        else None,
        "sentences": listed,
        "n_sentences": len(group.sentences),
        "sentences_listed": len(listed),
        "quoted": group.quoted,
        "example": group.example,
    }


def _voice_json(voice: Any) -> dict[str, Any]:
    if voice is None:
        return {"own_voice": 0, "quoted": 0, "top_speakers": []}
    return {
        "own_voice": voice.n_sentences_own_voice,
        "quoted": voice.n_sentences_quoted,
        "top_speakers": [{"speaker": sp, "sentences": n} for sp, n in voice.top_speakers],
    }


def _evidence_json(e: Evidence, analysis: Analysis) -> dict[str, Any]:
    shared = analysis.shared
    quotations = analysis.quotations
    return {
        "outlet": e.outlet,
        "frame": e.frame,
        "rank": e.rank,
        "document": e.document,
        "sentence": e.sentence,
        "text": e.text,
        "score": _r(e.score),
        "shared": None if shared is None else shared.group_of(e.sentence) >= 0,
        "speaker": None if quotations is None else quotations.sentence_speaker.get(e.sentence),
        "matches": [
            {
                "term": m.term,
                "text": m.surface,
                "start": m.start,
                "end": m.end,
                "negated": m.negated,
                "reading": m.reading,
            }
            for m in e.matches
        ],
    }


def render_json(
    analysis: Analysis,
    *,
    validation: Evaluation | None = None,
    inputs: Sequence[str | Path] = (),
) -> str:
    """The JSON text: UTF-8, indented, keys in a fixed order (see :func:`build_json`)."""
    data = build_json(analysis, validation=validation, inputs=inputs)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
