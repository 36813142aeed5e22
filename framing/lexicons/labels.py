"""Labels given by others: a term named as someone's word is attributed, not asserted.

:func:`label_stance` finds, around a term, the words by which a sentence
gives it as a label rather than says it of anyone: an appositive that names
the term and rejects it (:func:`rejected_in_apposition`: "mercenaries, a
label Kyiv rejects", or "mercenaries, which Kyiv denies"), a label noun
before "as" and the term (:func:`labelled_as`: "their portrayal as
mercenaries"), and a free relative that gives it as someone's name
(:func:`called_by_others`: "what Moscow calls mercenaries").
:mod:`framing.lexicons.match` reads such a term as rebutted.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from framing.lexicons.cues import Cues
from framing.lexicons.scope import (
    ARTICLES,
    ASIDE_WORDS,
    CLAUSE_WORDS,
    COORDINATORS,
    NEW_SUBJECT,
    asides,
    mark_at,
)
from framing.text.segment import is_word

#: How many words an appositive may hold before its label noun ("a label",
#: "the same charge"), and between the noun and the rejection ("a label that
#: Kyiv has long rejected").
APPOSITIVE_LEAD_WORDS = 2
APPOSITIVE_WORDS = 5
#: Words that cannot lead up to an appositive's label noun (a new clause).
_LEAD_STOPS = NEW_SUBJECT | CLAUSE_WORDS
#: Words that start another clause between "which" and a rejection.
_WHICH_STOPS = CLAUSE_WORDS | {"why", "how", "what", "that", "who", "because"}


def rejected_in_apposition(
    tokens: Sequence[str],
    end: int,
    labels: Cues,
    rejections: Sequence[tuple[int, int]],
    negations: Collection[str],
    breakers: Collection[str],
    limit: int,
) -> tuple[int, int] | None:
    """The rejection in an appositive that names the term ending at token ``end`` and rejects it.

    "Russia calls them mercenaries, a label Kyiv rejects"; "they were called
    terrorists — a charge their families deny". After the term's clause (at
    most ``limit`` words, no scope breaker, and a conjunction only before a
    last item of at most two words: "mercenaries and terrorists, a label …",
    not "heroes and were called mercenaries, a label …") a comma or a dash
    opens the appositive, maybe after a short aside ("mercenaries, Moscow
    says, a claim Kyiv rejects"): a label noun (``labels``) after at most
    :data:`APPOSITIVE_LEAD_WORDS` words, then one of ``rejections`` (spans
    of rebuttal cues) within :data:`APPOSITIVE_WORDS` words, no negation
    between ("a charge they never denied" accepts it). Returns the
    rejection's span; "they are mercenaries, a label that fits" has none.
    """
    i, after_and = end, None  # the words after a conjunction, if any
    while i < len(tokens) and is_word(tokens[i]):
        token = tokens[i]
        if token in breakers or i - end >= limit:
            return None
        if token in CLAUSE_WORDS:
            if token not in COORDINATORS or after_and is not None:
                return None
            after_and = 0
        elif after_and is not None and token not in ARTICLES:
            after_and += 1
        i += 1
    opened = mark_at(tokens, i) if i < len(tokens) else None
    if opened is None or opened[0] not in (",", "-") or not rejections or (after_and or 0) > 2:
        return None
    leads = [opened[1]]
    aside = asides(tokens, i, min(len(tokens), opened[1] + ASIDE_WORDS + 3), breakers)
    if aside and aside[0].start == i:
        leads.append(aside[0].stop)
    for lead in leads:
        found = _rejected_label(tokens, lead, labels, rejections, negations, breakers)
        if found is not None:
            return found
    return None


def _rejected_label(
    tokens: Sequence[str],
    lead: int,
    labels: Cues,
    rejections: Sequence[tuple[int, int]],
    negations: Collection[str],
    breakers: Collection[str],
) -> tuple[int, int] | None:
    """The rejection after a label noun that an appositive starting at token ``lead`` opens with.

    A relative "which" stands for the label noun: "mercenaries, which Kyiv
    denies" rejects the claim just made, with no other clause between ("which
    explains why few …" does not).
    """
    which = tokens[lead] == "which"
    if which:
        label: tuple[int, int] | None = (0, 1)
    else:
        label = next(iter(labels.find(tokens[lead : lead + APPOSITIVE_LEAD_WORDS + 3])), None)
    if label is None or label[0] > APPOSITIVE_LEAD_WORDS:
        return None
    if any(not is_word(t) or t in _LEAD_STOPS for t in tokens[lead : lead + label[0]]):
        return None
    noun_end = lead + label[1]
    for cue_start, cue_end in rejections:
        if cue_start < noun_end:
            continue
        between = tokens[noun_end:cue_start]
        if len(between) > APPOSITIVE_WORDS:
            return None
        if which and not _WHICH_STOPS.isdisjoint(between):
            return None
        if any(not is_word(t) or t in breakers or t in negations for t in between):
            return None
        return cue_start, cue_end
    return None


#: How many words may name whom a label is given to ("the portrayal of the
#: foreign volunteers as …"), and stand between "as" and the term ("as violent
#: extremists").
LABELLED_WORDS = 4
AS_WORDS = 2


def label_stance(
    tokens: Sequence[str],
    start: int,
    end: int,
    labels: Cues,
    rejections: Sequence[tuple[int, int]],
    negations: Collection[str],
    breakers: Collection[str],
    limit: int,
) -> str | None:
    """The cue by which the sentence marks the term as someone's label, or None.

    An appositive after the term rejects it (:func:`rejected_in_apposition`:
    the rejection), a label noun names it before (:func:`labelled_as`:
    "portrayal … as"), or a free relative gives it as someone's word
    (:func:`called_by_others`: "what Moscow calls").
    """
    if not {"what", "whom"}.isdisjoint(tokens[max(0, start - _CALLED_REACH) : start]):
        called = called_by_others(tokens, start, breakers)
        if called is not None:
            return " ".join(tokens[slice(*called)])
    if not labels:
        return None
    # Most terms have neither a rebuttal cue after them nor "as" just before: two cheap tests.
    if rejections and rejections[-1][0] >= end:
        found = rejected_in_apposition(tokens, end, labels, rejections, negations, breakers, limit)
        if found is not None:
            return " ".join(tokens[slice(*found)])
    if "as" not in tokens[max(0, start - AS_WORDS - 1) : start]:
        return None
    noun = labelled_as(tokens, start, labels, breakers)
    return None if noun is None else " ".join(tokens[slice(*noun)]) + " … as"


def labelled_as(
    tokens: Sequence[str], start: int, labels: Cues, breakers: Collection[str]
) -> tuple[int, int] | None:
    """The label noun that names the term at token ``start`` as a label given to someone.

    "Moscow's portrayal of the volunteers as mercenaries", "the
    characterization of them as violent extremists", "their depiction as
    terrorists": a label noun, maybe "of" and at most :data:`LABELLED_WORDS`
    words, then "as" and at most :data:`AS_WORDS` words before the term, all
    in one phrase. The label is attributed to whoever gives it, not
    asserted, like "the label" or "the definition of" before a term.
    Returns the noun's span.
    """
    stops = CLAUSE_WORDS.union(breakers)
    i = start - 1
    while i >= 0 and start - 1 - i < AS_WORDS and tokens[i] != "as":
        if not is_word(tokens[i]) or tokens[i] in stops:
            return None
        i -= 1
    if i < 1 or tokens[i] != "as":
        return None
    lead = max(0, i - LABELLED_WORDS - 4)
    for noun_start, noun_end in labels.find(tokens[lead:i]):
        between = tokens[lead + noun_end : i]
        if between and between[0] == "of":
            between = between[1:]
            if not between:
                continue
        if len(between) > LABELLED_WORDS:
            continue
        if any(not is_word(t) or t in stops or t == "as" for t in between):
            continue
        return lead + noun_start, lead + noun_end
    return None


#: Verbs that give a name: "what Moscow calls mercenaries", "whom the Kremlin
#: brands terrorists", "what state media describe as extremists".
NAMING_VERBS = frozenset(
    {
        "call", "calls", "called", "term", "terms", "termed", "dub", "dubs", "dubbed",
        "label", "labels", "labelled", "labeled", "brand", "brands", "branded",
        "describe", "describes", "described", "portray", "portrays", "portrayed",
    }
)  # fmt: skip
#: Words that may name who gives the name ("what Russian state media call").
NAMER_WORDS = 4
#: Namers that make the name the speaker's own ("what I would call mercenaries").
_SPEAKERS_OWN = frozenset({"i", "we", "you", "one"})
#: How far before a term "what" or "whom" can open such a clause.
_CALLED_REACH = NAMER_WORDS + AS_WORDS + 3


def called_by_others(
    tokens: Sequence[str], start: int, breakers: Collection[str]
) -> tuple[int, int] | None:
    """The free relative that gives the term at token ``start`` as someone's word, or None.

    "What Moscow calls mercenaries", "whom the Kremlin brands terrorists",
    "what state media describe as extremists": "what" or "whom", one to
    :data:`NAMER_WORDS` words naming who, a naming verb
    (:data:`NAMING_VERBS`), maybe "as", and at most :data:`AS_WORDS` words
    before the term, all words of one phrase. The outlet reports the name
    without asserting it, as with "so-called"; not when the namer is the
    speaker ("what I would call", "what you might call"). Returns the span
    from "what" to the verb.
    """
    stops = CLAUSE_WORDS.union(breakers)
    i, words = start - 1, 0
    while i >= 0 and tokens[i] not in NAMING_VERBS:
        if not is_word(tokens[i]) or tokens[i] in stops or words > AS_WORDS:
            return None
        words += tokens[i] != "as"
        i -= 1
    if i < 0:
        return None
    verb, j = i, i - 1
    while j >= 0 and tokens[j] not in ("what", "whom"):
        if not is_word(tokens[j]) or tokens[j] in stops or verb - 1 - j >= NAMER_WORDS:
            return None
        j -= 1
    if j < 0 or j == verb - 1 or not _SPEAKERS_OWN.isdisjoint(tokens[j + 1 : verb]):
        return None
    return j, verb + 1
