"""What every lexicon shares, whatever its file format: terms and the set's defaults.

:func:`parse_term` turns a term as written into a :class:`~framing.model.Term`
(tokenized exactly like article text, see :func:`framing.text.segment.tokenize`).
The defaults are what a set gets when it does not choose: the negation cues,
the colours of frames that name none, and the form of a frame id. Both
framing's TOML files (:mod:`framing.lexicons.toml_files`) and the field's
other formats (:mod:`framing.lexicons.formats`) build on this module.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from framing.model import Term
from framing.text.segment import is_word, tokenize

DEFAULT_NEGATION_CUES: tuple[str, ...] = (
    "not",
    "no",
    "never",
    "n't",
    "without",
    "neither",
    "nor",
    "none",
    "nobody",
    "nothing",
    "nowhere",
    "cannot",
    "hardly",
    "barely",
)

#: Words that make a neutral, uncertain reading of the words after them
#: ("unclear whether it is legal"), and that turn a negation just before them
#: into uncertainty ("officials have not said whether …").
DEFAULT_UNCERTAINTY_CUES: tuple[str, ...] = ("whether", "unclear", "uncertain", "unknown")

#: Labels that, near a term in its clause, say the frame is raised and
#: rejected: rebuttals, debunking words, exaggeration ("inflate the
#: presence of extremists"), minimizers ("very few", not "a few"; "a
#: limited mobilization") and decline ("the allure of extremism has
#: faded"). Phrases; a ``*`` ends a word.
DEFAULT_REBUTTAL_CUES: tuple[str, ...] = (
    "false",
    "falsely",
    "untrue",
    "not true",
    "baseless",
    "unfounded",
    "groundless",
    "unsubstantiated",
    "without evidence",
    "no evidence",
    "little evidence",
    "scant evidence",
    "no reason to believe",
    "no reason to think",
    "no reason to suspect",
    "far from being",
    "anything but",
    "misleading",
    "inaccurate",
    "incorrect",
    "mistaken*",
    "misnomer",
    "wrongly",
    "wrong to call",
    "wrong to describe",
    "wrong to label",
    # "it would be a mistake to see them as mercenaries", "experts caution
    # against labelling them extremists"
    "mistake to",
    "caution* against",
    "warn* against calling",
    "warn* against labelling",
    "warn* against labeling",
    "erroneous*",
    # words that dismiss a claim as absurd ("the idea that they are mercenaries is absurd")
    "absurd",
    "nonsense",
    "ridiculous",
    "preposterous",
    "laughable",
    "disinformation",
    "misinformation",
    "disinfo",
    "fake",
    "myth",
    "debunk*",
    "smear*",
    "sham",
    "narrative",
    "talking point*",
    "propaganda claim*",
    "unlikely",
    "unviable",
    # a status or label whose test is failed ("they fail to qualify as lawful
    # combatants", "fails to meet the definition of a mercenary")
    "fail* to qualify",
    "fail* to meet",
    "implausible",
    "exaggerat*",
    "overblown",
    "overstat*",
    "overestimat*",
    "inflat*",
    "few",
    "little",
    "limited",
    "rarely",
    "seldom",
    "dimmed",
    "waned",
    "faded",
    "receded",
    "subsided",
    "critics say",
    "critics call",
    "deni*",
    "deny",
    "disput*",
    "reject*",
    # those the frame names kept out ("the legion screens out applicants with
    # extremist ties")
    "screen* out",
    "weed* out",
    "vetted",
    "vetting",
    "turned away",
    # a label resented by those it names ("they bristle at being called mercenaries")
    "bristle* at",
    "resent*",
    "dismiss*",
    "refute*",
    "rebut*",
    # a possibility excluded ("officials have ruled out prosecuting them")
    "rule* out",
    "laugh* off",
    "brush* off",
    "brush* aside",
    "shrug* off",
)

#: Words that report a worry about what follows them ("officials fear that
#: some could pose a security risk", "there was concern that …"): the term is
#: raised as a possibility, neither asserted nor rejected, so it reads as
#: uncertain (or, for a term with ``on_uncertainty = "supports"``, as
#: support). Phrases; a ``*`` ends a word.
DEFAULT_CONCERN_CUES: tuple[str, ...] = (
    "concern that",
    "concerns that",
    "concerned that",
    "fear that",
    "fears that",
    "feared that",
    "fearing that",
    "worry that",
    "worries that",
    "worried that",
    "the worry was",
)

#: Words that attribute the term after them to someone else, without the
#: outlet asserting it: reported accusations and verdicts, distancing labels,
#: labels someone declines to give, the term set aside for another, views
#: held by unnamed others ("some see them as …, others call them …"), and
#: words that name a label as a word or a legal category rather than say it
#: of anyone ("the definition of a mercenary", "the distinctions between
#: soldiers, mercenaries and terrorists").
DEFAULT_DISTANCING_CUES: tuple[str, ...] = (
    "so-called",
    "alleged",
    "allegedly",
    "purported",
    "purportedly",
    "accused of",
    "accuses",
    "accusing",
    "accusation of",
    "accusations of",
    "allegation*",
    "suggestion that",
    "suggestions that",
    "charged as",
    "charged with",
    "tried as",
    "prosecuted as",
    "convicted as",
    "sentenced as",
    "found guilty of",
    "guilty of",
    "convicted of",
    "branded",
    "labeled",
    "labelled",
    "dubbed",
    # a label called unfair by the words that report it ("demonized as neo-Nazis")
    "demoni*",
    "vilif*",
    # a representation given by someone ("state media portray them as …")
    "portray",
    "portrays",
    "portrayed",
    "portraying",
    "claim",
    "claims",
    "claimed",
    "claiming",
    "rumor*",
    "rumour*",
    # a label someone declines to give ("officials stopped short of calling
    # them terrorists", "the minister refused to call them mercenaries")
    "stop* short of",
    "refus* to call",
    "refus* to describe",
    "refus* to label",
    "declin* to call",
    "declin* to describe",
    "declin* to label",
    "avoid* calling",
    "avoid* describing",
    "avoid* labelling",
    "avoid* labeling",
    # the term set aside for another ("idealists rather than mercenaries",
    # "unlike mercenaries, they are paid as soldiers")
    "rather than",
    "instead of",
    "unlike",
    # a view held by unnamed others, set against another ("some see them as
    # criminals, while others celebrate them as heroes")
    "some see",
    "others see",
    "some view",
    "others view",
    "some regard",
    "others regard",
    "some consider",
    "others consider",
    "some call",
    "others call",
    "some celebrate",
    "others celebrate",
    "some hail",
    "others hail",
    # a label named as a word or a category, not said of anyone
    "the term",
    "the word",
    "the label",
    "the notion of",
    "the concept of",
    "definition of",
    "definitions of",
    "distinction between",
    "distinctions between",
    "difference between",
    "differences between",
    "criteria for",
    "standards for",
)

#: Nouns that name what was said of someone as a label: in an appositive
#: right after a term, followed by a rebuttal cue, they say the term is
#: rejected ("Russia calls them mercenaries, a label Kyiv rejects"; "they
#: were called terrorists — a charge their families deny"); before "as" and
#: the term, they attribute it to whoever gives the label ("Moscow's
#: portrayal of the volunteers as mercenaries").
DEFAULT_LABEL_NOUNS: tuple[str, ...] = (
    "label",
    "labels",
    "term",
    "word",
    "name",
    "epithet",
    "description",
    "characterization",
    "characterisation",
    "portrayal",
    "depiction",
    "designation",
    "labeling",
    "labelling",
    "branding",
    "charge",
    "charges",
    "accusation",
    "accusations",
    "allegation",
    "allegations",
    "claim",
    "claims",
    "assertion",
    "notion",
    "suggestion",
)

#: Words that claim an entitlement for what follows; before a term whose
#: negation supports its frame ("should be treated as prisoners of war"),
#: they count against the frame. A breach or violation of a protection
#: claims it applies, so those verbs are entitlement cues too.
DEFAULT_ENTITLEMENT_CUES: tuple[str, ...] = (
    "should",
    "must",
    "entitled",
    "supposed to",
    "ought to",
    "deserve*",
    "full rights",
    "have the right",
    # the status applied or granted: "they would be treated as prisoners of war"
    "treated as",
    "protected as",
    "recognized as",
    "recognised as",
    "qualify as",
    "qualifies as",
    "qualify for",
    "qualifies for",
    # the status said to hold: "volunteers incorporated into the army are
    # considered combatants"
    "is considered",
    "are considered",
    "be considered",
    "was considered",
    "were considered",
    "regarded as",
    "deemed",
    "classified as",
    "classed as",
    # the status held: "they enjoy full protection under the Geneva Conventions"
    "enjoy",
    "enjoys",
    "enjoyed",
    "enjoying",
    "covered by",
    # a breach of it claims it applies: "the sentences breach the Geneva Convention"
    "breach*",
    "violates",
    "violated",
    "violating",
    "in violation of",
    "contrary to",
)

#: Words that dismiss a concern as beside the point. Near a term of a
#: frame they rebut it, like a rebuttal label ("their extremist past is
#: irrelevant"); in a sentence that names a term whose negation supports its
#: frame, they say the question it raises is settled and the protection
#: applies ("nationality is not an issue when determining POW status"): a
#: claim against the frame, like an entitlement.
DEFAULT_DISMISSAL_CUES: tuple[str, ...] = (
    "irrelevant",
    "immaterial",
    "not relevant",
    "not an issue",
    "not a factor",
    "not a problem",
    "not a concern",
    "does not matter",
    "doesn't matter",
    "do not matter",
    "don't matter",
    "makes no difference",
    "no bearing on",
)

#: A colourblind-safe palette (Okabe-Ito) for frames that name no colour.
DEFAULT_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442")

#: What a frame id must look like.
ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")


#: What a term's negation means: it denies the frame, or it supports it.
ON_NEGATION = ("denies", "supports")
#: What doubt about a term means: nothing either way, or support for the frame.
ON_UNCERTAINTY = ("neutral", "supports")
#: The widest gap a term may have, ``{0,5}``: wider, and a "phrase" spans clauses.
MAX_GAP = 5
_GAP_RE = re.compile(r"\{\s*(\d+)\s*,\s*(\d+)\s*\}")
_PIECE_RE = re.compile(r"(\{[^{}]*\})|(?<!\S)\*(?!\S)")


def parse_term(
    text: str,
    *,
    weight: float = 1.0,
    line: int | None = None,
    on_negation: str = "denies",
    on_uncertainty: str = "neutral",
    unless_followed_by: Sequence[str] = (),
    unless_preceded_by: Sequence[str] = (),
) -> Term:
    """Turn a term as written into a :class:`Term`, or raise ValueError saying why.

    A word ending in ``*`` matches any ending (``radicali*``, ``defend* the
    border*``); a lone ``*`` matches any one word (``stand * with``); ``{m,n}``
    matches m to n words (``help {0,3} refugees``). A term may not start or
    end with a lone ``*`` or a gap.

    >>> parse_term("Radicali*").tokens
    ('radicali*',)
    >>> parse_term("don't have the protection").tokens
    ('do', "n't", 'have', 'the', 'protection')
    >>> parse_term("help {0,3} refugees").tokens
    ('help', '{0,3}', 'refugees')
    >>> parse_term("defend* the border*").tokens
    ('defend*', 'the', 'border*')
    >>> parse_term("protection", unless_followed_by=["against {0,2} attack*"]).unless_followed_by
    (('against', '{0,2}', 'attack*'),)
    """
    stripped = text.strip()
    if not stripped:
        raise ValueError("empty term")
    if on_negation not in ON_NEGATION:
        raise ValueError(
            f'term {text!r}: on_negation must be "denies" or "supports", not {on_negation!r}'
        )
    if on_uncertainty not in ON_UNCERTAINTY:
        raise ValueError(
            f'term {text!r}: on_uncertainty must be "neutral" or "supports", not {on_uncertainty!r}'
        )
    tokens = _pieces(stripped, f"term {text!r}")
    if not tokens or not any(is_word(t.rstrip("*")) for t in tokens if t != "*"):
        raise ValueError(f"term {text!r} has no words, so it can never match")
    if _is_slot(tokens[0]) or _is_slot(tokens[-1]):
        raise ValueError(f"term {text!r}: a lone '*' or a gap must stand between words")
    if weight <= 0:
        raise ValueError(f"term {text!r}: weight must be positive, not {weight}")
    return Term(
        text=stripped,
        tokens=tuple(tokens),
        weight=float(weight),
        line=line,
        on_negation=on_negation,
        on_uncertainty=on_uncertainty,
        unless_followed_by=tuple(_context(c, text) for c in unless_followed_by),
        unless_preceded_by=tuple(_context(c, text) for c in unless_preceded_by),
    )


def parse_context(context: str, owner: str = "unless_followed_by") -> tuple[str, ...]:
    """The tokens of a phrase of an ``unless_followed_by`` or ``unless_preceded_by`` list.

    Written like a term, except that a gap may open or close it ("{0,1}
    unit*": a unit right after the match, or one word later). ``owner``
    names the list in errors.

    >>> parse_context("{0,1} unit*")
    ('{0,1}', 'unit*')
    """
    if not isinstance(context, str):
        raise ValueError(f"{owner} lists phrases (strings), not {context!r}")
    tokens = _pieces(context.strip(), f"{owner} phrase {context!r}")
    if not any(is_word(t.rstrip("*")) for t in tokens if not _is_slot(t)):
        raise ValueError(f"{owner} phrase {context!r} has no words")
    return tuple(tokens)


def _context(context: str, text: str) -> tuple[str, ...]:
    """:func:`parse_context` for a term, its errors naming the term."""
    return parse_context(context, f"term {text!r}: context")


def _pieces(stripped: str, text: str) -> list[str]:
    """The tokens of a term as written: words, ``*`` endings, lone ``*`` and ``{m,n}`` gaps.

    ``text`` names it in errors ("term 'x'").
    """
    tokens: list[str] = []
    position = 0
    for match in _PIECE_RE.finditer(stripped):
        tokens += _words(stripped[position : match.start()], text)
        if match.group(1) is not None:
            gap = _GAP_RE.fullmatch(match.group(1))
            if gap is None:
                raise ValueError(f"{text}: a gap is written {{m,n}}, as in 'help {{0,3}} refugees'")
            low, high = int(gap.group(1)), int(gap.group(2))
            if low > high or high > MAX_GAP or high == 0:
                raise ValueError(f"{text}: a gap {{m,n}} needs m <= n, 1 <= n <= {MAX_GAP}")
            tokens.append(f"{{{low},{high}}}")
        else:
            tokens.append("*")
        position = match.end()
    tokens += _words(stripped[position:], text)
    return tokens


def _is_slot(token: str) -> bool:
    return token == "*" or (token.startswith("{") and token.endswith("}"))


def _words(chunk: str, text: str) -> list[str]:
    """The tokens of a stretch of a term between slots; a word ending in ``*`` keeps it."""
    tokens: list[str] = []
    for word in chunk.split():
        if word.endswith("*"):
            body = word.rstrip("*")
            if word.count("*") > 1 or not body or "*" in body:
                raise ValueError(f"{text}: '*' must follow letters, as in 'radicali*'")
            parts = tokenize(body)
            if not parts or not is_word(parts[-1]):
                raise ValueError(f"{text}: '*' must follow letters, as in 'radicali*'")
            parts[-1] += "*"
            tokens += parts
        elif "*" in word:
            raise ValueError(f"{text}: '*' is only allowed at the end of a word")
        else:
            tokens += tokenize(word)
    return tokens
