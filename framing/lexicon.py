"""Frame lexicons: loading them, and finding their terms in sentences.

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

Terms are tokenized exactly like article text (:func:`framing.segment.tokenize`),
so case and typographic quotes never matter. A wildcard's ``*`` stands for
any ending of the last word (``radicali*`` catches radicalized and
radicalization).

Matching is negation-aware. A negation cue (``not``, ``no``, ``never``,
``n't``, ``without``, ``neither``/``nor`` …) opens a scope that runs to the
next punctuation mark or clause boundary ("but", "although", …); a hit
inside it is *negated*: reported separately, never counted as support. In
"This is not mercenaries who are coming to earn money", "mercenaries" is
negated. A cue that is part of a term ("no POW status") does not negate
that term.
"""

from __future__ import annotations

import re
import tomllib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path

from framing.errors import LexiconError
from framing.model import DEFAULT_SCOPE_BREAKERS, Frame, Hit, LexiconSet, Sentence, Term
from framing.segment import is_word, tokenize

DEFAULT_NEGATION_CUES: tuple[str, ...] = (
    "not",
    "no",
    "never",
    "n't",
    "without",
    "neither",
    "nor",
    "none",
    "nobody",
    "nothing",
    "nowhere",
    "cannot",
    "hardly",
    "barely",
)

#: The file in a lexicon-set folder that configures the set (not a frame).
SET_FILE = "_set.toml"
#: The keys a _set.toml may have.
SET_KEYS = ("name", "description", "negation_cues", "scope_breakers")

#: Punctuation that ends a negation's scope. A closing quotation mark ends it
#: too ('"They're not going to get any breaks" under international law'); an
#: opening one does not ('so as not to make them "mercenaries"').
SCOPE_PUNCTUATION = frozenset({",", ";", ":", ".", "!", "?", "(", ")", "[", "]", "-", "—", "–"})
_OPENING_QUOTES = frozenset({"“", "‘", "«", "„"})
_CLOSING_QUOTES = frozenset({"”", "»"})
_STRAIGHT_QUOTES = frozenset({'"', "'"})

#: Cue + next word pairs that do not negate ("not only", "no doubt").
PSEUDO_NEGATIONS = frozenset(
    {
        ("not", "only"),
        ("not", "just"),
        ("not", "merely"),
        ("not", "least"),
        ("no", "doubt"),
        ("nothing", "but"),
    }
)

#: A colourblind-safe palette (Okabe-Ito) for frames that name no colour.
DEFAULT_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442")

#: The keys a frame file may have, and those of a term written as a table.
FRAME_KEYS = ("id", "label", "description", "colour", "color", "terms")
TERM_KEYS = ("term", "weight")
#: What a frame id and a colour must look like.
ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")
COLOUR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
_TOML_LINE_RE = re.compile(r"at line (\d+)")


# --------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------


def load_lexicons(path: str | Path, *, name: str | None = None) -> LexiconSet:
    """Load a lexicon set: a folder of frame files, one frame file, or a dictionary.

    A dictionary in another format (LIWC ``.dic``/``.dicx``, Lexicoder
    ``.lc3``, YAML, a ``.txt`` word list) is imported with
    :func:`framing.importers.import_lexicon`, one frame per category; call that
    function directly to also see its warnings.

    In a folder, every ``*.toml`` file is a frame, except ``_set.toml``, which
    may set the set's ``name``, ``description``, ``negation_cues`` and
    ``scope_breakers`` (see docs/lexicons.md). Files starting with ``_`` or
    ``.`` are not frames.

    Raises :class:`~framing.errors.LexiconError` naming the file (and line)
    for a missing path, a TOML syntax error, a frame without terms, an
    unknown key, a bad term, or two frames with one id.
    """
    path = Path(path)
    if not path.exists():
        raise LexiconError("no such lexicon file or folder", path=path)
    settings: dict[str, object] = {}
    if path.is_dir():
        files = sorted(p for p in path.glob("*.toml") if not p.name.startswith((".", "_")))
        if not files:
            raise LexiconError("folder has no .toml frame files", path=path)
        if (path / SET_FILE).is_file():
            settings = load_set_settings(path / SET_FILE)
    elif path.suffix.lower() != ".toml":
        # A dictionary in another format (LIWC, Lexicoder, YAML, word list);
        # import_lexicon also reports what it skipped, as warnings.
        from framing.importers import import_lexicon

        return import_lexicon(path).lexicons
    else:
        files = [path]
    frames: list[Frame] = []
    seen: dict[str, Path] = {}
    for index, file in enumerate(files):
        frame = load_frame(file, default_colour=DEFAULT_COLOURS[index % len(DEFAULT_COLOURS)])
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
        negation_cues=tuple(settings.get("negation_cues", DEFAULT_NEGATION_CUES)),  # type: ignore[arg-type]
        scope_breakers=tuple(settings.get("scope_breakers", DEFAULT_SCOPE_BREAKERS)),  # type: ignore[arg-type]
        description=str(settings.get("description", "")),
    )


def load_set_settings(path: Path) -> dict[str, object]:
    """Read a set's ``_set.toml``: name, description, negation cues, scope breakers.

    Each cue and breaker must be one token as the tokenizer sees it
    (``"n't"`` is one; ``"not at all"`` is not), since scopes are found on tokens.
    """
    raw, data = _read_toml(path)
    lines = raw.splitlines()
    _reject_unknown_keys(data, SET_KEYS, path, lines)
    settings: dict[str, object] = {}
    for key in ("name", "description"):
        if key in data:
            settings[key] = _string_field(data, key, path, lines, default="")
    for key in ("negation_cues", "scope_breakers"):
        if key not in data:
            continue
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
        settings[key] = tuple(words)
    return settings


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


def load_frame(path: Path, *, default_colour: str = DEFAULT_COLOURS[0]) -> Frame:
    """Load and check one frame file."""
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
    terms = _parse_terms(data.get("terms"), path, lines)
    return Frame(
        id=frame_id,
        label=label,
        description=description,
        colour=colour,
        terms=terms,
        source=str(path),
    )


def parse_term(text: str, *, weight: float = 1.0, line: int | None = None) -> Term:
    """Turn a term as written into a :class:`Term`, or raise ValueError saying why.

    >>> parse_term("Radicali*").tokens
    ('radicali*',)
    >>> parse_term("don't have the protection").tokens
    ('do', "n't", 'have', 'the', 'protection')
    """
    stripped = text.strip()
    if not stripped:
        raise ValueError("empty term")
    wildcard = stripped.endswith("*")
    body = stripped[:-1] if wildcard else stripped
    if "*" in body:
        raise ValueError(f"term {text!r}: '*' is only allowed at the end of a term")
    if wildcard and (not body or body[-1].isspace()):
        raise ValueError(f"term {text!r}: '*' must follow letters, as in 'radicali*'")
    tokens = tokenize(body)
    if not tokens or not any(is_word(t) for t in tokens):
        raise ValueError(f"term {text!r} has no words, so it can never match")
    if wildcard:
        if not is_word(tokens[-1]):
            raise ValueError(f"term {text!r}: '*' must follow letters, as in 'radicali*'")
        tokens[-1] = tokens[-1] + "*"
    if weight <= 0:
        raise ValueError(f"term {text!r}: weight must be positive, not {weight}")
    return Term(text=stripped, tokens=tuple(tokens), weight=float(weight), line=line)


def _parse_terms(value: object, path: Path, lines: Sequence[str]) -> tuple[Term, ...]:
    terms_line = _line_of(lines, "terms")
    if value is None:
        raise LexiconError("frame has no 'terms' list", path=path)
    if not isinstance(value, list):
        raise LexiconError("'terms' must be a list", path=path, line=terms_line)
    if not value:
        raise LexiconError("frame has no terms: 'terms' is empty", path=path, line=terms_line)
    terms: list[Term] = []
    for item in value:
        if isinstance(item, str):
            text, weight = item, 1.0
        elif isinstance(item, dict) and isinstance(item.get("term"), str):
            text = item["term"]
            weight = item.get("weight", 1.0)
            extra = sorted(set(item) - set(TERM_KEYS))
            if extra:
                raise LexiconError(
                    f"term {text!r} has unknown key {extra[0]!r}; expected term, weight",
                    path=path,
                    line=_term_line(lines, text, terms_line),
                )
            if isinstance(weight, bool) or not isinstance(weight, int | float):
                raise LexiconError(
                    f"term {text!r}: weight must be a number",
                    path=path,
                    line=_term_line(lines, text, terms_line),
                )
        else:
            raise LexiconError(
                f"each term must be a string or {{ term = ..., weight = ... }}, not {item!r}",
                path=path,
                line=terms_line,
            )
        line = _term_line(lines, text, terms_line)
        try:
            terms.append(parse_term(text, weight=float(weight), line=line))
        except ValueError as exc:
            raise LexiconError(str(exc), path=path, line=line) from exc
    return tuple(terms)


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
    quoted = (f'"{text}"', f"'{text}'")
    for number in range((after or 1), len(lines) + 1):
        if any(q in lines[number - 1] for q in quoted):
            return number
    return after


# --------------------------------------------------------------------------
# Matching
# --------------------------------------------------------------------------


#: Words never used to anchor a multi-word term (they occur in most sentences).
_WEAK_ANCHORS = frozenset(
    {"a", "an", "the", "of", "to", "and", "or", "in", "on", "for", "at", "by", "with", "as",
     "do", "does", "did", "have", "has", "had", "be", "is", "are", "was", "were", "it", "its",
     "not", "no", "n't", "'s", "that", "this", "their", "your", "our", "his", "her", "them"}
)  # fmt: skip


@dataclass(frozen=True)
class _Pattern:
    frame: str
    term: Term
    anchor: int  # index of the term token that is looked up first


def _anchor(tokens: Sequence[str]) -> int:
    """The index of the term's most selective token: a long, exact, strong word."""
    return max(
        range(len(tokens)),
        key=lambda i: (
            not tokens[i].endswith("*"),
            tokens[i] not in _WEAK_ANCHORS and is_word(tokens[i]),
            len(tokens[i]),
            -i,
        ),
    )


class Matcher:
    """Finds every frame's terms in tokenized sentences.

    Built once per lexicon set. Each term is indexed by one of its tokens,
    its anchor (the longest exact content word; for a lone wildcard, its
    prefix). Exact anchors are kept in a set; wildcard prefixes are grouped
    by their first few letters (a *head*, as long as the shortest prefix), so
    whether a sentence can hold any term at all is two set tests done in C,
    and a token is compared only with the few prefixes that share its head.
    Matching time therefore barely grows with the size of the lexicon.
    """

    def __init__(self, lexicons: LexiconSet) -> None:
        self.lexicons = lexicons
        self._negation_cues = frozenset(lexicons.negation_cues)
        self._scope_breakers = frozenset(lexicons.scope_breakers)
        exact: dict[str, list[_Pattern]] = defaultdict(list)
        prefixed: dict[str, list[_Pattern]] = defaultdict(list)
        for frame in lexicons.frames:
            for term in frame.terms:
                anchor = _anchor(term.tokens)
                key = term.tokens[anchor]
                pattern = _Pattern(frame.id, term, anchor)
                if key.endswith("*"):
                    prefixed[key[:-1]].append(pattern)
                else:
                    exact[key].append(pattern)
        self._exact = dict(exact)
        self._exact_keys = frozenset(exact)
        self._prefixed = dict(prefixed)
        self._head_length = min((len(p) for p in prefixed), default=0)
        heads: dict[str, list[str]] = defaultdict(list)
        for prefix in sorted(prefixed):
            heads[prefix[: self._head_length]].append(prefix)
        self._heads = dict(heads)
        self._head_keys = frozenset(heads)
        self._head_of = itemgetter(slice(0, self._head_length))

    def _candidates(self, token: str) -> Iterable[_Pattern]:
        yield from self._exact.get(token, ())
        for prefix in self._heads.get(token[: self._head_length], ()):
            if token.startswith(prefix) and is_word(token):
                yield from self._prefixed[prefix]

    def match(self, sentence: Sentence) -> list[Hit]:
        """All hits in one sentence, ordered by position then frame."""
        return self.match_tokens(sentence.tokens, sentence_id=sentence.id)

    def match_tokens(self, tokens: Sequence[str], *, sentence_id: int = 0) -> list[Hit]:
        """All hits in one tokenized sentence, ordered by position then frame."""
        exact, heads = self._exact_keys, self._head_keys
        has_prefix = bool(heads) and not heads.isdisjoint(map(self._head_of, tokens))
        if has_prefix:
            length = self._head_length
            starts = [i for i, t in enumerate(tokens) if t in exact or t[:length] in heads]
        elif not exact.isdisjoint(tokens):
            starts = [i for i, t in enumerate(tokens) if t in exact]
        else:
            return []
        found: dict[str, list[tuple[int, int, Term]]] = defaultdict(list)
        for i in starts:
            for pattern in self._candidates(tokens[i]):
                start = i - pattern.anchor
                end = _match_at(tokens, start, pattern.term.tokens) if start >= 0 else None
                if end is not None:
                    found[pattern.frame].append((start, end, pattern.term))
        if not found:
            return []
        if self._negation_cues.isdisjoint(tokens):
            negation: list[int | None] = [None] * len(tokens)
        else:
            negation = negation_scope(tokens, self._negation_cues, self._scope_breakers)
        hits: list[Hit] = []
        for frame_id, spans in found.items():
            for start, end, term in _longest_non_overlapping(spans):
                # Only a cue before the term can negate it: a cue inside the
                # term belongs to the term ("no POW status").
                cue = negation[start]
                negated = cue is not None
                hits.append(
                    Hit(
                        sentence=sentence_id,
                        frame=frame_id,
                        term=term.text,
                        surface=" ".join(tokens[start:end]),
                        start=start,
                        end=end,
                        weight=term.weight,
                        negated=negated,
                        cue=tokens[cue] if cue is not None else None,
                    )
                )
        hits.sort(key=lambda h: (h.start, h.frame, h.end))
        return hits


def _match_at(tokens: Sequence[str], start: int, pattern: Sequence[str]) -> int | None:
    """End index when ``pattern`` matches ``tokens`` at ``start``, else None."""
    end = start + len(pattern)
    if end > len(tokens):
        return None
    for token, expected in zip(tokens[start:end], pattern, strict=True):
        if expected.endswith("*"):
            if not (token.startswith(expected[:-1]) and is_word(token)):
                return None
        elif token != expected:
            return None
    return end


def _longest_non_overlapping(
    spans: list[tuple[int, int, Term]],
) -> list[tuple[int, int, Term]]:
    """Within one frame, keep the longest match where matches overlap."""
    spans.sort(key=lambda s: (-(s[1] - s[0]), s[0], s[2].text))
    taken: set[int] = set()
    kept: list[tuple[int, int, Term]] = []
    for start, end, term in spans:
        if taken.isdisjoint(range(start, end)):
            kept.append((start, end, term))
            taken.update(range(start, end))
    kept.sort(key=lambda s: s[0])
    return kept


def negation_scope(
    tokens: Sequence[str],
    cues: frozenset[str],
    breakers: frozenset[str] = frozenset(DEFAULT_SCOPE_BREAKERS),
) -> list[int | None]:
    """For each token, the index of the negation cue whose scope covers it, or None.

    A scope starts at the token after a cue and ends before the next
    punctuation mark in :data:`SCOPE_PUNCTUATION`, closing quotation mark, or
    word in ``breakers``. Straight quotes alternate between opening
    and closing within a sentence. A cue token itself lies in the
    scope of an earlier cue only if one is open.

    >>> toks = ["this", "is", "not", "mercenaries", ",", "it", "is", "people"]
    >>> negation_scope(toks, frozenset({"not"}))
    [None, None, None, 2, None, None, None, None]
    """
    scope: list[int | None] = [None] * len(tokens)
    open_cue: int | None = None
    inside_straight_quote = False
    for i, token in enumerate(tokens):
        closes_quote = token in _CLOSING_QUOTES
        if token in _STRAIGHT_QUOTES:
            closes_quote = inside_straight_quote
            inside_straight_quote = not inside_straight_quote
        if closes_quote or token in SCOPE_PUNCTUATION or token in breakers:
            open_cue = None
            continue
        if not is_word(token):
            continue
        scope[i] = open_cue
        if token in cues:
            following = tokens[i + 1] if i + 1 < len(tokens) else ""
            if (token, following) not in PSEUDO_NEGATIONS:
                open_cue = i
    return scope


def match_sentences(sentences: Iterable[Sentence], lexicons: LexiconSet) -> tuple[Hit, ...]:
    """Every hit of every frame in ``sentences``, in sentence order."""
    matcher = Matcher(lexicons)
    hits: list[Hit] = []
    for sentence in sentences:
        hits.extend(matcher.match(sentence))
    return tuple(hits)
