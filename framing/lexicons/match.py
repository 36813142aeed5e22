"""Finding a lexicon set's terms in tokenized sentences, and reading what each hit says.

Terms are tokenized exactly like article text (:func:`framing.text.segment.tokenize`),
so case and typographic quotes never matter. A word ending in ``*`` stands
for any ending (``radicali*`` catches radicalized and radicalization), a
lone ``*`` for any one word, ``{m,n}`` for m to n words; with the set's
``inflect`` setting, a term's words also match their inflected forms
(``defend`` catches defends, defended, defending). Quotation marks inside a
phrase are skipped ("defense of “Ukraine" matches ``defense of ukraine``).

Each hit then gets a *reading* (:data:`framing.model.HIT_READINGS`), the way a
careful coder reads the sentence, not just the word:

* **negation**: a cue (``not``, ``no``, ``without``, ``n't`` …) governs the
  next few words (:data:`NEGATION_SCOPE_WORDS`), never past punctuation, a
  closing quotation mark, a conjunction, a scope breaker ("but",
  "although" …) or a modal verb (a relative clause after the negated words
  stays in scope: "not mercenaries who are coming to earn money"); after a noun, a
  preposition ends it too ("no leniency for foreign mercenaries" negates
  *leniency*, not *mercenaries*; "not mercenaries or terrorists" negates
  both, see :mod:`~framing.lexicons.scope`). A negated term *denies* its frame,
  unless the term says ``on_negation = "supports"``: then the negation is
  the frame's content ("not lawful combatants", "no protection"), the term
  un-negated raises the frame's topic, and claimed ("should be treated as
  prisoners of war", "breach the Geneva Convention", "they are lawful
  combatants"), or with its question dismissed anywhere in the sentence
  ("a passport is irrelevant to POW status"), it counts against the frame,
  and so do the frame's bare mentions and doubts in the same sentence.
* **uncertainty**: "not clear whether", "unclear", "whether", a yes-no
  or either-or question ("Heroes or mercenaries?", :mod:`~framing.lexicons.questions`)
  and a reported worry before the term ("officials fear that …", as far as
  :mod:`~framing.lexicons.reach` allows) make a neutral reading, neither
  support nor denial (or support, for a term whose doubt is its frame's
  content).
* **stance**: a rebuttal label near the term in its clause ("false",
  "disinformation", "very few", "inflated", "has faded", "irrelevant";
  across a short aside: "few, if any, of them"), or opening the sentence
  before a colon ("FALSE: …"), or a distancing cue before it ("so-called",
  "accused of", "others see", "the definition of"; through a quotation or
  an enumeration after it, and to the end of a clause it reports with
  "that"), an appositive that names the term and rejects it ("mercenaries,
  a label Kyiv rejects"), a label noun and "as" before it ("their
  portrayal as mercenaries") or "what Moscow calls" before it, and scare
  quotes around the term alone,
  mark the frame as raised and rejected, or attributed and not asserted: a
  *rebut* reading, shown with the denials, never support.
* **referent**: a term inside a capitalised name ("the State Emergency
  Protection Service") is about something else; and when the set names its
  ``subjects``, a hit in a sentence that mentions none of them, nor does
  the one before, is about another referent.

Only a ``support`` reading counts for the frame.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import cached_property, partial

import framing.lexicons.scope as negation_scope
from framing.lexicons.cues import ASKING_IF, Cues, said_of_others
from framing.lexicons.labels import label_stance
from framing.lexicons.patterns import (
    PREFIX,
    QUOTE_TOKENS,
    Pattern,
    TokenPatterns,
    anchor_of,
    anchored_patterns,
    compile_term,
    fast_paths,
    longest_non_overlapping,
    term_spans,
)
from framing.lexicons.questions import QUESTION_CUE, asks_about
from framing.lexicons.reach import (
    DISTANCING_WORDS,
    cue_reaching,
    doubt_before,
    within_phrase,
    words_between,
)
from framing.lexicons.scope import can_be_adjective, scopes
from framing.model import (
    DENY,
    HEADLINE,
    OTHER,
    REBUT,
    SUPPORT,
    UNCERTAIN,
    Hit,
    LexiconSet,
    Sentence,
    Term,
)
from framing.text.segment import is_word, tokenize_spans

#: How many words apart a rebuttal label and the term it rebuts may be.
STANCE_WINDOW_WORDS = 6
#: The reading :meth:`_Context.read` gives a term whose entitlement is claimed
#: ("should be treated as prisoners of war"); the matcher reports it as a
#: denial, and the claim denies the frame's bare mentions in the sentence too.
ENTITLED = "entitled"


_CAPITALISED_RE = re.compile(r"[A-Z]")


class Matcher:
    """Finds every frame's terms in tokenized sentences and reads each hit.

    Built once per lexicon set. Each term is indexed by one of its words, its
    anchor (the longest exact content word before any gap, with its
    inflected forms; or a prefix). Exact anchors are kept in a dict; prefixes
    are grouped by their first few letters (a *head*, as long as the shortest
    prefix), so a token is compared only with the few prefixes that share
    its head; the patterns a token anchors are then remembered per token
    (:class:`~framing.lexicons.patterns.TokenPatterns`), so whether a
    sentence can hold any term at all is one lookup per token, done in C.
    Negation, stance and referent are worked out only around hits.
    """

    def __init__(self, lexicons: LexiconSet) -> None:
        self.lexicons = lexicons
        self._negation_cues = frozenset(lexicons.negation_cues)
        self._scope_breakers = frozenset(lexicons.scope_breakers)
        self._uncertainty_cues = frozenset(lexicons.uncertainty_cues)
        # A dismissal near a term rebuts it like a rebuttal label ("their
        # extremist past is irrelevant").
        self._rebuttals = Cues(lexicons.rebuttal_cues + lexicons.dismissal_cues)
        self._dismissals = Cues(lexicons.dismissal_cues)
        self._distancing = Cues(lexicons.distancing_cues)
        self._concerns = Cues(lexicons.concern_cues)
        self._labels = Cues(lexicons.label_nouns)
        self._entitlements = Cues(lexicons.entitlement_cues)
        self._subjects = Cues(lexicons.subjects)
        exact: dict[str, list[Pattern]] = defaultdict(list)
        prefixed: dict[str, list[Pattern]] = defaultdict(list)
        for frame in lexicons.frames:
            for term in frame.terms:
                elements = compile_term(term, lexicons.inflect)
                anchor = anchor_of(elements, term.tokens)
                pattern = Pattern(frame.id, term, elements, anchor, *fast_paths(elements, anchor))
                element = elements[anchor]
                if element.kind == PREFIX:
                    prefixed[element.prefix].append(pattern)
                else:
                    for form in element.forms:
                        exact[form].append(pattern)
        self._exact = dict(exact)
        self._prefixed = dict(prefixed)
        self._head_length = min((len(p) for p in prefixed), default=0)
        heads: dict[str, list[str]] = defaultdict(list)
        for prefix in sorted(prefixed):
            heads[prefix[: self._head_length]].append(prefix)
        self._heads = dict(heads)
        # Given the tables, not a bound method: the matcher and its memo hold no
        # reference cycle, so a matcher is freed as soon as it is dropped, also
        # while the cyclic collector is paused (parallel.cyclic_gc_paused).
        self._patterns_of = TokenPatterns(
            partial(anchored_patterns, self._exact, self._heads, self._prefixed, self._head_length)
        )

    @property
    def subjects(self) -> Cues:
        """The set's subjects, as cues (empty when it names none)."""
        return self._subjects

    def _yields(self, cue: str | None) -> bool:
        """Whether a supporting hit read with ``cue`` yields to a claim in its sentence.

        A bare mention (no cue) or a doubt does; a negation that states the
        frame ("they have no protection") does not.
        """
        return (
            cue is None
            or cue in self._uncertainty_cues
            or cue in (QUESTION_CUE, ASKING_IF)
            or self._concerns.occurs(cue.split())
        )

    def match(self, sentence: Sentence, *, previous: Sequence[str] = ()) -> list[Hit]:
        """All hits in one sentence, ordered by position then frame.

        ``previous`` are the tokens of the sentence before it in its
        document, for the referent check.
        """
        return self.match_tokens(
            sentence.tokens,
            sentence_id=sentence.id,
            previous=previous,
            text=sentence.text,
            part=sentence.part,
        )

    def match_document(self, sentences: Sequence[Sentence]) -> list[Hit]:
        """All hits in one document's sentences, each read with the one before as context."""
        hits: list[Hit] = []
        previous: Sequence[str] = ()
        for sentence in sentences:
            hits.extend(self.match(sentence, previous=previous))
            previous = sentence.tokens
        return hits

    def match_tokens(
        self,
        tokens: Sequence[str],
        *,
        sentence_id: int = 0,
        previous: Sequence[str] = (),
        text: str | None = None,
        part: str | None = None,
        written: Sequence[str] | None = None,
    ) -> list[Hit]:
        """All hits in one tokenized sentence, ordered by position then frame.

        ``text`` (the sentence as written) lets the referent check see
        capitalised names; ``part`` ``"headline"`` turns that check off, since
        headlines capitalise every word. ``written`` (optional) are the tokens
        as written (:func:`~framing.text.segment.cased_tokens`), which spare
        that check tokenizing ``text`` again. ``previous`` are the tokens of
        the sentence before, for the ``subjects`` check.
        """
        return self.read_tokens(
            tokens,
            sentence_id=sentence_id,
            previous=previous,
            text=text,
            part=part,
            written=written,
        )[0]

    def read_tokens(
        self,
        tokens: Sequence[str],
        *,
        sentence_id: int = 0,
        previous: Sequence[str] = (),
        text: str | None = None,
        part: str | None = None,
        written: Sequence[str] | None = None,
    ) -> tuple[list[Hit], bool]:
        """:meth:`match_tokens`'s hits, and whether they depend on ``previous``.

        They do only when the ``subjects`` check read it (the sentence has a
        hit and names none of the subjects itself).
        """
        candidates = list(map(self._patterns_of.__getitem__, tokens))
        if not any(candidates):
            return [], False
        found = term_spans(tokens, candidates)
        if not found:
            return [], False
        context = _Context(self, tokens, previous, text, part, written)
        hits: list[Hit] = []
        kept_of = {frame_id: longest_non_overlapping(spans) for frame_id, spans in found.items()}
        read_of = {f: [context.read(*match) for match in kept] for f, kept in kept_of.items()}
        negation_scope.share_coordinated_readings(tokens, kept_of, read_of, self._scope_breakers)
        for frame_id, kept in kept_of.items():
            read = read_of[frame_id]
            claim = next((cue for reading, cue in read if reading == ENTITLED), None)
            for (start, end, term), (reading, cue) in zip(kept, read, strict=True):
                if reading == ENTITLED:
                    reading = DENY
                elif claim is not None and reading == SUPPORT and self._yields(cue):
                    # The sentence claims what the frame says is missing ("the
                    # sentences breach the Geneva Convention"): its bare
                    # mentions of the frame, and its doubts, are what the
                    # claim argues against.
                    reading, cue = DENY, claim
                hits.append(
                    Hit(
                        sentence=sentence_id,
                        frame=frame_id,
                        term=term.text,
                        surface=" ".join(tokens[start:end]),
                        start=start,
                        end=end,
                        weight=term.weight,
                        negated=reading in (DENY, REBUT),
                        cue=cue,
                        reading=reading,
                    )
                )
        hits.sort(key=lambda h: (h.start, h.frame, h.end))
        return hits, context.read_previous


class _Context:
    """What one sentence says around its hits: negation scopes, stance cues, subjects."""

    def __init__(
        self,
        matcher: Matcher,
        tokens: Sequence[str],
        previous: Sequence[str],
        text: str | None,
        part: str | None,
        written: Sequence[str] | None = None,
    ) -> None:
        self.tokens = tokens
        self.matcher = matcher
        cues = matcher._negation_cues
        uncertain = matcher._uncertainty_cues
        if cues.isdisjoint(tokens) and uncertain.isdisjoint(tokens) and ASKING_IF not in tokens:
            self.scope: list[tuple[int, bool] | None] = [None] * len(tokens)
        else:
            self.scope = scopes(tokens, cues, matcher._scope_breakers, uncertain)
        self.text = text
        self.part = part
        self._subjects: bool | None = None
        self._previous = previous
        #: Whether the subjects check read the sentence before.
        self.read_previous = False
        self._written = written

    # The stance cues, found when a hit's reading first needs them.
    @cached_property
    def rebuttals(self) -> list[tuple[int, int]]:  # not "not unlikely", "not ruled out"
        tokens, negations = self.tokens, self.matcher._negation_cues
        found = self.matcher._rebuttals.find(tokens)
        return [(a, b) for a, b in found if not (a and tokens[a - 1] in negations)]

    @cached_property
    def distancing(self) -> list[tuple[int, int]]:  # not "they branded themselves …"
        return said_of_others(self.tokens, self.matcher._distancing.find(self.tokens))

    @cached_property
    def concerns(self) -> list[tuple[int, int]]:
        return self.matcher._concerns.find(self.tokens)

    @cached_property
    def entitlements(self) -> list[tuple[int, int]]:
        return self.matcher._entitlements.find(self.tokens)

    @cached_property
    def dismissals(self) -> list[tuple[int, int]]:
        return self.matcher._dismissals.find(self.tokens)

    @cached_property
    def subject_ends(self) -> set[int]:  # the last tokens of the subjects named
        return {end - 1 for _, end in self.matcher._subjects.find(self.tokens)}

    def read(self, start: int, end: int, term: Term) -> tuple[str, str | None]:
        """The hit's reading and the cue that decided it; :data:`ENTITLED` for a claim."""
        tokens = self.tokens
        if self._in_a_name(start, end) or not self._about_subjects():
            return OTHER, None
        scope = self.scope[start]
        doubted = tokens[scope[0]] if scope is not None and scope[1] else None  # "unclear whether"
        if "?" in tokens and asks_about(tokens, start, end, self.matcher._scope_breakers):
            doubted = QUESTION_CUE  # "Heroes or mercenaries?"
        if doubted is not None:
            return (SUPPORT if term.on_uncertainty == "supports" else UNCERTAIN), doubted
        negation = tokens[scope[0]] if scope is not None else None
        stance = self._stance_cue(start, end)
        supports = term.on_negation == "supports"
        if negation is not None and stance is not None:
            return DENY, negation
        if negation is not None:
            return (SUPPORT if supports else DENY), negation
        if supports and self.dismissals:
            # "Nationality is not an issue when it comes to POW status": the
            # question the term raises is settled, the protection applies.
            cue_start, cue_end = self.dismissals[0]
            return ENTITLED, " ".join(tokens[cue_start:cue_end])
        if stance is not None:
            return (SUPPORT if supports else REBUT), stance
        breakers = self.matcher._scope_breakers
        worry = cue_reaching(tokens, self.concerns, start, end, breakers)  # "officials fear that …"
        if worry is not None:
            return (SUPPORT if term.on_uncertainty == "supports" else UNCERTAIN), worry
        if supports:
            claim = self._entitlement_cue(start)
            if claim is not None:
                doubt = doubt_before(tokens, start, self.matcher._uncertainty_cues, breakers)
                if doubt is not None:  # "whether they would be treated as POWs": asked
                    return (SUPPORT if term.on_uncertainty == "supports" else UNCERTAIN), doubt
                return ENTITLED, claim
        return SUPPORT, None

    def _entitlement_cue(self, start: int) -> str | None:
        """An entitlement claimed just before the term ("should be treated as POWs").

        Predicating the term of someone claims it too: a copula just before
        an adjective ("the practice is usually legal", "they are lawful
        combatants"), or a noun said of the story's people ("they are
        combatants"), at most one adverb in between.
        """
        tokens, breakers = self.tokens, self.matcher._scope_breakers
        for cue_start, cue_end in self.entitlements:
            apart = words_between(tokens, cue_end, start, breakers)
            near = cue_end <= start and apart <= DISTANCING_WORDS
            if near and within_phrase(tokens, cue_end, start, breakers):
                return " ".join(tokens[cue_start:cue_end])
        before = negation_scope.copula_before(tokens, start)
        if before is not None:
            subject = bool(self.matcher._subjects) and before - 1 in self.subject_ends
            if subject or can_be_adjective(tokens[start]):
                return " ".join(tokens[before:start])
        return None

    def _stance_cue(self, start: int, end: int) -> str | None:
        """A rebuttal label in the term's clause, a distancing cue before it, a label given
        by others (:func:`~framing.lexicons.labels.label_stance`), or scare quotes."""
        tokens, breakers = self.tokens, self.matcher._scope_breakers
        distanced = cue_reaching(tokens, self.distancing, start, end, breakers)
        if distanced is not None:
            return distanced
        for cue_start, cue_end in self.rebuttals:
            if self._is_verdict_label(cue_start, cue_end) and cue_end <= start:
                return " ".join(tokens[cue_start:cue_end])
            if cue_end <= start:
                a, b = cue_end, start
            elif cue_start >= end:
                a, b = end, cue_start
            else:
                continue
            # A comma or a quotation mark between them starts another phrase;
            # a partitive subject reaches its predicate ("few of the recruits
            # have any links to extremist groups").
            apart = any(t == "," or t in QUOTE_TOKENS for t in tokens[a:b])
            window = STANCE_WINDOW_WORDS * (1 + (a == cue_end and tokens[a : a + 1] == ["of"]))
            if not apart and words_between(tokens, a, b, breakers) <= window:
                return " ".join(tokens[cue_start:cue_end])
            # A short aside is no new phrase: "few, if any, of them are extremists".
            across = apart and a == cue_end
            if across and negation_scope.reaches_across_asides(
                tokens, a, b, breakers, STANCE_WINDOW_WORDS
            ):
                return " ".join(tokens[cue_start:cue_end])
        label = label_stance(
            tokens, start, end, self.matcher._labels, self.rebuttals, self.matcher._negation_cues,
            breakers, STANCE_WINDOW_WORDS,
        )  # fmt: skip
        if label is not None:  # "mercenaries, a label Kyiv rejects"; "portrayal of them as …"
            return label
        if negation_scope.scare_quoted(tokens, start, end):
            return "scare quotes"
        return None

    def _is_verdict_label(self, cue_start: int, cue_end: int) -> bool:
        """Whether a rebuttal cue opens the sentence as a verdict on it: "False: …", "MYTH: …".

        Fact checks label the claim they rebut this way; the label reaches the
        whole sentence after its colon.
        """
        tokens = self.tokens
        opens = not any(is_word(t) for t in tokens[:cue_start])
        return opens and cue_end < len(tokens) and tokens[cue_end] == ":"

    def _about_subjects(self) -> bool:
        """Whether the sentence or the one before names the story's people (if the set says who)."""
        if not self.matcher._subjects:
            return True
        if self._subjects is None:
            cues = self.matcher._subjects
            own = cues.occurs(self.tokens)
            self.read_previous = not own
            self._subjects = own or cues.occurs(self._previous)
        return self._subjects

    def _in_a_name(self, start: int, end: int) -> bool:
        """Whether the term is inside a capitalised name of two or more words, mid-sentence."""
        if self.text is None or self.part == HEADLINE:
            return False
        if self._written is None:
            text = self.text
            self._written = [text[s:e] for _, s, e in tokenize_spans(text)]
        written = self._written
        if len(written) != len(self.tokens):
            return False

        def capitalised(i: int) -> bool:
            return bool(_CAPITALISED_RE.match(written[i])) and is_word(self.tokens[i])

        words = [i for i in range(start, end) if is_word(self.tokens[i])]
        if not words or not all(capitalised(i) for i in words):
            return False
        first_word = next((i for i, t in enumerate(self.tokens) if is_word(t)), 0)
        before = start - 1 >= 0 and capitalised(start - 1) and start - 1 != first_word
        after = end < len(self.tokens) and capitalised(end)
        if start == first_word:
            return after
        return before or after


def match_sentences(sentences: Iterable[Sentence], lexicons: LexiconSet) -> tuple[Hit, ...]:
    """Every hit of every frame in ``sentences``, in sentence order.

    A sentence's previous sentence in the same document is its context for
    the ``subjects`` check.
    """
    matcher = Matcher(lexicons)
    hits: list[Hit] = []
    previous: Sentence | None = None
    for sentence in sentences:
        context = previous.tokens if previous and previous.document == sentence.document else ()
        hits.extend(matcher.match(sentence, previous=context))
        previous = sentence
    return tuple(hits)
