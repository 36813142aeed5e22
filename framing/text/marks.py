"""Quotation marks: which characters they are, which way they face, how they fold to ASCII.

One definition for every stage that reads quotation marks: segmenting
(:mod:`framing.text.segment` folds typographic marks to ASCII for Punkt),
negation scopes (:mod:`framing.lexicons.match` ends a scope at a closing
mark), quotations and speakers (:mod:`framing.analysis.quotes`) and the
quotes that make shared copy (:mod:`framing.analysis.shared`).

A direct quotation is delimited by **double** marks only. Single marks are
not boundaries: they nest inside double ones ("“He called it ‘a trap’”"),
and ’ is also the apostrophe ("Ukraine’s", "don’t"), so it cannot say that a
quotation ends. Curly marks and guillemets say which way they face: “ « „
open and ” » close. „ opens as in German and Polish (where the closing mark
is “ or ”); a German “ that closes a „ is read as opening a new quotation,
a known limit. The straight " faces neither way; the characters around it
decide (:data:`BEFORE_OPENING`, :data:`AFTER_CLOSING`). Negation scopes
are the one reader of single marks: there the straight single quote (and
’, which tokens fold to it) alternates between opening and closing like
the straight double one, and ends a scope when it closes.

Single guillemets (‹ ›), the low single mark ‚ and the reversed ‟ are not
recognised anywhere.
"""

from __future__ import annotations

import re

#: Double quotation marks that open a quotation.
OPENING_DOUBLE = frozenset("“«„")
#: Double quotation marks that close a quotation.
CLOSING_DOUBLE = frozenset("”»")
#: The straight double quote: it opens or closes depending on its neighbours.
STRAIGHT_DOUBLE = '"'
#: The straight single quote, also the ASCII apostrophe.
STRAIGHT_SINGLE = "'"
#: Every double quotation mark, the marks that delimit a direct quotation. Each
#: is a token of its own (:data:`framing.text.segment.TOKEN_PATTERN`), so the
#: set also tells from a sentence's tokens whether it has one.
DOUBLE_MARKS = OPENING_DOUBLE | CLOSING_DOUBLE | {STRAIGHT_DOUBLE}
#: Any one of :data:`DOUBLE_MARKS`.
DOUBLE_MARK_RE = re.compile(f"[{re.escape(''.join(sorted(DOUBLE_MARKS)))}]")

#: Characters after which a straight quote opens (a space or the start does too).
BEFORE_OPENING = frozenset("([{—–-/")
#: Characters before which a straight quote closes (a space or the end does too).
AFTER_CLOSING = frozenset(".,;:!?)]}—–-")

#: Typographic quotation marks and the ASCII quote each folds to, one character
#: for one, so offsets in a folded copy of a text are offsets in the text.
FOLD_TO_ASCII = {"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "«": '"', "»": '"'}
#: The characters :data:`FOLD_TO_ASCII` folds.
TYPOGRAPHIC = frozenset(FOLD_TO_ASCII)
