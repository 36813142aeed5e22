"""How the matcher reads each match: negation and its scope, uncertainty, stance, referent.

Small general sentences written for these tests, one per class of error a
dictionary method makes.
"""

from __future__ import annotations

import pytest

from framing.lexicons.match import Matcher
from framing.lexicons.terms import (
    DEFAULT_CONCERN_CUES,
    DEFAULT_DISMISSAL_CUES,
    DEFAULT_DISTANCING_CUES,
    DEFAULT_ENTITLEMENT_CUES,
    DEFAULT_LABEL_NOUNS,
    DEFAULT_NEGATION_CUES,
    DEFAULT_REBUTTAL_CUES,
    DEFAULT_UNCERTAINTY_CUES,
    parse_term,
)
from framing.model import Frame, LexiconSet, Term
from framing.text.segment import tokenize


def lexicons(**settings: object) -> LexiconSet:
    label = Frame(
        "label",
        "Label",
        "",
        "#0072B2",
        tuple(parse_term(t) for t in ("mercenar*", "extremist*", "terrorist*", "legal")),
        "label.toml",
    )
    unprotected = Frame(
        "unprotected",
        "Unprotected",
        "",
        "#D55E00",
        (
            parse_term("lawful combatant*", on_negation="supports"),
            parse_term("protection", on_negation="supports"),
            parse_term("pow status", on_negation="supports"),
            parse_term("prosecut*"),
        ),
        "unprotected.toml",
    )
    goodwill = Frame(
        "goodwill",
        "Goodwill",
        "",
        "#009E73",
        (
            parse_term("defend"),
            parse_term("help {0,3} refugees"),
            parse_term("stand * with"),
            parse_term("hero*"),
        ),
        "goodwill.toml",
    )
    values = {
        "negation_cues": DEFAULT_NEGATION_CUES,
        "uncertainty_cues": DEFAULT_UNCERTAINTY_CUES,
        "rebuttal_cues": DEFAULT_REBUTTAL_CUES,
        "distancing_cues": DEFAULT_DISTANCING_CUES,
        "concern_cues": DEFAULT_CONCERN_CUES,
        "entitlement_cues": DEFAULT_ENTITLEMENT_CUES,
        "dismissal_cues": DEFAULT_DISMISSAL_CUES,
        "label_nouns": DEFAULT_LABEL_NOUNS,
        "inflect": True,
    } | settings
    return LexiconSet("t", (label, unprotected, goodwill), "t", **values)  # type: ignore[arg-type]


def readings(text: str, **settings: object) -> list[tuple[str, str]]:
    hits = Matcher(lexicons(**settings)).match_tokens(tokenize(text), text=text)
    return [(h.surface, h.reading) for h in hits]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Negation of a frame's label denies it.
        ("They are not mercenaries.", [("mercenaries", "deny")]),
        # Negation that is the frame's content supports it.
        (
            "Foreign fighters are not considered lawful combatants.",
            [("lawful combatants", "support")],
        ),
        ("You do not have the protection of your government.", [("protection", "support")]),
        ("Captured fighters would be left without POW status.", [("pow status", "support")]),
        # Un-negated, such a term raises the frame's topic ...
        ("Their protection is a question for the courts.", [("protection", "support")]),
        # ... unless an entitlement to it is claimed.
        ("They insisted they should be given protection.", [("protection", "deny")]),
        # The status said to apply is claimed too; said not to apply, it is the frame.
        (
            "If captured, they would be treated as lawful combatants.",
            [("lawful combatants", "deny")],
        ),
        ("They qualify for POW status.", [("pow status", "deny")]),
        ("Captured, they are protected as lawful combatants.", [("lawful combatants", "deny")]),
        ("They will not be treated as lawful combatants.", [("lawful combatants", "support")]),
        # Scope is bounded: a preposition after a negated noun ends it.
        ("There will be no leniency for foreign mercenaries.", [("mercenaries", "support")]),
        # A modal verb starts another predicate.
        ("Volunteers not in uniform could be prosecuted.", [("prosecuted", "support")]),
        # A conjunction ends the scope.
        ("They are not tourists and they are mercenaries.", [("mercenaries", "support")]),
        # A relative clause describing the negated words stays in scope.
        ("This is not people who are extremists at all.", [("extremists", "deny")]),
        # A negated quantifier governs the phrase after its partitive "of".
        ("Not all of the recruits are mercenaries.", [("mercenaries", "deny")]),
        ("Not every recruit is a mercenary.", [("mercenary", "deny")]),
        # Articles do not count towards the few words.
        ("He did not go there to be a mercenary.", [("mercenary", "deny")]),
        # At most a few words.
        (
            "They did not expect the first weeks in Kyiv to bring mercenaries.",
            [("mercenaries", "support")],
        ),
        # Uncertainty is neither support nor denial.
        ("Officials have not said whether it is legal.", [("legal", "uncertain")]),
        ("It is unclear whether they are mercenaries.", [("mercenaries", "uncertain")]),
        # A doubt reaches the other side of an "or", within a frame or across frames.
        (
            "Whether they are heroes or mercenaries depends on whom you ask.",
            [("heroes", "uncertain"), ("mercenaries", "uncertain")],
        ),
        (
            "It is unclear whether they are extremists or terrorists.",
            [("extremists", "uncertain"), ("terrorists", "uncertain")],
        ),
        (
            "It is unclear whether they are heroes and mercenaries are rare.",
            [("heroes", "uncertain"), ("mercenaries", "support")],
        ),
        # An "if" that asks is a doubt, as "whether" is; a conditional "if" is not.
        ("It is unclear if they are mercenaries.", [("mercenaries", "uncertain")]),
        ("Reporters asked if the volunteers were mercenaries.", [("mercenaries", "uncertain")]),
        (
            "It is not clear if they would be treated as lawful combatants.",
            [("lawful combatants", "uncertain")],
        ),
        (
            "If they are mercenaries, they will be prosecuted.",
            [("mercenaries", "support"), ("prosecuted", "support")],
        ),
        (
            "He said if they are mercenaries they will be prosecuted.",
            [("mercenaries", "support"), ("prosecuted", "support")],
        ),
        # A label called a mistake, cautioned against or called unfair is rebutted.
        ("It would be a mistake to see them as mercenaries.", [("mercenaries", "rebut")]),
        ("Experts caution against labelling them extremists.", [("extremists", "rebut")]),
        ("They have been demonized as extremists by the Kremlin.", [("extremists", "rebut")]),
        # A label called a talking point, or a concern dismissed, is rebutted.
        ("Calling them mercenaries is a Kremlin talking point.", [("mercenaries", "rebut")]),
        ("Extremists are not a problem in the legion, officials say.", [("extremists", "rebut")]),
        # A label resented by those it names, and those kept out, are rebutted.
        ("The volunteers bristle at being called mercenaries.", [("mercenaries", "rebut")]),
        ("Recruits with extremist views are turned away.", [("extremist", "rebut")]),
        # Rebuttals without a negation cue.
        ("Critics call the mercenary claim baseless.", [("mercenary", "rebut")]),
        ("Very few extremists joined the unit.", [("extremists", "rebut")]),
        ("A few extremists joined the unit.", [("extremists", "support")]),
        ("Moscow's disinformation paints them as terrorists.", [("terrorists", "rebut")]),
        ("There is little evidence that they are extremists.", [("extremists", "rebut")]),
        ("It is not true that the unit is full of extremists.", [("extremists", "rebut")]),
        ("The claim that they are terrorists is absurd.", [("terrorists", "rebut")]),
        ("Far from being extremists, most are veterans.", [("extremists", "rebut")]),
        ("The recruits are anything but extremists.", [("extremists", "rebut")]),
        ("There is no reason to believe they are extremists.", [("extremists", "rebut")]),
        # Words that call the label wrong.
        ("Describing them as mercenaries is inaccurate.", [("mercenaries", "rebut")]),
        ("They were wrongly described as mercenaries.", [("mercenaries", "rebut")]),
        ("Calling them mercenaries is a misnomer.", [("mercenaries", "rebut")]),
        ("They were mistaken for mercenaries at the border.", [("mercenaries", "rebut")]),
        ("Officials deny that the recruits are extremists.", [("extremists", "rebut")]),
        ("The unit disputes that it hired mercenaries.", [("mercenaries", "rebut")]),
        # A term set aside for another, or reported as a rumour, is not asserted.
        ("They are idealists rather than mercenaries.", [("mercenaries", "rebut")]),
        (
            "Rather than heroes, they are mercenaries.",
            [("heroes", "rebut"), ("mercenaries", "support")],
        ),
        ("Rumours that extremists joined have spread online.", [("extremists", "rebut")]),
        (
            "Instead of POW status, they could face prosecution.",
            [("pow status", "support"), ("prosecution", "support")],
        ),
        # Exaggeration, minimizers and decline rebut too.
        ("Propaganda inflates the number of extremists.", [("extremists", "rebut")]),
        ("The report describes a limited extremist mobilization.", [("extremist", "rebut")]),
        ("The appeal of extremist groups has faded.", [("extremist", "rebut")]),
        # Distancing: attributed, not asserted.
        ("The so-called mercenaries arrived on Monday.", [("mercenaries", "rebut")]),
        ("They were accused of being mercenaries.", [("mercenaries", "rebut")]),
        ('Moscow calls them "mercenaries" in every statement.', [("mercenaries", "rebut")]),
        # A reported worry raises the term as a possibility: neither asserted
        # nor rejected. It reaches its reasons; a quoted accusation, its whole
        # quotation.
        (
            "The worry was that this would grow because of the chance for extremists to meet.",
            [("extremists", "uncertain")],
        ),
        (
            "Officials fear that some returning fighters could become extremists.",
            [("extremists", "uncertain")],
        ),
        # A negation in the worried clause reads as a negation.
        (
            "Families worry that they would be left without POW status.",
            [("pow status", "support")],
        ),
        ("Relatives fear that prosecution awaits them.", [("prosecution", "uncertain")]),
        # A worry rebutted is rebutted.
        ("Fears that they are extremists are exaggerated.", [("extremists", "rebut")]),
        # The term set aside for another, or named in a charge, is attributed.
        ("Unlike mercenaries, the recruits are paid as soldiers.", [("mercenaries", "rebut")]),
        ("They could be tried as mercenaries.", [("mercenaries", "rebut")]),
        ("Unlike his friends, he is a hero.", [("hero", "support")]),
        # A label someone declines to give is raised and rejected.
        ("Officials stopped short of calling them terrorists.", [("terrorists", "rebut")]),
        ("The minister declined to call them mercenaries.", [("mercenaries", "rebut")]),
        ("Kyiv avoided calling them mercenaries.", [("mercenaries", "rebut")]),
        ("It would be wrong to call them mercenaries.", [("mercenaries", "rebut")]),
        ("They refused to abandon their heroes.", [("heroes", "support")]),
        # A negation or minimizer before a doubt affirms what follows.
        ("There is no doubt that they are mercenaries.", [("mercenaries", "support")]),
        ("There is little doubt that they are mercenaries.", [("mercenaries", "support")]),
        ("It is no surprise that they are called heroes.", [("heroes", "support")]),
        ("Few doubt that the volunteers are heroes.", [("heroes", "support")]),
        ("No one doubts that they are heroes.", [("heroes", "support")]),
        ("There is no question that they are heroes.", [("heroes", "support")]),
        ("There is no question of prosecution.", [("prosecution", "deny")]),
        # A possibility ruled out is rebutted; not ruled out, it stays open.
        ("The government has not ruled out prosecuting them.", [("prosecuting", "support")]),
        ("The government has ruled out prosecuting them.", [("prosecuting", "rebut")]),
        # A negated rebuttal or denial rebuts nothing.
        ("It is not unlikely that they will be prosecuted.", [("prosecuted", "support")]),
        ("The number of mercenaries among them is not exaggerated.", [("mercenaries", "support")]),
        ("He never denied being a mercenary.", [("mercenary", "support")]),
        ("He denied being a mercenary.", [("mercenary", "rebut")]),
        ("Little of their work was heroic.", [("heroic", "rebut")]),
        ("The few extremists among them were sent home.", [("extremists", "support")]),
        ("They trained in the little town as mercenaries.", [("mercenaries", "support")]),
        ("They did a little heroic work.", [("heroic", "support")]),
        # A status held is claimed; a little of it, or none, is the frame.
        ("They enjoy full protection under the law.", [("protection", "deny")]),
        ("They enjoy little protection under the law.", [("protection", "support")]),
        ("They do not enjoy the same protection.", [("protection", "support")]),
        ("The recruits are covered by POW status.", [("pow status", "deny")]),
        # A test failed: the status is missing, the label does not apply.
        ("They fail to qualify as lawful combatants.", [("lawful combatants", "support")]),
        ("They failed to qualify as mercenaries.", [("mercenaries", "rebut")]),
        # A status said to hold is claimed.
        (
            "Volunteers incorporated into the army are considered lawful combatants.",
            [("lawful combatants", "deny")],
        ),
        ("They are not considered lawful combatants.", [("lawful combatants", "support")]),
        # Those the frame names kept out: raised and rejected.
        ("The legion screens out recruits with extremist ties.", [("extremist", "rebut")]),
        # A partitive minimizer reaches its predicate, twice the window.
        (
            "Few of the recruits have any links to extremist groups.",
            [("extremist", "rebut")],
        ),
        (
            "Few came, and many of the recruits have links to extremist groups.",
            [("extremist", "support")],
        ),
        # A negative quantifier negates the clause it is the subject of.
        (
            "None of the volunteers we spoke to had any extremist ties.",
            [("extremist", "deny")],
        ),
        # So do "not one", "not a single" and a "no" that opens its clause, past a
        # preposition in the subject phrase when the clause has a verb ...
        ("No volunteer has been linked to extremist groups.", [("extremist", "deny")]),
        ("Not a single recruit in the unit was an extremist.", [("extremist", "deny")]),
        ("Not one of them would be called a mercenary.", [("mercenary", "deny")]),
        ("No evidence of extremist ties was found.", [("extremist", "deny")]),
        # ... and not without one: the phrase is no clause.
        ("No mercy for extremists, the ministry says.", [("extremists", "support")]),
        ("They said no one but extremists came.", [("extremists", "support")]),
        # A claim asked about is a doubt, not a claim.
        (
            "Russia declined to say whether they would be treated as lawful combatants.",
            [("lawful combatants", "uncertain")],
        ),
        (
            "They would be treated as lawful combatants, whether or not in uniform.",
            [("lawful combatants", "deny")],
        ),
        (
            "The worry was that this would pass, but extremists came anyway.",
            [("extremists", "support")],
        ),
        (
            "They are accused of “spying, smuggling, and planning terrorist attacks,” it says.",
            [("terrorist", "rebut")],
        ),
        (
            "They are accused of “spying,” and terrorist attacks followed.",
            [("terrorist", "support")],
        ),
        # A distancing cue reaches through an enumeration, not another predicate.
        (
            "They were accused of spying, smuggling, and terrorist attacks.",
            [("terrorist", "rebut")],
        ),
        ("They were accused of spying and became terrorists.", [("terrorists", "support")]),
        # An item of the list before its last reaches too, when the list goes on ...
        (
            "They were accused of spying, terrorist plots, and smuggling.",
            [("terrorist", "rebut")],
        ),
        # ... but a comma that opens a new clause is no list.
        (
            "Rather than heroes, they are mercenaries, officials say.",
            [("heroes", "rebut"), ("mercenaries", "support")],
        ),
        (
            "Rather than heroes, they are mercenaries and extremists.",
            [("heroes", "rebut"), ("mercenaries", "support"), ("extremists", "support")],
        ),
        # A negation or a distancing cue governs a coordinated pair of labels ...
        (
            "They are not mercenaries or terrorists.",
            [("mercenaries", "deny"), ("terrorists", "deny")],
        ),
        ("He is not a mercenary or a terrorist.", [("mercenary", "deny"), ("terrorist", "deny")]),
        (
            "They were accused of being mercenaries and terrorists.",
            [("mercenaries", "rebut"), ("terrorists", "rebut")],
        ),
        # ... across frames, an alternative ("or", "nor") too ...
        (
            "They are not heroes or mercenaries.",
            [("heroes", "deny"), ("mercenaries", "deny")],
        ),
        ("They are neither heroes nor mercenaries.", [("heroes", "deny"), ("mercenaries", "deny")]),
        # ... not another frame's term joined as a second predicate ...
        (
            "They were charged as mercenaries and prosecuted.",
            [("mercenaries", "rebut"), ("prosecuted", "support")],
        ),
        # ... nor a term after a comma, which may open a new clause.
        (
            "They are not mercenaries, and extremists joined later.",
            [("mercenaries", "deny"), ("extremists", "support")],
        ),
        # A view held by unnamed others is attributed, not asserted ...
        (
            "Some see them as tourists, while others see them as mercenaries.",
            [("mercenaries", "rebut")],
        ),
        # ... and the outlet's own view is not.
        ("The report sees them as mercenaries.", [("mercenaries", "support")]),
        # A label named as a word or a legal category is not said of anyone.
        ("The definition of a mercenary is narrow.", [("mercenary", "rebut")]),
        (
            "The law draws distinctions between soldiers, spies, and mercenaries.",
            [("mercenaries", "rebut")],
        ),
        # A long quotation is a quotation, not scare quotes.
        ('"They are mercenaries and nothing else," he said.', [("mercenaries", "support")]),
        # Rebutting a protection claim supports unprotection.
        ("Claims of POW status for them are false.", [("pow status", "support")]),
    ],
)
def test_each_class_of_reading(text, expected):
    assert readings(text) == expected


def test_a_verdict_label_opening_the_sentence_rebuts_all_of_it():
    """Fact checks label the claim they rebut: "FALSE: …" reaches past the window."""
    text = "MYTH: The foreign volunteers in the east of the country are all extremists."
    assert readings(text) == [("extremists", "rebut")]
    text = "FALSE: Captured volunteers in the east of the country have no protection at all."
    assert readings(text) == [("protection", "deny")]
    # Not opening the sentence, a label keeps its window.
    text = "One post called it false: the foreign volunteers in the east are all extremists."
    assert readings(text) == [("extremists", "support")]


def test_a_cue_reaches_across_a_short_aside_in_its_clause():
    """ "Few, if any, of them": an aside set off by commas or dashes does not end the clause."""
    assert readings("Few, if any, of the recruits are extremists.") == [("extremists", "rebut")]
    assert readings("Very few, officials say, are mercenaries.") == [("mercenaries", "rebut")]
    assert readings("Few of them, experts said, were extremists.") == [("extremists", "rebut")]
    assert readings("Rarely – if ever – are they mercenaries.") == [("mercenaries", "rebut")]
    assert readings("They were labelled, officials say, mercenaries.") == [("mercenaries", "rebut")]
    # "a few" is no minimizer, aside or not.
    assert readings("A few, officials say, are mercenaries.") == [("mercenaries", "support")]
    # Past the aside, a new clause is not the cue's.
    assert readings("Few recruits came; most were mercenaries.") == [("mercenaries", "support")]
    text = "Few came, officials said, and most were mercenaries."
    assert readings(text) == [("mercenaries", "support")]
    assert readings("Few came, officials said, they were mercenaries.") == [
        ("mercenaries", "support")
    ]
    assert readings("Rather than heroes, officials say, the recruits are mercenaries.") == [
        ("heroes", "rebut"),
        ("mercenaries", "support"),
    ]


def test_an_appositive_that_names_the_term_and_rejects_it_rebuts_it():
    """ "Mercenaries, a label Kyiv rejects": the label is raised and rejected."""
    assert readings("Moscow calls them mercenaries, a label Kyiv rejects.") == [
        ("mercenaries", "rebut")
    ]
    text = "They were called terrorists — a charge their families deny."
    assert readings(text) == [("terrorists", "rebut")]
    text = "Moscow calls them mercenaries in its broadcasts, a claim the unit disputes."
    assert readings(text) == [("mercenaries", "rebut")]
    text = "They are extremists, an accusation that officials have dismissed."
    assert readings(text) == [("extremists", "rebut")]
    text = "They are heroes, a description critics call propaganda."
    assert readings(text) == [("heroes", "rebut")]
    # The terms of the clause before the mark: a coordinated pair, a short aside between.
    assert readings("Moscow calls them mercenaries and terrorists, a label Kyiv rejects.") == [
        ("mercenaries", "rebut"),
        ("terrorists", "rebut"),
    ]
    text = "They are mercenaries, Moscow says, a claim Kyiv rejects."
    assert readings(text) == [("mercenaries", "rebut")]
    # Not a term of another predicate, nor a label that is accepted.
    text = "They fought as heroes and were called mercenaries, a label Kyiv rejects."
    assert readings(text) == [("heroes", "support"), ("mercenaries", "rebut")]
    assert readings("They are mercenaries, a label that fits.") == [("mercenaries", "support")]
    text = "They are mercenaries, a label they have never denied."
    assert readings(text) == [("mercenaries", "support")]
    # A relative "which" stands for the label noun, with no other clause between.
    assert readings("Moscow calls them mercenaries, which Kyiv denies.") == [
        ("mercenaries", "rebut")
    ]
    text = "They are extremists, which their commanders have long rejected."
    assert readings(text) == [("extremists", "rebut")]
    text = "They are mercenaries, which Kyiv has never denied."
    assert readings(text) == [("mercenaries", "support")]
    text = "They are mercenaries, which explains why few of them stay."
    assert readings(text) == [("mercenaries", "support")]
    # A set that names no label nouns reads the sentence as before.
    text = "Moscow calls them mercenaries, a label Kyiv rejects."
    assert readings(text, label_nouns=()) == [("mercenaries", "support")]


def test_a_representation_by_others_is_attributed_and_a_label_called_absurd_rebutted():
    """ "State media portray them as mercenaries"; "the idea … is absurd"."""
    text = "State media portray the recruits as mercenaries."
    assert readings(text) == [("mercenaries", "rebut")]
    assert readings("Television portrayed them as terrorists.") == [("terrorists", "rebut")]
    # "Depict" mostly says what a picture shows, not a label.
    text = "Photos depicted recruits who helped refugees."
    assert readings(text) == [("helped refugees", "support")]
    text = "The idea that these recruits are mercenaries is absurd."
    assert readings(text) == [("mercenaries", "rebut")]
    text = "Calling the recruits terrorists is nonsense, he said."
    assert readings(text) == [("terrorists", "rebut")]
    # A label the people give themselves is their own word, reported as theirs.
    text = "The recruits portrayed themselves as heroes."
    assert readings(text) == [("heroes", "support")]
    assert readings("They branded themselves mercenaries.") == [("mercenaries", "support")]
    assert readings("Moscow branded them mercenaries.") == [("mercenaries", "rebut")]


def test_allegations_suggestions_and_verdicts_are_attributed_and_laughing_them_off_rebuts():
    text = "Allegations that the recruits are extremists circulated online."
    assert readings(text) == [("extremists", "rebut")]
    text = "They laughed off suggestions they were mercenaries."
    assert readings(text) == [("mercenaries", "rebut")]
    text = "The recruits shrugged off talk of terrorists in their ranks."
    assert readings(text) == [("terrorists", "rebut")]
    # A reported clause after a short aside is still reported.
    text = "Moscow claims, without evidence, that the recruits are mercenaries."
    assert readings(text) == [("mercenaries", "rebut")]
    text = "Moscow claims, officials say, that the recruits are mercenaries."
    assert readings(text) == [("mercenaries", "rebut")]
    # A verdict is the court's, with the convicted named between.
    text = "The court found the recruits guilty of being mercenaries."
    assert readings(text) == [("mercenaries", "rebut")]
    # Suggestions of something to do attribute nothing.
    text = "They welcomed suggestions to help refugees."
    assert readings(text) == [("help refugees", "support")]
    # "At the suggestion of" attributes nothing after it.
    text = "At the suggestion of a friend, he joined the mercenaries."
    assert readings(text) == [("mercenaries", "support")]


def test_a_label_noun_before_as_attributes_the_term_to_whoever_gives_the_label():
    """ "Moscow's portrayal of them as mercenaries": the label is attributed, not asserted."""
    text = "Moscow's portrayal of the recruits as mercenaries is part of its messaging."
    assert readings(text) == [("mercenaries", "rebut")]
    text = "The characterization of them as violent extremists drew criticism."
    assert readings(text) == [("extremists", "rebut")]
    assert readings("Their depiction as terrorists angered families.") == [("terrorists", "rebut")]
    text = "The designation of the unit as a terrorist group took effect."
    assert readings(text) == [("terrorist", "rebut")]
    # Coordinated terms share it.
    assert readings("The description of them as mercenaries or terrorists spread.") == [
        ("mercenaries", "rebut"),
        ("terrorists", "rebut"),
    ]
    # A label noun without "as", or a verb, says nothing of the kind.
    text = "He gave a description of mercenaries who came to fight."
    assert readings(text) == [("mercenaries", "support")]
    assert readings("Officials described them as mercenaries.") == [("mercenaries", "support")]
    # Nor does a noun beyond the phrase.
    text = "The description was short, and they came as mercenaries."
    assert readings(text) == [("mercenaries", "support")]
    # A set that names no label nouns reads the sentence as before.
    text = "Their depiction as terrorists angered families."
    assert readings(text, label_nouns=()) == [("terrorists", "support")]


def test_what_someone_calls_a_term_attributes_it_to_them():
    """ "What Moscow calls mercenaries": a name given by others, not asserted."""
    text = "The ministry vowed to punish what it termed foreign mercenaries."
    assert readings(text) == [("mercenaries", "rebut")]
    text = "What state media describe as extremists are mostly veterans."
    assert readings(text) == [("extremists", "rebut")]
    text = "Whom the Kremlin brands terrorists are volunteers from many countries."
    assert readings(text) == [("terrorists", "rebut")]
    # The speaker's own name for them, a plain verb, or "what" of another clause.
    assert readings("They are what I would call mercenaries.") == [("mercenaries", "support")]
    assert readings("Officials called them mercenaries.") == [("mercenaries", "support")]
    text = "What officials called the plan was clear: hire mercenaries."
    assert readings(text) == [("mercenaries", "support")]
    text = "What worried officials, they said, was that extremists called in."
    assert readings(text) == [("extremists", "support")]


def test_a_claimed_entitlement_denies_the_frames_bare_mentions_in_its_sentence():
    """A counter-claim of protection is the sentence's claim about the frame."""
    # A breach of a protection claims it applies.
    assert readings("Prosecuting them would breach their POW status.") == [
        ("prosecuting", "deny"),
        ("pow status", "deny"),
    ]
    # Without the claim, both mentions state the frame.
    assert readings("Prosecuting them ignores their POW status.") == [
        ("prosecuting", "support"),
        ("pow status", "support"),
    ]
    # A negation that states the frame is not a bare mention: it stays.
    assert readings("They have no protection, though they should have POW status.") == [
        ("protection", "support"),
        ("pow status", "deny"),
    ]


def test_dismissing_the_question_a_protection_raises_claims_the_protection():
    """ "Nationality is not an issue for POW status": the frame's question is settled."""
    text = "The court ruled on POW status in a long judgment that a passport is not an issue."
    assert readings(text) == [("pow status", "deny")]
    text = "Citizenship is irrelevant when deciding on protection, and so is prosecuting them."
    assert readings(text) == [("protection", "deny"), ("prosecuting", "deny")]
    # Right after a dismissal, the term is not negated by the dismissal's "not".
    assert readings("A passport is not a factor in POW status.") == [("pow status", "deny")]
    # Without the dismissal, the same mentions state the frame.
    text = "The court ruled on POW status in a long judgment that a passport is an issue."
    assert readings(text) == [("pow status", "support")]
    # A negation that states the frame stays support.
    text = "They have no protection, and the reasons are irrelevant."
    assert readings(text) == [("protection", "support")]
    # Without such a term in the sentence, a dismissal is a rebuttal near its term only.
    assert readings("Their extremist past is irrelevant.") == [("extremist", "rebut")]
    text = "Their extremist past worries officials, who call the paperwork irrelevant."
    assert readings(text) == [("extremist", "support")]
    # A set that names no dismissal cues reads the sentence as before.
    text = "Citizenship is irrelevant to their POW status."
    assert readings(text, dismissal_cues=()) == [("pow status", "support")]


def test_predicating_a_protection_of_them_claims_it():
    assert readings("They are lawful combatants.") == [("lawful combatants", "deny")]
    assert readings("They are clearly lawful combatants.") == [("lawful combatants", "deny")]
    # An adverb that does not end in -ly may stand between, too.
    assert readings("They are therefore lawful combatants.") == [("lawful combatants", "deny")]
    assert readings("They are still lawful combatants.") == [("lawful combatants", "deny")]
    assert readings("They are not lawful combatants.") == [("lawful combatants", "support")]
    # A noun is not predicated: the topic is raised.
    assert readings("The question is protection.") == [("protection", "support")]


def test_a_claim_outweighs_doubt_in_its_sentence():
    frame = Frame(
        "u",
        "U",
        "",
        "#000000",
        (
            parse_term("legal issue*", on_negation="supports", on_uncertainty="supports"),
            parse_term("legal", on_negation="supports", on_uncertainty="supports"),
        ),
        "u",
    )
    matcher = Matcher(
        LexiconSet(
            "t",
            (frame,),
            "t",
            negation_cues=DEFAULT_NEGATION_CUES,
            uncertainty_cues=DEFAULT_UNCERTAINTY_CUES,
            entitlement_cues=DEFAULT_ENTITLEMENT_CUES,
        )
    )

    def read(text: str) -> list[tuple[str, str]]:
        return [(h.surface, h.reading) for h in matcher.match_tokens(tokenize(text))]

    assert read("Some unclear legal issues remain.") == [("legal issues", "support")]
    assert read("Some unclear legal issues remain, but the practice is legal.") == [
        ("legal issues", "deny"),
        ("legal", "deny"),
    ]
    # A question is a doubt too.
    assert read("The practice is legal, but are there legal issues?") == [
        ("legal", "deny"),
        ("legal issues", "deny"),
    ]


def test_a_worry_about_a_term_whose_doubt_is_its_frame_supports_it():
    term = parse_term("legal issue*", on_uncertainty="supports")
    legal = parse_term("legal", on_negation="supports", on_uncertainty="supports")
    frame = Frame("u", "Unprotected", "", "#000000", (term, legal), "u.toml")
    matcher = Matcher(LexiconSet("t", (frame,), "t", (), concern_cues=DEFAULT_CONCERN_CUES))
    hits = matcher.match_tokens(tokenize("Lawyers fear that legal issues will follow them home."))
    assert [(h.reading, h.cue) for h in hits] == [("support", "fear that")]
    # Like a doubt, the worry yields to a claim in its sentence.
    text = "Lawyers fear that legal issues will follow them, but the practice is legal."
    assert [(h.reading, h.cue) for h in matcher.match_tokens(tokenize(text))] == [
        ("deny", "is"),
        ("deny", "is"),
    ]
    # Without the set's concern cues, the same sentence is a plain mention.
    plain = Matcher(LexiconSet("t", (frame,), "t", ()))
    hits = plain.match_tokens(tokenize("Lawyers fear that legal issues will follow them home."))
    assert [(h.reading, h.cue) for h in hits] == [("support", None)]


def test_a_cue_outside_the_clause_does_not_rebut():
    assert readings("The claim was false. They are mercenaries.") == [("mercenaries", "support")]


def test_a_term_inside_a_capitalised_name_is_about_something_else():
    text = "The State Emergency Protection Service sent trucks."
    assert readings(text) == [("protection", "other")]
    # At the start of a sentence one capital is not a name.
    assert readings("Protection was a worry for them.") == [("protection", "support")]
    # Headlines capitalise every word, so the check is off there.
    hits = Matcher(lexicons()).match_tokens(
        tokenize("Volunteers Seek Legal Protection"),
        text="Volunteers Seek Legal Protection",
        part="headline",
    )
    assert [h.reading for h in hits] == ["support", "support"]


def test_subjects_give_another_referent_when_no_sentence_names_them():
    subjects = ("volunteer*", "foreign fighter*", "they")
    matcher = Matcher(lexicons(subjects=subjects))
    alone = matcher.match_tokens(tokenize("The invading army used terrorist tactics."))
    assert [h.reading for h in alone] == ["other"]
    named = matcher.match_tokens(tokenize("Volunteers were called terrorists."))
    assert [h.reading for h in named] == ["support"]
    context = matcher.match_tokens(
        tokenize("The army called the unit terrorists."),
        previous=tokenize("They arrived in March."),
    )
    assert [h.reading for h in context] == ["support"]


def test_inflections_gaps_and_inner_wildcards():
    assert readings("She defended the city.") == [("defended", "support")]
    assert readings("She defended the city.", inflect=False) == []
    assert readings("They help the many refugees.") == [("help the many refugees", "support")]
    assert readings("They help feed, house and clothe refugees.") == []  # a gap crosses no comma
    assert readings("We stand firmly with them.") == [("stand firmly with", "support")]
    assert readings("We stand with them.") == []  # "*" is exactly one word


def test_a_word_the_tables_do_not_know_matches_its_plural():
    """An acronym is taken for a noun: "pow" matches "POWs", not any other ending."""
    frame = Frame("u", "U", "", "#000000", (parse_term("pow", on_negation="supports"),), "u")
    matcher = Matcher(LexiconSet("t", (frame,), "t", negation_cues=("not",), inflect=True))
    hits = matcher.match_tokens(tokenize("They would not be treated as POWs."))
    assert [(h.surface, h.reading) for h in hits] == [("pows", "support")]
    assert matcher.match_tokens(tokenize("The powder was dry.")) == []
    exact = Matcher(LexiconSet("t", (frame,), "t", negation_cues=("not",), inflect=False))
    assert exact.match_tokens(tokenize("They were POWs.")) == []


def test_a_word_that_is_a_lemma_of_its_own_keeps_its_part_of_speech():
    """The adjective "protected" (a status) does not match the verb "protect" (an act)."""
    frame = Frame("u", "U", "", "#000000", (parse_term("protected"), parse_term("willing")), "u")
    matcher = Matcher(LexiconSet("t", (frame,), "t", negation_cues=("not",), inflect=True))
    assert matcher.match_tokens(tokenize("They went to protect the free world.")) == []
    assert matcher.match_tokens(tokenize("They will come and would stay.")) == []
    hits = matcher.match_tokens(tokenize("They are protected and willing."))
    assert [h.surface for h in hits] == ["protected", "willing"]


def test_quotation_marks_inside_a_phrase_are_skipped():
    matcher = Matcher(
        LexiconSet(
            "t",
            (Frame("g", "G", "", "#000000", (parse_term("defense of ukraine"),), "g"),),
            "t",
            negation_cues=("not",),
        )
    )
    hits = matcher.match_tokens(tokenize("They came in defense of “Ukraine, Europe”."))
    assert [h.surface for h in hits] == ["defense of “ ukraine"]


def test_a_set_without_stance_cues_reads_as_before():
    bare = lexicons(rebuttal_cues=(), distancing_cues=(), uncertainty_cues=())
    hits = Matcher(bare).match_tokens(tokenize("The so-called mercenaries arrived."))
    assert [h.reading for h in hits] == ["support"]


def test_hits_carry_counts_and_negated_consistently():
    hits = Matcher(lexicons()).match_tokens(
        tokenize("They are not mercenaries, the so-called extremists, whether legal or not.")
    )
    by_surface = {h.surface: h for h in hits}
    assert not by_surface["mercenaries"].counts and by_surface["mercenaries"].negated
    assert not by_surface["extremists"].counts and by_surface["extremists"].negated
    assert not by_surface["legal"].counts and not by_surface["legal"].negated


def test_doubt_that_is_the_frame_supports_it():
    """``on_uncertainty = "supports"`` reaches the term, whether given per term or per frame."""
    term = parse_term("legal", on_uncertainty="supports")
    assert term.on_uncertainty == "supports"
    frame = Frame("u", "U", "", "#000000", (term,), "u.toml")
    matcher = Matcher(
        LexiconSet(
            "t",
            (frame,),
            "t",
            negation_cues=DEFAULT_NEGATION_CUES,
            uncertainty_cues=DEFAULT_UNCERTAINTY_CUES,
        )
    )
    hits = matcher.match_tokens(tokenize("It is unclear whether it is legal."))
    assert [(h.surface, h.reading) for h in hits] == [("legal", "support")]
    # shared across "or", a doubt is read as the second term's frame says
    both = Frame("b", "B", "", "#000000", (parse_term("hero*"),), "b.toml")
    matcher = Matcher(
        LexiconSet(
            "t",
            (both, frame),
            "t",
            negation_cues=DEFAULT_NEGATION_CUES,
            uncertainty_cues=DEFAULT_UNCERTAINTY_CUES,
        )
    )
    hits = matcher.match_tokens(tokenize("Nobody knows whether heroes or legal."))
    assert [(h.surface, h.reading) for h in hits] == [("heroes", "uncertain"), ("legal", "support")]


def _context_matcher(term: Term) -> Matcher:
    frame = Frame("u", "U", "", "#000000", (term,), "u.toml")
    return Matcher(LexiconSet("t", (frame,), "t", negation_cues=DEFAULT_NEGATION_CUES))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Captured fighters have no protection under the treaty.", [("protection", "support")]),
        ("The shelters give protection against heavy air attacks.", []),
        ("The shelters give protection against “heavy attacks”.", []),
        ("Their protection against prosecution is weak.", [("protection", "support")]),
        ("Their protection, against all odds, held.", [("protection", "support")]),
    ],
)
def test_a_term_followed_by_another_senses_context_is_no_match(text, expected):
    """``unless_followed_by``: "protection against attacks" is physical safety, not a status."""
    term = parse_term(
        "protection", on_negation="supports", unless_followed_by=["against {0,2} attack*"]
    )
    hits = _context_matcher(term).match_tokens(tokenize(text))
    assert [(h.surface, h.reading) for h in hits] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Some recruits hold extremist views.", [("extremist", "support")]),
        ("The old units with extremist pasts were disbanded.", []),
        ("Units with openly extremist pasts were disbanded.", []),
        ("Units with very openly extremist pasts were disbanded.", [("extremist", "support")]),
        ("Extremist units were disbanded.", []),
        ("Extremist fighting units were disbanded.", []),
        ("Extremist recruits joined the units.", [("extremist", "support")]),
    ],
)
def test_a_term_about_another_referent_before_or_after_it_is_no_match(text, expected):
    """``unless_preceded_by`` and ``unless_followed_by`` (a gap may open or close them)."""
    term = parse_term(
        "extremist*",
        unless_followed_by=["{0,1} unit*"],
        unless_preceded_by=["unit* with {0,1}"],
    )
    hits = _context_matcher(term).match_tokens(tokenize(text))
    assert [(h.surface.lower(), h.reading) for h in hits] == expected


def test_a_context_phrase_needs_a_word():
    with pytest.raises(ValueError, match="has no words"):
        parse_term("protection", unless_followed_by=["{0,2}"])
