"""Questions: a frame raised in a question is asked about, not asserted.

"Heroes or mercenaries?" and "Are the volunteers mercenaries?" raise both
labels without saying that either fits; a careful coder codes neither as
support, nor as a denial ("Aren't they heroes?" does not deny heroism).
:func:`asks_about` finds a term inside such a question, which
:mod:`framing.lexicons.match` reads like a doubt: ``uncertain`` (or support,
for a term whose doubt is its frame's content).

Questions that take their content as given are left to the other rules:

* a *wh*-question presupposes what it asks about: "Why are Americans ready
  to die for Ukraine?" takes their readiness as a fact;
* a term in a relative clause inside a question is presupposed too: "Will
  the volunteers who came to defend freedom be protected?";
* a tag question asserts its clause: in "They are heroes, aren't they?"
  the question is only "aren't they".

The question is the clause that ends with the question mark: it starts after
the last sentence mark, colon or quotation mark before it, after a scope
breaker ("but are they protected?"), or at a comma followed by an auxiliary
or a *wh*-word ("If captured, will they be protected?"). A clause of more
than :data:`QUESTION_TOKENS` tokens on either side of the term is not read
as a question.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from framing.lexicons.patterns import QUOTE_TOKENS
from framing.lexicons.scope import COPULAS

#: What the matcher names as the cue of a hit read inside a question.
QUESTION_CUE = "question"

#: Words that open a question presupposing its content.
WH_WORDS = frozenset({"why", "how", "what", "who", "whom", "whose", "where", "when", "which"})
#: Auxiliaries and modals that open a yes-no question ("are", "will", "wo" of "won't").
AUXILIARIES = frozenset(
    {"am", "is", "are", "was", "were", "do", "does", "did", "have", "has", "had", "will", "wo",
     "would", "can", "ca", "could", "should", "shall", "may", "might", "must"}
)  # fmt: skip
#: Relative words: a clause they open inside a question is presupposed.
_RELATIVES = frozenset({"who", "whom", "whose", "which"})
#: Verbs that end such a relative clause: the question's own verb resumes.
_MAIN_VERBS = AUXILIARIES | COPULAS
#: Words that may come before a question's first word ("and why …", "so are they …").
_LEADING = frozenset({"and", "so", "or", "then", "now", "yet", "but"})
#: Tokens that end the clause before a question.
_CLAUSE_MARKS = frozenset({".", "!", "?", ";", ":"})
#: How many tokens a question's clause may hold on either side of a term.
#: A longer one is read as no question, and each hit's scan stays bounded
#: on a run-on "sentence" of thousands of tokens.
QUESTION_TOKENS = 50


def asks_about(
    tokens: Sequence[str], start: int, end: int, breakers: Collection[str] = frozenset()
) -> bool:
    """Whether a yes-no or either-or question asks about the term at tokens ``start``-``end``.

    ``breakers`` are the set's scope breakers ("but", "although"), which
    start a new clause.
    """
    if not _clause_asks(tokens, end, breakers):
        return False
    opening = _question_start(tokens, start, breakers)
    if opening is None:
        return False
    lead = [t for t in tokens[opening:start] if t not in _LEADING]
    if lead[:1] and lead[0] in WH_WORDS:
        return False  # "why are they ready to die …?" takes it as given
    return not _in_relative_clause(lead)


def _clause_asks(tokens: Sequence[str], end: int, breakers: Collection[str]) -> bool:
    """Whether the clause after token ``end`` runs on to a question mark.

    A sentence mark, a scope breaker ("…, but are they protected?") or a
    comma before an auxiliary or a *wh*-word ("if captured, will they …?",
    the tag of "they are heroes, aren't they?") starts another clause first.
    """
    for i in range(end, min(len(tokens), end + QUESTION_TOKENS + 1)):
        token = tokens[i]
        if token == "?":
            return True
        if token in _CLAUSE_MARKS or token in breakers:
            return False
        if token == "," and i + 1 < len(tokens) and _opens_question(tokens[i + 1]):
            return False
    return False


def _question_start(tokens: Sequence[str], start: int, breakers: Collection[str]) -> int | None:
    """The first token of the question that holds token ``start``; None past the bound.

    The clause starts after the last sentence mark, colon, quotation mark or
    scope breaker before the term, or at a comma followed by an auxiliary or
    a *wh*-word ("In Ukraine, are they …?").
    """
    for i in range(start - 1, max(-1, start - 2 - QUESTION_TOKENS), -1):
        token = tokens[i]
        if token in _CLAUSE_MARKS or token in QUOTE_TOKENS or token in breakers:
            return i + 1
        if token == "," and i + 1 < start and _opens_question(tokens[i + 1]):
            return i + 1
    return 0 if start <= QUESTION_TOKENS else None


def _opens_question(word: str) -> bool:
    return word in AUXILIARIES or word in WH_WORDS


def _in_relative_clause(lead: Sequence[str]) -> bool:
    """Whether the words before the term (from the question's start) leave it in a relative clause.

    After "who", "which" …, the clause runs until a verb of the question's
    own: an auxiliary, or "be", not the one just after the relative word.
    "Will those who came to defend freedom …": *freedom* is in the clause;
    "… who came be treated as mercenaries?": *mercenaries* is not.
    """
    relative = max((i for i, t in enumerate(lead) if t in _RELATIVES), default=None)
    if relative is None:
        return False
    return not any(t in _MAIN_VERBS for t in lead[relative + 2 :])
