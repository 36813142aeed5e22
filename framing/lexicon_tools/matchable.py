"""Whether a lexicon entry can ever match: the checks on one term.

:func:`unmatchable_reasons` says why the matcher can never (or can hardly)
find a term in articles; :func:`swallowing_wildcard` finds another wildcard
entry that already matches everything a term matches. Both
``framing lexicon validate`` and :func:`~framing.lexicon_tools.add.add_terms`
use them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from itertools import pairwise

from framing.lexicon_tools.problems import ERROR, WARNING, Severity
from framing.lexicons.match import Matcher
from framing.model import Frame, LexiconSet, Term, is_gap
from framing.text.marks import CLOSING_DOUBLE, OPENING_DOUBLE, STRAIGHT_DOUBLE, STRAIGHT_SINGLE
from framing.text.segment import tokenize

#: An apostrophe clitic written apart from its word: "ukraine 's", "they 're".
_CLITIC_APART_RE = re.compile(r"(?:^|(?<=\w)\s+)['’](?:s|t|re|ve|ll|d|m)\b", re.IGNORECASE)
#: A hyphen written apart from one of its words: "far -right", "far- right", "-based".
_HYPHEN_APART_RE = re.compile(r"(?:^|(?<=\w)\s+)-(?=\w)|(?<=\w)-\s+(?=\w)")
_SENTENCE_END = frozenset(".!?")
#: What may open or close around a word: quotation marks (framing.text.marks) and brackets.
_OPENERS = "".join(sorted(OPENING_DOUBLE | {STRAIGHT_DOUBLE, STRAIGHT_SINGLE, "‘"})) + "(["
_CLOSERS = "".join(sorted(CLOSING_DOUBLE | {STRAIGHT_DOUBLE, STRAIGHT_SINGLE, "’"})) + ")]"
#: Punkt's tests for a number ("2022.") and an initial ("J.") before a period.
_NUMERIC_RE = re.compile(r"^-?[\.,]?\d[\d,\.-]*\.?$")
_INITIAL_RE = re.compile(r"^[^\W\d]\.$")


def swallowing_wildcard(
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
    body = sample_text(term)
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
    has_slot = any(t == "*" or is_gap(t) for t in term.tokens)
    if not has_slot and [t.rstrip("*") for t in term.tokens] != before_period:
        return [
            (
                WARNING,
                f"term {term.text!r} matches only where no '.' follows it: followed by '.', "
                f"its text is tokenized {' '.join(tokenize(body + '.'))} "
                f"(write it as it appears in articles, e.g. {body + '.'!r})",
            )
        ]
    return []


_GAP_TEXT_RE = re.compile(r"\{\s*(\d+)\s*,\s*\d+\s*\}|(?<!\S)\*(?!\S)")


def sample_text(term: Term) -> str:
    """The term as an article could write it: ``*`` endings dropped, gaps filled with words.

    >>> from framing.lexicons.terms import parse_term
    >>> sample_text(parse_term("help {0,3} refugees"))
    'help x refugees'
    >>> sample_text(parse_term("defend* the border*"))
    'defend the border'
    """

    def fill(match: re.Match[str]) -> str:
        return " ".join(["x"] * max(int(match.group(1) or 1), 1))

    filled = _GAP_TEXT_RE.sub(fill, term.text)
    return re.sub(r"(?<=\w)\*", "", filled)


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
