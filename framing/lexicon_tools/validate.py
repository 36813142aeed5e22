"""Every problem of a lexicon set folder or frame file (``framing lexicon validate``).

:func:`validate_path` parses each file itself and goes on after an error, so
a user fixes all at once; it checks keys, ids, colours and each term, then
what is wrong between files (one id twice, one term in two frames, colours
hard to tell apart: :mod:`framing.lexicons.palette`). Whether one term can
match is :mod:`framing.lexicon_tools.matchable`; where things are in the
TOML text is :mod:`framing.lexicon_tools.toml_lines`.
"""

from __future__ import annotations

import difflib
import math
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from framing.errors import LexiconError
from framing.lexicon_tools.matchable import swallowing_wildcard, unmatchable_reasons
from framing.lexicon_tools.problems import ERROR, WARNING, Problem
from framing.lexicon_tools.toml_lines import (
    array_item_lines,
    syntax_problem,
    top_level_key_lines,
)
from framing.lexicons.load import (
    COLOUR_RE,
    DEFAULT_COLOURS,
    FRAME_KEYS,
    ID_RE,
    PHRASE_KEYS,
    SET_FILE,
    SET_KEYS,
    TERM_KEYS,
    WORD_KEYS,
    load_lexicons,
    parse_context,
    parse_term,
    phrase_has_words,
)
from framing.lexicons.palette import confusions_by_pair, describe_visions
from framing.lexicons.terms import DEFAULT_NEGATION_CUES
from framing.model import Term
from framing.text.segment import is_word, tokenize


@dataclass(frozen=True)
class CheckedFrame:
    """What checking one frame file found: its id, its usable terms, its problems.

    ``colour`` is the frame's colour in charts: the one written (``colour_line``
    is its line), else the default the set gives the file
    (``default_colour`` is then true); ``None`` when the written one is not a
    valid colour.
    """

    path: str
    frame_id: str | None
    id_line: int | None
    terms: tuple[Term, ...]
    problems: tuple[Problem, ...]
    colour: str | None = None
    colour_line: int | None = None
    default_colour: bool = False


def validate_path(path: str | Path) -> tuple[Problem, ...]:
    """Every problem of a lexicon set folder or of one frame file.

    Unlike :func:`~framing.lexicons.load.load_lexicons`, which stops at the first
    error, this parses each file itself and goes on, so a user fixes all at
    once. Problems come in file order, then line order. A set with no
    ``"error"`` problem loads with ``load_lexicons``.

    A file in another format (LIWC ``.dic``, Lexicoder ``.lc3``, YAML, a word
    list) is loaded with ``load_lexicons``, which reports only its first
    error; its entries then get the same checks as a TOML frame's.

    Raises :class:`~framing.errors.LexiconError` when ``path`` does not exist.
    """
    path = Path(path)
    if not path.exists():
        raise LexiconError("no such lexicon file or folder", path=path)
    settings: list[Path] = []
    if path.is_dir():
        files = sorted(p for p in path.glob("*.toml") if not p.name.startswith((".", "_")))
        settings = [path / SET_FILE] if (path / SET_FILE).is_file() else []
        if not files:
            return (Problem(str(path), None, ERROR, "folder has no .toml frame files"),)
    elif path.suffix.lower() != ".toml":
        return _validate_imported(path)
    elif path.name == SET_FILE:
        settings, files = [path], []
    else:
        files = [path]
    problems = [p for file in settings for p in _check_settings_text(read_text(file), file)]
    checked = [
        check_frame_text(
            read_text(file), file, default_colour=DEFAULT_COLOURS[index % len(DEFAULT_COLOURS)]
        )
        for index, file in enumerate(files)
    ]
    problems += [p for c in checked for p in c.problems] + _check_set(checked)
    order = {str(file): index for index, file in enumerate([*settings, *files])}
    return tuple(sorted(problems, key=lambda p: (order.get(p.path, -1), p.line or 0)))


def _validate_imported(path: Path) -> tuple[Problem, ...]:
    """Problems of a dictionary in another format (LIWC, Lexicoder, YAML, word list).

    Such a file is read by :func:`~framing.lexicons.load.load_lexicons`, which stops
    at its first error; when it loads, its entries get the same checks as a
    TOML frame's (duplicates, redundant and unmatchable entries, terms in two
    frames).
    """
    try:
        lexicons = load_lexicons(path)
    except LexiconError as exc:
        return (Problem(exc.path or str(path), exc.line, ERROR, exc.detail),)
    checked = []
    for frame in lexicons.frames:
        report = _Report(frame.source)
        for term in frame.terms:
            for severity, message in unmatchable_reasons(term):
                (report.error if severity == ERROR else report.warning)(term.line, message)
        _check_duplicates(frame.terms, report)
        checked.append(
            CheckedFrame(
                frame.source,
                frame.id,
                None,
                frame.terms,
                tuple(report.problems),
                colour=frame.colour,
                default_colour=True,  # a dictionary names no colours
            )
        )
    problems = [p for c in checked for p in c.problems] + _check_set(checked)
    return tuple(sorted(problems, key=lambda p: (p.path, p.line or 0)))


def read_text(path: Path) -> str | Problem:
    """A file's UTF-8 text, or the problem that prevents reading it."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Problem(str(path), None, ERROR, f"cannot be read ({exc.strerror or exc})")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return Problem(str(path), line, ERROR, f"is not UTF-8 text (byte {exc.start})")


def check_frame_text(
    raw: str | Problem, path: str | Path, *, default_colour: str = DEFAULT_COLOURS[0]
) -> CheckedFrame:
    """Check one frame file's text; ``raw`` may be the problem that kept it unread.

    ``default_colour`` is the colour the frame gets when it names none, as
    :func:`~framing.lexicons.load.load_lexicons` gives it.
    """
    where = str(path)
    if isinstance(raw, Problem):
        return CheckedFrame(where, None, None, (), (raw,))
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        return CheckedFrame(where, None, None, (), (syntax_problem(where, raw, exc),))
    report = _Report(where)
    lines = top_level_key_lines(raw, data)
    _check_keys(data, lines, report)
    frame_id = _check_id(data, Path(path).stem, lines, report)
    for key in ("label", "description"):
        if key in data and not isinstance(data[key], str):
            report.error(lines.get(key), f"'{key}' must be a string")
    colour, colour_line = _check_colours(data, lines, report)
    _check_contexts(data, lines, report)
    terms = _check_terms(data, raw, lines, report)
    return CheckedFrame(
        where,
        frame_id,
        lines.get("id"),
        terms,
        tuple(report.problems),
        colour=default_colour if colour == "" else colour,
        colour_line=colour_line,
        default_colour=colour == "",
    )


def _check_contexts(data: Mapping[str, Any], lines: Mapping[str, int], report: _Report) -> None:
    """A frame's or set's ``unless_followed_by`` and ``unless_preceded_by``: lists of phrases."""
    for key in ("unless_followed_by", "unless_preceded_by"):
        if key not in data:
            continue
        value = data[key]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            report.error(lines.get(key), f"{key} must be a list of phrases")
            continue
        for phrase in value:
            try:
                parse_context(phrase, key)
            except ValueError as exc:
                report.error(lines.get(key), str(exc))


class _Report:
    """Collects the problems of one file."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def error(self, line: int | None, message: str) -> None:
        self.problems.append(Problem(self.path, line, ERROR, message))

    def warning(self, line: int | None, message: str) -> None:
        self.problems.append(Problem(self.path, line, WARNING, message))


def _check_settings_text(raw: str | Problem, path: str | Path) -> tuple[Problem, ...]:
    """Problems of a set's ``_set.toml``: its keys, and cues and breakers of one token each."""
    if isinstance(raw, Problem):
        return (raw,)
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        return (syntax_problem(str(path), raw, exc),)
    report = _Report(str(path))
    lines = top_level_key_lines(raw, data)
    _check_keys(data, lines, report, expected=SET_KEYS)
    for key in ("name", "description"):
        if key in data and not isinstance(data[key], str):
            report.error(lines.get(key), f"'{key}' must be a string")
    _check_contexts(data, lines, report)
    if "inflect" in data and not isinstance(data["inflect"], bool):
        report.error(lines.get("inflect"), "'inflect' must be true or false")
    for key in (*WORD_KEYS, *PHRASE_KEYS):
        value = data.get(key)
        if key not in data:
            continue
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            report.error(lines.get(key), f"'{key}' must be a list of strings")
            continue
        item_lines: Sequence[int | None] = array_item_lines(raw, key)
        if len(item_lines) != len(value):
            item_lines = [lines.get(key)] * len(value)
        for entry, line in zip(value, item_lines, strict=True):
            if key in PHRASE_KEYS:
                if not phrase_has_words(entry):
                    report.error(line, f"{key} entry {entry!r} has no words")
                continue
            tokens = tokenize(entry)
            if len(tokens) != 1 or not is_word(tokens[0]):
                shown = " ".join(tokens) or "nothing"
                report.error(
                    line,
                    f"{key} entry {entry!r} must be a single word token (it is tokenized {shown})",
                )
    return tuple(report.problems)


def _check_keys(
    data: Mapping[str, Any],
    lines: Mapping[str, int],
    report: _Report,
    *,
    expected: Sequence[str] = FRAME_KEYS,
) -> None:
    for key in data:
        if key not in expected:
            report.error(lines.get(key), _unknown_key_message(key, expected))


def _unknown_key_message(key: str, expected: Sequence[str]) -> str:
    close = difflib.get_close_matches(key, expected, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return f"unknown key {key!r}{hint}; expected {', '.join(k for k in expected if k != 'color')}"


def _check_id(
    data: Mapping[str, Any], stem: str, lines: Mapping[str, int], report: _Report
) -> str | None:
    """The frame's id when it is valid (the file name when there is no 'id')."""
    if "id" not in data:
        if ID_RE.match(stem):
            return stem
        report.error(
            None,
            f"no 'id', and the file name {stem!r} is not a valid id; add a line such as "
            'id = "my_frame" (lower case letters, digits and _, starting with a letter)',
        )
        return None
    frame_id = data["id"]
    if not isinstance(frame_id, str):
        report.error(lines.get("id"), "'id' must be a string")
        return None
    if not ID_RE.match(frame_id.strip()):
        report.error(
            lines.get("id"),
            f"id {frame_id!r} must be lower case letters, digits and _ (starting with a letter)",
        )
        return None
    return frame_id.strip()


def _check_colours(
    data: Mapping[str, Any], lines: Mapping[str, int], report: _Report
) -> tuple[str | None, int | None]:
    """'colour' (or its spelling 'color', used only when 'colour' is absent or empty).

    Returns the colour written and its line: ``""`` and ``None`` when the
    file names no colour, ``None`` and the line when the colour is not valid.
    """
    colour = data.get("colour", "")
    if not isinstance(colour, str):
        report.error(lines.get("colour"), "'colour' must be a string")
        return None, lines.get("colour")
    if colour.strip():
        if "color" in data:
            report.warning(
                lines.get("color"), "both 'colour' and 'color' are set; 'color' is ignored"
            )
        if not COLOUR_RE.match(colour.strip()):
            report.error(lines.get("colour"), f"colour {colour!r} is not a #rrggbb hex colour")
            return None, lines.get("colour")
        return colour.strip(), lines.get("colour")
    if "color" not in data:
        return "", None
    color = data["color"]
    if not isinstance(color, str):
        report.error(lines.get("color"), "'color' must be a string")
        return None, lines.get("color")
    if not COLOUR_RE.match(color.strip()):
        report.error(lines.get("color"), f"color {color!r} is not a #rrggbb hex colour")
        return None, lines.get("color")
    return color.strip(), lines.get("color")


def _check_terms(
    data: Mapping[str, Any], raw: str, lines: Mapping[str, int], report: _Report
) -> tuple[Term, ...]:
    """Check the 'terms' list and each entry; return the entries that parse."""
    value = data.get("terms")
    terms_line = lines.get("terms")
    if value is None:
        report.error(None, "frame has no 'terms' list")
        return ()
    if not isinstance(value, list):
        report.error(terms_line, "'terms' must be a list")
        return ()
    if not value:
        report.error(terms_line, "frame has no terms: 'terms' is empty")
        return ()
    item_lines: Sequence[int | None] = array_item_lines(raw, "terms")
    if len(item_lines) != len(value):
        item_lines = [terms_line] * len(value)
    terms = []
    for item, line in zip(value, item_lines, strict=True):
        term = _check_entry(item, line, report)
        if term is not None:
            terms.append(term)
    _check_duplicates(terms, report)
    return tuple(terms)


def _check_entry(item: object, line: int | None, report: _Report) -> Term | None:
    """One entry of 'terms': its shape, its weight, and whether it can match."""
    if isinstance(item, str):
        text, weight = item, 1.0
    elif isinstance(item, dict) and isinstance(item.get("term"), str):
        text = item["term"]
        for key in item:
            if key not in TERM_KEYS:
                report.error(line, f"term {text!r}: {_unknown_key_message(key, TERM_KEYS)}")
        weight = item.get("weight", 1.0)
        if isinstance(weight, bool) or not isinstance(weight, int | float):
            report.error(line, f"term {text!r}: weight must be a number")
            weight = 1.0
        elif not math.isfinite(weight):
            report.error(line, f"term {text!r}: weight must be a finite number, not {weight}")
            weight = 1.0
    else:
        report.error(
            line, f"each term must be a string or {{ term = ..., weight = ... }}, not {item!r}"
        )
        return None
    options = item if isinstance(item, dict) else {}
    contexts: dict[str, list[str]] = {}
    for key in ("unless_followed_by", "unless_preceded_by"):
        value = options.get(key, [])
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            contexts[key] = value
        else:
            report.error(line, f"term {text!r}: {key} must be a list of phrases")
            contexts[key] = []
    try:
        term = parse_term(
            text,
            weight=float(weight),
            line=line,
            on_negation=str(options.get("on_negation", "denies")),
            on_uncertainty=str(options.get("on_uncertainty", "neutral")),
            unless_followed_by=contexts["unless_followed_by"],
            unless_preceded_by=contexts["unless_preceded_by"],
        )
    except ValueError as exc:
        report.error(line, str(exc))
        return None
    for severity, message in unmatchable_reasons(term):
        (report.error if severity == ERROR else report.warning)(line, message)
    cues = [t for t in term.tokens if t in DEFAULT_NEGATION_CUES]
    if cues:
        report.warning(
            line,
            f"term {text!r} contains the negation cue {cues[0]!r}, which inside a term is "
            "not read as a negation; if the negated form is the frame, write the positive "
            'term with on_negation = "supports" (see docs/lexicons.md)',
        )
    return term


def _check_duplicates(terms: Sequence[Term], report: _Report) -> None:
    """Entries with the same tokens, and entries a wildcard of the frame already matches."""
    first: dict[tuple[str, ...], Term] = {}
    for term in terms:
        if term.tokens in first:
            earlier = first[term.tokens]
            report.error(
                term.line,
                f"duplicate term {term.text!r}: same as {earlier.text!r} "
                f"(line {earlier.line}) once tokenized ({' '.join(term.tokens)})",
            )
        else:
            first[term.tokens] = term
    wildcards = {(t.tokens[:-1], t.tokens[-1][:-1]): t for t in first.values() if t.is_wildcard}
    for term in first.values():
        wildcard = swallowing_wildcard(term, wildcards)
        if wildcard is not None:
            report.warning(
                term.line,
                f"term {term.text!r} is redundant: wildcard {wildcard.text!r} "
                f"(line {wildcard.line}) already matches it",
            )


def _check_set(checked: Sequence[CheckedFrame]) -> list[Problem]:
    """Problems between files: one frame id twice, one term in two frames, close colours."""
    problems: list[Problem] = []
    ids: dict[str, CheckedFrame] = {}
    for frame in checked:
        if frame.frame_id is None:
            continue
        if frame.frame_id in ids:
            other = ids[frame.frame_id]
            problems.append(
                Problem(
                    frame.path,
                    frame.id_line,
                    ERROR,
                    f"frame id {frame.frame_id!r} is also defined in "
                    f"{_place(other.path, other.id_line)}",
                )
            )
        else:
            ids[frame.frame_id] = frame
    seen: dict[tuple[str, ...], tuple[CheckedFrame, Term]] = {}
    for frame in checked:
        for term in frame.terms:
            if term.tokens not in seen:
                seen[term.tokens] = (frame, term)
                continue
            other, other_term = seen[term.tokens]
            if other is frame:
                continue
            problems.append(
                Problem(
                    frame.path,
                    term.line,
                    WARNING,
                    f"term {term.text!r} is also in frame "
                    f"{other.frame_id or Path(other.path).stem!r} "
                    f"({_place(other.path, other_term.line)}: {other_term.text!r}); "
                    "a sentence using it counts for both",
                )
            )
    return problems + _check_colour_pairs(checked)


def _check_colour_pairs(checked: Sequence[CheckedFrame]) -> list[Problem]:
    """A warning for each pair of frames whose colours readers may confuse.

    Charts tell frames apart by colour alone, so two colours closer than
    :data:`~framing.lexicons.palette.CONFUSABLE_BELOW` (CIEDE2000), with normal vision
    or with a simulated protanopia, deuteranopia or tritanopia, get a warning
    on the later frame's colour line (its file, when its colour is the
    default).
    """
    frames = [frame for frame in checked if frame.colour is not None]
    colours = {str(index): frame.colour or "" for index, frame in enumerate(frames)}
    problems = []
    for (first, second), confusions in confusions_by_pair(colours).items():
        one, other = frames[int(first)], frames[int(second)]
        problems.append(
            Problem(
                other.path,
                other.colour_line,
                WARNING,
                f"colours of {_colour_of(one)} and {_colour_of(other)} are hard to tell apart "
                f"{describe_visions(confusions)}; see docs/lexicons.md",
            )
        )
    return problems


def _colour_of(frame: CheckedFrame) -> str:
    """A frame's id and colour for a message: "'heroic' (#0072B2)"."""
    name = frame.frame_id or Path(frame.path).stem
    default = ", the default" if frame.default_colour else ""
    return f"{name!r} ({frame.colour}{default})"


def _place(path: str, line: int | None) -> str:
    return path if line is None else f"{path}:{line}"
