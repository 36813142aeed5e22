"""Finding a lexicon's terms in sentences, with negation (framing.lexicons.match)."""

from __future__ import annotations

from framing.lexicon_tools.explain import explain_sentence
from framing.lexicons.load import load_lexicons
from framing.lexicons.match import Matcher
from framing.lexicons.scope import negation_scope
from framing.lexicons.terms import parse_term
from framing.model import Frame, LexiconSet
from framing.resources import default_lexicons
from tests.conftest import make_sentence


def hits_of(lexicons, text):
    if not isinstance(lexicons, LexiconSet):
        lexicons = load_lexicons(lexicons)
    matcher = Matcher(lexicons)
    return [(h.frame, h.term, h.surface, h.negated) for h in matcher.match(make_sentence(text))]


def test_story_subject_words_are_in_no_frame():
    lexicons = load_lexicons(default_lexicons())
    matcher = Matcher(lexicons)
    text = "Volunteers and foreign fighters from America join Ukraine against Russia's army."
    assert matcher.match(make_sentence(text)) == []


def test_words_phrases_and_wildcards_match(two_frames):
    found = hits_of(
        two_frames,
        "Heroes of the Geneva Conventions were prosecuted, said people of goodwill.",
    )
    assert found == [
        ("heroic", "hero*", "heroes", False),
        ("legal", "geneva convention*", "geneva conventions", False),
        ("legal", "prosecut*", "prosecuted", False),
        ("heroic", "people of goodwill", "people of goodwill", False),
    ]


def test_matching_ignores_case_and_typographic_quotes(two_frames):
    assert hits_of(two_frames, "No “POW STATUS” here")[0][:3] == (
        "legal",
        "pow status",
        "pow status",
    )


def test_negated_term_is_reported_not_counted(two_frames):
    found = hits_of(two_frames, "This is not heroes who are coming, it is freedom.")
    assert found == [("heroic", "hero*", "heroes", True), ("heroic", "freedom", "freedom", False)]


def test_seed_sentence_mercenaries_is_negated():
    found = hits_of(
        default_lexicons(), "“This is not mercenaries who are coming to earn money,” he said."
    )
    assert found and all(negated for *_, negated in found)


def test_negation_reaches_into_an_opening_quote_but_stops_at_a_closing_one():
    assert hits_of(default_lexicons(), 'so as not to make them "mercenaries."')[0][3] is True
    found = hits_of(
        default_lexicons(), '"They\'re not going to get any breaks" under international law'
    )
    assert ("unprotected_civilians", "international law", "international law", False) in found


def test_cue_inside_a_term_does_not_negate_it():
    frame = Frame("u", "U", "", "#000000", (parse_term("don't have the protection"),), "u")
    lexicons = LexiconSet("t", (frame,), "t", negation_cues=("not", "n't", "no"))
    found = hits_of(lexicons, "It's just that you don't have the protection of your government")
    assert found == [("u", "don't have the protection", "do n't have the protection", False)]


def test_negation_scope_and_pseudo_negation():
    tokens = ["not", "only", "heroes", ",", "never", "heroes", "but", "heroes"]
    assert negation_scope(tokens, frozenset({"not", "never"})) == [
        None, None, None, None, None, 4, None, None,
    ]  # fmt: skip


def test_longest_match_wins_within_a_frame(write, tmp_path):
    write("lx/f.toml", 'id = "f"\nterms = ["white supremacist*", "supremacists"]\n')
    assert hits_of(tmp_path / "lx", "white supremacists") == [
        ("f", "white supremacist*", "white supremacists", False)
    ]


def test_wildcards_of_different_lengths_sharing_a_head(write, tmp_path):
    write("w/a.toml", 'id = "a"\nterms = ["rad*"]\n')
    write("w/b.toml", 'id = "b"\nterms = ["radicali*", "nazi*"]\n')
    found = hits_of(tmp_path / "w", "Radicalized neo-nazis, radar, ra, nazis.")
    assert found == [
        ("a", "rad*", "radicalized", False),
        ("b", "radicali*", "radicalized", False),
        ("a", "rad*", "radar", False),
        ("b", "nazi*", "nazis", False),
    ]


def test_large_lexicon_finds_every_planted_term(write, tmp_path):
    import random

    rng = random.Random(7)
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = sorted(
        {"".join(rng.choice(letters) for _ in range(rng.randint(5, 9))) for _ in range(3000)}
    )
    planted = words[:40]
    entries = [f'"{w}"' for w in words[:1500]] + [f'"{w[:4]}{w[4:6]}*"' for w in words[1500:]]
    write("big/f.toml", 'id = "f"\nterms = [' + ", ".join(entries) + "]\n")
    text = " ".join(f"{w} filler," for w in planted)
    found = hits_of(tmp_path / "big", text)
    assert [surface for _, _, surface, _ in found] == planted


def _readings(text):
    matcher = Matcher(load_lexicons(default_lexicons()))
    return [(h.frame, h.term, h.reading) for h in matcher.match(make_sentence(text))]


def test_the_default_goodwill_frame_reads_a_motive_said_in_general_words():
    cases = {
        "The veteran said he could not sit idly by while civilians died.": "idly by",
        "It was my duty to go, the volunteer said.": "my duty",
        "They said they wanted to do their part.": "do {0,1} part",
        "He gave his life for strangers, his fellow volunteers said.": "give {0,1} life",
        "The recruits risked their lives for a country not their own.": "risk {0,1} life",
        "They came to help, the volunteers said.": "come {0,2} to help",
        "I came here to help people, one volunteer said.": "come {0,2} to help",
        "He said he was motivated by a desire to protect civilians.": "protect {0,3} civilians",
        "The volunteers helped dozens of refugees across the border.": "help {0,3} refugees",
        "The volunteers' heroism moved the crowd.": "heroism",
        "Going was a matter of conscience, the volunteer said.": "conscience",
        "The volunteers felt compelled to go.": "felt compelled",
        "He said he was fighting the good fight.": "good fight",
        "They said they were on the right side of history.": "right side of history",
        "The volunteers said they had come to resist tyranny.": "tyrann*",
        "They called it a worthy cause.": "worthy cause",
        "I could not sit at home and watch, he said.": "sit {0,3} and watch",
        "They are driven by a sense of justice.": "sense of justice",
        "Many recruits spoke of a desire to help.": "desire to help",
        "The volunteers said they came to help the Ukrainian people.": "help {0,3} people",
        "They are fighting for the people of Ukraine.": "fight {0,1} for {0,3} people",
        "He went out of love for the country.": "out of love",
        "The volunteers said they would die for the cause.": "for {0,3} cause",
        "He could not bear to watch the news any longer, he said.": "bear to {0,1} watch",
        "The volunteers said they came to fight evil.": "fight {0,2} evil",
        "They are risking everything for strangers.": "risk {0,1} everything",
        "They see themselves as the good guys.": "good guys",
        "He wanted to fight for what is right.": "what is right",
    }
    for text, term in cases.items():
        assert ("goodwill_fighters", term, "support") in _readings(text), text


def test_general_goodwill_wordings_keep_stance_and_referent():
    # raised and rejected, and said of someone else, are not support
    assert _readings("Critics call the claim that they came to help propaganda.") == [
        ("goodwill_fighters", "come {0,2} to help", "rebut")
    ]
    assert _readings("The court will stand with the law, the minister said.") == [
        ("goodwill_fighters", "stand {0,1} with", "other")
    ]


def test_the_default_frames_read_their_ideas_in_general_words():
    cases = {
        "Officials feared the volunteers included white nationalists.": (
            "possible_extremists",
            "white nationalis*",
        ),
        "Some of the recruits were wannabe soldiers, a commander said.": (
            "possible_extremists",
            "wannabe*",
        ),
        "Under the Neutrality Act, the volunteers could face charges.": (
            "unprotected_civilians",
            "neutrality act",
        ),
        "The volunteers could face criminal charges at home.": (
            "unprotected_civilians",
            "face {0,2} charges",
        ),
        "Some of the recruits are in it for the money.": ("possible_extremists", "for the money"),
        "The volunteers are guns for hire, the Kremlin says.": (
            "possible_extremists",
            "gun {0,1} for hire",
        ),
        "Captured volunteers have been subjected to show trials.": (
            "unprotected_civilians",
            "show trial",
        ),
        "It is illegal for citizens to fight in foreign wars, the volunteers were told.": (
            "unprotected_civilians",
            "illegal for",
        ),
        "Moscow said captured volunteers would be treated as criminals.": (
            "unprotected_civilians",
            "treat {0,2} as criminal",
        ),
        "Volunteers who go do so at their own risk, the embassy said.": (
            "unprotected_civilians",
            "at {0,1} own risk",
        ),
        "They would be on their own if taken prisoner.": (
            "unprotected_civilians",
            "if {0,2} taken prisoner",
        ),
    }
    for text, (frame, term) in cases.items():
        assert (frame, term, "support") in _readings(text), text
    # negated, these wordings deny their frame; "the cause of" is not a cause fought for
    assert ("possible_extremists", "motivated by money", "deny") in _readings(
        "The volunteers were not motivated by money."
    )
    assert ("unprotected_civilians", "illegal for", "deny") in _readings(
        "It is not illegal for the volunteers to fight."
    )
    assert not [
        r
        for r in _readings("They asked for the cause of the delay.")
        if r[0] == "goodwill_fighters"
    ]
    # a label before a formation is about the formation, as for the other labels
    assert not [
        r for r in _readings("They joined a white nationalist militia.") if r[2] == "support"
    ]


def test_legal_said_of_a_person_or_an_office_is_not_a_legal_status():
    assert [
        r for r in _readings("Legal experts say the volunteers are brave.") if r[1] == "legal"
    ] == []
    assert ("unprotected_civilians", "legal", "support") in _readings(
        "The volunteers face a legal grey zone, and it is not legal for them to go."
    )


def test_a_protection_said_of_the_story_people_is_claimed():
    # "combatant" is a noun: said of the volunteers (a subject of the set), it claims the status
    assert ("unprotected_civilians", "combatant", "deny") in _readings(
        "Under the law, the volunteers are combatants."
    )
    assert ("unprotected_civilians", "combatant", "deny") in _readings("They are still combatants.")
    # said of something else, the noun only raises the topic
    assert ("unprotected_civilians", "protection", "support") in _readings(
        "For the volunteers, the real issue is protection."
    )


def test_a_missing_legal_status_states_legal_unprotection():
    """ "No legal status" says what the frame says is missing, as "no legal protection" does."""
    assert ("unprotected_civilians", "legal status", "support") in _readings(
        "Moscow says the volunteers have no legal status."
    )
    assert ("unprotected_civilians", "legal status", "support") in _readings(
        "The volunteers' legal status is a matter for the courts."
    )


def _explained(text):
    found = explain_sentence(text, load_lexicons(default_lexicons())).matches
    return [(m.frame, m.reading) for m in found]


def test_the_default_extremists_frame_sets_aside_the_other_sides_forces():
    texts = [
        "The volunteers came to fight Russian mercenaries from the Wagner Group.",
        "Wagner Group mercenaries are fighting for Russia, the volunteers said.",
        "Russia recruited Syrian mercenaries while the volunteers came from the West.",
        "The volunteers said the front is full of mercenaries from the Wagner Group.",
    ]
    for text in texts:
        assert _readings(text) == [], text
        assert _explained(text) == [("possible_extremists", "set_aside")], text
    # A label Russia gives the volunteers is still read.
    assert _readings("Russian state media called the volunteers mercenaries.") == [
        ("possible_extremists", "mercenar*", "support")
    ]


def test_the_default_legal_barrier_is_legal_exposure_and_no_status():
    assert _readings("There are no legal barriers to the volunteers fighting.") == [
        ("unprotected_civilians", "legal barrier", "deny")
    ]
    assert _readings("The volunteers face legal obstacles at home.") == [
        ("unprotected_civilians", "legal obstacle", "support")
    ]


def test_an_if_that_asks_ends_the_negation_before_it():
    # "not clear if": the negation governs "clear", the doubt what follows
    read = _readings("It is not clear if captured volunteers would be protected.")
    assert read == [
        ("unprotected_civilians", "if {0,2} captured", "support"),
        ("unprotected_civilians", "protected", "support"),
    ]


def test_the_default_status_denied_by_its_adjective_states_legal_unprotection():
    # "unlawful combatants" is the status missing: claimed, it is the frame, and the
    # bare noun inside it is not a claimed combatant status
    said = "Russia says the volunteers would be considered unlawful combatants."
    assert _readings(said) == [("unprotected_civilians", "unlawful combatant", "support")]
    assert _explained(said) == [("unprotected_civilians", "support")]
    assert _readings("The volunteers are not unlawful combatants.") == [
        ("unprotected_civilians", "unlawful combatant", "deny")
    ]
    assert _readings("The volunteers are considered combatants.") == [
        ("unprotected_civilians", "combatant", "deny")
    ]


def test_the_default_legal_is_no_status_for_the_grounds_of_a_claim():
    text = "The claims that they are mercenaries have no legal basis."
    assert ("unprotected_civilians", "set_aside") in _explained(text)


def test_the_default_protection_is_no_legal_status_against_shrapnel():
    text = "The volunteers received body armour for protection against shrapnel."
    assert _explained(text) == [("unprotected_civilians", "set_aside")]
