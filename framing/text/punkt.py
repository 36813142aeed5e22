"""Punkt's sentence boundaries, decided as nltk decides them, at a fraction of the cost.

nltk's :class:`~nltk.tokenize.punkt.PunktSentenceTokenizer` finds each
candidate boundary (".", "?" or "!" followed by punctuation or by white
space and a token), cuts a short context around it (the word before, the
mark, what follows), splits that context into words, wraps every word in a
``PunktToken`` object, annotates the words in two passes through chained
generators, and realigns closing quotes and brackets after the boundaries it
keeps. The decisions are cheap; the objects and generators are most of the
time a paragraph takes.

:class:`FastPunkt` runs the same procedure, step for step, on plain strings:
the same regular expressions (taken from the tokenizer it is built from),
the same contexts, the same first pass (sentence-ending marks, ellipses,
known abbreviations, other period-final words) and the same second pass
(abbreviations and ellipses before a capitalised sentence starter; initials
and ordinal numbers before a word that cannot start a sentence). It is
written for parameters as :mod:`framing.text.segment` builds them: known
abbreviations and sentence starters, no collocations and no orthographic
context (which a trained model would have). With those, Punkt's orthographic
heuristic can only answer "not a sentence start" (the next word is one of
``;:,.!?`` or starts in lower case) or "unknown"; :class:`FastPunkt` refuses
parameters that have collocations or orthographic context, rather than
deciding differently.

``tests/text/test_punkt.py`` compares it with nltk on generated texts full of
abbreviations, initials, ellipses, quotes and numbers;
``benchmarks/golden.py`` and the boundaries of real articles compare it on
whole corpora.
"""

from __future__ import annotations

import re
import string
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nltk.tokenize.punkt import PunktSentenceTokenizer

#: First-pass annotations of a word (nltk's ``sentbreak``, ``abbr``, ``ellipsis``).
_BREAK, _ABBREVIATION, _ELLIPSIS = 1, 2, 3
#: The type nltk gives a number (``PunktToken._get_type``).
_NUMBER = "##number##"
#: Words that never start a sentence (``PunktSentenceTokenizer.PUNCTUATION``).
_PUNCTUATION = frozenset(";:,.!?")
#: What nltk's ``_get_last_whitespace_index`` counts as white space.
_WHITESPACE = tuple(string.whitespace)
#: What can end or split a word for Punkt's word tokenizer, or start a token of
#: its own: a character its ``_re_word_start`` excludes or its
#: ``_re_non_word_chars`` lists, or two periods, together or with one space
#: between them (its ``_re_multi_char_punct``: "..", ". . ."). In a text
#: without any, each whitespace-separated chunk is one word.
_SPECIAL = re.compile(r"""[()"'`{}\[\]:;&#*@,\-?!\u2018\u2019\u201c\u201d\xab\xbb]|\.\.|\.\s\.""")


#: How many distinct contexts :class:`FastPunkt` remembers the decision of; it
#: forgets them all when it holds that many, so that it stays bounded.
CONTEXT_MEMO = 1 << 16


class FastPunkt:
    """The sentence spans nltk's Punkt finds, from the same tokenizer's parameters."""

    def __init__(self, splitter: PunktSentenceTokenizer) -> None:
        params, lang_vars, token = splitter._params, splitter._lang_vars, splitter._Token
        if params.collocations or any(params.ortho_context.values()):
            raise ValueError("FastPunkt decides without collocations or orthographic context")
        self._abbreviations = frozenset(params.abbrev_types)
        self._starters = frozenset(params.sent_starters)
        self._sent_end_chars = frozenset(lang_vars.sent_end_chars)
        self._period_context: re.Pattern[str] = lang_vars.period_context_re()
        self._words = lang_vars._word_tokenizer_re().findall
        self._realignment = lang_vars.re_boundary_realignment.match
        self._numeric_sub = token._RE_NUMERIC.sub
        self._is_ellipsis = token._RE_ELLIPSIS.match
        self._is_initial = token._RE_INITIAL.match
        #: context -> whether it holds a break (:meth:`_contains_break`, which
        #: reads nothing else), for contexts seen before ("said. The").
        self._breaks: dict[str, bool] = {}

    def span_tokenize(self, text: str) -> list[tuple[int, int]]:
        """What ``PunktSentenceTokenizer.span_tokenize(text)`` yields, as a list."""
        slices = []
        last_break = 0
        breaks = self._breaks
        for match, context in self._contexts(text):
            found = breaks.get(context)
            if found is None:
                if len(breaks) >= CONTEXT_MEMO:
                    breaks.clear()
                found = breaks[context] = self._contains_break(context)
            if found:
                slices.append((last_break, match.end()))
                last_break = match.start("next_tok") if match.group("next_tok") else match.end()
        slices.append((last_break, len(text.rstrip())))
        return self._realign(text, slices)

    def _contexts(self, text: str) -> list[tuple[re.Match[str], str]]:
        """Each candidate boundary with its context (``_match_potential_end_contexts``).

        The context is the word before the mark (from the last white space
        since the previous candidate), the mark, and what follows it. A
        candidate whose word overlaps the previous candidate's replaces it.
        """
        found = []
        previous: re.Match[str] | None = None
        previous_start = previous_stop = 0
        for match in self._period_context.finditer(text):
            start = match.start()
            before = text[previous_stop:start]
            space = before.rfind(" ")
            if not before[space + 1 :].isprintable():  # another kind of white space after it?
                space = max(map(before.rfind, _WHITESPACE))
            word_start = previous_stop + space + 1 if space > 0 else previous_start
            if previous is not None and previous_stop <= word_start:
                found.append(
                    (
                        previous,
                        text[previous_start:previous_stop]
                        + previous.group()
                        + previous.group("after_tok"),
                    )
                )
            previous, previous_start, previous_stop = match, word_start, start
        if previous is not None:
            found.append(
                (
                    previous,
                    text[previous_start:previous_stop]
                    + previous.group()
                    + previous.group("after_tok"),
                )
            )
        return found

    def _contains_break(self, context: str) -> bool:
        """Whether a word of ``context`` other than its last ends a sentence.

        ``text_contains_sentbreak``: the words of each line, annotated by the
        first pass, then the second pass on each word and the one after it.
        """
        if _SPECIAL.search(context) is None:
            words = context.split()
        elif "\n" in context:
            words = [word for line in context.split("\n") for word in self._words(line)]
        else:
            words = self._words(context)
        if len(words) < 2:  # the last word is never a break
            return False
        first = list(map(self._first_pass, words))
        for i in range(len(words) - 1):
            if self._second_pass(words[i], first[i], words[i + 1], first[i + 1]):
                return True
        return False

    def _first_pass(self, word: str) -> int:
        """Punkt's annotation of a word from its type alone (``_first_pass_annotation``)."""
        if word in self._sent_end_chars:
            return _BREAK
        if self._is_ellipsis(word):
            return _ELLIPSIS
        if word.endswith(".") and not word.endswith(".."):
            stem = word[:-1].lower()
            if stem in self._abbreviations or stem.split("-")[-1] in self._abbreviations:
                return _ABBREVIATION
            return _BREAK
        return 0

    def _second_pass(
        self, word: str, annotation: int, following: str, next_annotation: int
    ) -> bool:
        """Whether ``word`` ends a sentence, given the next word (``_second_pass_annotation``)."""
        if not word.endswith("."):
            return annotation == _BREAK
        initial = self._is_initial(word) is not None
        if (
            annotation in (_ABBREVIATION, _ELLIPSIS)
            and not initial
            # the orthographic heuristic never says "starts a sentence" here
            and following[0].isupper()
            and self._type_no_sentperiod(following, next_annotation) in self._starters
        ):
            return True
        if initial or self._type_no_period(word) == _NUMBER:
            if following in _PUNCTUATION or following[0].islower():  # "not a sentence start"
                return False
            if initial and following[0].isupper():  # "unknown", and a capital follows
                return False
        return annotation == _BREAK

    def _type_no_period(self, word: str) -> str:
        """nltk's ``type_no_period``: the lower-cased word, numbers as one type, no final period."""
        kind = self._numeric_sub(_NUMBER, word.lower())
        return kind[:-1] if len(kind) > 1 and kind[-1] == "." else kind

    def _type_no_sentperiod(self, word: str, annotation: int) -> str:
        """nltk's ``type_no_sentperiod``: the type, without its period if it ends a sentence."""
        if annotation == _BREAK:
            return self._type_no_period(word)
        return self._numeric_sub(_NUMBER, word.lower())

    def _realign(self, text: str, slices: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Move closing quotes and brackets after a boundary into its sentence.

        nltk's ``_realign_boundaries``.
        """
        spans = []
        realign = 0
        for k, (start, stop) in enumerate(slices):
            start += realign
            if k + 1 == len(slices):
                if text[start:stop]:
                    spans.append((start, stop))
                continue
            next_start, next_stop = slices[k + 1]
            m = self._realignment(text[next_start:next_stop])
            if m:
                spans.append((start, next_start + len(m.group(0).rstrip())))
                realign = m.end()
            else:
                realign = 0
                if text[start:stop]:
                    spans.append((start, stop))
        return spans
