"""``framing lexicon evaluate``: how well a lexicon set reads, against a human coding.

Each sentence of a coding sheet (:mod:`framing.io.coding`) is tokenized and
matched exactly as the report reads article sentences (same tokenizer,
matcher and negation), grouped by document in file order so that the rows
of one document are read as one article's sentences. The lexicon's reading
of each frame (support, deny or none; :mod:`framing.lexicons.reading`) is
then compared with the coder's code, per frame:

* **strict**: a code of ``support`` is a positive; **lenient**: ``support``
  or ``weak``. The lexicon's positive is a ``support`` reading. Precision,
  recall and F1 come with a 95% bootstrap interval for F1 that resamples
  documents (sentences when the sheet names no documents);
* Cohen's kappa between the lexicon and each coder (support / deny / none,
  a weak code counted as none), and Krippendorff's alpha among the coders
  when there are several;
* the deny table: of the rows coded ``deny``, how many the lexicon reads as
  support, as a denial, or as nothing;
* per-term precision (which terms fire on rows not coded support), and a
  few rows of each kind of disagreement.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from framing.analysis.agreement import (
    cohen_kappa,
    confusion,
    f1_interval,
    krippendorff_alpha,
    prf,
)
from framing.lexicons.match import Matcher
from framing.lexicons.reading import frame_readings, frame_terms
from framing.model import DEFAULT_RESAMPLES, DEFAULT_SEED, LexiconSet
from framing.model.coding import (
    DENY,
    NONE,
    SUPPORT,
    WEAK,
    Agreement,
    CodedRow,
    CodingSheet,
    DenyTable,
    Disagreement,
    Evaluation,
    FrameEvaluation,
    SentenceReading,
    TermPrecision,
)
from framing.text.segment import tokenize

#: Rows shown per kind of disagreement and frame.
EXAMPLES_PER_KIND = 5
#: Kinds of disagreement, in the order they are shown.
DISAGREEMENTS = ("missed", "false_support", "deny_misread")


def read_sheet(sheet: CodingSheet, lexicons: LexiconSet) -> tuple[SentenceReading, ...]:
    """The lexicon's reading of every row of ``sheet``, in file order."""
    matcher = Matcher(lexicons)
    frame_ids = [f.id for f in lexicons.frames]
    readings = []
    previous: dict[tuple[str | None, str | None], list[str]] = {}
    for row in sheet.rows:
        tokens = tokenize(row.text)
        # Rows of one document (and one coder), in file order, are each other's
        # context; a sheet without documents gives every row only itself.
        key = (row.document, row.coder)
        context = previous.get(key, []) if row.document is not None else []
        hits = matcher.match_tokens(tokens, previous=context, text=row.text, part=row.part)
        previous[key] = tokens
        readings.append(
            SentenceReading(
                line=row.line,
                text=row.text,
                document=row.document,
                coder=row.coder,
                coded=dict(row.codes),
                read=frame_readings(hits, frame_ids),
                terms=frame_terms(hits, frame_ids),
            )
        )
    return tuple(readings)


def evaluate_sheet(
    sheet: CodingSheet,
    lexicons: LexiconSet,
    *,
    seed: int = DEFAULT_SEED,
    n_bootstrap: int = DEFAULT_RESAMPLES,
) -> Evaluation:
    """Measure ``lexicons`` against the codes of ``sheet`` (see the module docstring)."""
    readings = read_sheet(sheet, lexicons)
    by_document = sheet.has_documents
    clusters = [r.document if by_document else f"line {r.line}" for r in sheet.rows]
    frames = tuple(
        _evaluate_frame(frame, sheet.rows, readings, clusters, seed=seed, n_bootstrap=n_bootstrap)
        for frame in (f.id for f in lexicons.frames)
        if frame in sheet.frames
    )
    return Evaluation(
        source=sheet.source,
        lexicons=lexicons.source,
        n_rows=len(sheet.rows),
        n_documents=len(set(clusters)),
        coders=sheet.coders,
        unit="documents" if by_document else "sentences",
        seed=seed,
        n_bootstrap=n_bootstrap,
        frames=frames,
        uncoded=tuple(f.id for f in lexicons.frames if f.id not in sheet.frames),
        sentences=readings,
    )


def _evaluate_frame(
    frame: str,
    rows: Sequence[CodedRow],
    readings: Sequence[SentenceReading],
    clusters: Sequence[str | None],
    *,
    seed: int,
    n_bootstrap: int,
) -> FrameEvaluation:
    coded = [row.codes[frame] for row in rows]
    read = [r.read[frame] for r in readings]
    positive = [r == SUPPORT for r in read]

    def agreement(gold: list[bool]) -> Agreement:
        tp, fp, fn, tn = confusion(gold, positive)
        precision, recall, f1 = prf(tp, fp, fn)
        interval = f1_interval(gold, positive, clusters, seed=seed, n_bootstrap=n_bootstrap)
        return Agreement(tp, fp, fn, tn, precision, recall, f1, interval)

    strict = agreement([c == SUPPORT for c in coded])
    lenient = agreement([c in (SUPPORT, WEAK) for c in coded])
    return FrameEvaluation(
        frame=frame,
        strict=strict,
        lenient=lenient,
        kappa=_kappas(rows, coded, read),
        alpha=_alpha(frame, rows),
        deny=_deny_table(coded, read),
        terms=_term_precision(frame, coded, readings),
        examples=_examples(frame, rows, coded, readings),
    )


def _kappas(
    rows: Sequence[CodedRow], coded: Sequence[str], read: Sequence[str]
) -> dict[str | None, float | None]:
    """Per coder, kappa over support / deny / none (a weak code counts as none)."""
    by_coder: dict[str | None, tuple[list[str], list[str]]] = {}
    for row, code, reading in zip(rows, coded, read, strict=True):
        first, second = by_coder.setdefault(row.coder, ([], []))
        first.append(NONE if code == WEAK else code)
        second.append(reading)
    return {coder: cohen_kappa(a, b) for coder, (a, b) in by_coder.items()}


def _alpha(frame: str, rows: Sequence[CodedRow]) -> float | None:
    """Krippendorff's alpha among coders; a sentence is its document and text."""
    coders = list(dict.fromkeys(r.coder for r in rows))
    if len(coders) < 2:
        return None
    units: dict[tuple[str | None, str], list[str | None]] = defaultdict(
        lambda: [None] * len(coders)
    )
    for row in rows:
        units[(row.document, row.text)][coders.index(row.coder)] = row.codes[frame]
    return krippendorff_alpha(list(units.values()))


def _deny_table(coded: Sequence[str], read: Sequence[str]) -> DenyTable:
    denied = [r for c, r in zip(coded, read, strict=True) if c == DENY]
    return DenyTable(
        coded=len(denied),
        read_as_support=denied.count(SUPPORT),
        read_as_deny=denied.count(DENY),
        read_as_none=denied.count(NONE),
    )


def _term_precision(
    frame: str, coded: Sequence[str], readings: Sequence[SentenceReading]
) -> tuple[TermPrecision, ...]:
    """Each term that gives a support reading, with the codes of the rows it fires on.

    Sorted by the number of rows not coded support, most first: the terms
    to look at before any other.
    """
    tally: dict[str, dict[str, int]] = defaultdict(
        lambda: dict.fromkeys((SUPPORT, WEAK, NONE, DENY), 0)
    )
    for code, reading in zip(coded, readings, strict=True):
        if reading.read[frame] != SUPPORT:
            continue
        for term in reading.terms[frame]:
            tally[term][code] += 1
    terms = [
        TermPrecision(term, sum(c.values()), c[SUPPORT], c[WEAK], c[NONE], c[DENY])
        for term, c in tally.items()
    ]
    terms.sort(key=lambda t: (-(t.n_rows - t.n_support), -t.n_rows, t.term))
    return tuple(terms)


def _examples(
    frame: str,
    rows: Sequence[CodedRow],
    coded: Sequence[str],
    readings: Sequence[SentenceReading],
) -> Mapping[str, tuple[Disagreement, ...]]:
    found: dict[str, list[Disagreement]] = {kind: [] for kind in DISAGREEMENTS}
    for row, code, reading in zip(rows, coded, readings, strict=True):
        read = reading.read[frame]
        kinds = {
            "missed": code == SUPPORT and read != SUPPORT,
            "false_support": read == SUPPORT and code in (NONE, DENY),
            "deny_misread": code == DENY and read != DENY,
        }
        for kind, applies in kinds.items():
            if applies and len(found[kind]) < EXAMPLES_PER_KIND:
                found[kind].append(
                    Disagreement(
                        line=row.line,
                        document=row.document,
                        coder=row.coder,
                        text=row.text,
                        coded=code,
                        read=read,
                        terms=reading.terms[frame],
                    )
                )
    return {kind: tuple(items) for kind, items in found.items()}


def evaluation_to_json(evaluation: Evaluation) -> dict[str, object]:
    """The evaluation as plain JSON data (layout in docs/validation.md)."""

    def agreement(a: Agreement) -> dict[str, object]:
        return {
            "tp": a.tp,
            "fp": a.fp,
            "fn": a.fn,
            "tn": a.tn,
            "precision": a.precision,
            "recall": a.recall,
            "f1": a.f1,
            "f1_ci95": None if a.f1_ci95 is None else list(a.f1_ci95),
        }

    def disagreement(d: Disagreement) -> dict[str, object]:
        return {
            "line": d.line,
            "document": d.document,
            "coder": d.coder,
            "text": d.text,
            "coded": d.coded,
            "read": d.read,
            "terms": list(d.terms),
        }

    frames: dict[str, object] = {}
    for f in evaluation.frames:
        frames[f.frame] = {
            "strict": agreement(f.strict),
            "lenient": agreement(f.lenient),
            "kappa": _kappa_json(f.kappa),
            "kappa_by_coder": {str(k): v for k, v in f.kappa.items()},
            "alpha_coders": f.alpha,
            "deny": {
                "coded": f.deny.coded,
                "read_as_support": f.deny.read_as_support,
                "read_as_deny": f.deny.read_as_deny,
                "read_as_none": f.deny.read_as_none,
            },
            "terms": [
                {
                    "term": t.term,
                    "rows": t.n_rows,
                    "support": t.n_support,
                    "weak": t.n_weak,
                    "none": t.n_none,
                    "deny": t.n_deny,
                    "precision": t.precision,
                }
                for t in f.terms
            ],
            "examples": {k: [disagreement(d) for d in v] for k, v in f.examples.items()},
        }
    return {
        "sheet": evaluation.source,
        "lexicons": evaluation.lexicons,
        "rows": evaluation.n_rows,
        "documents": evaluation.n_documents,
        "coders": [c for c in evaluation.coders if c is not None],
        "bootstrap": {
            "unit": evaluation.unit,
            "resamples": evaluation.n_bootstrap,
            "seed": evaluation.seed,
        },
        "uncoded_frames": list(evaluation.uncoded),
        "frames": frames,
        "sentences": [
            {
                "line": s.line,
                "text": s.text,
                "document": s.document,
                "coder": s.coder,
                "coded": dict(s.coded),
                "tool": {k: v for k, v in s.read.items() if k in s.coded},
                "terms": {k: list(v) for k, v in s.terms.items() if k in s.coded and v},
            }
            for s in evaluation.sentences
        ],
    }


def _kappa_json(kappa: Mapping[str | None, float | None]) -> float | None:
    """One coder's kappa as a number; with several coders, their mean."""
    values = [v for v in kappa.values() if v is not None]
    if len(kappa) == 1:
        return next(iter(kappa.values()))
    return sum(values) / len(values) if values else None
