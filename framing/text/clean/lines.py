"""The cleaner's line model: a saved page as numbered, trimmed, non-blank lines.

Every non-blank source line becomes one :class:`_Line` (trimmed, a leading
bullet character dropped) that the rules then mark with a removal reason.
This module also holds what several steps compare lines by: the key for
spotting repeats, the key for matching the manifest title, and the shape of
a sentence end and of a news dateline (used both to find appended stories
and to lay out headline and deck).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_BULLET_CHARS = "•◦▪▫‣⁃●○■□►▸▶➢✓✔·*-"
_BULLET_RE = re.compile(r"(?:[•◦▪▫‣⁃●○■□►▸▶➢✓✔·]|[-*](?=\s))\s*")

# "OSLO: ...", "LYON, France (AFP) — ...": a news dateline opening a paragraph.
_DATELINE_RE = re.compile(
    r"[A-Z][A-Z.'’ -]{1,30}(?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})?"
    r"\s*(?:\([^()]{1,40}\))?\s*(?::|—|–|--)\s+\S"
)
_SENTENCE_END_CHARS = ".!?…"
_CLOSING_CHARS = "\"'”’)]»"
_NON_ASCII_SPACE_RE = re.compile("[\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")
_TITLE_KEY_RE = re.compile(r"[^\w\s]+")


# --------------------------------------------------------------------------
# Line model
# --------------------------------------------------------------------------


@dataclass(slots=True)
class _Line:
    """One non-blank source line and what the rules decided about it."""

    number: int
    raw: str
    text: str
    bullet: bool
    blank_before: bool
    blank_after: bool
    n_words: int
    key: str  # case-folded, whitespace collapsed: for spotting repeats
    reason: str | None = None
    date: str | None = None
    forced_deck: bool = False


def _repeat_key(text: str) -> tuple[str, int]:
    """``(key, number of words)``: the key is case-folded with spaces collapsed.

    Most lines have single ASCII spaces only; for them the key is just the
    case-folded text and words are counted by their spaces, which avoids
    splitting every line of a large corpus into words.
    """
    key = text.casefold()
    if "  " in key or "\t" in key or (not key.isascii() and _NON_ASCII_SPACE_RE.search(key)):
        words = key.split()
        return " ".join(words), len(words)
    return key, key.count(" ") + 1


def _title_key(text: str) -> str:
    """Key for comparing a line with the manifest title: words only, case-folded."""
    return " ".join(_TITLE_KEY_RE.sub(" ", text.casefold()).split())


def _split_lines(text: str) -> list[str]:
    """Source lines; ``\\r\\n`` and ``\\r`` count as line ends like ``\\n``."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.split("\n")


def _parse_lines(text: str) -> list[_Line]:
    """The non-blank lines of ``text``, trimmed and with bullets dropped."""
    source = _split_lines(text)
    lines: list[_Line] = []
    blank_before = True
    for number, raw in enumerate(source, start=1):
        stripped = raw.strip()
        if not stripped:
            blank_before = True
            if lines:
                lines[-1].blank_after = True
            continue
        bullet = False
        if stripped[0] in _BULLET_CHARS:
            match = _BULLET_RE.match(stripped)
            if match and match.end() < len(stripped):
                stripped = stripped[match.end() :]
                bullet = True
        key, n_words = _repeat_key(stripped)
        lines.append(
            _Line(
                number=number,
                raw=raw,
                text=stripped,
                bullet=bullet,
                blank_before=blank_before,
                blank_after=False,
                n_words=n_words,
                key=key,
            )
        )
        blank_before = False
    return lines


def _ends_sentence(text: str) -> bool:
    """Whether the line ends like a sentence (final punctuation, maybe quoted)."""
    trimmed = text.rstrip(_CLOSING_CHARS + " ")
    return bool(trimmed) and trimmed[-1] in _SENTENCE_END_CHARS
