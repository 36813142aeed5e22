"""Cue phrases (negation aside) found in tokenized sentences: rebuttal, distancing, subjects.

A set's stance cues ("accused of", "so-called", "deni*") and its subjects are
phrases of one or more words, a ``*`` ending a word. :class:`Cues` indexes
them by their first word so that a sentence is scanned once, whatever the
number of cues; :mod:`framing.lexicons.match` reads hits with them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from itertools import chain
from operator import itemgetter

from framing.text.segment import is_word, tokenize

#: Minimizers that "a" or "quite" before them undo ("a few" is not "few").
_UNDONE = frozenset({"few", "little"})
#: Words that make such a minimizer a quantity or an adjective: "a few", "the
#: few extremists among them", "the little town where they trained".
_UNDOING = frozenset(
    {"a", "quite", "the", "this", "that", "these", "those", "his", "her", "its", "our", "their",
     "my", "your"}
)  # fmt: skip
#: Words of doubt and surprise: a negation or a minimizer before one says the
#: doubt is absent, and so affirms what follows ("there is no doubt that
#: they are heroes", "little wonder", "not surprising that", "few doubt").
AFFIRMING_HEADS = frozenset(
    {"doubt", "doubts", "doubted", "surprise", "surprising", "surprised", "wonder", "secret",
     "denying", "deny", "denies", "denied"}
)  # fmt: skip
#: Forms of "rule": a negation before "rule out" leaves the possibility open.
_RULE = frozenset({"rule", "rules", "ruled", "ruling"})
#: Words that may stand between such a cue and its head ("not a surprise", "no one doubts").
_BEFORE_HEAD = frozenset({"a", "an", "the", "one", "real", "great", "much"})
#: A token's first three letters, the key of the wildcard cues (:attr:`Cues.prefixed`).
_HEAD = itemgetter(slice(0, 3))


class Cues:
    """Cue phrases indexed by their first word, so a sentence is scanned once.

    A word ending in ``*`` matches any ending. "a few" and "a little" are
    not minimizers, so "few" and "little" after "a" or "quite" are skipped,
    as after a determiner ("the few extremists", "the little town"),
    and so are "few" and "little" before a doubt ("little doubt that …",
    :func:`affirms`).
    """

    def __init__(self, cues: Sequence[str]) -> None:
        self.exact: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        #: Wildcard cues by the first three letters of their prefix ("" if shorter).
        self.prefixed: dict[str, list[tuple[str, tuple[str, ...]]]] = defaultdict(list)
        for cue in cues:
            words: list[str] = []
            for word in cue.split():
                parts = tokenize(word.rstrip("*"))
                if word.endswith("*") and parts:
                    parts[-1] += "*"
                words += parts
            if not words:
                continue
            if words[0].endswith("*"):
                prefix = words[0][:-1]
                head = prefix[:3] if len(prefix) >= 3 else ""
                self.prefixed[head].append((prefix, tuple(words)))
            else:
                self.exact[words[0]].append(tuple(words))
        self._firsts = frozenset(self.exact)
        self._heads = frozenset(h for h in self.prefixed if h)
        # A sentence can hold a cue only if it has the cue's longest whole
        # word ("the definition of": "definition"), or, for a cue of wildcard
        # words only, a token with the head of its first word.
        anchors: set[str] = set()
        wild_heads: set[str] = set()
        self._any_short = False
        every: list[tuple[str, ...]] = [*chain.from_iterable(self.exact.values())]
        every += [words for entries in self.prefixed.values() for _, words in entries]
        for phrase in every:
            whole = [w for w in phrase if not w.endswith("*")]
            if whole:
                anchors.add(max(whole, key=len))
            elif len(phrase[0]) - 1 >= 3:
                wild_heads.add(phrase[0][:3])
            else:
                self._any_short = True
        self._anchors = frozenset(anchors)
        self._wild_heads = frozenset(wild_heads)
        #: Cues of one whole word, found by a set test (not "few" and "little",
        #: which "a" before them undoes).
        self._single = frozenset(
            words[0]
            for words in every
            if len(words) == 1 and not words[0].endswith("*") and words[0] not in _UNDONE
        )

    def occurs(self, tokens: Sequence[str]) -> bool:
        """Whether any cue occurs in ``tokens`` (``bool(find(tokens))``, mostly by a set test)."""
        return not self._single.isdisjoint(tokens) or bool(self.find(tokens))

    def __bool__(self) -> bool:
        return bool(self.exact or self.prefixed)

    def find(self, tokens: Sequence[str]) -> list[tuple[int, int]]:
        """Token spans where a cue occurs, in order."""
        if (
            not self._any_short
            and self._anchors.isdisjoint(tokens)
            and (not self._wild_heads or self._wild_heads.isdisjoint(map(_HEAD, tokens)))
        ):
            return []  # most sentences have no cue: two set tests in C
        firsts, heads, short = self._firsts, self._heads, "" in self.prefixed
        starts = [
            i for i, token in enumerate(tokens) if token in firsts or token[:3] in heads or short
        ]
        spans = []
        for i in starts:
            token = tokens[i]
            candidates = list(self.exact.get(token, ()))
            for head in (token[:3], ""):
                for prefix, cue in self.prefixed.get(head, ()):
                    if token.startswith(prefix) and is_word(token):
                        candidates.append(cue)
            for cue in candidates:
                end = i + len(cue)
                if end > len(tokens):
                    continue
                if not all(token_is(tokens[i + k], c) for k, c in enumerate(cue[1:], 1)):
                    continue
                if cue[0] in _UNDONE and i > 0 and tokens[i - 1] in _UNDOING:
                    continue
                if cue[0] in _UNDONE and affirms(tokens, i):  # "little doubt that …"
                    continue
                spans.append((i, end))
        return spans


def affirms(tokens: Sequence[str], cue: int) -> bool:
    """Whether the negation or minimizer at ``cue`` negates a doubt, so affirming what follows.

    Its next word (after an article or "one": "not a surprise", "no one
    doubts") is one of :data:`AFFIRMING_HEADS`, or "question" before "that"
    ("there is no question that …"; "no question of prosecution" still
    negates), or a form of "rule" before "out": a possibility not ruled out
    stays open ("the government has not ruled out prosecuting them").
    """
    i = cue + 1
    while i < len(tokens) and tokens[i] in _BEFORE_HEAD:
        i += 1
    if i >= len(tokens):
        return False
    following = tokens[i + 1] if i + 1 < len(tokens) else ""
    if tokens[i] == "question":
        return following == "that"
    if tokens[i] in _RULE:
        return following == "out"
    return tokens[i] in AFFIRMING_HEADS


#: The cue of an "if" that asks, as "whether" does (:func:`asks_if`).
ASKING_IF = "if"
#: Words after which "if" asks rather than sets a condition: "it is not
#: clear if", "officials would not say if … ", "asked if", "remains to be
#: seen if". ("said if" is left out: "he said if they are captured …" is a
#: condition.)
_ASKING_BEFORE_IF = frozenset(
    {"clear", "unclear", "sure", "unsure", "certain", "uncertain", "know", "knows", "knew",
     "known", "ask", "asks", "asked", "asking", "wonder", "wonders", "wondered", "wondering",
     "seen", "decide", "decides", "decided", "determine", "determined", "confirm", "confirms",
     "confirmed", "check", "checked"}
)  # fmt: skip


def asks_if(tokens: Sequence[str], i: int) -> bool:
    """Whether token ``i`` is an "if" that asks, as "whether" does ("not clear if")."""
    return tokens[i] == ASKING_IF and i > 0 and tokens[i - 1] in _ASKING_BEFORE_IF


def token_is(token: str, cue: str) -> bool:
    """Whether a token is a cue's word (a ``*`` ending the word matches any ending)."""
    if cue.endswith("*"):
        return token.startswith(cue[:-1]) and is_word(token)
    return token == cue


#: Reflexive pronouns: a label the story's people give themselves is theirs.
REFLEXIVES = frozenset({"themselves", "himself", "herself", "myself", "ourselves", "yourself"})


def said_of_others(tokens: Sequence[str], spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The cue spans not followed by a reflexive pronoun.

    "Moscow portrayed them as mercenaries" attributes the label to Moscow;
    "they portrayed themselves as defenders of freedom" is the people's own
    word for themselves, which the outlet reports as their view.
    """
    return [(a, b) for a, b in spans if b >= len(tokens) or tokens[b] not in REFLEXIVES]
