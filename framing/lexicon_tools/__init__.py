"""Tools to write, check and improve a lexicon without reading the code.

The ``framing lexicon`` commands wrap these functions; each takes and
returns plain frozen data classes and prints nothing:

* :func:`describe_frames` / :func:`describe_frame` — what a lexicon set holds;
* :func:`validate_path` — every problem of a set folder or frame file, with
  file and line (``load_lexicons`` stops at the first), including frame
  colours that are hard to tell apart (:mod:`framing.lexicons.palette`);
* :func:`load_sentences` + :func:`measure_coverage` — how often each term
  matched in a corpus, and which never did;
* :func:`suggest_terms` — corpus terms associated with a frame's sentences
  that its lexicon lacks, by a log-odds ratio with an informative Dirichlet
  prior (:func:`framing.analysis.stats.log_odds_dirichlet`); :func:`add_terms` appends chosen terms
  to the frame file without disturbing its comments or layout;
* :func:`explain_sentence` — why one sentence counts for a frame: tokens,
  matches, negation scopes, and the resulting scores;
* :func:`to_json` — any of these results as deterministic JSON.

``validate`` and ``list`` must stay light (no scikit-learn, no numpy), so
heavy modules are imported inside the functions that need them.
"""

from __future__ import annotations

import difflib
import json
import math
import re
import tomllib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields, is_dataclass, replace
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from framing.errors import InputError, LexiconError
from framing.lexicons.load import (
    COLOUR_RE,
    DEFAULT_COLOURS,
    FRAME_KEYS,
    ID_RE,
    SET_FILE,
    SET_KEYS,
    TERM_KEYS,
    load_lexicons,
    parse_term,
)
from framing.lexicons.match import PSEUDO_NEGATIONS, Matcher, negation_scope
from framing.lexicons.palette import confusions_by_pair, describe_visions
from framing.model import Frame, Hit, LexiconSet, Sentence, SkippedInput, Term
from framing.text.segment import is_word, tokenize, tokenize_spans

if TYPE_CHECKING:
    import numpy as np

Severity = Literal["error", "warning"]
ERROR: Severity = "error"
WARNING: Severity = "warning"


_TOML_POSITION_RE = re.compile(r"\s*\(at line (\d+), column (\d+)\)")
_TOML_END_RE = re.compile(r"\s*\(at end of document\)")
#: An apostrophe clitic written apart from its word: "ukraine 's", "they 're".
_CLITIC_APART_RE = re.compile(r"(?:^|(?<=\w)\s+)['’](?:s|t|re|ve|ll|d|m)\b", re.IGNORECASE)
#: A hyphen written apart from one of its words: "far -right", "far- right", "-based".
_HYPHEN_APART_RE = re.compile(r"(?:^|(?<=\w)\s+)-(?=\w)|(?<=\w)-\s+(?=\w)")
_SENTENCE_END = frozenset(".!?")
_OPENERS = "\"'“‘«(["
_CLOSERS = "\"'”’»)]"
#: Punkt's tests for a number ("2022.") and an initial ("J.") before a period.
_NUMERIC_RE = re.compile(r"^-?[\.,]?\d[\d,\.-]*\.?$")
_INITIAL_RE = re.compile(r"^[^\W\d]\.$")


# --------------------------------------------------------------------------
# Describing frames (list, show)
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class FrameSummary:
    """One frame of a set, as ``framing lexicon list`` shows it."""

    id: str
    label: str
    description: str
    colour: str
    source: str
    n_terms: int
    n_words: int
    n_phrases: int
    n_wildcards: int


@dataclass(frozen=True)
class TermInfo:
    """One lexicon entry as written, with its kind, weight and defining line."""

    text: str
    kind: str
    weight: float
    line: int | None
    tokens: tuple[str, ...]


@dataclass(frozen=True)
class FrameDetail:
    """One frame with its terms, grouped by kind (``framing lexicon show``)."""

    summary: FrameSummary
    words: tuple[TermInfo, ...]
    phrases: tuple[TermInfo, ...]
    wildcards: tuple[TermInfo, ...]


@dataclass(frozen=True)
class SetSummary:
    """A lexicon set: its settings and a summary of each frame (``framing lexicon list``)."""

    name: str
    description: str
    source: str
    negation_cues: tuple[str, ...]
    scope_breakers: tuple[str, ...]
    frames: tuple[FrameSummary, ...]


def describe_set(lexicons: LexiconSet) -> SetSummary:
    """The set's name, description, negation settings and frames."""
    return SetSummary(
        name=lexicons.name,
        description=lexicons.description,
        source=lexicons.source,
        negation_cues=lexicons.negation_cues,
        scope_breakers=lexicons.scope_breakers,
        frames=describe_frames(lexicons),
    )


def describe_frames(lexicons: LexiconSet) -> tuple[FrameSummary, ...]:
    """A summary of each frame of ``lexicons``, in the set's order."""
    return tuple(_summary(frame) for frame in lexicons.frames)


def describe_frame(lexicons: LexiconSet, frame_id: str) -> FrameDetail:
    """One frame's terms grouped by kind, each with its weight and line.

    Raises :class:`~framing.errors.LexiconError` listing the known ids when
    ``frame_id`` is not a frame of the set.
    """
    frame = find_frame(lexicons, frame_id)
    infos = [_term_info(term) for term in frame.terms]
    return FrameDetail(
        summary=_summary(frame),
        words=tuple(t for t in infos if t.kind == "word"),
        phrases=tuple(t for t in infos if t.kind == "phrase"),
        wildcards=tuple(t for t in infos if t.kind == "wildcard"),
    )


def find_frame(lexicons: LexiconSet, frame_id: str) -> Frame:
    """The frame called ``frame_id``, or a LexiconError naming the known ids."""
    try:
        return lexicons.frame(frame_id)
    except KeyError:
        known = ", ".join(lexicons.frame_ids) or "none"
        raise LexiconError(
            f"unknown frame {frame_id!r}; known frames: {known}", path=lexicons.source
        ) from None


def _summary(frame: Frame) -> FrameSummary:
    kinds = Counter(term.kind for term in frame.terms)
    return FrameSummary(
        id=frame.id,
        label=frame.label,
        description=frame.description,
        colour=frame.colour,
        source=frame.source,
        n_terms=len(frame.terms),
        n_words=kinds["word"],
        n_phrases=kinds["phrase"],
        n_wildcards=kinds["wildcard"],
    )


def _term_info(term: Term) -> TermInfo:
    return TermInfo(
        text=term.text, kind=term.kind, weight=term.weight, line=term.line, tokens=term.tokens
    )


# --------------------------------------------------------------------------
# Validation
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """One problem of a lexicon file: where it is, how bad, and what is wrong.

    ``severity`` is ``"error"`` (the set cannot be loaded, or an entry can
    never count) or ``"warning"`` (legal, but probably not what was meant).
    ``line`` is ``None`` for a problem of the whole file.
    """

    path: str
    line: int | None
    severity: Severity
    message: str

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.severity}: {self.message}"


@dataclass(frozen=True)
class _CheckedFrame:
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
    problems = [p for file in settings for p in _check_settings_text(_read_text(file), file)]
    checked = [
        _check_frame_text(
            _read_text(file), file, default_colour=DEFAULT_COLOURS[index % len(DEFAULT_COLOURS)]
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
            _CheckedFrame(
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


def count_problems(problems: Iterable[Problem]) -> tuple[int, int]:
    """(errors, warnings) among ``problems``."""
    kinds = Counter(p.severity for p in problems)
    return kinds[ERROR], kinds[WARNING]


def _read_text(path: Path) -> str | Problem:
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


def _check_frame_text(
    raw: str | Problem, path: str | Path, *, default_colour: str = DEFAULT_COLOURS[0]
) -> _CheckedFrame:
    """Check one frame file's text; ``raw`` may be the problem that kept it unread.

    ``default_colour`` is the colour the frame gets when it names none, as
    :func:`~framing.lexicons.load.load_lexicons` gives it.
    """
    where = str(path)
    if isinstance(raw, Problem):
        return _CheckedFrame(where, None, None, (), (raw,))
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        return _CheckedFrame(where, None, None, (), (_syntax_problem(where, raw, exc),))
    report = _Report(where)
    lines = _top_level_key_lines(raw, data)
    _check_keys(data, lines, report)
    frame_id = _check_id(data, Path(path).stem, lines, report)
    for key in ("label", "description"):
        if key in data and not isinstance(data[key], str):
            report.error(lines.get(key), f"'{key}' must be a string")
    colour, colour_line = _check_colours(data, lines, report)
    terms = _check_terms(data, raw, lines, report)
    return _CheckedFrame(
        where,
        frame_id,
        lines.get("id"),
        terms,
        tuple(report.problems),
        colour=default_colour if colour == "" else colour,
        colour_line=colour_line,
        default_colour=colour == "",
    )


class _Report:
    """Collects the problems of one file."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def error(self, line: int | None, message: str) -> None:
        self.problems.append(Problem(self.path, line, ERROR, message))

    def warning(self, line: int | None, message: str) -> None:
        self.problems.append(Problem(self.path, line, WARNING, message))


def _syntax_problem(path: str, raw: str, exc: tomllib.TOMLDecodeError) -> Problem:
    message = str(exc)
    found = _TOML_POSITION_RE.search(message)
    if found:
        line: int | None = int(found.group(1))
        message = _TOML_POSITION_RE.sub(f" (column {found.group(2)})", message)
    elif _TOML_END_RE.search(message):
        line = max(1, len(raw.splitlines()))
        message = _TOML_END_RE.sub(" (at the end of the file)", message)
    else:
        line = None
    return Problem(path, line, ERROR, f"TOML syntax error: {message.strip()}")


def _check_settings_text(raw: str | Problem, path: str | Path) -> tuple[Problem, ...]:
    """Problems of a set's ``_set.toml``: its keys, and cues and breakers of one token each."""
    if isinstance(raw, Problem):
        return (raw,)
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        return (_syntax_problem(str(path), raw, exc),)
    report = _Report(str(path))
    lines = _top_level_key_lines(raw, data)
    _check_keys(data, lines, report, expected=SET_KEYS)
    for key in ("name", "description"):
        if key in data and not isinstance(data[key], str):
            report.error(lines.get(key), f"'{key}' must be a string")
    for key in ("negation_cues", "scope_breakers"):
        value = data.get(key)
        if key not in data:
            continue
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            report.error(lines.get(key), f"'{key}' must be a list of strings")
            continue
        item_lines = _array_item_lines(raw, key)
        if len(item_lines) != len(value):
            item_lines = [lines.get(key)] * len(value)
        for word, line in zip(value, item_lines, strict=True):
            tokens = tokenize(word)
            if len(tokens) != 1 or not is_word(tokens[0]):
                shown = " ".join(tokens) or "nothing"
                report.error(
                    line,
                    f"{key} entry {word!r} must be a single word token (it is tokenized {shown})",
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
    item_lines = _array_item_lines(raw, "terms")
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
    try:
        term = parse_term(text, weight=float(weight), line=line)
    except ValueError as exc:
        report.error(line, str(exc))
        return None
    for severity, message in unmatchable_reasons(term):
        (report.error if severity == ERROR else report.warning)(line, message)
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
        wildcard = _swallowing_wildcard(term, wildcards)
        if wildcard is not None:
            report.warning(
                term.line,
                f"term {term.text!r} is redundant: wildcard {wildcard.text!r} "
                f"(line {wildcard.line}) already matches it",
            )


def _swallowing_wildcard(
    term: Term, wildcards: Mapping[tuple[tuple[str, ...], str], Term]
) -> Term | None:
    """Another wildcard entry that matches everything ``term`` matches, if any.

    ``wildcards`` maps (leading tokens, prefix of the last token) to the
    wildcard entry; looking up each prefix of ``term``'s last token keeps this
    linear in the size of the lexicon.
    """
    last = term.tokens[-1].rstrip("*")
    for length in range(1, len(last) + 1):
        wildcard = wildcards.get((term.tokens[:-1], last[:length]))
        if wildcard is not None and wildcard is not term:
            return wildcard
    return None


def unmatchable_reasons(term: Term) -> list[tuple[Severity, str]]:
    """Why the matcher can never (error) or can hardly (warning) find ``term`` in articles.

    Articles are split into sentences, then tokenized; a term matches only a
    run of tokens inside one sentence. So a term fails when its text spans a
    sentence boundary ("war. peace"), when it writes apart what articles
    write joined ("ukraine 's" is tokenized ukraine ' s, while "Ukraine's"
    gives ukraine 's), or, as a last check, when the matcher does not find
    the term in its own text. A term tokenized differently when a period
    follows it ("u.s", while "U.S." is one token) gets a warning.
    """
    body = term.text[:-1] if term.is_wildcard else term.text
    if _CLITIC_APART_RE.search(body):
        joined = re.sub(r"\s+(['’])", r"\1", body)
        return [(ERROR, _apart_message(term, "an apostrophe", joined))]
    if _HYPHEN_APART_RE.search(body):
        joined = re.sub(r"\s*-\s*", "-", body).lstrip("-")
        return [(ERROR, _apart_message(term, "a hyphen", joined))]
    boundary = _sentence_boundary(body)
    if boundary is not None:
        return [
            (
                ERROR,
                f"term {term.text!r} can never match: it spans a sentence boundary after "
                f"{boundary!r}, and terms are matched within one sentence",
            )
        ]
    if not _finds_itself(term, body):
        return [(ERROR, f"term {term.text!r} can never match: the matcher misses its own text")]
    before_period = tokenize(body + ".")[: len(term.tokens)]
    if [t.rstrip("*") for t in term.tokens] != before_period:
        return [
            (
                WARNING,
                f"term {term.text!r} matches only where no '.' follows it: followed by '.', "
                f"its text is tokenized {' '.join(tokenize(body + '.'))} "
                f"(write it as it appears in articles, e.g. {body + '.'!r})",
            )
        ]
    return []


def _sentence_boundary(text: str) -> str | None:
    """The word after which ``text`` would be split into two sentences, if any.

    Mirrors the first pass of the Punkt splitter of :mod:`framing.text.segment`,
    with its shipped abbreviation and sentence-starter lists, without
    importing nltk (which would pull in scikit-learn and slow ``validate``
    down): "!" or "?" before a space ends a sentence; so does "." unless it
    ends an ellipsis, a number, an initial, or a known abbreviation not
    followed by a capitalised sentence starter ("U.S. The").
    """
    if _SENTENCE_END.isdisjoint(text):
        return None
    chunks = text.split()
    for chunk, following in pairwise(chunks):
        core = chunk.lstrip(_OPENERS).rstrip(_CLOSERS)
        if core.endswith(("!", "?")) or core == ".":
            return chunk
        if not core.endswith(".") or core.endswith(".."):
            continue
        word = core[:-1].lower()
        if _NUMERIC_RE.match(core) or _INITIAL_RE.match(core):
            continue
        abbreviations, starters = _punkt_lists()
        if word in abbreviations or word.rsplit("-", 1)[-1] in abbreviations:
            next_word = following.lstrip(_OPENERS)
            if next_word[:1].isupper() and next_word.rstrip(_CLOSERS).lower() in starters:
                return chunk
            continue
        return chunk
    return None


@cache
def _punkt_lists() -> tuple[frozenset[str], frozenset[str]]:
    """The abbreviations and sentence starters shipped for the sentence splitter."""
    from importlib import resources

    def read(name: str) -> frozenset[str]:
        text = resources.files("framing.text.data").joinpath(name).read_text(encoding="utf-8")
        return frozenset(
            line.strip().lower()
            for line in text.splitlines()
            if line.strip() and not line.lstrip().startswith("#")
        )

    return read("abbreviations.txt"), read("sentence_starters.txt")


def _apart_message(term: Term, mark: str, joined: str) -> str:
    return (
        f"term {term.text!r} can never match: it writes {mark} apart from its word, which "
        f"articles write joined and tokenize differently ({' '.join(term.tokens)} vs "
        f"{' '.join(tokenize(joined))}); write {joined!r}"
    )


def _finds_itself(term: Term, body: str) -> bool:
    """Whether a matcher holding only ``term`` finds it in its own tokenized text."""
    frame = Frame(id="t", label="t", description="", colour="#000000", terms=(term,), source="")
    tokens = tokenize(body)
    hits = Matcher(LexiconSet("t", (frame,), "", ())).match_tokens(tokens)
    return any(h.start == 0 and h.end == len(tokens) for h in hits)


def _check_set(checked: Sequence[_CheckedFrame]) -> list[Problem]:
    """Problems between files: one frame id twice, one term in two frames, close colours."""
    problems: list[Problem] = []
    ids: dict[str, _CheckedFrame] = {}
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
    seen: dict[tuple[str, ...], tuple[_CheckedFrame, Term]] = {}
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


def _check_colour_pairs(checked: Sequence[_CheckedFrame]) -> list[Problem]:
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


def _colour_of(frame: _CheckedFrame) -> str:
    """A frame's id and colour for a message: "'heroic' (#0072B2)"."""
    name = frame.frame_id or Path(frame.path).stem
    default = ", the default" if frame.default_colour else ""
    return f"{name!r} ({frame.colour}{default})"


def _place(path: str, line: int | None) -> str:
    return path if line is None else f"{path}:{line}"


def _top_level_key_lines(raw: str, data: Mapping[str, Any]) -> dict[str, int]:
    """The line where each top-level key of ``data`` is defined."""
    lines: dict[str, int] = {}
    for key in data:
        quoted = "|".join(re.escape(k) for k in (key, f'"{key}"', f"'{key}'"))
        pattern = re.compile(
            rf"^[ \t]*(?:(?:{quoted})[ \t]*[=.]|\[\[?[ \t]*(?:{quoted})[ \t]*[\].])", re.M
        )
        found = pattern.search(raw)
        if found:
            lines[key] = raw.count("\n", 0, found.start()) + 1
    return lines


def _array_item_lines(raw: str, key: str) -> list[int]:
    """The line where each element of the top-level array ``key = [...]`` starts.

    A small scanner over valid TOML: it skips strings (all four kinds) and
    comments, and records where each element at depth 1 begins. For an
    array of tables (``[[terms]]``), the line of each header.
    """
    name = re.escape(key)
    start = re.search(rf"""^[ \t]*(?:{name}|"{name}"|'{name}')[ \t]*=[ \t]*\[""", raw, re.M)
    if start is None:
        headers = re.finditer(rf"^[ \t]*\[\[[ \t]*{name}[ \t]*\]\]", raw, re.M)
        return [raw.count("\n", 0, m.start()) + 1 for m in headers]
    line = raw.count("\n", 0, start.end()) + 1
    position, depth, expecting = start.end(), 1, True
    item_lines: list[int] = []
    while position < len(raw) and depth:
        char = raw[position]
        if char == "#":
            end = raw.find("\n", position)
            position = len(raw) if end < 0 else end
            continue
        if char == "\n":
            line += 1
        elif not char.isspace():
            if depth == 1 and expecting and char not in ",]":
                item_lines.append(line)
                expecting = False
            if char in "\"'":
                end = _string_end(raw, position)
                line += raw.count("\n", position, end)
                position = end
                continue
            if char in "[{":
                depth += 1
            elif char in "]}":
                depth -= 1
            elif char == "," and depth == 1:
                expecting = True
        position += 1
    return item_lines


def _string_end(raw: str, start: int) -> int:
    """Index just after the TOML string that starts at ``start``."""
    quote = raw[start]
    delimiter = quote * 3 if raw.startswith(quote * 3, start) else quote
    position = start + len(delimiter)
    while position < len(raw):
        if quote == '"' and raw[position] == "\\":
            position += 2
            continue
        if raw.startswith(delimiter, position):
            end = position + len(delimiter)
            while len(delimiter) == 3 and end < len(raw) and raw[end] == quote:
                end += 1  # up to two quotes may end a multi-line string's content
            return end
        position += 1
    return position


# --------------------------------------------------------------------------
# Corpus sentences (for coverage and suggest)
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class CorpusSentences:
    """A corpus loaded, cleaned and segmented: its sentences and what was skipped."""

    name: str
    sentences: tuple[Sentence, ...]
    n_documents: int
    skipped: tuple[SkippedInput, ...]
    notes: tuple[str, ...]


def load_sentences(
    paths: Sequence[str | Path], *, name: str | None = None, jobs: int | None = None
) -> CorpusSentences:
    """Load, clean and segment articles exactly as ``framing report`` does.

    Cleaning and segmenting are the pipeline's own front half
    (:func:`framing.analysis.pipeline.prepare_sentences`). Segmentation runs
    in ``jobs`` processes on a large corpus (default: one per CPU, see
    :mod:`framing.analysis.parallel`); the result never depends on it.
    Documents left without a sentence after cleaning are added to
    ``skipped``. Raises :class:`~framing.errors.InputError` when no sentence
    is left at all.
    """
    from framing.analysis.parallel import cyclic_gc_paused
    from framing.analysis.pipeline import prepare_sentences
    from framing.io.corpus import load_corpus

    with cyclic_gc_paused():
        prepared = prepare_sentences(load_corpus(list(paths), name=name), jobs=jobs)
    return CorpusSentences(
        name=prepared.clean.name,
        sentences=prepared.sentences,
        n_documents=len({s.document for s in prepared.sentences}),
        skipped=prepared.skipped,
        notes=prepared.clean.notes,
    )


# --------------------------------------------------------------------------
# Coverage
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class SurfaceCount:
    """A surface form a wildcard caught, and how often."""

    surface: str
    count: int


@dataclass(frozen=True)
class OutletCount:
    """How often a term matched in one outlet's sentences (outlet id)."""

    outlet: str
    count: int


@dataclass(frozen=True)
class TermCoverage:
    """How one lexicon entry fared in a corpus.

    ``matches`` counts non-negated hits and ``negated`` negated ones;
    ``documents`` the documents with any hit; ``outlets`` all hits per outlet
    (negated ones included), in corpus order; ``forms`` the surface forms a
    wildcard caught, most frequent first. An entry inside a longer matching
    entry of the same frame ("supremacist*" in "white supremacists") is
    counted for the longer one only, as in the analysis.
    """

    frame: str
    term: str
    kind: str
    line: int | None
    matches: int
    negated: int
    documents: int
    outlets: tuple[OutletCount, ...]
    forms: tuple[SurfaceCount, ...]

    @property
    def matched(self) -> bool:
        return self.matches + self.negated > 0


@dataclass(frozen=True)
class Coverage:
    """Every entry's coverage, in lexicon order, and the size of the corpus."""

    lexicons: str
    corpus: str
    n_documents: int
    n_sentences: int
    terms: tuple[TermCoverage, ...]

    def never_matched(self, frame_id: str) -> tuple[str, ...]:
        """The frame's entries that matched nowhere, negated or not."""
        return tuple(t.term for t in self.terms if t.frame == frame_id and not t.matched)


def measure_coverage(
    lexicons: LexiconSet,
    sentences: Sequence[Sentence],
    hits: Iterable[Hit],
    *,
    corpus: str = "corpus",
) -> Coverage:
    """Count each entry's hits (negated apart), documents, outlets and wildcard forms."""
    by_id = {s.id: s for s in sentences}
    outlet_order = list(dict.fromkeys(s.outlet for s in sentences))
    grouped: dict[tuple[str, str], list[Hit]] = defaultdict(list)
    for hit in hits:
        grouped[(hit.frame, hit.term)].append(hit)
    terms = []
    for frame in lexicons.frames:
        for term in frame.terms:
            term_hits = grouped.get((frame.id, term.text), [])
            terms.append(_term_coverage(frame.id, term, term_hits, by_id, outlet_order))
    return Coverage(
        lexicons=lexicons.source,
        corpus=corpus,
        n_documents=len({s.document for s in sentences}),
        n_sentences=len(sentences),
        terms=tuple(terms),
    )


def _term_coverage(
    frame_id: str,
    term: Term,
    hits: Sequence[Hit],
    sentences: Mapping[int, Sentence],
    outlet_order: Sequence[str],
) -> TermCoverage:
    outlets = Counter(sentences[h.sentence].outlet for h in hits)
    forms = Counter(h.surface for h in hits) if term.is_wildcard else Counter()
    return TermCoverage(
        frame=frame_id,
        term=term.text,
        kind=term.kind,
        line=term.line,
        matches=sum(not h.negated for h in hits),
        negated=sum(h.negated for h in hits),
        documents=len({sentences[h.sentence].document for h in hits}),
        outlets=tuple(OutletCount(o, outlets[o]) for o in outlet_order if outlets[o]),
        forms=tuple(
            SurfaceCount(surface, count)
            for surface, count in sorted(forms.items(), key=lambda item: (-item[1], item[0]))
        ),
    )


# --------------------------------------------------------------------------
# Suggestions: log-odds ratio with an informative Dirichlet prior
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Suggestion:
    """A corpus term associated with a frame's sentences that the frame lacks.

    ``z`` is the log-odds z-score (frame's sentences vs. the rest), ``delta``
    the log-odds ratio; ``in_frame``/``elsewhere`` count its occurrences in
    the frame's sentences and in the others; ``sentences`` the frame
    sentences that hold it; ``example`` the frame sentence with the most
    occurrences (the shortest on ties), with its document and sentence id.
    """

    frame: str
    term: str
    z: float
    delta: float
    in_frame: int
    elsewhere: int
    sentences: int
    example: str
    example_document: str
    example_sentence: int


@dataclass(frozen=True)
class Suggestions:
    """The ranked suggestions for one frame, and what they were computed on."""

    frame: str
    lexicons: str
    corpus: str
    frame_sentences: int
    other_sentences: int
    alpha0: float
    suggestions: tuple[Suggestion, ...]


def suggest_terms(
    frame_id: str,
    lexicons: LexiconSet,
    sentences: Sequence[Sentence],
    hits: Iterable[Hit],
    *,
    top: int = 20,
    min_count: int = 2,
    alpha0: float | None = None,
    corpus: str = "corpus",
) -> Suggestions:
    """The ``top`` terms most associated with ``frame_id``'s sentences, not yet covered.

    A frame's sentences are those with a non-negated hit of the frame. Terms
    are the unigrams and bigrams of :func:`framing.analysis.features.build_analyzer`;
    each is scored by :func:`log_odds_dirichlet` (frame's sentences vs. the
    rest, prior scale ``alpha0``, default the corpus's total term count), and
    kept when its z is positive, it occurs at least ``min_count`` times in
    the frame's sentences, and the frame does not already match it
    (:func:`framing.analysis.features.term_coverage_checker`). Ties break by term.
    """
    import numpy as np

    from framing.analysis.features import count_terms, invoked_frames, term_coverage_checker

    find_frame(lexicons, frame_id)
    invoked = invoked_frames(hits)
    in_frame = np.array([frame_id in invoked.get(s.id, ()) for s in sentences], dtype=bool)
    counts = count_terms([s.tokens for s in sentences])
    y_i = np.asarray(counts.matrix.T @ in_frame.astype(np.int64)).ravel()
    y_j = np.asarray(counts.matrix.sum(axis=0)).ravel() - y_i
    result = Suggestions(
        frame=frame_id,
        lexicons=lexicons.source,
        corpus=corpus,
        frame_sentences=int(in_frame.sum()),
        other_sentences=int((~in_frame).sum()),
        alpha0=float(y_i.sum() + y_j.sum()) if alpha0 is None else float(alpha0),
        suggestions=(),
    )
    if not in_frame.any() or not counts.vocabulary:
        return result
    from framing.analysis.stats import log_odds_dirichlet

    odds = log_odds_dirichlet(y_i, y_j, alpha0=alpha0)
    z = np.nan_to_num(odds.z, nan=0.0, posinf=0.0, neginf=0.0)
    order = np.lexsort((np.array(counts.vocabulary, dtype=object), -z))
    covered = term_coverage_checker(lexicons)
    frame_rows = np.flatnonzero(in_frame)
    frame_matrix = counts.matrix[frame_rows].tocsc()
    chosen: list[Suggestion] = []
    for j in order:
        if len(chosen) == top or z[j] <= 0:
            break
        term = counts.vocabulary[j]
        if y_i[j] < min_count or covered(frame_id, term):
            continue
        column = frame_matrix[:, j].toarray().ravel()
        example = _example(sentences, frame_rows, column)
        chosen.append(
            Suggestion(
                frame=frame_id,
                term=term,
                z=round(float(z[j]), 6),
                delta=round(float(odds.delta[j]), 6),
                in_frame=int(y_i[j]),
                elsewhere=int(y_j[j]),
                sentences=int((column > 0).sum()),
                example=example.text,
                example_document=example.document,
                example_sentence=example.id,
            )
        )
    return replace(result, suggestions=tuple(chosen))


def _example(
    sentences: Sequence[Sentence], rows: np.ndarray, counts_in_rows: np.ndarray
) -> Sentence:
    """The sentence with the most occurrences; the shortest, then the first, on ties."""
    best = min(
        range(len(rows)),
        key=lambda k: (-counts_in_rows[k], len(sentences[rows[k]].text), sentences[rows[k]].id),
    )
    return sentences[rows[best]]


# --------------------------------------------------------------------------
# Adding terms to a frame file
# --------------------------------------------------------------------------


def add_terms(frame_file: str | Path, terms: Sequence[str]) -> Path:
    """Append ``terms`` to a frame file's ``terms`` list, keeping its comments and layout.

    The file is edited with tomlkit, so only the added lines change (and, in
    a list whose last entry has no trailing comma, that entry's line gains
    one). Refuses, with a :class:`~framing.errors.LexiconError` and without
    writing, a term :func:`~framing.lexicons.load.parse_term` rejects, a term the
    frame already has (same tokens) or already matches with a wildcard, a
    term given twice, a file that has errors, or a result that would not
    validate. The file is written atomically, then loaded again as a check.
    """
    from framing.io.files import write_text_atomic
    from framing.lexicons.load import load_frame

    path = Path(frame_file)
    if path.suffix.lower() != ".toml":
        raise LexiconError("terms can only be added to a .toml frame file", path=path)
    raw = _read_text(path)
    if isinstance(raw, Problem):
        raise LexiconError(raw.message, path=path, line=raw.line)
    before = _check_frame_text(raw, path)
    _raise_first_error(before)
    new_terms = _new_terms(terms, before.terms, path)
    text = _append_with_tomlkit(raw, [t.text for t in new_terms], path)
    after = _check_frame_text(text, path)
    _raise_first_error(after)
    if [t.tokens for t in after.terms] != [t.tokens for t in (*before.terms, *new_terms)]:
        raise LexiconError(
            "adding the terms would change other entries; file left as is", path=path
        )
    write_text_atomic(path, text)
    try:
        load_frame(path)
    except LexiconError:
        write_text_atomic(path, raw)
        raise
    return path


def _raise_first_error(checked: _CheckedFrame) -> None:
    for problem in checked.problems:
        if problem.severity == ERROR:
            raise LexiconError(
                f"{problem.message} (fix the file first; see 'framing lexicon validate')",
                path=problem.path,
                line=problem.line,
            )


def _new_terms(texts: Sequence[str], existing: Sequence[Term], path: Path) -> list[Term]:
    """Parse the terms to add; refuse any that the frame has or already matches."""
    have = {term.tokens: term for term in existing}
    wildcards = {(t.tokens[:-1], t.tokens[-1][:-1]): t for t in existing if t.is_wildcard}
    added: list[Term] = []
    for text in texts:
        try:
            term = parse_term(text)
        except ValueError as exc:
            raise LexiconError(f"cannot add: {exc}", path=path) from None
        if term.tokens in have:
            earlier = have[term.tokens]
            raise LexiconError(
                f"cannot add {term.text!r}: the frame already has {earlier.text!r}",
                path=path,
                line=earlier.line,
            )
        if any(t.tokens == term.tokens for t in added):
            raise LexiconError(f"cannot add {term.text!r}: it is given twice", path=path)
        wildcard = _swallowing_wildcard(term, wildcards)
        if wildcard is not None:
            raise LexiconError(
                f"cannot add {term.text!r}: wildcard {wildcard.text!r} already matches it",
                path=path,
                line=wildcard.line,
            )
        for severity, message in unmatchable_reasons(term):
            if severity == ERROR:
                raise LexiconError(f"cannot add: {message}", path=path)
        added.append(term)
    return added


def _append_with_tomlkit(raw: str, texts: Sequence[str], path: Path) -> str:
    import tomlkit
    from tomlkit.items import Array

    document = tomlkit.parse(raw)
    terms = document.get("terms")
    if not isinstance(terms, Array):
        raise LexiconError("terms can only be added to an inline 'terms = [...]' list", path=path)
    for text in texts:
        terms.append(text)
    return tomlkit.dumps(document)


# --------------------------------------------------------------------------
# Explaining one sentence
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class ExplainedToken:
    """A token of the sentence: its index, text, character span, and negating cue.

    ``start``/``end`` are offsets in the sentence text (``None`` when they
    cannot be located); ``negated_by`` is the index of the cue whose scope
    covers the token.
    """

    index: int
    token: str
    start: int | None
    end: int | None
    negated_by: int | None


@dataclass(frozen=True)
class NegationCue:
    """A negation cue in the sentence and the tokens its scope negates.

    ``note`` says why a cue negates nothing ("not only" is no negation, or
    punctuation ends the scope at once).
    """

    index: int
    cue: str
    scope: tuple[int, ...]
    note: str


@dataclass(frozen=True)
class ExplainedMatch:
    """A lexicon entry found in the sentence: token span (end exclusive), and negation."""

    frame: str
    term: str
    surface: str
    start: int
    end: int
    weight: float
    negated: bool
    cue: str | None
    cue_index: int | None


@dataclass(frozen=True)
class FrameOutcome:
    """What the sentence does for one frame.

    ``invoked`` when at least one hit is not negated; ``score`` sums the
    weights of the non-negated hits; ``terms`` are their entries and
    ``negated_terms`` the entries of negated hits, which never count.
    """

    frame: str
    label: str
    invoked: bool
    score: float
    terms: tuple[str, ...]
    negated_terms: tuple[str, ...]


@dataclass(frozen=True)
class Explanation:
    """Why one sentence counts (or not) for each frame."""

    text: str
    tokens: tuple[ExplainedToken, ...]
    cues: tuple[NegationCue, ...]
    matches: tuple[ExplainedMatch, ...]
    frames: tuple[FrameOutcome, ...]


def explain_sentence(text: str, lexicons: LexiconSet) -> Explanation:
    """Tokens, matches, negation scopes and frame scores of one sentence.

    The sentence is tokenized and matched exactly as in an analysis (the
    whole text is taken as one sentence). ``frames`` lists the frames with
    any hit, in the set's order.
    """
    if not text.strip():
        raise InputError("the sentence is empty")
    tokens = tokenize(text)
    cues = frozenset(lexicons.negation_cues)
    scope = negation_scope(tokens, cues, frozenset(lexicons.scope_breakers))
    hits = Matcher(lexicons).match_tokens(tokens)
    matches = tuple(
        ExplainedMatch(
            frame=h.frame,
            term=h.term,
            surface=h.surface,
            start=h.start,
            end=h.end,
            weight=h.weight,
            negated=h.negated,
            cue=h.cue,
            cue_index=scope[h.start] if h.negated else None,
        )
        for h in hits
    )
    return Explanation(
        text=text,
        tokens=_explained_tokens(text, tokens, scope),
        cues=_negation_cues(tokens, scope, cues),
        matches=matches,
        frames=_frame_outcomes(lexicons, hits),
    )


def _explained_tokens(
    text: str, tokens: Sequence[str], scope: Sequence[int | None]
) -> tuple[ExplainedToken, ...]:
    spans = tokenize_spans(text)
    located = [s[0] for s in spans] == list(tokens)
    return tuple(
        ExplainedToken(
            index=i,
            token=token,
            start=spans[i][1] if located else None,
            end=spans[i][2] if located else None,
            negated_by=scope[i],
        )
        for i, token in enumerate(tokens)
    )


def _negation_cues(
    tokens: Sequence[str], scope: Sequence[int | None], cues: frozenset[str]
) -> tuple[NegationCue, ...]:
    found = []
    for i, token in enumerate(tokens):
        if token not in cues:
            continue
        negated = tuple(k for k, cue in enumerate(scope) if cue == i)
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        if (token, following) in PSEUDO_NEGATIONS:
            note = f'"{token} {following}" is not a negation'
        elif not negated:
            note = "its scope is empty: punctuation, a clause word or the end follows"
        else:
            note = ""
        found.append(NegationCue(index=i, cue=token, scope=negated, note=note))
    return tuple(found)


def _frame_outcomes(lexicons: LexiconSet, hits: Sequence[Hit]) -> tuple[FrameOutcome, ...]:
    outcomes = []
    for frame in lexicons.frames:
        counted = [h for h in hits if h.frame == frame.id and not h.negated]
        negated = [h for h in hits if h.frame == frame.id and h.negated]
        if not counted and not negated:
            continue
        outcomes.append(
            FrameOutcome(
                frame=frame.id,
                label=frame.label,
                invoked=bool(counted),
                score=round(sum(h.weight for h in counted), 6),
                terms=tuple(h.term for h in counted),
                negated_terms=tuple(h.term for h in negated),
            )
        )
    return tuple(outcomes)


# --------------------------------------------------------------------------
# JSON
# --------------------------------------------------------------------------


def to_json(value: Any) -> str:
    """Deterministic JSON for any result of this module (fields in declaration order)."""
    return json.dumps(_plain(value), indent=2, ensure_ascii=False)


def _plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value
