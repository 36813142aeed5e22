"""Headline and deck: how the kept lines of a document are laid out.

Once the removal rules have run, a leading date is cut off the lines in
front of the headline (rule 5, :func:`_split_date_prefixes`), and the kept
lines are split into headline, deck and body paragraphs (rule 7,
:func:`_layout`): the headline is the first remaining line when it matches
the manifest title (or, without a title, when it is short and title-like);
short lines before it and short summary lines right after it form the deck;
everything else is the body.
"""

from __future__ import annotations

from collections.abc import Sequence

from framing.model import RemovedSpan
from framing.text.clean.dates import _DATE_PREFIX_RE, _DATE_PREFIX_SEPARATOR_RE, _iso_from_match
from framing.text.clean.lines import _DATELINE_RE, _ends_sentence, _Line, _title_key
from framing.text.clean.rules import REASON_DATE

# Headline, deck and body shape.
_HEADLINE_MAX_WORDS = 25
_DECK_BEFORE_MAX_WORDS = 60
_DECK_AFTER_MAX_WORDS = 40
_HEADLINE_SEARCH = 3


# --------------------------------------------------------------------------
# Date prefixes (rule 5)
# --------------------------------------------------------------------------


def _split_date_prefixes(
    lines: Sequence[_Line], title_key: str | None, document: str
) -> list[RemovedSpan]:
    """Rule 5: cut a leading date off the lines in front of the headline.

    The lines in front of the headline are the kept lines before the one
    matching the manifest title, or the first kept line without a title. The
    rest of such a line is kept, as deck unless it is the manifest title.
    """
    kept = [line for line in lines if line.reason is None]
    head = kept[:1]
    if title_key:
        title_at = next(
            (
                k
                for k, line in enumerate(kept[:_HEADLINE_SEARCH])
                if _title_key(line.text) == title_key
            ),
            None,
        )
        head = kept[:title_at] if title_at is not None else kept[:1]
    spans: list[RemovedSpan] = []
    for line in head:
        match = _DATE_PREFIX_RE.match(line.text)
        iso = _iso_from_match(match) if match else None
        if not match or not iso:
            continue
        separator = _DATE_PREFIX_SEPARATOR_RE.match(line.text, match.end())
        assert separator is not None  # the pattern also matches the empty string
        rest = line.text[separator.end() :]
        if not rest:
            continue
        spans.append(RemovedSpan(document, match.group(0).strip(), REASON_DATE, line.number))
        line.date = line.date or iso
        line.text = rest
        line.n_words = len(rest.split())
        line.forced_deck = _title_key(rest) != title_key
    return spans


# --------------------------------------------------------------------------
# Headline and deck (rule 7)
# --------------------------------------------------------------------------


def _is_headline_like(line: _Line) -> bool:
    """Without a manifest title: short, and no final period or set off by a blank line."""
    if line.n_words > _HEADLINE_MAX_WORDS:
        return False
    if not line.text.endswith("."):
        return True
    return line.blank_after and not _DATELINE_RE.match(line.text)


def _is_summary_line(line: _Line) -> bool:
    """A deck line after the headline: a bullet, or a short line that is not a sentence."""
    if _DATELINE_RE.match(line.text):
        return False
    if line.bullet:
        return True
    return line.n_words <= _DECK_AFTER_MAX_WORDS and not _ends_sentence(line.text)


def _layout(
    kept: Sequence[_Line], title_key: str | None
) -> tuple[str | None, list[str], list[str]]:
    """Split the kept lines into ``(headline, deck, paragraphs)``."""
    start = 0
    while start < len(kept) and kept[start].forced_deck:
        start += 1
    before = list(kept[:start])
    headline_at: int | None = None
    if title_key:
        for k in range(start, min(start + _HEADLINE_SEARCH, len(kept))):
            if _title_key(kept[k].text) == title_key:
                headline_at = k
                break
    elif start < len(kept) and _is_headline_like(kept[start]):
        headline_at = start
    if headline_at is None:
        deck = [line.text for line in before]
        return None, deck, [line.text for line in kept[start:]]

    body: list[_Line] = []
    for line in kept[start:headline_at]:
        (before if line.n_words <= _DECK_BEFORE_MAX_WORDS else body).append(line)
    after = headline_at + 1
    while after < len(kept) and _is_summary_line(kept[after]):
        after += 1
    deck = [line.text for line in [*before, *kept[headline_at + 1 : after]]]
    paragraphs = [line.text for line in [*body, *kept[after:]]]
    return kept[headline_at].text, deck, paragraphs
