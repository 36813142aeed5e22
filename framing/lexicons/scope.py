"""Negation and uncertainty scopes: which words a cue governs.

A negation cue ("not", "no", "without" …) or an uncertainty cue ("whether",
"unclear") governs the next few words of its clause (:func:`scopes`);
:mod:`framing.lexicons.match` reads a hit inside a scope as denied (or, for
a term whose negation is the frame's content, as support) or as uncertain.
A term coordinated with a denied or rebutted one shares its reading
(:func:`share_coordinated_readings`); :func:`copula_before` finds the form
of "be" that predicates a term ("they are protected"). A stance cue reaches
its term across a short aside (:func:`reaches_across_asides`: "few, if any,
of them are extremists"), and a reporting cue its "that" clause across
one (:func:`reports_that`: "claims, without evidence, that …");
:func:`scare_quoted` finds scare quotes around a term. Labels given by
others are read in :mod:`framing.lexicons.labels`.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from functools import lru_cache

from framing.lexicons.cues import affirms, asks_if
from framing.lexicons.patterns import QUOTE_TOKENS
from framing.model import DEFAULT_SCOPE_BREAKERS, DENY, REBUT, SUPPORT, UNCERTAIN, Term
from framing.text.marks import CLOSING_DOUBLE, STRAIGHT_DOUBLE, STRAIGHT_SINGLE
from framing.text.segment import is_word

#: Punctuation that ends a negation's scope. A closing quotation mark ends it
#: too ('"They're not going to get any breaks" under international law'); an
#: opening one does not ('so as not to make them "mercenaries"').
SCOPE_PUNCTUATION = frozenset({",", ";", ":", ".", "!", "?", "(", ")", "[", "]", "-", "—", "–"})
#: Tokens are folded (’ is '), so the single straight quote stands for ’ too;
#: it alternates like the double one.
_STRAIGHT_QUOTES = frozenset({STRAIGHT_DOUBLE, STRAIGHT_SINGLE})

#: Cue + next word pairs that do not negate ("not only"); a cue before a
#: doubt does not either (:func:`~framing.lexicons.cues.affirms`).
PSEUDO_NEGATIONS = frozenset(
    {
        ("not", "only"),
        ("not", "just"),
        ("not", "merely"),
        ("not", "least"),
        ("not", "necessarily"),
        ("nothing", "but"),
    }
)
#: How many words a negation (or uncertainty) cue governs at most.
NEGATION_SCOPE_WORDS = 5

#: Words that end a negation's scope besides the set's scope breakers:
#: conjunctions, relative words and modal verbs start another clause or predicate.
CLAUSE_WORDS = frozenset({"and", "or", "where", "when", "if"})
#: A relative word after a negated phrase starts a clause that describes it
#: ("not mercenaries who are coming to earn money"): the scope carries on
#: into it, for as many words again.
_RELATIVES = frozenset({"who", "which", "whom", "whose", "that"})
_MODALS = frozenset(
    {"will", "would", "could", "should", "can", "may", "might", "must", "shall", "'ll", "'d"}
)
_PREPOSITIONS = frozenset(
    {"for", "of", "to", "in", "on", "at", "by", "with", "from", "against", "about", "under",
     "over", "into", "toward", "towards", "upon", "among", "between", "through", "during"}
)  # fmt: skip


#: Articles do not count towards a scope's words ("did not go there to be a
#: hero" negates "hero"), and may open the second of two coordinated terms.
ARTICLES = frozenset({"a", "an", "the"})
#: Quantifiers: a negated one governs the phrase after its "of" ("not all of
#: the volunteers are idealists" denies, as "not every volunteer is a hero" does).
QUANTIFIERS = frozenset({"all", "every", "each", "any", "many", "most", "much", "some", "both"})
#: Negative quantifiers that, before "of", negate the clause they are the
#: subject of, modal verb included: "none of the volunteers we spoke to had
#: any far-right ties", "none of them would be called mercenaries". Their
#: scope covers twice :data:`NEGATION_SCOPE_WORDS` words. "not one", "not a
#: single" and a "no" that opens its clause ("no volunteer has been linked
#: to extremist groups") negate their clause the same way (:func:`_subject`).
SUBJECT_NEGATIONS = frozenset({"none", "neither"})
#: Auxiliaries that make a clause of a negated subject phrase, besides forms
#: of "be" and modal verbs (other verbs are recognised by their word form).
_FINITE = frozenset({"has", "have", "had", "do", "does", "did", "'s", "'ve"})
#: Subject pronouns: after a comma or an aside, they open a new clause.
SUBJECT_PRONOUNS = frozenset({"they", "he", "she", "we", "i", "you", "it"})


@lru_cache(maxsize=20_000)
def _parts_of_speech(word: str) -> frozenset[str]:
    """The parts of speech ``word`` can be (lemminflect's tables; none for a non-word)."""
    if not word.isalpha():
        return frozenset()
    from lemminflect import getAllLemmas

    return frozenset(getAllLemmas(word))


def _is_noun_only(word: str) -> bool:
    """Whether ``word`` can only be a noun (then a preposition after it ends a scope)."""
    pos = _parts_of_speech(word)
    return pos == {"NOUN"} or pos == {"PROPN"}


#: Forms of "be" that predicate a term of someone ("they are protected").
COPULAS = frozenset({"is", "are", "was", "were", "be", "been", "being", "'re"})
#: Adverbs not ending in -ly that may stand between such a form and the term.
LINKING_ADVERBS = frozenset({"therefore", "thus", "hence", "still", "also", "now", "always"})


def copula_before(tokens: Sequence[str], start: int) -> int | None:
    """The index of a form of "be" just before token ``start`` (one adverb may come between)."""
    before = start - 1
    word = tokens[before] if before >= 1 else ""
    if word not in COPULAS and (word.endswith("ly") or word in LINKING_ADVERBS):
        before -= 1
    return before if before >= 0 and tokens[before] in COPULAS else None


def _is_verb(word: str) -> bool:
    """Whether ``word`` is a verb: an auxiliary, a modal, or a form only a verb has."""
    if word in COPULAS or word in _MODALS or word in _FINITE:
        return True
    return _parts_of_speech(word) == {"VERB"}


def _subject(tokens: Sequence[str], i: int) -> bool:
    """Whether the negation cue at ``i`` negates the clause whose subject it opens.

    "none of", "neither of", "not one", "not a single", and "no" at the
    start of a clause (the sentence's start, or after punctuation): "no
    volunteer has been linked to extremist groups".
    """
    token = tokens[i]
    following = tokens[i + 1] if i + 1 < len(tokens) else ""
    if token in SUBJECT_NEGATIONS:
        return following == "of"
    if token == "not":
        return following in ("one", "single") or tuple(tokens[i + 1 : i + 3]) == ("a", "single")
    return token == "no" and (i == 0 or not is_word(tokens[i - 1])) and is_word(following)


def can_be_adjective(word: str) -> bool:
    """Whether ``word`` can be an adjective ("legal", "protected", "lawful")."""
    return "ADJ" in _parts_of_speech(word)


def scopes(
    tokens: Sequence[str],
    cues: frozenset[str],
    breakers: frozenset[str] = frozenset(DEFAULT_SCOPE_BREAKERS),
    uncertainty: frozenset[str] = frozenset(),
) -> list[tuple[int, bool] | None]:
    """For each token, ``(index of the cue whose scope covers it, is_uncertain)``, or None.

    A scope starts after a negation or uncertainty cue and covers at most
    :data:`NEGATION_SCOPE_WORDS` words (articles not counted); it ends
    before punctuation, a closing quotation mark, a scope breaker, a
    conjunction, a relative word, a modal verb after the first word, or a
    preposition after a noun. A
    negation cue followed within three words by an uncertainty cue ("not
    clear whether", "have not said whether") opens an uncertain scope, and
    so does an "if" that asks (:func:`~framing.lexicons.cues.asks_if`: "not
    clear if"), when the set has uncertainty cues.
    Straight quotes alternate between opening and closing within a sentence.

    A cue that negates the clause whose subject it opens (:func:`_subject`)
    governs twice as many words, a modal verb included, and a preposition
    after its noun does not end its scope ("no evidence **of** extremist ties
    was found") if the scope holds a verb; without one the phrase is no
    clause ("no mercy for mercenaries, Moscow says") and its scope ends at
    the preposition.
    """
    scope: list[tuple[int, bool] | None] = [None] * len(tokens)
    open_cue: int | None = None
    uncertain_scope = False
    subject = False  # the open cue negates the clause it is the subject of
    held: int | None = None  # with subject: the preposition the scope went past
    verb = False  # with subject: the scope holds a verb
    unclaused: list[tuple[int, int, int]] = []  # (cue, from, to): no verb, so out of scope
    words = 0
    first_noun = False
    inside_straight_quote = False

    def close(at: int) -> None:
        nonlocal open_cue
        if open_cue is not None and held is not None and not verb:
            unclaused.append((open_cue, held, at))
        open_cue = None

    for i, token in enumerate(tokens):
        asking = bool(uncertainty) and asks_if(tokens, i)  # "not clear if": a doubt
        closes_quote = token in CLOSING_DOUBLE
        if token in _STRAIGHT_QUOTES:
            closes_quote = inside_straight_quote
            inside_straight_quote = not inside_straight_quote
        if open_cue is not None and subject and first_noun and held is None:
            held = i if token in _PREPOSITIONS else None
        if asking:  # ends the scope before it, and opens a doubt after it
            close(i)
            open_cue, uncertain_scope, words, first_noun, subject = i, True, 0, False, False
            continue
        if (
            closes_quote
            or token in SCOPE_PUNCTUATION
            or token in breakers
            or token in CLAUSE_WORDS
            or (open_cue is not None and words and token in _MODALS and not subject)
            or (open_cue is not None and first_noun and token in _PREPOSITIONS and not subject)
        ):
            close(i)
            continue
        if not is_word(token):
            continue
        if open_cue is not None and words and token in _RELATIVES:
            scope[i] = (open_cue, uncertain_scope)
            words, first_noun = 0, False
            continue
        if open_cue is not None:
            if words >= NEGATION_SCOPE_WORDS * (1 + subject):
                close(i)
            else:
                scope[i] = (open_cue, uncertain_scope)
                if words == 0:  # "not all of them": a partitive "of" stays in scope
                    first_noun = token not in QUANTIFIERS and _is_noun_only(token)
                words += token not in ARTICLES
                verb = verb or (subject and _is_verb(token))
        if token in uncertainty:
            close(i)
            open_cue, uncertain_scope, words, first_noun = i, True, 0, False
            subject = False
        elif token in cues:
            following = tokens[i + 1] if i + 1 < len(tokens) else ""
            if (token, following) in PSEUDO_NEGATIONS or affirms(tokens, i):
                continue  # "not only", "no doubt that", "not a surprise that"
            ahead = tokens[i + 1 : i + 4]
            uncertain = bool(uncertainty) and not uncertainty.isdisjoint(ahead)
            close(i)
            open_cue, uncertain_scope, words, first_noun = i, uncertain, 0, False
            subject, held, verb = _subject(tokens, i), None, False
    close(len(tokens))
    for cue, start, stop in unclaused:  # a subject phrase without a verb is no clause
        for j in range(start, stop):
            governed = scope[j]
            if governed is not None and governed[0] == cue:
                scope[j] = None
    return scope


def negation_scope(
    tokens: Sequence[str],
    cues: frozenset[str],
    breakers: frozenset[str] = frozenset(DEFAULT_SCOPE_BREAKERS),
) -> list[int | None]:
    """For each token, the index of the negation cue whose scope covers it, or None.

    See :func:`scopes` for where a scope ends.

    >>> toks = ["this", "is", "not", "mercenaries", ",", "it", "is", "people"]
    >>> negation_scope(toks, frozenset({"not"}))
    [None, None, None, 2, None, None, None, None]
    >>> negation_scope(["no", "leniency", "for", "mercenaries"], frozenset({"no"}))
    [None, 0, None, None]
    """
    return [None if s is None else s[0] for s in scopes(tokens, cues, breakers)]


#: Words that join two terms into one coordinated phrase ("not mercenaries or
#: terrorists"), and those that join terms of different frames too ("not heroes
#: or mercenaries"; "and" may join a second predicate: "charged as mercenaries
#: and sentenced"). An article may open the second term ("or a terrorist").
COORDINATORS = frozenset({"and", "or", "nor"})
ALTERNATIVES = frozenset({"or", "nor"})


def share_coordinated_readings(
    tokens: Sequence[str],
    kept: Mapping[str, Sequence[tuple[int, int, Term]]],
    read: Mapping[str, list[tuple[str, str | None]]],
    breakers: Collection[str],
) -> None:
    """Give a term coordinated with a denied, rebutted or doubted term that term's reading.

    ``kept`` are each frame's matches (start, end, term), ``read`` their
    readings, replaced here. A negation or a distancing cue governs the
    whole coordinated phrase: "not mercenaries or terrorists", "accused of
    being mercenaries and terrorists", "not a mercenary or a terrorist",
    "not heroes or mercenaries". The two terms must be joined by a
    coordinator alone (an article may open the second): "and", "or" or
    "nor" within a frame, "or" or "nor" across frames ("charged as
    mercenaries and sentenced" joins a second predicate). Only a bare
    support reading is replaced (a term with its own cue keeps it), and only
    for terms whose negation denies their frame. A comma before the
    coordinator ("not mercenaries, and extremists …": maybe a new clause)
    or a coordinator the set lists among its ``breakers`` (scope breakers)
    leaves the term alone. A doubt reaches the other side of an "or": in
    "whether they are heroes or mercenaries" both are doubted (read as the
    second term's ``on_uncertainty`` says).
    """
    if sum(map(len, kept.values())) < 2 or not any(
        reading in _SHARED for readings in read.values() for reading, _ in readings
    ):
        return  # the common case: nothing to share
    entries = sorted(
        (start, end, frame, i)
        for frame, spans in kept.items()
        for i, (start, end, _) in enumerate(spans)
    )
    ending: dict[int, list[tuple[str, int]]] = {}
    for start, end, frame, i in entries:
        term = kept[frame][i][2]
        reading, cue = read[frame][i]
        if reading == SUPPORT and cue is None and term.on_negation != "supports":
            for before in (start - 1, start - 2):
                between = tokens[before:start]
                shared = next(
                    (
                        read[other][j]
                        for other, j in ending.get(before, ())
                        if _shares(read[other][j][0], between, other == frame, breakers)
                    ),
                    None,
                )
                if shared is not None:
                    if shared[0] == UNCERTAIN and term.on_uncertainty == "supports":
                        shared = (SUPPORT, shared[1])
                    read[frame][i] = shared
                    break
        ending.setdefault(end, []).append((frame, i))


#: Readings a coordinated term shares (a doubt, across "or" only).
_SHARED = (DENY, REBUT, UNCERTAIN)


def _shares(
    reading: str, between: Sequence[str], same_frame: bool, breakers: Collection[str]
) -> bool:
    """Whether a term's ``reading`` reaches a term after it across ``between``."""
    if reading == UNCERTAIN:  # "whether heroes or mercenaries", within a frame or across
        return _coordinated(between, False, breakers)
    return reading in (DENY, REBUT) and _coordinated(between, same_frame, breakers)


def _coordinated(between: Sequence[str], same_frame: bool, breakers: Collection[str]) -> bool:
    """Whether ``between`` (the tokens between two terms) only coordinates them."""
    if not between or between[0] in breakers:
        return False
    if between[0] not in (COORDINATORS if same_frame else ALTERNATIVES):
        return False
    return all(t in ARTICLES for t in between[1:])


#: Words that make a stretch of text a clause rather than an item of a list:
#: subject pronouns, forms of "be", modal verbs.
_CLAUSE_SIGNS = SUBJECT_PRONOUNS | COPULAS | _MODALS


def says_a_clause(tokens: Sequence[str]) -> bool:
    """Whether ``tokens`` hold a subject pronoun, a form of "be" or a modal verb."""
    return not _CLAUSE_SIGNS.isdisjoint(tokens)


def list_goes_on(tokens: Sequence[str], end: int, breakers: Collection[str], limit: int) -> bool:
    """Whether the list an item ending at token ``end`` belongs to goes on to "and" or "or".

    Words and commas may come between, at most ``limit`` words: "accused of
    spying, terrorist plots, and smuggling" goes on after *terrorist*; "…,
    they are mercenaries, officials say." does not.
    """
    words = 0
    for token in tokens[end:]:
        if token in ("and", "or"):
            return True
        if token == ",":
            continue
        if not is_word(token) or token in breakers:
            return False
        words += 1
        if words > limit:
            return False
    return False


#: Marks that set off a short aside inside a clause: "few, if any, of them";
#: "very few — officials say — are". A run of hyphens ("--") is one dash.
_DASHES = frozenset({"-", "—", "–"})
_CLOSING_MARK = {",": ",", "-": "-", "(": ")"}
#: How many words an aside holds at most ("officials say", "according to the ministry"),
#: and how many asides a cue reaches across ("few, if any, they say, are …").
ASIDE_WORDS = 4
MAX_ASIDES = 2
#: Words that, after an aside, open a new clause rather than continue the cue's:
#: a subject pronoun or a modal verb ("few came, officials said, they were …"),
#: and, after a distancing cue (whose term is its object), a finite "be".
NEW_SUBJECT = SUBJECT_PRONOUNS | _MODALS
_FINITE_BE = frozenset({"is", "are", "was", "were", "'re", "am"})


def mark_at(tokens: Sequence[str], i: int) -> tuple[str, int] | None:
    """The kind of mark at token ``i`` (``,``, ``-`` for any dash, ``(``) and the index after it."""
    token = tokens[i]
    if token in _DASHES:
        while i < len(tokens) and tokens[i] in _DASHES:
            i += 1
        return "-", i
    if token in (",", "(", ")"):
        return token, i + 1
    return None


def asides(tokens: Sequence[str], a: int, b: int, breakers: Collection[str]) -> list[range]:
    """The short asides between tokens ``a`` and ``b``, each from its opening to its closing mark.

    An aside is one to :data:`ASIDE_WORDS` words between two commas, two
    dashes or parentheses, without a scope breaker or a conjunction: "if
    any", "officials say", "experts said", "mostly veterans". The closing
    comma of one may open the next ("few, if any, they say, are …").
    """
    found: list[range] = []
    i = a
    while i < b:
        opened = mark_at(tokens, i)
        if opened is None or opened[0] == ")":
            i += 1
            continue
        kind, k = opened
        words = 0
        while k < b and is_word(tokens[k]) and tokens[k] not in breakers:
            if tokens[k] in COORDINATORS:
                break
            words += 1
            k += 1
        closed = mark_at(tokens, k) if k < b else None
        if 1 <= words <= ASIDE_WORDS and closed is not None and closed[0] == _CLOSING_MARK[kind]:
            found.append(range(i, min(closed[1], b)))
            i = k if kind == "," else closed[1]  # a comma may open the next aside
        else:
            i += 1
    return found


def reports_that(tokens: Sequence[str], end: int, breakers: Collection[str]) -> bool:
    """Whether a cue ending at token ``end`` goes on with "that", maybe after one short aside.

    "claiming that …", "the fear that …", and "Russia claims, without
    evidence, that …": the cue reports the clause after "that".
    """
    if tokens[end - 1] == "that" or (end < len(tokens) and tokens[end] == "that"):
        return True
    if end >= len(tokens) or mark_at(tokens, end) is None:
        return False
    found = asides(tokens, end, min(len(tokens), end + ASIDE_WORDS + 3), breakers)
    stop = found[0].stop if found and found[0].start == end else len(tokens)
    return stop < len(tokens) and tokens[stop] == "that"


def reaches_across_asides(
    tokens: Sequence[str],
    a: int,
    b: int,
    breakers: Collection[str],
    limit: int,
    *,
    object_only: bool = False,
) -> bool:
    """Whether a cue ending at token ``a`` reaches token ``b`` across short asides.

    "Few, if any, of the volunteers are extremists"; "very few, officials
    say, are mercenaries"; "they were labelled, officials say, mercenaries".
    At most :data:`MAX_ASIDES` asides. Outside them the stretch must stay
    in one clause: words only, no conjunction or scope breaker, at most
    ``limit`` of them, and after the first aside no subject pronoun or
    modal verb ("few came, officials said, they were mercenaries" is a new
    clause); with ``object_only`` (a distancing cue, whose term is its
    object) no finite "be" either, and the first aside must follow the cue.
    """
    if b - a > limit + MAX_ASIDES * (ASIDE_WORDS + 2):
        return False  # more than the words and asides allowed: not worth scanning
    spans = asides(tokens, a, b, breakers)
    if not spans or len(spans) > MAX_ASIDES or (object_only and spans[0].start != a):
        return False
    inside = {k for span in spans for k in span}
    rest = [k for k in range(a, b) if k not in inside]
    stops = CLAUSE_WORDS.union(breakers)
    if any(not is_word(tokens[k]) or tokens[k] in stops for k in rest) or len(rest) > limit:
        return False
    new_clause = NEW_SUBJECT | _FINITE_BE if object_only else NEW_SUBJECT
    return all(tokens[k] not in new_clause for k in rest if k > spans[0].start)


#: A scare-quoted span is the term itself plus at most this many words.
SCARE_QUOTE_EXTRA_WORDS = 1


def scare_quoted(tokens: Sequence[str], start: int, end: int) -> bool:
    """Whether quotation marks enclose the term ``start``-``end`` and at most one more word."""
    left = start - 1
    while left >= 0 and tokens[left] not in QUOTE_TOKENS and start - left <= 2:
        if not is_word(tokens[left]):
            return False
        left -= 1
    right = end
    while right < len(tokens) and tokens[right] not in QUOTE_TOKENS and right - end <= 1:
        if not is_word(tokens[right]):
            return False
        right += 1
    if left < 0 or right >= len(tokens):
        return False
    if tokens[left] not in QUOTE_TOKENS or tokens[right] not in QUOTE_TOKENS:
        return False
    extra = sum(is_word(t) for t in tokens[left + 1 : start]) + sum(
        is_word(t) for t in tokens[end:right]
    )
    return extra <= SCARE_QUOTE_EXTRA_WORDS and tokens[left] not in CLOSING_DOUBLE
