"""Direct quotations within one sentence: its quotation marks, their spans, the masked text.

Marks are the double quotation marks of :mod:`framing.text.marks`; a
straight quote takes its direction from the characters around it. The
attribution is read in a *masked* copy of the sentence, in which every
quotation is replaced by filler of the same length, so offsets hold and no
word inside a quotation is taken for a speaker or a speech verb.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from framing.text.marks import (
    AFTER_CLOSING,
    BEFORE_OPENING,
    CLOSING_DOUBLE,
    DOUBLE_MARK_RE,
    OPENING_DOUBLE,
)

#: Filler for quotations in the masked text: same length, so offsets hold.
_FILL = "\x00"


class _Span(NamedTuple):
    """A direct quotation within one sentence.

    ``start``/``end`` delimit its text, ``outer_start``/``outer_end`` also its
    marks; ``open_in`` says it continues from the previous sentence.
    """

    start: int
    end: int
    outer_start: int
    outer_end: int
    open_in: bool


def _marks(text: str) -> list[tuple[int, int]]:
    """Quotation marks of a text: (offset, 1 opens / -1 closes / 0 either)."""
    found: list[tuple[int, int]] = []
    n = len(text)
    for m in DOUBLE_MARK_RE.finditer(text):
        i = m.start()
        ch = text[i]
        if ch in OPENING_DOUBLE:
            found.append((i, 1))
        elif ch in CLOSING_DOUBLE:
            found.append((i, -1))
        else:
            prev = text[i - 1] if i else " "
            nxt = text[i + 1] if i + 1 < n else " "
            left_open = prev.isspace() or prev in BEFORE_OPENING
            if left_open and not nxt.isspace():
                found.append((i, 1))
            elif not left_open and (nxt.isspace() or nxt in AFTER_CLOSING):
                found.append((i, -1))
            else:
                found.append((i, 0))
    return found


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``start``/``end`` moved past surrounding spaces and a trailing comma."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def _spans(text: str, marks: list[tuple[int, int]], inside: bool) -> tuple[list[_Span], bool]:
    """The quotations of one sentence, and whether one is still open at its end.

    ``inside`` says the sentence starts inside a quotation. A closing mark
    with nothing open is ignored; an opening mark inside an open quotation
    ends it and opens a new one. An open quotation runs to the sentence's end.
    """
    spans: list[_Span] = []
    open_at = 0 if inside else -1
    outer = 0
    open_in = inside

    def close(end: int, outer_end: int) -> None:
        start, stop = _trimmed(text, open_at, end)
        if start < stop:
            spans.append(_Span(start, stop, outer, outer_end, open_in))

    for pos, direction in marks:
        if open_at < 0:
            if direction >= 0:
                open_at, outer, open_in = pos + 1, pos, False
        elif direction == 1:
            close(pos, pos)
            open_at, outer, open_in = pos + 1, pos, False
        else:
            close(pos, pos + 1)
            open_at = -1
    if open_at < 0:
        return spans, False
    close(len(text), len(text))
    return spans, True


def _starts_inside(marks: Sequence[tuple[int, int]]) -> bool:
    """Whether a sentence with these :func:`_marks` continues a quotation opened before it.

    It does when its first mark does not open one: a closing mark, or a
    straight quote that may close.
    """
    return bool(marks) and marks[0][1] <= 0


def quote_spans(text: str) -> list[str]:
    """The direct quotations of a sentence read on its own, in order, marks excluded.

    The quotations :func:`~framing.analysis.quotes.extract_quotes` finds in
    a sentence, without the document around it: a sentence whose first mark
    does not open a quotation continues one opened before it, and a
    quotation still open at the end runs to the end of the sentence. Spaces
    around a quotation and a comma ending it are left out.

    >>> quote_spans('“They feel,” he said, "that they must go.')
    ['They feel', 'that they must go.']
    >>> quote_spans('This is just panic," Liliya Marynchak said.')
    ['This is just panic']
    """
    marks = _marks(text)
    spans, _ = _spans(text, marks, _starts_inside(marks))
    return [text[span.start : span.end] for span in spans]


def _mask(text: str, spans: Sequence[_Span]) -> str:
    """``text`` with each quotation, marks included, replaced by filler of the same length."""
    pieces: list[str] = []
    last = 0
    for span in spans:
        pieces.append(text[last : span.outer_start])
        pieces.append(_FILL * (span.outer_end - span.outer_start))
        last = span.outer_end
    pieces.append(text[last:])
    return "".join(pieces)


def _words(masked: str, start: int, end: int) -> int:
    """Words of ``masked[start:end]`` outside quotations, counted by whitespace."""
    piece = masked[start:end]
    if _FILL in piece:
        piece = piece.replace(_FILL, " ")
    return len(piece.split())


def _merged(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character ranges in order, those that overlap or touch merged into one."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out
