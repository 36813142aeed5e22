"""The plain-text renderings of the ``framing lexicon`` commands' results.

Each ``*_text`` function turns what a :mod:`framing.lexicon_tools` function
returned into the table or text a command prints when ``--json`` is not
given; the commands are in :mod:`framing.cli.lexicon`. Every line is made
terminal-safe with :func:`~framing.cli.common.printable`.
"""

from __future__ import annotations

import re
import shlex
import textwrap
from collections.abc import Sequence, Set
from pathlib import Path
from typing import TYPE_CHECKING

from framing.cli.common import plural, printable

if TYPE_CHECKING:
    from framing.lexicon_tools import (
        Coverage,
        ExplainedMatch,
        Explanation,
        FrameDetail,
        Problem,
        SetSummary,
        Suggestions,
        TermInfo,
    )
    from framing.lexicon_tools.kwic import Concordance
    from framing.model import LexiconSet
    from framing.model.coding import Evaluation

#: Width that wrapped text (descriptions, example sentences) is folded to.
WIDTH = 88


def set_text(summary: SetSummary) -> str:
    """The set, then a table of its frames with their descriptions (``list``)."""
    heading = f"{summary.name} ({summary.source})"
    out = [printable(heading)]
    if summary.description:
        out += _wrapped(summary.description, indent="")
    headers = ["id", "label", "terms", "words", "phrases", "wildcards"]
    rows = [
        [f.id, f.label, str(f.n_terms), str(f.n_words), str(f.n_phrases), str(f.n_wildcards)]
        for f in summary.frames
    ]
    widths = _widths(headers, rows)
    out += ["", _row(headers, widths, numeric=2)]
    for frame, row in zip(summary.frames, rows, strict=True):
        out.append(_row(row, widths, numeric=2))
        if frame.description:
            out += _wrapped(frame.description, indent="    ")
    out += ["", f"Negation cues: {', '.join(summary.negation_cues)}"]
    out.append(f"Scope breakers: {', '.join(summary.scope_breakers)}")
    return "\n".join(printable(line) for line in out)


def frame_text(detail: FrameDetail) -> str:
    """The frame, then its terms by kind, each with its line and weight (``show``)."""
    s = detail.summary
    out = [f"{s.id}: {s.label}", f"file: {s.source}   colour: {s.colour}"]
    if s.description:
        out += _wrapped(s.description, indent="")
    groups = (("words", detail.words), ("phrases", detail.phrases), ("wildcards", detail.wildcards))
    for name, terms in groups:
        out += ["", f"{name} ({len(terms)})"]
        out += [_term_line(term) for term in terms]
    return "\n".join(printable(line) for line in out)


def _term_line(term: TermInfo) -> str:
    line = f"line {term.line}" if term.line is not None else "line ?"
    weight = f"   weight {term.weight:g}" if term.weight != 1 else ""
    return f"  {line:>9}  {term.text}{weight}"


def problems_text(target: Path, problems: Sequence[Problem]) -> str:
    """One line per problem, then a summary (``validate``)."""
    from framing.lexicon_tools import count_problems

    errors, warnings = count_problems(problems)
    if problems:
        summary = f"{target}: {plural(errors, 'error')}, {plural(warnings, 'warning')}"
    else:
        summary = f"{target}: no problems found"
    return "\n".join(printable(line) for line in [*map(str, problems), summary])


def coverage_text(coverage: Coverage, lexicons: LexiconSet) -> str:
    """Per frame, a table of the terms that matched, then those that never did (``coverage``)."""
    out = [
        f"Coverage of {lexicons.name} on {coverage.corpus}: "
        f"{plural(coverage.n_documents, 'document')}, {plural(coverage.n_sentences, 'sentence')}"
    ]
    headers = ["line", "term", "hits", "against", "neutral", "docs", "outlets", "forms"]
    for frame in lexicons.frames:
        terms = [t for t in coverage.terms if t.frame == frame.id]
        matched = [t for t in terms if t.matched]
        out += [
            "",
            f"{frame.id} ({frame.label}): {len(matched)} of {plural(len(terms), 'term')} matched",
        ]
        if matched:
            rows = [
                [
                    str(t.line or ""),
                    t.term,
                    str(t.matches),
                    str(t.negated),
                    str(t.neutral),
                    str(t.documents),
                    ", ".join(f"{o.outlet} {o.count}" for o in t.outlets),
                    ", ".join(f"{f.surface} {f.count}" for f in t.forms),
                ]
                for t in matched
            ]
            widths = _widths(headers, rows)
            numeric = {0, 2, 3, 4, 5}
            out += [_row(r, widths, numeric=numeric, indent="  ") for r in [headers, *rows]]
        never = coverage.never_matched(frame.id)
        if never:
            out += _wrapped("never matched: " + ", ".join(never), indent="  ")
    return "\n".join(printable(line.rstrip()) for line in out)


def suggestions_text(result: Suggestions, lexicons: LexiconSet, add_hint: str = "") -> str:
    """The ranked suggestions, each with an example sentence (``suggest``).

    ``add_hint`` is the exact command that adds a term (``TERM`` stands for it).
    """
    label = lexicons.frame(result.frame).label
    out = [
        f"Terms for {result.frame} ({label}) on {result.corpus}: "
        f"{plural(result.frame_sentences, 'frame sentence')} vs {result.other_sentences} others",
        "Ranked by log-odds z-score with an informative Dirichlet prior "
        f"(Monroe et al. 2008), prior scale alpha0 = {result.alpha0:g}",
    ]
    if not result.frame_sentences:
        out.append("No sentence of the corpus invokes this frame, so there is nothing to compare.")
        return "\n".join(printable(line) for line in out)
    if not result.suggestions:
        out.append("No term is typical of the frame's sentences and missing from its lexicon.")
        return "\n".join(printable(line) for line in out)
    headers = ["rank", "term", "z", "in frame", "elsewhere", "sentences"]
    rows = [
        [str(k), s.term, f"{s.z:.2f}", str(s.in_frame), str(s.elsewhere), str(s.sentences)]
        for k, s in enumerate(result.suggestions, start=1)
    ]
    widths = _widths(headers, rows)
    numeric = {0, 2, 3, 4, 5}
    out += ["", _row(headers, widths, numeric=numeric)]
    for row, suggestion in zip(rows, result.suggestions, strict=True):
        out.append(_row(row, widths, numeric=numeric))
        out.append(f"        e.g. {_excerpt(suggestion.example, suggestion.term, WIDTH - 13)}")
    if add_hint:
        first = result.suggestions[0].term
        out += ["", "Add a term with:", "  " + add_hint.replace("TERM", shlex.quote(first))]
    return "\n".join(printable(line.rstrip()) for line in out)


def kwic_text(found: Concordance, *, limit: int) -> str:
    """A term's matches, one per line, its context around it, with the reading (``kwic``)."""
    where = (
        f"an entry of {', '.join(found.frames)}"
        if found.frames
        else "not in the set: matched on its own"
    )
    readings = ", ".join(f"{n} {reading}" for reading, n in found.readings.items())
    out = [
        f'"{found.term}" on {found.corpus}: {plural(len(found.lines), "match", "matches")} in '
        f"{plural(found.n_sentences, 'sentence')} ({readings or 'none'}); {where}"
    ]
    if not found.lines:
        return printable(out[0])
    shown = found.lines[:limit]
    outlet_width = min(20, max(len(line.outlet) for line in shown))
    out.append("")
    for line in shown:
        cue = f'  (cue "{line.cue}")' if line.cue else ""
        frame = f"{line.frame}  " if line.frame and len(found.frames) > 1 else ""
        left = line.left if len(line.left) <= 40 else "…" + line.left[-39:]
        right = line.right if len(line.right) <= 40 else line.right[:39] + "…"
        out.append(
            f"{line.reading:<9}  {line.outlet[:outlet_width]:<{outlet_width}}  {frame}"
            f"{left:>40}[{line.match}]{right}{cue}"
        )
    if len(found.lines) > limit:
        out += ["", f"… and {len(found.lines) - limit} more (--limit N shows more)"]
    return "\n".join(printable(line.rstrip()) for line in out)


def explanation_text(explanation: Explanation) -> str:
    """The sentence's tokens, negation cues, matches and frames (``explain``)."""
    out = ["Sentence:", "  " + _one_line(explanation.text), "", "Tokens:"]
    out += _packed([f"{t.index} {t.token}" for t in explanation.tokens], indent="  ")
    out += ["", "Negation:"]
    if not explanation.cues:
        out.append("  no negation cue")
    for cue in explanation.cues:
        out += _cue_lines(explanation, cue.index)
    out += ["", "Matches:"]
    out += _match_lines(explanation) or ["  no lexicon term matches"]
    out += ["", "Frames:"]
    out += _frame_lines(explanation)
    return "\n".join(printable(line.rstrip()) for line in out)


def _cue_lines(explanation: Explanation, index: int) -> list[str]:
    """The sentence with the cue marked ~ and its scope underlined ^, and a caption."""
    cue = next(c for c in explanation.cues if c.index == index)
    tokens = explanation.tokens
    where = f'"{cue.cue}" (token {cue.index})'
    if not cue.scope:
        return [f"  {where} negates nothing: {cue.note}"]
    words = " ".join(tokens[k].token for k in cue.scope)
    caption = f"  {where} negates tokens {_span(cue.scope)}: {words}"
    if any(t.start is None for t in tokens):
        return [caption]
    marks = [" "] * len(explanation.text)
    for k, mark in [(cue.index, "~"), *((k, "^") for k in cue.scope)]:
        for position in range(tokens[k].start or 0, tokens[k].end or 0):
            marks[position] = mark
    return ["  " + _one_line(explanation.text), "  " + "".join(marks), caption]


def _match_lines(explanation: Explanation) -> list[str]:
    headers = ["tokens", "frame", "entry", "surface", ""]
    rows = []
    for m in explanation.matches:
        status = _status(m)
        weight = f", weight {m.weight:g}" if m.weight != 1 else ""
        rows.append([_span(range(m.start, m.end)), m.frame, m.term, m.surface, status + weight])
    if not rows:
        return []
    widths = _widths(headers, rows)
    return [_row(r, widths, indent="  ") for r in [headers, *rows]]


def _status(m: ExplainedMatch) -> str:
    """What a match counts as, and the cue that decided it."""
    at = f" (token {m.cue_index})" if m.cue_index is not None else ""
    if m.reading == "deny":
        return f'negated by "{m.cue}"{at}' if m.cue else "against the frame"
    if m.reading == "rebut":
        return f'rebutted or attributed: "{m.cue}"'
    if m.reading == "uncertain":
        return f'uncertain: "{m.cue}"'
    if m.reading == "other":
        return "about someone else, not counted"
    if m.reading == "set_aside":
        return "another sense or referent (a context of the term), not counted"
    if m.cue:
        return f'counts: its negation by "{m.cue}"{at} is the frame'
    return "counts"


def _frame_lines(explanation: Explanation) -> list[str]:
    if not explanation.frames:
        return ["  no frame: no lexicon term matches"]
    out = []
    for f in explanation.frames:
        if f.invoked:
            out.append(
                f"  {f.frame} ({f.label}): invoked, score {f.score:g} ({', '.join(f.terms)})"
            )
        else:
            out.append(f"  {f.frame} ({f.label}): not invoked, no hit counts")
        if f.negated_terms:
            out.append(f"    not counted: {', '.join(f.negated_terms)}")
    return out


def _excerpt(text: str, term: str, width: int) -> str:
    """At most ``width`` characters of ``text`` around the first occurrence of ``term``."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    words = [re.escape(word) for word in term.split()]
    found = re.search(r"\b" + r"\W+".join(words) + r"\b", text, re.IGNORECASE)
    centre = (found.start() + found.end()) // 2 if found else 0
    start = max(0, min(centre - width // 2, len(text) - width))
    excerpt = text[start : start + width]
    prefix = "…" if start > 0 else ""
    suffix = "…" if start + width < len(text) else ""
    return prefix + excerpt.strip() + suffix


def _span(indexes: Sequence[int] | range) -> str:
    first, last = min(indexes), max(indexes)
    return str(first) if first == last else f"{first}-{last}"


def _one_line(text: str) -> str:
    """``text`` with each whitespace character shown as one space (offsets kept)."""
    return "".join(" " if c.isspace() else c for c in text)


def _wrapped(text: str, *, indent: str) -> list[str]:
    return textwrap.wrap(
        " ".join(text.split()), WIDTH, initial_indent=indent, subsequent_indent=indent
    )


def _packed(items: Sequence[str], *, indent: str, gap: str = "   ") -> list[str]:
    """``items`` on as few lines as fit in :data:`WIDTH`, never splitting an item."""
    lines: list[str] = []
    current = ""
    for item in items:
        if current and len(indent) + len(current) + len(gap) + len(item) > WIDTH:
            lines.append(indent + current)
            current = item
        else:
            current = f"{current}{gap}{item}" if current else item
    if current:
        lines.append(indent + current)
    return lines


def _widths(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[int]:
    return [max(len(r[i]) for r in [headers, *rows]) for i in range(len(headers))]


def _row(
    cells: Sequence[str],
    widths: Sequence[int],
    *,
    numeric: int | Set[int] = frozenset(),
    indent: str = "",
) -> str:
    """One table row: numeric columns right-aligned, the others left-aligned.

    ``numeric`` is a set of column indexes, or an int: every column from it on.
    """
    columns = set(range(numeric, len(cells))) if isinstance(numeric, int) else numeric
    padded = (
        cell.rjust(width) if i in columns else cell.ljust(width)
        for i, (cell, width) in enumerate(zip(cells, widths, strict=True))
    )
    return (indent + "  ".join(padded)).rstrip()


def evaluation_text(evaluation: Evaluation, lexicons: LexiconSet) -> str:
    """Per frame: agreement, the deny table, the worst terms and examples (``evaluate``)."""
    coders = [c for c in evaluation.coders if c is not None]
    who = f"{plural(len(coders), 'coder')}" if coders else "one coder"
    out = [
        printable(
            f"{lexicons.name} against {evaluation.source}: "
            f"{plural(evaluation.n_rows, 'row')}, {plural(evaluation.n_documents, 'document')}"
            f" ({who}); F1 intervals: {evaluation.n_bootstrap} bootstrap resamples of "
            f"{evaluation.unit}"
        )
    ]
    labels = {f.id: f.label for f in lexicons.frames}
    for f in evaluation.frames:
        out += ["", printable(f"{f.frame} ({labels.get(f.frame, f.frame)})")]
        headers = ["", "tp", "fp", "fn", "precision", "recall", "F1", "95% interval"]
        rows = [
            [
                name,
                str(a.tp),
                str(a.fp),
                str(a.fn),
                _figure(a.precision),
                _figure(a.recall),
                _figure(a.f1),
                "-" if a.f1_ci95 is None else f"{a.f1_ci95[0]:.2f} to {a.f1_ci95[1]:.2f}",
            ]
            for name, a in (("strict", f.strict), ("lenient", f.lenient))
        ]
        widths = _widths(headers, rows)
        out += [_row(r, widths, numeric=1, indent="  ") for r in [headers, *rows]]
        kappas = ", ".join(
            f"{_figure(v)}" if c is None else f"{c} {_figure(v)}" for c, v in f.kappa.items()
        )
        line = f"  Cohen's kappa (support/deny/none): {kappas}"
        if f.alpha is not None:
            line += f"; Krippendorff's alpha among coders: {f.alpha:.2f}"
        out.append(printable(line))
        d = f.deny
        out.append(
            f"  coded deny: {d.coded}; read as support {d.read_as_support}, "
            f"as a denial {d.read_as_deny}, as nothing {d.read_as_none}"
        )
        wrong = [t for t in f.terms if t.n_rows > t.n_support][:5]
        if wrong:
            listed = "; ".join(
                f"{t.term} ({t.n_rows - t.n_support} of {t.n_rows} not coded support)"
                for t in wrong
            )
            out += _wrapped(f"terms firing on rows not coded support: {listed}", indent="  ")
        for kind, title in (
            ("missed", "coded support, not read as support"),
            ("false_support", "read as support, coded none or deny"),
            ("deny_misread", "coded deny, not read as a denial"),
        ):
            examples = f.examples.get(kind, ())
            if not examples:
                continue
            out.append(f"  {title}:")
            for e in examples[:3]:
                terms = f" [{', '.join(e.terms)}]" if e.terms else ""
                out += _wrapped(f"line {e.line}: {e.text}{terms}", indent="    ")
    if evaluation.uncoded:
        out += ["", printable(f"not evaluated (no column): {', '.join(evaluation.uncoded)}")]
    return "\n".join(printable(line) for line in out)


def _figure(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"
