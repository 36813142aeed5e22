"""framing's own lexicon files: TOML frame files and a set's ``_set.toml``.

A lexicon set is a folder with one TOML file per frame (see
docs/lexicons.md); ``--lexicons`` may also name a single frame file. A frame
file looks like::

    id = "possible_extremists"
    label = "Possible extremists"
    description = "Volunteers as potential extremists or security risks."
    colour = "#d95f02"
    terms = [
        "white supremacists",           # a phrase
        "radicali*",                    # a trailing wildcard
        { term = "adventure", weight = 0.5 },
    ]

Terms are tokenized exactly like article text (:func:`framing.text.segment.tokenize`);
:mod:`framing.lexicons.match` finds them in sentences.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Final, TypedDict

from framing.errors import LexiconError
from framing.lexicons.terms import (
    DEFAULT_COLOURS,
    DEFAULT_CONCERN_CUES,
    DEFAULT_DISMISSAL_CUES,
    DEFAULT_DISTANCING_CUES,
    DEFAULT_ENTITLEMENT_CUES,
    DEFAULT_LABEL_NOUNS,
    DEFAULT_NEGATION_CUES,
    DEFAULT_REBUTTAL_CUES,
    DEFAULT_UNCERTAINTY_CUES,
    ID_RE,
    ON_NEGATION,
    ON_UNCERTAINTY,
    parse_context,
    parse_term,
)
from framing.lexicons.toml_lines import array_item_lines
from framing.model import DEFAULT_SCOPE_BREAKERS, Frame, LexiconSet, Term
from framing.text.segment import is_word, tokenize

#: The file in a lexicon-set folder that configures the set (not a frame).
SET_FILE = "_set.toml"
#: The keys a _set.toml may have.
SET_KEYS = (
    "name",
    "description",
    "negation_cues",
    "scope_breakers",
    "uncertainty_cues",
    "rebuttal_cues",
    "distancing_cues",
    "concern_cues",
    "entitlement_cues",
    "dismissal_cues",
    "label_nouns",
    "subjects",
    "inflect",
    "unless_followed_by",
    "unless_preceded_by",
)
#: The _set.toml keys whose entries are one word token each, and those whose
#: entries are phrases (words, ``*`` ending a word).
WORD_KEYS: Final = ("negation_cues", "scope_breakers", "uncertainty_cues")
PHRASE_KEYS: Final = (
    "rebuttal_cues",
    "distancing_cues",
    "concern_cues",
    "entitlement_cues",
    "dismissal_cues",
    "label_nouns",
    "subjects",
)

#: The keys a frame file may have, and those of a term written as a table.
FRAME_KEYS = (
    "id",
    "label",
    "description",
    "colour",
    "color",
    "on_negation",
    "on_uncertainty",
    "unless_followed_by",
    "unless_preceded_by",
    "terms",
)
TERM_KEYS = (
    "term",
    "weight",
    "on_negation",
    "on_uncertainty",
    "unless_followed_by",
    "unless_preceded_by",
)
#: The keys naming a term's contexts of another sense or referent; a
#: frame's list applies to each of its terms, and a term's adds to it.
CONTEXT_KEYS = ("unless_followed_by", "unless_preceded_by")
#: What a colour must look like.
COLOUR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
_TOML_LINE_RE = re.compile(r"at line (\d+)")


class SetSettings(TypedDict, total=False):
    """What a ``_set.toml`` sets; a key it leaves out keeps the set's default."""

    name: str
    description: str
    negation_cues: tuple[str, ...]
    scope_breakers: tuple[str, ...]
    uncertainty_cues: tuple[str, ...]
    rebuttal_cues: tuple[str, ...]
    distancing_cues: tuple[str, ...]
    concern_cues: tuple[str, ...]
    entitlement_cues: tuple[str, ...]
    dismissal_cues: tuple[str, ...]
    label_nouns: tuple[str, ...]
    subjects: tuple[str, ...]
    inflect: bool
    unless_followed_by: tuple[str, ...]
    unless_preceded_by: tuple[str, ...]


# --------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------


def load_toml_set(path: Path, *, name: str | None = None) -> LexiconSet:
    """Load a lexicon set in framing's own format: a folder of frame files, or one frame file.

    In a folder, every ``*.toml`` file is a frame, except ``_set.toml``, which
    may set the set's ``name``, ``description``, ``negation_cues`` and
    ``scope_breakers`` (see docs/lexicons.md). Files starting with ``_`` or
    ``.`` are not frames.

    Raises :class:`~framing.errors.LexiconError` naming the file (and line)
    for a TOML syntax error, a frame without terms, an unknown key, a bad
    term, or two frames with one id.
    """
    settings: SetSettings = {}
    if path.is_dir():
        files = sorted(p for p in path.glob("*.toml") if not p.name.startswith((".", "_")))
        if not files:
            raise LexiconError("folder has no .toml frame files", path=path)
        if (path / SET_FILE).is_file():
            settings = load_set_settings(path / SET_FILE)
    else:
        files = [path]
    frames: list[Frame] = []
    seen: dict[str, Path] = {}
    for index, file in enumerate(files):
        frame = load_frame(
            file,
            default_colour=DEFAULT_COLOURS[index % len(DEFAULT_COLOURS)],
            contexts={
                "unless_followed_by": settings.get("unless_followed_by", ()),
                "unless_preceded_by": settings.get("unless_preceded_by", ()),
            },
        )
        if frame.id in seen:
            raise LexiconError(
                f"frame id {frame.id!r} is also defined in {seen[frame.id]}", path=file
            )
        seen[frame.id] = file
        frames.append(frame)
    default_name = path.name if path.is_dir() else path.stem
    return LexiconSet(
        name=name or str(settings.get("name") or default_name),
        frames=tuple(frames),
        source=str(path),
        negation_cues=tuple(settings.get("negation_cues", DEFAULT_NEGATION_CUES)),
        scope_breakers=tuple(settings.get("scope_breakers", DEFAULT_SCOPE_BREAKERS)),
        description=str(settings.get("description", "")),
        uncertainty_cues=tuple(settings.get("uncertainty_cues", DEFAULT_UNCERTAINTY_CUES)),
        rebuttal_cues=tuple(settings.get("rebuttal_cues", DEFAULT_REBUTTAL_CUES)),
        distancing_cues=tuple(settings.get("distancing_cues", DEFAULT_DISTANCING_CUES)),
        concern_cues=tuple(settings.get("concern_cues", DEFAULT_CONCERN_CUES)),
        entitlement_cues=tuple(settings.get("entitlement_cues", DEFAULT_ENTITLEMENT_CUES)),
        dismissal_cues=tuple(settings.get("dismissal_cues", DEFAULT_DISMISSAL_CUES)),
        label_nouns=tuple(settings.get("label_nouns", DEFAULT_LABEL_NOUNS)),
        subjects=tuple(settings.get("subjects", ())),
        inflect=bool(settings.get("inflect", True)),
    )


def load_set_settings(path: Path) -> SetSettings:
    """Read a set's ``_set.toml``: name, description, negation cues, scope breakers.

    Each cue and breaker must be one token as the tokenizer sees it
    (``"n't"`` is one; ``"not at all"`` is not), since scopes are found on tokens.
    """
    raw, data = _read_toml(path)
    lines = raw.splitlines()
    _reject_unknown_keys(data, SET_KEYS, path, lines)
    settings: SetSettings = {}
    if "name" in data:
        settings["name"] = _string_field(data, "name", path, lines, default="")
    if "description" in data:
        settings["description"] = _string_field(data, "description", path, lines, default="")
    if "negation_cues" in data:
        settings["negation_cues"] = _single_words(data, "negation_cues", path, lines)
    if "scope_breakers" in data:
        settings["scope_breakers"] = _single_words(data, "scope_breakers", path, lines)
    if "uncertainty_cues" in data:
        settings["uncertainty_cues"] = _single_words(data, "uncertainty_cues", path, lines)
    for key in PHRASE_KEYS:
        if key in data:
            settings[key] = _phrases(data, key, path, lines)
    if "inflect" in data:
        if not isinstance(data["inflect"], bool):
            raise LexiconError(
                "'inflect' must be true or false", path=path, line=_line_of(lines, "inflect")
            )
        settings["inflect"] = data["inflect"]
    if "unless_followed_by" in data:
        settings["unless_followed_by"] = _context_list(
            data["unless_followed_by"], "unless_followed_by", path, lines
        )
    if "unless_preceded_by" in data:
        settings["unless_preceded_by"] = _context_list(
            data["unless_preceded_by"], "unless_preceded_by", path, lines
        )
    return settings


def phrase_has_words(phrase: str) -> bool:
    """Whether a cue phrase (a ``*`` ending a word) holds at least one word."""
    return any(is_word(t) for t in tokenize(phrase.replace("*", "")))


def _phrases(
    data: dict[str, object], key: str, path: Path, lines: Sequence[str]
) -> tuple[str, ...]:
    """A list of cue phrases (words, ``*`` ending a word), each with at least one word."""
    value = data[key]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LexiconError(
            f"'{key}' must be a list of strings", path=path, line=_line_of(lines, key)
        )
    for phrase in value:
        if not phrase_has_words(phrase):
            raise LexiconError(
                f"{key} entry {phrase!r} has no words",
                path=path,
                line=_term_line(lines, phrase, _line_of(lines, key)),
            )
    return tuple(v.strip().lower() for v in value)


def _single_words(
    data: dict[str, object], key: str, path: Path, lines: Sequence[str]
) -> tuple[str, ...]:
    """A list of negation cues or scope breakers, each checked to be one word token."""
    value = data[key]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LexiconError(
            f"'{key}' must be a list of strings", path=path, line=_line_of(lines, key)
        )
    words = []
    for word in value:
        tokens = tokenize(word)
        if len(tokens) != 1 or not is_word(tokens[0]):
            raise LexiconError(
                f"{key} entry {word!r} must be a single word token",
                path=path,
                line=_term_line(lines, word, _line_of(lines, key)),
            )
        words.append(tokens[0])
    return tuple(words)


def _reject_unknown_keys(
    data: dict[str, object], expected: Sequence[str], path: Path, lines: Sequence[str]
) -> None:
    """An unknown key is usually a typo ("trems"): name it, its line and the keys allowed."""
    unknown = sorted(set(data) - set(expected))
    if unknown:
        allowed = ", ".join(k for k in expected if k != "color")  # "color" is an alias
        raise LexiconError(
            f"unknown key {unknown[0]!r}; expected {allowed}",
            path=path,
            line=_line_of(lines, unknown[0]),
        )


def _read_toml(path: Path) -> tuple[str, dict[str, object]]:
    """A TOML file's text and data; errors name the file and line."""
    try:
        raw = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise LexiconError(f"is not UTF-8 text (byte {exc.start})", path=path) from exc
    except OSError as exc:
        raise LexiconError(f"cannot be read ({exc.strerror or exc})", path=path) from exc
    try:
        return raw, tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        found = _TOML_LINE_RE.search(str(exc))
        message = _TOML_LINE_RE.sub("", str(exc)).replace("()", "").strip(" .")
        raise LexiconError(
            f"TOML syntax error: {message}",
            path=path,
            line=int(found.group(1)) if found else None,
        ) from exc


def load_frame(
    path: Path,
    *,
    default_colour: str = DEFAULT_COLOURS[0],
    contexts: dict[str, tuple[str, ...]] | None = None,
) -> Frame:
    """Load and check one frame file.

    ``contexts`` are the set's ``unless_followed_by`` and
    ``unless_preceded_by`` phrases, which apply to every term, before the
    frame's own and the term's.
    """
    raw, data = _read_toml(path)
    lines = raw.splitlines()
    _reject_unknown_keys(data, FRAME_KEYS, path, lines)
    frame_id = _string_field(data, "id", path, lines, default=path.stem)
    if not ID_RE.match(frame_id):
        raise LexiconError(
            f"id {frame_id!r} must be lower case letters, digits and _ (starting with a letter)",
            path=path,
            line=_line_of(lines, "id"),
        )
    label = _string_field(data, "label", path, lines, default=frame_id.replace("_", " ").title())
    description = _string_field(data, "description", path, lines, default="")
    colour = _string_field(data, "colour", path, lines, default="") or _string_field(
        data, "color", path, lines, default=default_colour
    )
    if not COLOUR_RE.match(colour):
        raise LexiconError(
            f"colour {colour!r} is not a #rrggbb hex colour",
            path=path,
            line=_line_of(lines, "colour") or _line_of(lines, "color"),
        )
    on_negation = _string_field(data, "on_negation", path, lines, default="denies")
    if on_negation not in ON_NEGATION:
        raise LexiconError(
            f'on_negation must be "denies" or "supports", not {on_negation!r}',
            path=path,
            line=_line_of(lines, "on_negation"),
        )
    on_uncertainty = _string_field(data, "on_uncertainty", path, lines, default="neutral")
    if on_uncertainty not in ON_UNCERTAINTY:
        raise LexiconError(
            f'on_uncertainty must be "neutral" or "supports", not {on_uncertainty!r}',
            path=path,
            line=_line_of(lines, "on_uncertainty"),
        )
    inherited = contexts or {}
    contexts = {
        key: tuple(inherited.get(key, ())) + _context_list(data.get(key), key, path, lines)
        for key in CONTEXT_KEYS
    }
    terms = _parse_terms(
        data.get("terms"),
        path,
        lines,
        on_negation=on_negation,
        on_uncertainty=on_uncertainty,
        contexts=contexts,
    )
    return Frame(
        id=frame_id,
        label=label,
        description=description,
        colour=colour,
        terms=terms,
        source=str(path),
    )


def _parse_terms(
    value: object,
    path: Path,
    lines: Sequence[str],
    *,
    on_negation: str = "denies",
    on_uncertainty: str = "neutral",
    contexts: dict[str, tuple[str, ...]] | None = None,
) -> tuple[Term, ...]:
    frame_contexts = contexts or {}
    terms_line = _line_of(lines, "terms")
    if value is None:
        raise LexiconError("frame has no 'terms' list", path=path)
    if not isinstance(value, list):
        raise LexiconError("'terms' must be a list", path=path, line=terms_line)
    if not value:
        raise LexiconError("frame has no terms: 'terms' is empty", path=path, line=terms_line)
    # Each entry's own line, from the scanner the validator uses too; the text
    # search is the fallback when the scanner does not see the list's items.
    item_lines = array_item_lines("\n".join(lines), "terms")
    by_text = TermLines(lines, terms_line)
    terms: list[Term] = []
    for index, item in enumerate(value):

        def term_line(text: str, index: int = index) -> int | None:
            return item_lines[index] if len(item_lines) == len(value) else by_text(text)

        term_negation, term_uncertainty = on_negation, on_uncertainty
        own: dict[str, tuple[str, ...]] = {}
        if isinstance(item, str):
            text, weight = item, 1.0
        elif isinstance(item, dict) and isinstance(item.get("term"), str):
            text = item["term"]
            weight = item.get("weight", 1.0)
            term_negation = item.get("on_negation", on_negation)
            term_uncertainty = item.get("on_uncertainty", on_uncertainty)
            extra = sorted(set(item) - set(TERM_KEYS))
            if extra:
                raise LexiconError(
                    f"term {text!r} has unknown key {extra[0]!r}; expected term, weight, "
                    "on_negation, on_uncertainty, unless_followed_by, unless_preceded_by",
                    path=path,
                    line=term_line(text),
                )
            own = {
                key: _context_list(item.get(key), key, path, lines, line=term_line(text))
                for key in CONTEXT_KEYS
            }
            if isinstance(weight, bool) or not isinstance(weight, int | float):
                raise LexiconError(
                    f"term {text!r}: weight must be a number",
                    path=path,
                    line=term_line(text),
                )
        else:
            raise LexiconError(
                f"each term must be a string or {{ term = ..., weight = ... }}, not {item!r}",
                path=path,
                line=terms_line,
            )
        line = term_line(text)
        try:
            if not isinstance(term_negation, str) or not isinstance(term_uncertainty, str):
                raise ValueError(f"term {text!r}: on_negation and on_uncertainty are strings")
            terms.append(
                parse_term(
                    text,
                    weight=float(weight),
                    line=line,
                    on_negation=term_negation,
                    on_uncertainty=term_uncertainty,
                    unless_followed_by=frame_contexts.get("unless_followed_by", ())
                    + own.get("unless_followed_by", ()),
                    unless_preceded_by=frame_contexts.get("unless_preceded_by", ())
                    + own.get("unless_preceded_by", ()),
                )
            )
        except ValueError as exc:
            raise LexiconError(str(exc), path=path, line=line) from exc
    return tuple(terms)


def _context_list(
    value: object, key: str, path: Path, lines: Sequence[str], *, line: int | None = None
) -> tuple[str, ...]:
    """A frame's or term's ``unless_followed_by`` / ``unless_preceded_by``: a list of phrases."""
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LexiconError(
            f'{key} must be a list of phrases, as in ["against attack*"]',
            path=path,
            line=line or _line_of(lines, key),
        )
    for phrase in value:
        try:
            parse_context(phrase, key)
        except ValueError as exc:
            raise LexiconError(str(exc), path=path, line=line or _line_of(lines, key)) from exc
    return tuple(value)


def _string_field(
    data: dict[str, object], key: str, path: Path, lines: Sequence[str], *, default: str
) -> str:
    value = data.get(key, default)
    if not isinstance(value, str):
        raise LexiconError(f"'{key}' must be a string", path=path, line=_line_of(lines, key))
    return value.strip()


def _line_of(lines: Sequence[str], key: str) -> int | None:
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
    for number, line in enumerate(lines, start=1):
        if pattern.match(line):
            return number
    return None


def _term_line(lines: Sequence[str], text: str, after: int | None) -> int | None:
    """The first line from ``after`` on that quotes ``text``, else ``after``, line by line."""
    quoted = (f'"{text}"', f"'{text}'")
    for number in range((after or 1), len(lines) + 1):
        if any(q in lines[number - 1] for q in quoted):
            return number
    return after


class TermLines:
    """The line each term is written on, found in one pass over the file.

    A term's line is the first line, from ``after`` (the line of the key
    that lists the terms) on, that quotes it as ``"term"`` or ``'term'``; a
    term quoted on no line (one written with escapes, say) gets ``after``.
    Searching the file again for each term made loading quadratic in the
    lexicon's size (a 20,000-term file took minutes), so the text between
    each pair of neighbouring quotes on every line is indexed once; only a
    term that itself contains a quote, which neighbouring quotes cannot
    enclose, is searched for line by line as before.
    """

    def __init__(self, lines: Sequence[str], after: int | None) -> None:
        self._lines = lines
        self._after = after
        self._first: dict[str, int] = {}
        for number in range(after or 1, len(lines) + 1):
            line = lines[number - 1]
            for quote in ('"', "'"):
                for text in line.split(quote)[1:-1]:
                    self._first.setdefault(text, number)

    def __call__(self, text: str) -> int | None:
        """The line of ``text``, as :func:`_term_line` finds it."""
        if '"' in text or "'" in text:
            return _term_line(self._lines, text, self._after)
        return self._first.get(text, self._after)
