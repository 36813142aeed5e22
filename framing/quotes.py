"""Who is quoted: direct quotations and reported statements, with their speakers.

Framing is not only what an outlet says in its own voice but whom it lets
speak. :func:`extract_quotes` finds, in every sentence,

* **direct quotations**: text between double quotation marks (“…”, "…",
  «…», „…“), located by character offsets in the sentence's text. Single
  quotation marks are not quotation boundaries (they nest inside double
  ones, and ’ is also the apostrophe). A quotation may run over several
  sentences (Punkt splits inside quotes): one left open at the end of a
  sentence continues into the next ones when a closing mark follows within
  :data:`MAX_CONTINUATION` sentences, and otherwise ends with its sentence
  (an unclosed quote never swallows the rest of the document);
* **reported statements** without quotation marks: "X said (that) …",
  "…, X said.", "…, said X, who …", "according to X, …", "X told Y (that) …",
  "X says/added/noted/explained/warned/wrote …", "…, adding that …"; the
  statement is the reported clause.

Each is attributed to a **speaker**, normalised to a canonical name: titles
and descriptors are stripped ("Ukraine’s military attaché, Maj. Gen. Borys
Kremenetskyi" -> "Borys Kremenetskyi"), and within a document a later
surname ("Kremenetskyi"), a role noun that appeared in the speaker's
description ("the general", "the attaché") or a pronoun ("he", "she") is
linked back to the person. A pronoun goes to the most recent person of the
document (a speaker, or a named person who is the subject of a sentence)
whose gender cue does not contradict it. Non-person sources are kept as
written, with a lower-case article ("the State Department", "a senior federal
law enforcement official"); "the AP" and "the Associated Press" are one
source. An addressee is never the speaker: in "Kremenetskyi told the AP" the
speaker is Kremenetskyi. A sentence that is only a quotation, with no
attribution of its own, continues the quotation of the previous sentence (or
of the next one, when the quotation runs on into an attributed sentence).

Speakers are plain strings, so the same person quoted by two outlets has the
same name in both and outlets can be compared (:func:`speaker_table`,
:func:`frames_by_voice`, :func:`describe_voices`).

The rules are deliberately simple and fast (a few precompiled regular
expressions per sentence that has a quotation mark or a speech verb, and
nothing for the others); no model is used. Known limits:

* single-quote-only quotations (British style, headlines' scare quotes) are
  not detected;
* a subject that is not a name, a pronoun, or a short noun phrase ("A post by
  Maliar on social media Monday noted …") is not found, and a speech verb in a
  reduced relative clause ("One protection Finkelstein noted is …") is
  ignored;
* "they", "it", "we" and "I" are never resolved (they often refer to
  groups, or to the speaker inside a quotation);
* names are recognised by capitalisation, so an all-capitalised headline can
  produce a wrong speaker, and a place name at the start of a sentence can be
  taken for a person when resolving pronouns;
* a parenthetical attribution ("So far, X said, only …") keeps the longer
  side of the sentence as the statement;
* gender cues are titles (Mr, Ms …), gendered role nouns (spokeswoman …) and
  pronouns used of the person; first names carry none;
* a surname is linked to a full name seen earlier in the same document, not
  across documents; "the U.S. State Department" and "the State Department"
  stay two sources unless one refers back to the other within a document.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from framing.model import Hit, Sentence
from framing.segment import is_word, tokenize_spans

DIRECT = "direct"
REPORTED = "reported"

#: How many following sentences an unclosed quotation may run into while
#: looking for its closing mark; past that it ends with its own sentence.
MAX_CONTINUATION = 4

#: A sentence is in its speaker's voice when more than this share of its
#: words lies inside quotations or reported statements.
ATTRIBUTED_SHARE = 0.5


# --------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Quote:
    """A direct quotation or a reported statement in one sentence.

    ``start``/``end`` are character offsets in the sentence's text (end
    exclusive) and ``text`` is ``sentence_text[start:end]``. A direct quote's
    span excludes the quotation marks and a trailing comma; a quotation that
    runs over several sentences has one ``Quote`` per sentence. A reported
    statement's span is the reported clause, which may contain direct
    quotations (both are listed). ``speaker`` is ``None`` when no speaker was
    found (a scare-quoted phrase in the outlet's own voice, for instance).
    ``kind`` is ``"direct"`` or ``"reported"``.
    """

    sentence: int
    document: str
    outlet: str
    speaker: str | None
    text: str
    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class Quotations:
    """The quotations of a corpus, and each sentence's voice.

    ``sentence_speaker`` maps every sentence id to the speaker whose words
    make up most of the sentence, or ``None`` when the sentence is in the
    outlet's own voice. ``genders`` maps speakers to ``"f"`` or ``"m"`` when a
    cue was found (used to phrase :func:`describe_voices`).
    """

    quotes: tuple[Quote, ...]
    sentence_speaker: Mapping[int, str | None]
    genders: Mapping[str, str] = field(default_factory=dict)

    @cached_property
    def _by_sentence(self) -> dict[int, tuple[Quote, ...]]:
        index: dict[int, list[Quote]] = defaultdict(list)
        for quote in self.quotes:
            index[quote.sentence].append(quote)
        return {k: tuple(v) for k, v in index.items()}

    def in_sentence(self, sentence_id: int) -> tuple[Quote, ...]:
        """The quotes and statements of one sentence, in text order."""
        return self._by_sentence.get(sentence_id, ())

    def speakers(self, outlet: str | None = None) -> tuple[str, ...]:
        """Distinct speakers (of one outlet, or of all), in order of first quote."""
        seen = dict.fromkeys(
            q.speaker
            for q in self.quotes
            if q.speaker is not None and (outlet is None or q.outlet == outlet)
        )
        return tuple(s for s in seen if s is not None)


@dataclass(frozen=True)
class SpeakerStat:
    """How much one outlet quotes one speaker.

    ``n_quotes`` counts the speaker's quotes and statements; ``n_words`` the
    word tokens inside them (overlapping spans counted once);
    ``share_of_outlet_words`` is ``n_words`` over all the outlet's word tokens.
    """

    speaker: str
    n_quotes: int
    n_words: int
    share_of_outlet_words: float


@dataclass(frozen=True)
class FrameVoice:
    """Who carries one frame in one outlet.

    Of the outlet's sentences with a non-negated hit of the frame,
    ``n_sentences_quoted`` have one inside a quotation or statement, or are
    attributed to a speaker as a whole; the others count as
    ``n_sentences_own_voice``. ``top_speakers`` are ``(speaker, n_sentences)``,
    most sentences first.
    """

    n_sentences_own_voice: int
    n_sentences_quoted: int
    top_speakers: tuple[tuple[str, int], ...]


# --------------------------------------------------------------------------
# Word lists
# --------------------------------------------------------------------------

#: Speech verbs: finite forms only ("saying" and "to say" report nothing).
_VERBS = [
    "said",
    "says",
    "say",
    "told",
    "tells",
    "tell",
    "added",
    "adds",
    "noted",
    "notes",
    "explained",
    "explains",
    "warned",
    "warns",
    "warn",
    "wrote",
    "writes",
    "stated",
    "argued",
    "argues",
    "argue",
    "insisted",
    "insists",
    "insist",
    "claimed",
    "asserted",
    "asserts",
    "cautioned",
    "cautions",
    "stressed",
    "stresses",
    "emphasized",
    "emphasised",
    "emphasizes",
    "emphasises",
    "acknowledged",
    "acknowledges",
    "acknowledge",
    "admitted",
    "admits",
    "recalled",
    "recalls",
    "replied",
    "replies",
    "tweeted",
    "posted",
    "reported",
    "reports",
    "confirmed",
    "confirms",
    "announced",
    "announces",
    "declared",
    "declares",
    "predicted",
    "predicts",
    "observed",
    "commented",
    "remarked",
    "concluded",
    "conceded",
    "concedes",
    "contended",
    "contends",
]
_TELL = frozenset({"told", "tells", "tell"})
#: Verbs that may precede their subject ("…,” said Anne Speckhard).
_INVERTIBLE = frozenset(
    [
        "said",
        "says",
        "added",
        "adds",
        "noted",
        "notes",
        "explained",
        "explains",
        "wrote",
        "writes",
        "warned",
        "warns",
        "argued",
        "argues",
        "insisted",
        "insists",
        "recalled",
        "replied",
        "stressed",
        "cautioned",
    ]
)
#: Words before a verb that make it passive or non-finite ("were told", "to say").
_NOT_FINITE = frozenset(
    ["was", "were", "been", "being", "be", "is", "are", "am", "to", "get", "gets", "got"]
)
#: Words that may stand between a subject and its verb ("he also said").
_BETWEEN = frozenset(
    [
        "also",
        "has",
        "have",
        "had",
        "would",
        "will",
        "recently",
        "later",
        "earlier",
        "previously",
        "once",
        "then",
        "further",
        "again",
        "repeatedly",
        "reportedly",
        "publicly",
        "privately",
        "still",
        "even",
        "just",
        "first",
        "often",
        "frequently",
        "separately",
        "quickly",
        "immediately",
        "already",
        "subsequently",
    ]
)
_DETERMINERS = frozenset(
    ["the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our"]
)
_PRONOUNS = {"he": "m", "she": "f"}
#: Words that are never a speaker on their own.
_NOT_SUBJECT = frozenset(
    [
        "who",
        "which",
        "that",
        "whom",
        "whose",
        "they",
        "it",
        "we",
        "i",
        "you",
        "others",
        "some",
        "many",
        "most",
        "all",
        "both",
        "few",
        "several",
        "someone",
        "somebody",
        "anyone",
        "everyone",
        "people",
        "one",
        "none",
        "what",
    ]
)
#: Words after which a new clause (and so a subject) may start.
_CLAUSE_STARTERS = frozenset(
    [
        "and",
        "but",
        "because",
        "while",
        "as",
        "since",
        "although",
        "though",
        "so",
        "that",
        "when",
        "if",
        "after",
        "before",
        "whereas",
        "where",
        "yet",
        "or",
        "nor",
        "also",
        "however",
        "meanwhile",
        "now",
        "still",
        "then",
    ]
)
_PREPOSITIONS = frozenset(
    [
        "at",
        "of",
        "for",
        "in",
        "from",
        "with",
        "by",
        "to",
        "on",
        "about",
        "into",
        "under",
        "over",
        "near",
        "through",
        "across",
        "against",
        "between",
        "among",
        "toward",
        "towards",
        "after",
        "before",
        "during",
        "via",
        "per",
        "like",
    ]
)
#: Lower-case words that may link parts of a name ("Secretary of State …").
_CONNECTORS = frozenset(
    [
        "of",
        "de",
        "da",
        "van",
        "von",
        "der",
        "den",
        "al",
        "bin",
        "bint",
        "la",
        "le",
        "du",
        "del",
        "della",
        "dos",
        "das",
        "y",
    ]
)
#: Capitalised words that start sentences but are not names.
_CAP_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "it",
        "he",
        "she",
        "they",
        "we",
        "i",
        "you",
        "in",
        "on",
        "at",
        "for",
        "from",
        "with",
        "by",
        "to",
        "of",
        "as",
        "but",
        "and",
        "or",
        "so",
        "since",
        "after",
        "before",
        "while",
        "when",
        "if",
        "although",
        "though",
        "more",
        "most",
        "some",
        "many",
        "others",
        "other",
        "all",
        "both",
        "few",
        "several",
        "such",
        "now",
        "then",
        "however",
        "also",
        "still",
        "even",
        "only",
        "just",
        "here",
        "there",
        "under",
        "over",
        "despite",
        "among",
        "according",
        "meanwhile",
        "yet",
        "why",
        "what",
        "how",
        "who",
        "where",
        "which",
        "half",
        "one",
        "two",
        "three",
        "its",
        "his",
        "her",
        "their",
        "our",
        "my",
        "your",
        "no",
        "not",
        "nor",
        "unlike",
        "like",
        "once",
        "last",
        "next",
        "every",
        "each",
        "another",
        "any",
        "much",
        "during",
        "until",
        "unless",
        "whether",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "today",
        "yesterday",
    ]
)
#: Titles stripped from names; "Maj." and "Gen." are looked up without the dot.
_TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "professor",
        "sir",
        "dame",
        "lord",
        "lady",
        "maj",
        "major",
        "gen",
        "general",
        "lt",
        "lieutenant",
        "col",
        "colonel",
        "sgt",
        "sergeant",
        "capt",
        "captain",
        "cmdr",
        "commander",
        "adm",
        "admiral",
        "brig",
        "cpl",
        "corporal",
        "pvt",
        "private",
        "sen",
        "senator",
        "rep",
        "representative",
        "gov",
        "governor",
        "pres",
        "president",
        "vice",
        "prime",
        "minister",
        "secretary",
        "chancellor",
        "king",
        "queen",
        "prince",
        "princess",
        "mayor",
        "judge",
        "justice",
        "ambassador",
        "chairman",
        "chairwoman",
        "chair",
        "director",
        "chief",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "pope",
        "rev",
        "reverend",
        "father",
        "sheikh",
        "emir",
        "premier",
        "deputy",
        "attorney",
        "commissioner",
        "envoy",
        "officer",
        "coach",
        "sec",
        "assistant",
        "undersecretary",
    ]
)
#: Words after "<title> of" that belong to the title ("Secretary of State").
_DEPARTMENTS = frozenset(
    [
        "state",
        "defense",
        "defence",
        "homeland",
        "security",
        "treasury",
        "commerce",
        "energy",
        "health",
        "education",
        "labor",
        "labour",
        "justice",
        "agriculture",
        "interior",
        "transportation",
        "veterans",
        "affairs",
        "foreign",
        "staff",
        "the",
        "finance",
        "trade",
        "economy",
        "culture",
    ]
)
#: Words that make a capitalised run an organisation rather than a person.
_ORG_WORDS = frozenset(
    [
        "department",
        "ministry",
        "agency",
        "bank",
        "press",
        "nations",
        "association",
        "council",
        "committee",
        "office",
        "embassy",
        "government",
        "party",
        "center",
        "centre",
        "institute",
        "university",
        "times",
        "post",
        "news",
        "magazine",
        "inc",
        "corp",
        "company",
        "commission",
        "court",
        "service",
        "forces",
        "army",
        "navy",
        "police",
        "union",
        "house",
        "pentagon",
        "kremlin",
        "reuters",
        "ap",
        "afp",
        "cnn",
        "bbc",
        "nbc",
        "cbs",
        "abc",
        "nato",
        "tass",
        "interfax",
        "bloomberg",
        "xinhua",
        "un",
        "eu",
        "federation",
        "organization",
        "organisation",
        "group",
        "network",
        "journal",
        "guardian",
        "telegraph",
        "tribune",
    ]
)
#: Bare nouns accepted as sources without an article ("experts warn", "Official Says").
_SOURCE_NOUNS = frozenset(
    [
        "official",
        "officials",
        "expert",
        "experts",
        "analyst",
        "analysts",
        "source",
        "sources",
        "authorities",
        "critics",
        "observers",
        "witnesses",
        "residents",
        "police",
        "investigators",
        "prosecutors",
        "researchers",
        "diplomats",
        "lawmakers",
        "officers",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "aides",
        "advisers",
        "advisors",
        "economists",
        "scholars",
        "activists",
        "organizers",
        "organisers",
        "polls",
    ]
)
#: Words that, after a speech verb, start trailing matter rather than the statement.
_TRAILING = frozenset(
    [
        "of",
        "in",
        "on",
        "at",
        "to",
        "during",
        "for",
        "from",
        "with",
        "after",
        "before",
        "while",
        "as",
        "when",
        "who",
        "which",
        "whose",
        "adding",
        "saying",
        "noting",
        "citing",
        "referring",
        "according",
        "earlier",
        "later",
        "recently",
    ]
)
_MALE = frozenset(
    [
        "mr",
        "sir",
        "lord",
        "king",
        "prince",
        "father",
        "he",
        "his",
        "him",
        "spokesman",
        "chairman",
        "congressman",
        "businessman",
        "man",
        "boy",
        "son",
        "husband",
        "brother",
        "grandfather",
        "uncle",
    ]
)
_FEMALE = frozenset(
    [
        "mrs",
        "ms",
        "miss",
        "dame",
        "lady",
        "queen",
        "princess",
        "mother",
        "she",
        "her",
        "spokeswoman",
        "chairwoman",
        "congresswoman",
        "businesswoman",
        "woman",
        "girl",
        "daughter",
        "wife",
        "sister",
        "grandmother",
        "aunt",
    ]
)
#: Abbreviated titles, so that "the general" refers back to "Maj. Gen. …".
_TITLE_WORDS = {
    "maj": "major", "gen": "general", "lt": "lieutenant", "col": "colonel", "sgt": "sergeant",
    "capt": "captain", "cmdr": "commander", "adm": "admiral", "brig": "brigadier",
    "cpl": "corporal", "pvt": "private", "sen": "senator", "rep": "representative",
    "gov": "governor", "pres": "president", "prof": "professor", "dr": "doctor",
    "rev": "reverend", "sec": "secretary",
}  # fmt: skip
_GENDERED = _MALE | _FEMALE
#: Sources with more than one name.
_ALIASES = {
    "the ap": "the Associated Press",
    "ap": "the Associated Press",
    "the associated press": "the Associated Press",
    "associated press": "the Associated Press",
}

# --------------------------------------------------------------------------
# Regular expressions (compiled once)
# --------------------------------------------------------------------------

_QUOTE_MARKS = '"“”«»„'
_OPEN_MARKS = frozenset("“«„")
_CLOSE_MARKS = frozenset("”»")
_QUOTE_RE = re.compile('["“”«»„]')
#: Characters after which a straight quote opens, and before which one closes.
_BEFORE_OPEN = frozenset("([{—–-/")
_AFTER_CLOSE = frozenset(".,;:!?)]}—–-")
#: Filler for quotations in the masked text: same length, so offsets hold.
_FILL = "\x00"
_VERB_SET = frozenset(_VERBS)
_ACCORDING_RE = re.compile(r"(?<![\w’'-])[Aa]ccording\s+to(?![\w’'-])")
#: Clause boundaries for a subject search: quotations, ; : ( ) dashes.
_BOUNDS = (_FILL, ";", ":", "(", ")", "—", "–", " -- ")
_TOKEN_RE = re.compile(r"[^\s,\x00]+|,")
#: What may follow a speech verb before its statement: time, manner, "that".
_AFTER_VERB_RE = re.compile(
    r"(?:\s*,?\s*(?:(?:on\s+|last\s+|this\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|week|month|year|night|morning|evening|weekend)|today|yesterday|tonight|"
    r"recently|earlier|later|again|also|previously|publicly|privately|separately|"
    r"in\s+an?\s+(?:\w+\s+)?(?:interview|statement|email|e-mail|post|speech|letter|tweet|"
    r"briefing|video|message|call)(?:\s+with\s+[^,\x00;]*?(?=\s+that\b|,|$))?|"
    r"on\s+(?:Twitter|X|Facebook|Telegram|Instagram|television|TV|social\s+media)))*"
    r"(?P<that>\s*,?\s*that\b)?[\s,:]*"
)
_ADDRESSEE_RE = re.compile(
    r"\s+(?:reporters|journalists|me|us|him|her|them|lawmakers|legislators|senators|"
    r"an?\s+(?:\w+\s+){0,2}(?:news|press)\s+(?:conference|briefing)|"
    r"(?:the\s+|The\s+)?(?:[A-Z][\w’'.&-]*(?:\s+(?:of|and|for)\s+|\s+))*[A-Z][\w’'.&-]*|"
    r"the\s+(?:newspaper|paper|agency|magazine|network|broadcaster|station|outlet|committee|"
    r"audience|crowd|court|jury|panel|hearing|conference|briefing))(?![\w’'-])"
)
_ADDING_RE = re.compile(r",\s*adding(?:\s+that\b)?[\s,:]*")
#: A named person at the start of a sentence: "[Descriptor, ]Name[, appositive,] verb".
#: A name opening a sentence and followed by a lower-case word: "Putin insists".
_LEAD_NAME_RE = re.compile(r"(?:[A-Z][\w’'.-]*\s){0,4}[A-Z][\w’'-]*(?=,?\s+[a-z])")
#: A name after an opening description: "Ukraine's foreign minister, Dmytro Kuleba, put".
_LEAD_DESC_NAME_RE = re.compile(r"[^,\"“”]{3,60}?,\s((?:[A-Z][\w’'.-]*\s){0,4}[A-Z][\w’'-]*),\s")
_FIRST_NAME_BEFORE_RE = re.compile(r"(?<![\w’'.-])([A-Z][\w’'-]+)\s+$")


# --------------------------------------------------------------------------
# Quotation marks
# --------------------------------------------------------------------------


class _Span(NamedTuple):
    """A direct quotation within one sentence.

    ``start``/``end`` delimit its text, ``outer_start``/``outer_end`` also
    its marks. ``open_in``/``open_out`` say whether it continues from the
    previous sentence / into the next one.
    """

    start: int
    end: int
    outer_start: int
    outer_end: int
    open_in: bool
    open_out: bool


def _marks(text: str) -> list[tuple[int, int]]:
    """Quotation marks of a text: (offset, 1 opens / -1 closes / 0 either)."""
    found: list[tuple[int, int]] = []
    n = len(text)
    for m in _QUOTE_RE.finditer(text):
        i = m.start()
        ch = text[i]
        if ch in _OPEN_MARKS:
            found.append((i, 1))
        elif ch in _CLOSE_MARKS:
            found.append((i, -1))
        else:
            prev = text[i - 1] if i else " "
            nxt = text[i + 1] if i + 1 < n else " "
            left_open = prev.isspace() or prev in _BEFORE_OPEN
            if left_open and not nxt.isspace():
                found.append((i, 1))
            elif not left_open and (nxt.isspace() or nxt in _AFTER_CLOSE):
                found.append((i, -1))
            else:
                found.append((i, 0))
    return found


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``start``/``end`` moved past surrounding spaces and a trailing comma."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def _spans(text: str, marks: list[tuple[int, int]], inside: bool) -> tuple[list[_Span], bool]:
    """The quotations of one sentence, and whether one is still open at its end.

    ``inside`` says the sentence starts inside a quotation. Straight quotes
    take their direction from the characters around them, and alternate when
    those do not tell; a closing mark with nothing open is ignored, and an
    opening mark inside an open quotation ends it and opens a new one.
    """
    spans: list[_Span] = []
    open_at: int | None = 0 if inside else None
    outer = 0
    open_in = inside

    def close(end: int, outer_end: int) -> None:
        assert open_at is not None
        start, stop = _trimmed(text, open_at, end)
        if start < stop:
            spans.append(_Span(start, stop, outer, outer_end, open_in, False))

    for pos, direction in marks:
        if open_at is None:
            if direction >= 0:
                open_at, outer, open_in = pos + 1, pos, False
        elif direction == 1:
            close(pos, pos)
            open_at, outer, open_in = pos + 1, pos, False
        else:
            close(pos, pos + 1)
            open_at = None
    if open_at is None:
        return spans, False
    close(len(text), len(text))
    return spans, True


# --------------------------------------------------------------------------
# Names and noun phrases
# --------------------------------------------------------------------------


class _NP(NamedTuple):
    """A speaker as written: ``kind`` is "pronoun", "person", "org" or "np"."""

    kind: str
    words: tuple[str, ...]
    cues: tuple[str, ...] = ()
    start: int = 0


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


def _possessive(word: str) -> bool:
    return word.endswith(("'s", "’s", "s'", "s’"))


def _name_np(words: Sequence[str], cues: Iterable[str] = (), start: int = 0) -> _NP | None:
    """A capitalised run as a person or an organisation, titles stripped.

    >>> _name_np(["Maj.", "Gen.", "Borys", "Kremenetskyi"]).words
    ('Borys', 'Kremenetskyi')
    >>> _name_np(["Secretary", "of", "State", "Antony", "Blinken"]).words
    ('Antony', 'Blinken')
    """
    if not words or words[0].lower() in _CAP_STOP:
        return None
    lowered = [w.lower().rstrip(".") for w in words]
    for i, w in enumerate(words):
        if _possessive(w) or any(c.isdigit() for c in w):
            return None
        if not _is_cap(w) and not (0 < i < len(words) - 1 and lowered[i] in _CONNECTORS):
            return None
    if any(w in _ORG_WORDS for w in lowered):
        return _NP("org", tuple(words), tuple(cues), start)
    if len(words) == 1 and lowered[0] in _SOURCE_NOUNS:
        return _NP("np", (lowered[0],), tuple(cues), start)
    last_title = -1
    for i, w in enumerate(lowered):
        if w in _TITLES:
            last_title = i
    rest = last_title + 1
    if last_title >= 0 and rest < len(words) and lowered[rest] == "of":
        rest += 1
        while rest < len(words) - 1 and lowered[rest] in _DEPARTMENTS:
            rest += 1
    name = tuple(words[rest:])
    if not name or name[0].lower() in _CAP_STOP or name[0].lower() in _CONNECTORS:
        return None
    titles = tuple(lowered[: rest if last_title >= 0 else 0])
    return _NP("person", name, (*titles, *cues), start)


def _phrase_np(words: Sequence[str], cues: Iterable[str] = (), start: int = 0) -> _NP | None:
    """A comma-free part as a speaker: a pronoun, a name, or a short noun phrase."""
    if not words:
        return None
    first = words[0].lower()
    if len(words) == 1 and first in _PRONOUNS:
        return _NP("pronoun", (first,), tuple(cues), start)
    if _is_cap(words[0]) and first not in _DETERMINERS:
        named = _name_np(words, cues, start)
        if named is not None:
            return named
    if (first in _DETERMINERS or _possessive(words[0])) and 1 < len(words) <= 8:
        if any(w.lower() in _NOT_FINITE or w.lower() in _NOT_SUBJECT for w in words[1:]):
            return None
        return _NP("np", tuple(words), tuple(cues), start)
    return None


def _parts(tokens: Sequence[tuple[str, int]]) -> list[list[tuple[str, int]]]:
    parts: list[list[tuple[str, int]]] = [[]]
    for token in tokens:
        if token[0] == ",":
            parts.append([])
        else:
            parts[-1].append(token)
    return [p for p in parts if p]


def _is_descriptor(words: Sequence[str]) -> bool:
    """Whether a comma-separated part reads as a description put before a name.

    "Ukraine’s military attaché in the U.S., Maj. Gen. Borys Kremenetskyi":
    a short phrase opened by a possessive, an article or a title.
    """
    if not words or len(words) > 8:
        return False
    first = words[0].lower().rstrip(".")
    return _possessive(words[0]) or first in _DETERMINERS or first in _TITLES


def _from_parts(tokens: Sequence[tuple[str, int]]) -> _NP | None:
    """The speaker among comma-separated parts: the first name, else a leading phrase.

    Handles "Claire Finkelstein, the founder of …, says" and "Ukraine’s
    military attaché, Maj. Gen. Borys Kremenetskyi, told": the other parts
    describe the speaker and are kept as cues (role nouns, gender).
    """
    parts = _parts(tokens)
    for i, part in enumerate(parts):
        words = [w for w, _ in part]
        if not _is_cap(words[0]) or words[0].lower() in _DETERMINERS:
            continue
        named = _name_np(words, start=part[0][1])
        if named is not None and named.kind != "np":
            cues = [w.lower() for j, p in enumerate(parts) if j != i for w, _ in p]
            if i and _is_descriptor([w for w, _ in parts[i - 1]]):
                named = named._replace(start=parts[i - 1][0][1])
            return named._replace(cues=named.cues + tuple(cues))
    if parts:
        first = parts[0]
        cues = [w.lower() for p in parts[1:] for w, _ in p]
        return _phrase_np([w for w, _ in first], cues, first[0][1])
    return None


def _at_clause_start(tokens: Sequence[tuple[str, int]], k: int) -> bool:
    return k == 0 or tokens[k - 1][0] == "," or tokens[k - 1][0].lower() in _CLAUSE_STARTERS


def _subject_before(masked: str, verb_start: int) -> _NP | None:
    """The subject of a speech verb, read backwards from it within its clause."""
    bound = 0
    for b in _BOUNDS:
        found = masked.rfind(b, 0, verb_start)
        if found >= 0:
            bound = max(bound, found + len(b))
    tokens = [(m.group(), m.start()) for m in _TOKEN_RE.finditer(masked, bound, verb_start)]
    while tokens and tokens[-1][0].lower() in _BETWEEN:
        tokens.pop()
    if not tokens:
        return None
    if tokens[-1][0] == ",":
        return _from_parts(tokens[:-1])
    j = len(tokens) - 1
    last, low = tokens[j][0], tokens[j][0].lower()
    if low in _PRONOUNS:
        return _NP("pronoun", (low,), (), tokens[j][1]) if _at_clause_start(tokens, j) else None
    if low in _NOT_SUBJECT or low in _DETERMINERS:
        return None
    if _is_cap(last):
        k = j
        while k > 0:
            prev = tokens[k - 1][0]
            if prev == "," or prev.lower() in _DETERMINERS or _possessive(prev):
                break
            if _is_cap(prev) or (prev in _CONNECTORS and k > 1 and _is_cap(tokens[k - 2][0])):
                k -= 1
                continue
            break
        run = [w for w, _ in tokens[k : j + 1]]
        before = tokens[k - 1][0] if k else None
        if before is not None and before.lower() in _DETERMINERS:
            if _at_clause_start(tokens, k - 1):
                return _NP("np", (before, *run), (), tokens[k - 1][1])
            return None
        if before is None or before == "," or before.lower() in _CLAUSE_STARTERS:
            return _name_np(run, start=tokens[k][1]) or _from_parts(tokens)
        if before.lower() in _PREPOSITIONS or (_possessive(before) and k == 1):
            return _from_parts(tokens) if "," in (w for w, _ in tokens) else None
        if before.lower() in _TITLES or before.lower() in _SOURCE_NOUNS:
            descriptors = []
            i = k - 1
            while i >= 0 and tokens[i][0] != "," and tokens[i][0].lower() not in _DETERMINERS:
                descriptors.append(tokens[i][0].lower())
                i -= 1
            return _name_np(run, descriptors, tokens[k][1])
        return None
    # a lower-case head: "the embassy", "a senior … official", "experts"
    k = j
    while True:
        word = tokens[k][0]
        if word.lower() in _DETERMINERS or _possessive(word):
            if _at_clause_start(tokens, k):
                return _phrase_np([w for w, _ in tokens[k : j + 1]], start=tokens[k][1])
            return None
        if k == 0 or tokens[k - 1][0] == "," or tokens[k - 1][0].lower() in _CLAUSE_STARTERS:
            break
        if tokens[k - 1][0].lower() in _NOT_FINITE or j - k >= 7:
            return None
        k -= 1
    words = [w for w, _ in tokens[k : j + 1]]
    if low in _SOURCE_NOUNS and all(w.lower() not in _NOT_SUBJECT for w in words):
        return _NP("np", tuple(words), (), tokens[k][1])
    return None


def _subject_after(masked: str, pos: int, end: int) -> tuple[_NP | None, int]:
    """The subject of an inverted verb ("…,” said X, who …") and where its phrase ends."""
    stop = masked.find(_FILL, pos, end)
    stop = end if stop < 0 else stop
    for b in (";", " -- ", " — "):
        found = masked.find(b, pos, stop)
        if found >= 0:
            stop = found
    text = masked[pos:stop].rstrip().rstrip(".!?")
    tokens = [(m.group(), pos + m.start()) for m in _TOKEN_RE.finditer(text)]
    parts = _parts(tokens)
    if not parts:
        return None, pos
    first = [w for w, _ in parts[0]]
    if first[0].lower() in ("that", "it", "they", "this"):
        return None, pos
    named = _phrase_np(first, start=parts[0][0][1])
    if (named is not None and named.kind != "np") or len(parts) == 1:
        chosen = 0
    else:
        chosen = next(
            (
                i
                for i, p in enumerate(parts[:2])
                if (n := _phrase_np([w for w, _ in p])) is not None and n.kind == "person"
            ),
            0,
        )
        named = _phrase_np([w for w, _ in parts[chosen]], start=parts[chosen][0][1])
    if named is None:
        return None, pos
    cues = tuple(w.lower() for i, p in enumerate(parts) if i != chosen for w, _ in p)
    return named._replace(cues=named.cues + cues), pos + len(text)


def _np_after_according(masked: str, pos: int, end: int) -> tuple[_NP | None, int]:
    """The source of "according to X": up to the next comma, quotation or clause end."""
    stop = end
    for b in (",", _FILL, ";", " -- ", " — "):
        found = masked.find(b, pos, stop)
        if found >= 0:
            stop = found
    text = masked[pos:stop].rstrip()
    if text.endswith((".", "!", "?")) and not re.search(r"(?:[A-Za-z]\.){2,}$", text):
        text = text[:-1]
    words = text.split()
    if words and words[-1].lower() in ("report", "reports", "statement", "data", "figures"):
        if len(words) > 1 and (_is_cap(words[-2]) or words[-2].isupper()):
            words = words[:-1]
    if not words or len(words) > 10:
        return None, pos
    start = pos + (len(masked[pos:stop]) - len(masked[pos:stop].lstrip()))
    np = _phrase_np(words, start=start)
    if np is None:
        np = _NP("np", tuple(words), (), start)
    return np, pos + len(text)


# --------------------------------------------------------------------------
# Per-document state: who has been mentioned, and how to refer back
# --------------------------------------------------------------------------


class _Entity:
    """A speaker or named person of one document (mutable while reading it)."""

    __slots__ = ("gender", "name", "person", "words")

    def __init__(self, name: str, person: bool, words: Iterable[str] = ()) -> None:
        self.name = name
        self.person = person
        self.gender: str | None = None
        self.words: set[str] = set(words)

    def cue(self, words: Iterable[str]) -> None:
        """Take role nouns and a gender cue from descriptive words."""
        words = [w.lower().strip(".,").replace("’", "'") for w in words]
        self.words.update(words)
        self.words.update(_TITLE_WORDS[w] for w in words if w in _TITLE_WORDS)
        if self.person and self.gender is None:
            male = any(w in _MALE for w in words)
            female = any(w in _FEMALE for w in words)
            if male != female:
                self.gender = "m" if male else "f"


def _canonical(words: Sequence[str]) -> str:
    """A name as printed: single spaces, ' for ’, ALL-CAPS words capitalised."""
    out = []
    for w in words:
        w = w.replace("’", "'")
        if len(w) > 2 and w.isupper() and "." not in w:
            w = w.capitalize()
        out.append(w)
    return " ".join(out)


def _source_name(words: Sequence[str]) -> str:
    """A non-person source as printed: the article lower-cased, aliases merged."""
    words = list(words)
    if words and words[0].lower() in _DETERMINERS:
        words[0] = words[0].lower()
    name = _canonical(words)
    return _ALIASES.get(name.lower(), name)


class _Document:
    """What one document has said so far about its people and sources."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.texts = texts
        self.entities: dict[str, _Entity] = {}
        self.surnames: dict[str, _Entity] = {}
        self.recent: list[_Entity] = []
        self._joined: str | None = None
        self._offsets: list[int] = []
        self._first_names: dict[tuple[str, int], str | None] = {}

    def touch(self, entity: _Entity) -> _Entity:
        if self.recent and self.recent[-1] is entity:
            return entity
        if entity in self.recent:
            self.recent.remove(entity)
        self.recent.append(entity)
        return entity

    def _first_name(self, surname: str, upto: int) -> str | None:
        """A first name written before ``surname`` in the document's first sentences."""
        key = (surname, upto)
        if key in self._first_names:
            return self._first_names[key]
        if self._joined is None:
            self._joined = "\n".join(self.texts)
            offset = 0
            for text in self.texts:
                self._offsets.append(offset)
                offset += len(text) + 1
            self._offsets.append(offset)
        joined, limit = self._joined, self._offsets[min(upto + 1, len(self.texts))]
        found = None
        pos = joined.find(surname, 0, limit)
        while pos >= 0 and found is None:
            after = joined[pos + len(surname) : pos + len(surname) + 1]
            if not (after.isalnum() or after in "-’'"):
                m = _FIRST_NAME_BEFORE_RE.search(joined, max(0, pos - 40), pos)
                if m and m.group(1).lower() not in _CAP_STOP | _TITLES:
                    if not _possessive(m.group(1)):
                        found = m.group(1)
            pos = joined.find(surname, pos + 1, limit)
        self._first_names[key] = found
        return found

    def person(self, words: Sequence[str], position: int) -> _Entity:
        """The entity of a person's name; a surname links to a full name seen before."""
        if len(words) == 1:
            surname = words[0]
            entity = self.surnames.get(surname.lower())
            if entity is not None:
                return entity
            first = self._first_name(surname, position)
            if first is None:
                entity = _Entity(_canonical(words), True)
                self.surnames[surname.lower()] = entity
                self.entities[entity.name.lower()] = entity
                return entity
            words = (first, surname)
        name = _canonical(words)
        entity = self.entities.get(name.lower())
        if entity is None:
            entity = self.surnames.get(words[-1].lower())
            if entity is not None and " " not in entity.name:
                entity.name = name  # the surname seen first now has its full name
            else:
                entity = _Entity(name, True)
            self.entities[name.lower()] = entity
            self.surnames.setdefault(words[-1].lower(), entity)
        return entity

    def resolve(self, np: _NP, position: int) -> _Entity | None:
        """The entity a speaker phrase refers to, registering new ones."""
        if np.kind == "pronoun":
            gender = _PRONOUNS[np.words[0]]
            for entity in reversed(self.recent):
                if entity.person and entity.gender in (None, gender):
                    entity.gender = gender
                    return self.touch(entity)
            return None
        if np.kind == "person":
            entity = self.person(np.words, position)
            entity.cue(np.cues)
            return self.touch(entity)
        name = _source_name(np.words)
        words = [w.lower().replace("’", "'") for w in np.words]
        content = [w for w in words if w not in _DETERMINERS]
        definite = words[0] in ("the", "this", "that") or _possessive(words[0])
        if definite and content:
            for entity in reversed(self.recent):
                if all(w in entity.words for w in content):
                    entity.cue(np.cues)
                    return self.touch(entity)
        entity = self.entities.get(name.lower())
        if entity is None:
            entity = _Entity(name, False, words)
            self.entities[name.lower()] = entity
        entity.cue(np.cues)
        return self.touch(entity)

    def mention(self, text: str, position: int) -> None:
        """Note a named person who is the subject of a sentence ("Dmytro Kuleba, …, put")."""
        first = text.partition(" ")[0]
        if not first[:1].isupper():
            return
        low = first.lower()
        if _possessive(first) or low in _DETERMINERS:
            m = _LEAD_DESC_NAME_RE.match(text)
            if m is None:
                return
            words, cues = m.group(1).split(), text[: m.start(1)].split()
        elif low in _CAP_STOP:
            return
        else:
            m = _LEAD_NAME_RE.match(text)
            if m is None:
                return
            words, cues = m.group().split(), []
        np = _name_np(words)
        if np is None or np.kind != "person":
            return
        titled = len(np.words) < len(words)
        known = np.words[-1].lower() in self.surnames
        if len(np.words) == 1 and not (titled or known):
            if self._first_name(np.words[0], position) is None:
                return
        entity = self.person(np.words, position)
        entity.cue([*cues, *np.cues])
        self.touch(entity)


# --------------------------------------------------------------------------
# Attribution within a sentence
# --------------------------------------------------------------------------


class _Anchor(NamedTuple):
    """An attribution: its extent in the sentence, its speaker, its statements."""

    start: int
    end: int
    entity: _Entity | None
    regions: tuple[tuple[int, int], ...]


def _words(masked: str, start: int, end: int) -> int:
    """Words of ``masked[start:end]`` outside quotations (counted by whitespace, for speed)."""
    piece = masked[start:end]
    if _FILL in piece:
        piece = piece.replace(_FILL, " ")
    return len(piece.split())


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch in "’'-_"


def _verb_matches(masked: str, verbs: Iterable[str], according: bool) -> list[tuple[int, int, str]]:
    """Speech verbs (lower-case or capitalised) and "according to", in text order.

    ``verbs`` are the speech verbs among the sentence's (lower-cased) tokens,
    so the text is searched only for words known to be there.
    """
    found: list[tuple[int, int, str]] = []
    n = len(masked)
    for verb in verbs:
        for form in (verb, verb.capitalize()):
            pos = masked.find(form)
            while pos >= 0:
                end = pos + len(form)
                if (pos == 0 or not _is_word_char(masked[pos - 1])) and (
                    end == n or not _is_word_char(masked[end])
                ):
                    found.append((pos, end, form))
                pos = masked.find(form, end)
    if according:
        found.extend((m.start(), m.end(), "") for m in _ACCORDING_RE.finditer(masked))
    found.sort()
    return found


def _statement(masked: str, start: int, end: int) -> tuple[int, int]:
    """A statement region without surrounding spaces, commas and final punctuation."""
    while start < end and (masked[start].isspace() or masked[start] in ",:"):
        start += 1
    while end > start and (masked[end - 1].isspace() or masked[end - 1] in ",.!?;"):
        if masked[end - 1] == "." and re.search(r"(?:[A-Za-z]\.){2,}$", masked[start:end]):
            break
        end -= 1
    return start, end


def _first_word(masked: str, pos: int) -> str:
    m = _TOKEN_RE.search(masked, pos)
    return m.group().lower() if m else ""


def _after_verb(masked: str, pos: int, end: int, tell: bool) -> tuple[int, str]:
    """Where the statement after a speech verb starts, and the form it takes.

    The form is "after" ("X said that …"), "before" ("…, X said."),
    "either" (a parenthetical "…, X said, …": the longer side wins).
    """
    if tell and not masked.startswith(" that", pos):
        m = _ADDRESSEE_RE.match(masked, pos)
        if m:
            pos = m.end()
    m = _AFTER_VERB_RE.match(masked, pos, end)
    if m is not None and m.group("that"):
        return m.end(), "after"
    skipped = m.end() if m is not None else pos
    rest = masked[pos:end].lstrip()
    if not rest or rest[0] in ".!?;—–":
        return end, "before"
    if rest[0] == ",":
        word = _first_word(masked, pos + masked[pos:end].index(",") + 1)
        return skipped, "before" if word in _TRAILING else "either"
    if rest[0] in ":" + _FILL:
        return skipped, "after"
    if _first_word(masked, skipped) in _TRAILING or skipped >= end:
        return skipped, "before"
    return skipped, "after"


def _anchors(
    masked: str, verbs: Iterable[str], according: bool, doc: _Document, position: int
) -> list[_Anchor]:
    """The attributions of one (masked) sentence, in text order."""
    anchors: list[_Anchor] = []
    end = len(masked)
    region_floor = 0
    for v0, v1, verb in _verb_matches(masked, verbs, according):
        if v0 < region_floor:
            continue
        prev_word = masked[max(0, v0 - 12) : v0].split()
        if prev_word and prev_word[-1].lower() in _NOT_FINITE:
            continue
        if not verb:
            np, np_end = _np_after_according(masked, v1, end)
            if np is None:
                continue
            a_start, a_end = v0, np_end
            head = masked[region_floor:v0].rstrip()
            tail = masked[np_end:end]
            if head.endswith(",") or not head.strip():
                form = "either" if head.strip() else "after"
            else:
                form = "before"
            after_start = np_end
        else:
            preceding = masked[region_floor:v0].rstrip()
            np = None
            if verb.lower() in _INVERTIBLE and (not preceding or preceding[-1] in "," + _FILL):
                np, np_end = _subject_after(masked, v1, end)
                if np is not None:
                    a_start, a_end, form, after_start = v0, np_end, "before", np_end
            if np is None:
                np = _subject_before(masked, v0)
                if np is None:
                    continue
                a_start, a_end = np.start, v1
                after_start, form = _after_verb(masked, v1, end, verb.lower() in _TELL)
            tail = masked[a_end:end]
        if form == "before":
            head = masked[region_floor:a_start].rstrip()
            if head and head[-1] not in "," + _FILL:
                continue  # "Coffee or Die Magazine even reported on …": no statement
        entity = doc.resolve(np, position)
        regions: list[tuple[int, int]] = []
        before = _statement(masked, region_floor, a_start)
        adding = _ADDING_RE.search(masked, a_end)
        after_end = adding.start() if adding else end
        after = _statement(masked, after_start, after_end)
        if form == "either":
            wants_after = _words(masked, *after) > _words(masked, *before)
            form = "after" if wants_after else "before"
        regions.append(after if form == "after" else before)
        if adding:
            regions.append(_statement(masked, adding.end(), end))
        if entity is not None and entity.person:
            first = _first_word(masked, after[0]) if form == "after" else ""
            entity.cue([w for w in tail.split() if w.lower() in _GENDERED])
            if first in _PRONOUNS:
                entity.cue([first])
        anchors.append(_Anchor(a_start, a_end, entity, tuple(r for r in regions if r[0] < r[1])))
        region_floor = max(a_end, regions[-1][1] if form == "after" or adding else a_end)
    return anchors


def _nearest(span: _Span, anchors: Sequence[_Anchor]) -> _Anchor:
    """The anchor a quotation belongs to: one whose statement holds it, else the closest."""
    for anchor in anchors:
        for start, end in anchor.regions:
            if start <= span.outer_start < end or start < span.outer_end <= end:
                return anchor

    def distance(anchor: _Anchor) -> int:
        if anchor.start >= span.outer_end:
            return anchor.start - span.outer_end
        return max(0, span.outer_start - anchor.end)

    return min(anchors, key=distance)


# --------------------------------------------------------------------------
# Extraction
# --------------------------------------------------------------------------

_MARK_TOKENS = frozenset('"“”«»„')
_TRIGGERS = _VERB_SET | _MARK_TOKENS | {"according"}


class _Parsed(NamedTuple):
    """Pass-one result for one sentence."""

    spans: list[_Span]
    span_entities: list[_Entity | None]
    anchors: list[_Anchor]
    masked: str
    n_words: int
    quote_words: int
    quote_led: bool


_NOTHING = _Parsed([], [], [], "", 0, 0, False)


def _mask(text: str, spans: Sequence[_Span]) -> str:
    """``text`` with each quotation, marks included, replaced by filler of the same length."""
    pieces: list[str] = []
    last = 0
    for span in spans:
        pieces.append(text[last : span.outer_start])
        pieces.append(_FILL * (span.outer_end - span.outer_start))
        last = span.outer_end
    pieces.append(text[last:])
    return "".join(pieces)


def _parse_document(sentences: Sequence[Sentence]) -> list[_Parsed]:
    """Pass one: quotations and attributions of one document's sentences, in order."""
    doc = _Document([s.text for s in sentences])
    marks_cache: dict[int, list[tuple[int, int]]] = {}

    def marks(i: int) -> list[tuple[int, int]]:
        found = marks_cache.get(i)
        if found is None:
            tokens = sentences[i].tokens
            found = [] if _MARK_TOKENS.isdisjoint(tokens) else _marks(sentences[i].text)
            marks_cache[i] = found
        return found

    def continues(i: int) -> bool:
        for j in range(i + 1, min(i + 1 + MAX_CONTINUATION, len(sentences))):
            following = marks(j)
            if following:
                return following[0][1] <= 0
        return False

    parsed: list[_Parsed] = []
    inside = False
    for i, sentence in enumerate(sentences):
        text, tokens = sentence.text, sentence.tokens
        doc.mention(text, i)
        if not inside and _TRIGGERS.isdisjoint(tokens):
            parsed.append(_NOTHING)
            continue
        spans, open_at_end = _spans(text, marks(i), inside)
        inside = open_at_end and continues(i)
        if open_at_end and spans and spans[-1].open_out != inside:
            spans[-1] = spans[-1]._replace(open_out=inside)
        masked = _mask(text, spans) if spans else text
        verbs = _VERB_SET.intersection(tokens)
        according = "according" in tokens
        anchors = _anchors(masked, verbs, according, doc, i) if verbs or according else []
        span_entities = [_nearest(s, anchors).entity if anchors else None for s in spans]
        n_words = len(text.split())
        quote_words = sum(len(text[s.start : s.end].split()) for s in spans)
        quote_led = bool(spans) and (spans[0].open_in or not text[: spans[0].outer_start].strip())
        parsed.append(
            _Parsed(spans, span_entities, anchors, masked, n_words, quote_words, quote_led)
        )
    return parsed


def _document_quotes(
    sentences: Sequence[Sentence],
    parsed: Sequence[_Parsed],
    quotes: list[Quote],
    voice: dict[int, str | None],
    genders: dict[str, str],
) -> None:
    """Pass two: continuation speakers, then the quotes and each sentence's voice."""
    n = len(sentences)
    ahead: list[_Entity | None] = [None] * n
    for i in range(n - 2, -1, -1):
        here, nxt = parsed[i], parsed[i + 1]
        if here.spans and here.spans[-1].open_out and nxt.spans and nxt.spans[0].open_in:
            ahead[i] = nxt.span_entities[0] if nxt.anchors else ahead[i + 1]

    previous: _Entity | None = None
    for i, sentence in enumerate(sentences):
        p = parsed[i]
        if p is _NOTHING or not (p.spans or p.anchors):
            voice[sentence.id] = None
            previous = None
            continue
        entities = p.span_entities
        if p.spans and not p.anchors:
            inherited = ahead[i]
            if inherited is None and p.quote_led and 2 * p.quote_words >= p.n_words:
                inherited = previous
            entities = [inherited] * len(p.spans)
        pieces = [(s.start, s.end, e, DIRECT) for s, e in zip(p.spans, entities, strict=True)]
        for anchor in p.anchors:
            for start, end in anchor.regions:
                if _words(p.masked, start, end) >= 2:
                    pieces.append((start, end, anchor.entity, REPORTED))
        if len(pieces) > 1:
            pieces.sort(key=lambda piece: (piece[0], -piece[1]))
        text = sentence.text
        covered: dict[_Entity, list[tuple[int, int]]] = {}
        for start, end, entity, kind in pieces:
            name = entity.name if entity is not None else None
            quotes.append(
                Quote(sentence.id, sentence.document, sentence.outlet, name,
                      text[start:end], start, end, kind)
            )  # fmt: skip
            if entity is not None:
                covered.setdefault(entity, []).append((start, end))
                if entity.gender and name is not None:
                    genders[name] = entity.gender
        best: _Entity | None = None
        best_words = 0
        for entity, ranges in covered.items():
            words = sum(len(text[a:b].split()) for a, b in _merged(ranges))
            if words > best_words:
                best, best_words = entity, words
        attributed = best is not None and best_words > ATTRIBUTED_SHARE * p.n_words
        voice[sentence.id] = best.name if attributed and best is not None else None
        previous = best if attributed else (entities[-1] if entities else None)


def _merged(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _documents(sentences: Sequence[Sentence]) -> Iterable[Sequence[Sentence]]:
    """Runs of consecutive sentences of the same document."""
    start = 0
    for i in range(1, len(sentences) + 1):
        if i == len(sentences) or sentences[i].document != sentences[start].document:
            yield sentences[start:i]
            start = i


def extract_quotes(sentences: Sequence[Sentence]) -> Quotations:
    """Direct quotations and reported statements of every sentence, with speakers.

    ``sentences`` are in document order (as :func:`framing.segment.segment_corpus`
    returns them); a document's sentences must be consecutive, since
    continuations and references back ("she added", "the general said") are
    read within a document. Linear in the number of sentences; sentences with
    neither a quotation mark nor a speech verb cost one set test.

    >>> from framing.segment import tokenize
    >>> from framing.model import Sentence
    >>> texts = ["“We will stay,” said Gen. Ada Smith.", "“We have no choice.”"]
    >>> sents = [Sentence(i, "d", "o", i, "body", False, t, tuple(tokenize(t)), 0)
    ...          for i, t in enumerate(texts)]
    >>> [(q.speaker, q.text) for q in extract_quotes(sents).quotes]
    [('Ada Smith', 'We will stay'), ('Ada Smith', 'We have no choice.')]
    """
    quotes: list[Quote] = []
    voice: dict[int, str | None] = {}
    genders: dict[str, str] = {}
    for document in _documents(sentences):
        _document_quotes(document, _parse_document(document), quotes, voice, genders)
    return Quotations(tuple(quotes), voice, genders)


# --------------------------------------------------------------------------
# Aggregation
# --------------------------------------------------------------------------


def _word_positions(text: str) -> list[tuple[int, int]]:
    """Character spans of the word tokens of ``text`` (as the analysis counts words)."""
    return [(start, end) for token, start, end in tokenize_spans(text) if is_word(token)]


def speaker_table(
    quotations: Quotations, sentences: Sequence[Sentence]
) -> dict[str, tuple[SpeakerStat, ...]]:
    """Per outlet, its speakers with their quotes and words, most words first.

    Words are the word tokens inside a speaker's quotes and statements, a
    token counted once even when a direct quote lies inside a reported
    statement. Quotes without a speaker are left out. Every outlet of
    ``sentences`` has an entry (empty when it quotes no one).
    """
    by_id = {s.id: s for s in sentences}
    outlet_words: Counter[str] = Counter()
    for s in sentences:
        outlet_words[s.outlet] += s.n_words
    n_quotes: Counter[tuple[str, str]] = Counter()
    ranges: dict[tuple[str, str, int], list[tuple[int, int]]] = defaultdict(list)
    for q in quotations.quotes:
        if q.speaker is None or q.sentence not in by_id:
            continue
        n_quotes[(q.outlet, q.speaker)] += 1
        ranges[(q.outlet, q.speaker, q.sentence)].append((q.start, q.end))
    n_words: Counter[tuple[str, str]] = Counter()
    for (outlet, speaker, sentence_id), spans in ranges.items():
        merged = _merged(spans)
        n_words[(outlet, speaker)] += sum(
            1
            for start, end in _word_positions(by_id[sentence_id].text)
            if any(a <= start and end <= b for a, b in merged)
        )
    table: dict[str, list[SpeakerStat]] = {outlet: [] for outlet in outlet_words}
    for (outlet, speaker), count in n_quotes.items():
        words = n_words[(outlet, speaker)]
        total = outlet_words[outlet]
        table[outlet].append(SpeakerStat(speaker, count, words, words / total if total else 0.0))
    return {
        outlet: tuple(sorted(stats, key=lambda s: (-s.n_words, -s.n_quotes, s.speaker)))
        for outlet, stats in table.items()
    }


def _hit_speakers(
    quotations: Quotations, sentence: Sentence, hits: Sequence[Hit]
) -> list[tuple[Hit, bool, str | None]]:
    """Each hit with whether it is quoted and by whom."""
    quotes = quotations.in_sentence(sentence.id)
    attributed = quotations.sentence_speaker.get(sentence.id)
    spans = tokenize_spans(sentence.text) if quotes else []
    out = []
    for hit in hits:
        speaker: str | None = None
        quoted = False
        if spans and hit.end <= len(spans):
            start, end = spans[hit.start][1], spans[hit.end - 1][2]
            inside = [q for q in quotes if q.start <= start and end <= q.end]
            if inside:
                quoted = True
                speaker = next((q.speaker for q in inside if q.speaker), None)
        if attributed is not None and speaker is None:
            quoted, speaker = True, attributed
        out.append((hit, quoted, speaker))
    return out


def frames_by_voice(
    quotations: Quotations,
    sentences: Sequence[Sentence],
    hits: Iterable[Hit],
    *,
    top: int = 3,
) -> dict[tuple[str, str], FrameVoice]:
    """Per (outlet, frame): sentences carrying the frame in the outlet's voice vs quoted.

    Only non-negated hits count. A sentence counts as quoted for a frame when
    one of its hits of the frame lies inside a quotation or statement, or the
    sentence as a whole is attributed to a speaker; each such sentence counts
    once for each speaker it quotes (a quotation without a speaker counts as
    quoted, for no one). Keys exist only for frames an outlet uses.
    """
    by_id = {s.id: s for s in sentences}
    per_sentence: dict[int, list[Hit]] = defaultdict(list)
    for hit in hits:
        if not hit.negated and hit.sentence in by_id:
            per_sentence[hit.sentence].append(hit)
    own: Counter[tuple[str, str]] = Counter()
    quoted: Counter[tuple[str, str]] = Counter()
    speakers: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for sentence_id, sentence_hits in per_sentence.items():
        sentence = by_id[sentence_id]
        frames: dict[str, set[str | None]] = defaultdict(set)
        frames_quoted: set[str] = set()
        for hit, is_quoted, speaker in _hit_speakers(quotations, sentence, sentence_hits):
            frames[hit.frame]
            if is_quoted:
                frames_quoted.add(hit.frame)
                frames[hit.frame].add(speaker)
        for frame, names in frames.items():
            key = (sentence.outlet, frame)
            if frame in frames_quoted:
                quoted[key] += 1
                speakers[key].update(n for n in names if n is not None)
            else:
                own[key] += 1
    return {
        key: FrameVoice(
            n_sentences_own_voice=own[key],
            n_sentences_quoted=quoted[key],
            top_speakers=tuple(
                sorted(speakers[key].items(), key=lambda item: (-item[1], item[0]))[:top]
            ),
        )
        for key in sorted(set(own) | set(quoted))
    }


def describe_voices(
    quotations: Quotations,
    sentences: Sequence[Sentence],
    hits: Iterable[Hit],
    *,
    outlet_names: Mapping[str, str] | None = None,
    frame_labels: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """A plain-language reading per outlet: whom it quotes most, and what they carry.

    For example: "Military.com quotes Claire Finkelstein most (192 words, 22%
    of its words); her statements carry Legally unprotected civilians (7
    sentences)." ``outlet_names`` and ``frame_labels`` map ids to display
    names (ids are used when missing).
    """
    names = outlet_names or {}
    labels = frame_labels or {}
    table = speaker_table(quotations, sentences)
    voices = frames_by_voice(quotations, sentences, hits, top=1_000_000)
    readings: dict[str, str] = {}
    for outlet, stats in table.items():
        display = names.get(outlet, outlet)
        if not stats:
            readings[outlet] = f"{display} quotes no identified speaker."
            continue
        leader = stats[0]
        pct = round(100 * leader.share_of_outlet_words)
        text = (
            f"{display} quotes {leader.speaker} most ({leader.n_words} words, {pct}% of its words)"
        )
        carried = sorted(
            (
                (count, frame)
                for (o, frame), voice in voices.items()
                if o == outlet
                for speaker, count in voice.top_speakers
                if speaker == leader.speaker
            ),
            key=lambda item: (-item[0], item[1]),
        )
        gender = quotations.genders.get(leader.speaker)
        possessive = {"f": "her", "m": "his"}.get(gender or "", "the")
        if carried:
            count, frame = carried[0]
            plural = "s" if count != 1 else ""
            text += (
                f"; {possessive} statements carry {labels.get(frame, frame)} "
                f"({count} sentence{plural})"
            )
        else:
            text += f"; {possessive} statements carry none of the frames"
        others = len(stats) - 1
        if others:
            text += f". {others} other speaker{'s' if others != 1 else ''} quoted"
        readings[outlet] = text + "."
    return readings
