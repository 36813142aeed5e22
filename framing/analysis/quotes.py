"""Who is quoted: direct quotations and reported statements, with their speakers.

Framing is not only what an outlet says in its own voice but whom it lets
speak. :func:`extract_quotes` finds, in every sentence,

* **direct quotations**: text between double quotation marks (“…”, "…",
  «…», „…“), located by character offsets in the sentence's text. Straight
  quotes take their direction from the characters around them and alternate
  when those do not tell. Single quotation marks are not boundaries: they
  nest inside double ones, and ’ is also the apostrophe. A quotation may run
  over several sentences (Punkt splits inside quotes): one left open at the
  end of a sentence continues into the next ones when a closing mark follows
  within :data:`MAX_CONTINUATION` sentences, and otherwise ends with its own
  sentence, so an unclosed quote never swallows the rest of a document;
* **reported statements** without quotation marks: "X said (that) …",
  "…, X said.", "…, said X, who …", "according to X, …", "X told Y (that) …",
  "X says/added/noted/explained/warned/wrote …", "…, adding that …". The
  statement is the reported clause; it may contain direct quotations, which
  are then listed too.

Each is attributed to a **speaker** with a canonical name. Titles and
descriptions are stripped ("Ukraine’s military attaché, Maj. Gen. Borys
Kremenetskyi" -> "Borys Kremenetskyi"), and within a document a later surname
("Kremenetskyi"), a definite phrase whose words all appeared in a speaker's
title or description ("the general", "the attaché", "the official"), or a
pronoun ("he", "she") is linked back. A pronoun goes to the most recent
person of the document (a speaker, or a named person who is the subject of a
sentence) whose known gender does not contradict it. Non-person sources keep
their wording, with a lower-case article ("the State Department", "a senior
federal law enforcement official"); "the AP" and "the Associated Press" are
one source. An addressee is never the speaker: in "Kremenetskyi told the AP"
the speaker is Kremenetskyi. A sentence that is only a quotation, with no
attribution of its own, continues the quotation of the sentence before it, or
of the sentence after it when the quotation runs on into an attributed one.

Speakers are plain strings (single spaces, straight apostrophes, ALL-CAPS
words capitalised), so the same person quoted by two outlets has the same
name in both and outlets can be compared: :func:`speaker_table`,
:func:`frames_by_voice`, :func:`describe_voices`.

Speed: a sentence with neither a quotation mark nor a speech verb among its
tokens costs a set test and a look at its first word. For the others, the
parse that depends only on the sentence's text (quotations, attributions,
statement spans) is separated from what depends on the document (who "he"
is), and is memoised by text, so sentences repeated across outlets (wire
copy) are parsed once. No model is used; everything is rule-based.

Known limits:

* single-quote-only quotations (British style, scare quotes in headlines)
  are not detected;
* a subject that is not a name, a pronoun or a short noun phrase ("A post by
  Maliar on social media Monday noted …") is not found, and a speech verb in a
  reduced relative clause ("One protection Finkelstein noted is …") is
  ignored, as is a verb with an unresolvable subject ("Others said …");
* "they", "it", "we" and "I" are never resolved (they often refer to groups,
  or to the speaker inside a quotation);
* names are recognised by capitalisation, so an all-capitalised headline can
  produce a wrong speaker, and a place name opening a sentence may be taken
  for a person when resolving pronouns;
* a parenthetical attribution ("So far, X said, only …") keeps the longer
  side of the sentence as the statement;
* gender cues are titles (Mr, Ms …), gendered role nouns (spokeswoman …) and
  pronouns used of the person; first names carry none;
* a surname is linked to a full name seen earlier in the same document only;
  "the U.S. State Department" and "the State Department" stay two sources
  unless one refers back to the other within a document;
* words are counted by whitespace when deciding whether a sentence is
  "mostly" quoted (:data:`ATTRIBUTED_SHARE`); :func:`speaker_table` counts
  word tokens as the rest of the analysis does.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import NamedTuple

from framing.model import FrameVoice, Hit, Quotations, Quote, Sentence, SpeakerStat
from framing.text.marks import (
    AFTER_CLOSING,
    BEFORE_OPENING,
    CLOSING_DOUBLE,
    DOUBLE_MARK_RE,
    DOUBLE_MARKS,
    OPENING_DOUBLE,
)
from framing.text.segment import tokenize_spans

DIRECT = "direct"
REPORTED = "reported"

#: How many following sentences an unclosed quotation may run into while
#: looking for its closing mark; past that it ends with its own sentence.
MAX_CONTINUATION = 4

#: A sentence is in a speaker's voice when that speaker's quotations and
#: statements cover more than this share of its words outside the
#: attribution itself ("X said", "according to X, a professor").
ATTRIBUTED_SHARE = 0.5

#: How many distinct (text, starts-inside-a-quote) parses to memoise at once.
_CACHE_LIMIT = 200_000


# --------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------


# --------------------------------------------------------------------------
# Word lists
# --------------------------------------------------------------------------


def _wordset(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text``, as a set."""
    return frozenset(text.split())


#: Speech verbs, finite forms only ("saying" and "to say" report nothing).
_VERB_SET = _wordset(
    "said says say told tells tell added adds noted notes explained explains warned warns warn "
    "wrote writes stated argued argues argue insisted insists insist claimed asserted asserts "
    "cautioned cautions stressed stresses emphasized emphasised emphasizes emphasises "
    "acknowledged acknowledges acknowledge admitted admits recalled recalls replied replies "
    "tweeted posted reported reports confirmed confirms announced announces declared declares "
    "predicted predicts observed commented remarked concluded conceded concedes contended "
    "contends"
)
_TELL = _wordset("told tells tell")
#: Verbs that may precede their subject ("…,” said Anne Speckhard).
_INVERTIBLE = _wordset(
    "said says added adds noted notes explained explains wrote writes warned warns argued "
    "argues insisted insists recalled replied stressed cautioned"
)
#: Words before a verb that make it passive or non-finite ("were told", "to say").
_NOT_FINITE = _wordset("was were been being be is are am to get gets got")
#: Words that may stand between a subject and its verb ("he also said").
_BETWEEN = _wordset(
    "also has have had would will recently later earlier previously once then further "
    "again repeatedly reportedly publicly privately still even just first often frequently "
    "separately quickly immediately already subsequently"
)
_DETERMINERS = _wordset("the a an this that these those its his her their our")
_PRONOUNS = {"he": "m", "she": "f"}
#: Words that are never a speaker.
_NOT_SUBJECT = _wordset(
    "who which that whom whose they it we i you others some many most all both few several "
    "someone somebody anyone everyone people one none what"
)
#: Words after which a new clause, and so a subject, may start.
_CLAUSE_STARTERS = _wordset(
    "and but because while as since although though so that when if after before whereas "
    "where yet or nor also however meanwhile now still then"
)
_PREPOSITIONS = _wordset(
    "at of for in from with by to on about into under over near through across against "
    "between among toward towards after before during via per like"
)
#: Lower-case words that may link the parts of a name ("Secretary of State …").
_CONNECTORS = _wordset("of de da van von der den al bin bint la le du del della dos das y")
#: Capitalised words that open sentences but are not names.
_CAP_STOP = _wordset(
    "the a an this that these those it he she they we i you in on at for from with by to "
    "of as but and or so since after before while when if although though more most some "
    "many others other all both few several such now then however also still even only "
    "just here there under over despite among according meanwhile yet why what how who "
    "where which half one two three its his her their our my your no not nor unlike "
    "like once last next every each another any much during until unless whether "
    "monday tuesday wednesday thursday friday saturday sunday january february march "
    "april may june july august september october november december today yesterday"
)
#: Titles stripped from names; "Maj." and "Gen." are looked up without the dot.
_TITLES = _wordset(
    "mr mrs ms miss dr prof professor sir dame lord lady maj major gen general lt lieutenant "
    "col colonel sgt sergeant capt captain cmdr commander adm admiral brig cpl corporal pvt "
    "private sen senator rep representative gov governor pres president vice prime "
    "minister secretary chancellor king queen prince princess mayor judge justice "
    "ambassador chairman chairwoman chair director chief spokesman spokeswoman "
    "spokesperson pope rev reverend father sheikh emir premier deputy attorney "
    "commissioner envoy officer coach sec assistant undersecretary"
)
#: Abbreviated titles spelled out, so that "the general" refers back to "Maj. Gen. …".
_TITLE_WORDS = {
    "maj": "major", "gen": "general", "lt": "lieutenant", "col": "colonel", "sgt": "sergeant",
    "capt": "captain", "cmdr": "commander", "adm": "admiral", "brig": "brigadier",
    "cpl": "corporal", "pvt": "private", "sen": "senator", "rep": "representative",
    "gov": "governor", "pres": "president", "prof": "professor", "dr": "doctor",
    "rev": "reverend", "sec": "secretary",
}  # fmt: skip
#: Words after "<title> of" that belong to the title ("Secretary of State").
_DEPARTMENTS = _wordset(
    "state defense defence homeland security treasury commerce energy health education "
    "labor labour justice agriculture interior transportation veterans affairs foreign "
    "staff the finance trade economy culture"
)
#: Words that make a capitalised run an organisation rather than a person.
_ORG_WORDS = _wordset(
    "department ministry agency bank press nations association council committee office "
    "embassy government party center centre institute university times post news "
    "magazine inc corp company commission court service forces army navy police union "
    "house pentagon kremlin reuters ap afp cnn bbc nbc cbs abc nato tass interfax "
    "bloomberg xinhua un eu federation organization organisation group network journal "
    "guardian telegraph tribune"
)
#: Bare nouns accepted as sources without an article ("experts warn", "Official Says").
_SOURCE_NOUNS = _wordset(
    "official officials expert experts analyst analysts source sources authorities critics "
    "observers witnesses residents police investigators prosecutors researchers diplomats "
    "lawmakers officers spokesman spokeswoman spokesperson aides advisers advisors "
    "economists scholars activists organizers organisers polls"
)
#: Words that, right after a speech verb, start trailing matter, not the statement.
_TRAILING = _wordset(
    "of in on at to during for from with after before while as when who which whose "
    "adding saying noting citing referring according earlier later recently"
)
_RELATIVES = _wordset("who which whose that")
_MALE = _wordset(
    "mr sir lord king prince father he his him spokesman chairman congressman businessman "
    "man boy son husband brother grandfather uncle"
)
_FEMALE = _wordset(
    "mrs ms miss dame lady queen princess mother she her spokeswoman chairwoman congresswoman "
    "businesswoman woman girl daughter wife sister grandmother aunt"
)
_GENDERED = _MALE | _FEMALE
#: Sources with more than one name.
_ALIASES = {
    "the ap": "the Associated Press",
    "ap": "the Associated Press",
    "the associated press": "the Associated Press",
    "associated press": "the Associated Press",
}
#: Words that, after a source name, do not belong to it ("according to the AP report").
_SOURCE_SUFFIXES = _wordset("report reports statement data figures")

# --------------------------------------------------------------------------
# Regular expressions and characters (compiled once)
# --------------------------------------------------------------------------

_TRIGGERS = _VERB_SET | DOUBLE_MARKS | {"according"}
#: Filler for quotations in the masked text: same length, so offsets hold.
_FILL = "\x00"
_ACCORDING_RE = re.compile(r"(?<![\w’'-])[Aa]ccording\s+to(?![\w’'-])")
#: Clause boundaries for a subject search: quotations, ; : ( ) dashes.
_BOUNDS = (_FILL, ";", ":", "(", ")", "—", "–", " -- ")
_ACRONYM_END_RE = re.compile(r"(?:[A-Za-z]\.){2,}$")
_DIGIT_RE = re.compile(r"\d")
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
#: Whom something was told: "reporters", "the AP", "a news conference".
_ADDRESSEE_RE = re.compile(
    r"\s+(?:reporters|journalists|me|us|him|her|them|lawmakers|legislators|senators|"
    r"an?\s+(?:\w+\s+){0,2}(?:news|press)\s+(?:conference|briefing)|"
    r"(?:the\s+|The\s+)?(?:[A-Z][\w’'.&-]*(?:\s+(?:of|and|for)\s+|\s+))*[A-Z][\w’'.&-]*|"
    r"the\s+(?:newspaper|paper|agency|magazine|network|broadcaster|station|outlet|committee|"
    r"audience|crowd|court|jury|panel|hearing|conference|briefing))(?![\w’'-])"
)
_ADDING_RE = re.compile(r",\s*adding(?:\s+that\b)?[\s,:]*")
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

    ``start``/``end`` delimit its text, ``outer_start``/``outer_end`` also its
    marks; ``open_in`` says it continues from the previous sentence.
    """

    start: int
    end: int
    outer_start: int
    outer_end: int
    open_in: bool


def _marks(text: str) -> list[tuple[int, int]]:
    """Quotation marks of a text: (offset, 1 opens / -1 closes / 0 either)."""
    found: list[tuple[int, int]] = []
    n = len(text)
    for m in DOUBLE_MARK_RE.finditer(text):
        i = m.start()
        ch = text[i]
        if ch in OPENING_DOUBLE:
            found.append((i, 1))
        elif ch in CLOSING_DOUBLE:
            found.append((i, -1))
        else:
            prev = text[i - 1] if i else " "
            nxt = text[i + 1] if i + 1 < n else " "
            left_open = prev.isspace() or prev in BEFORE_OPENING
            if left_open and not nxt.isspace():
                found.append((i, 1))
            elif not left_open and (nxt.isspace() or nxt in AFTER_CLOSING):
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

    ``inside`` says the sentence starts inside a quotation. A closing mark
    with nothing open is ignored; an opening mark inside an open quotation
    ends it and opens a new one. An open quotation runs to the sentence's end.
    """
    spans: list[_Span] = []
    open_at = 0 if inside else -1
    outer = 0
    open_in = inside

    def close(end: int, outer_end: int) -> None:
        start, stop = _trimmed(text, open_at, end)
        if start < stop:
            spans.append(_Span(start, stop, outer, outer_end, open_in))

    for pos, direction in marks:
        if open_at < 0:
            if direction >= 0:
                open_at, outer, open_in = pos + 1, pos, False
        elif direction == 1:
            close(pos, pos)
            open_at, outer, open_in = pos + 1, pos, False
        else:
            close(pos, pos + 1)
            open_at = -1
    if open_at < 0:
        return spans, False
    close(len(text), len(text))
    return spans, True


def _starts_inside(marks: Sequence[tuple[int, int]]) -> bool:
    """Whether a sentence with these :func:`_marks` continues a quotation opened before it.

    It does when its first mark does not open one: a closing mark, or a
    straight quote that may close.
    """
    return bool(marks) and marks[0][1] <= 0


def quote_spans(text: str) -> list[str]:
    """The direct quotations of a sentence read on its own, in order, marks excluded.

    The quotations :func:`extract_quotes` finds in a sentence, without the
    document around it: a sentence whose first mark does not open a
    quotation continues one opened before it, and a quotation still open at
    the end runs to the end of the sentence. Spaces around a quotation and a
    comma ending it are left out.

    >>> quote_spans('“They feel,” he said, "that they must go.')
    ['They feel', 'that they must go.']
    >>> quote_spans('This is just panic," Liliya Marynchak said.')
    ['This is just panic']
    """
    marks = _marks(text)
    spans, _ = _spans(text, marks, _starts_inside(marks))
    return [text[span.start : span.end] for span in spans]


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


def _words(masked: str, start: int, end: int) -> int:
    """Words of ``masked[start:end]`` outside quotations, counted by whitespace."""
    piece = masked[start:end]
    if _FILL in piece:
        piece = piece.replace(_FILL, " ")
    return len(piece.split())


# --------------------------------------------------------------------------
# Names and noun phrases
# --------------------------------------------------------------------------


class _NP(NamedTuple):
    """A speaker as written: ``kind`` is "pronoun", "person", "org" or "np".

    ``cues`` are lower-cased words describing it (titles, the head of an
    appositive, gendered words); ``start`` is its offset in the sentence.
    """

    kind: str
    words: tuple[str, ...]
    cues: tuple[str, ...] = ()
    start: int = 0


def _possessive(word: str) -> bool:
    return word.endswith(("'s", "’s", "s'", "s’"))


def _name_np(words: Sequence[str], cues: Iterable[str] = (), start: int = 0) -> _NP | None:
    """A capitalised run as a person or an organisation, titles stripped.

    >>> _name_np(["Maj.", "Gen.", "Borys", "Kremenetskyi"]).words
    ('Borys', 'Kremenetskyi')
    >>> _name_np(["Secretary", "of", "State", "Antony", "Blinken"]).words
    ('Antony', 'Blinken')
    >>> _name_np(["the", "embassy"]) is None
    True
    """
    if not words or words[0].lower() in _CAP_STOP:
        return None
    last = len(words) - 1
    lowered = [w.lower().rstrip(".") for w in words]
    for i, w in enumerate(words):
        if _possessive(w):
            return None
        if not w[:1].isupper() and not (0 < i < last and lowered[i] in _CONNECTORS):
            return None
    if _DIGIT_RE.search("".join(words)):
        return None
    if not _ORG_WORDS.isdisjoint(lowered):
        return _NP("org", tuple(words), tuple(cues), start)
    if last == 0 and lowered[0] in _SOURCE_NOUNS:
        return _NP("np", (lowered[0],), tuple(cues), start)
    last_title = -1
    for i, w in enumerate(lowered):
        if w in _TITLES:
            last_title = i
    rest = last_title + 1
    if last_title >= 0 and rest < last and lowered[rest] == "of":
        rest += 1
        while rest < last and lowered[rest] in _DEPARTMENTS:
            rest += 1
    if rest > last or lowered[rest] in _CAP_STOP or lowered[rest] in _CONNECTORS:
        return None
    return _NP("person", tuple(words[rest:]), (*lowered[:rest], *cues), start)


def _phrase_np(words: Sequence[str], cues: Iterable[str] = (), start: int = 0) -> _NP | None:
    """A comma-free phrase as a speaker: a pronoun, a name, or a short noun phrase."""
    if not words:
        return None
    first = words[0].lower()
    if len(words) == 1 and first in _PRONOUNS:
        return _NP("pronoun", (first,), tuple(cues), start)
    if words[0][:1].isupper() and first not in _DETERMINERS:
        named = _name_np(words, cues, start)
        if named is not None:
            return named
    if (first in _DETERMINERS or _possessive(words[0])) and 1 < len(words) <= 8:
        for w in words[1:]:
            if w.lower() in _NOT_FINITE or w.lower() in _NOT_SUBJECT:
                return None
        return _NP("np", tuple(words), tuple(cues), start)
    return None


def _descriptor_cues(words: Sequence[str]) -> list[str]:
    """Role and gender words of a description: its head phrase, up to a preposition.

    "the founder and academic director of the Center …" gives its words up to
    "of"; a relative clause ("who spoke to the AP …") gives only its gendered
    words ("his", "her"), so "the Pentagon" it mentions is no role.
    """
    lowered = [w.lower() for w in words]
    gendered = [w for w in lowered if w in _GENDERED]
    if not lowered or lowered[0] in _RELATIVES:
        return gendered
    head: list[str] = []
    for w in lowered:
        if w in _PREPOSITIONS or w in _RELATIVES:
            break
        head.append(w)
    return head + gendered


def _is_descriptor(words: Sequence[str]) -> bool:
    """Whether a comma-separated part reads as a description put before a name.

    "Ukraine’s military attaché in the U.S., Maj. Gen. Borys Kremenetskyi": a
    short phrase opened by a possessive, an article or a title.
    """
    if not words or len(words) > 8:
        return False
    first = words[0].lower().rstrip(".")
    return _possessive(words[0]) or first in _DETERMINERS or first in _TITLES


_Part = tuple[list[str], int]


def _split_parts(segment: str, base: int) -> list[_Part]:
    """Comma-separated parts of ``segment``: (words, offset of the first word)."""
    parts: list[_Part] = []
    pos = base
    for piece in segment.split(","):
        words = piece.split()
        if words:
            parts.append((words, pos + piece.index(words[0])))
        pos += len(piece) + 1
    return parts


def _from_parts(parts: Sequence[_Part]) -> _NP | None:
    """The speaker among comma-separated parts: the first name, else a leading phrase.

    Handles "Claire Finkelstein, the founder of …, says" and "Ukraine’s
    military attaché, Maj. Gen. Borys Kremenetskyi, told"; the other parts
    describe the speaker and give cues. A description just before the name
    belongs to the attribution (it is not part of the statement).
    """
    for i, (words, offset) in enumerate(parts):
        if not words[0][:1].isupper() or words[0].lower() in _DETERMINERS:
            continue
        named = _name_np(words, start=offset)
        if named is not None and named.kind != "np":
            cues = [
                c for j, (other, _) in enumerate(parts) if j != i for c in _descriptor_cues(other)
            ]
            if i and _is_descriptor(parts[i - 1][0]):
                named = named._replace(start=parts[i - 1][1])
            return named._replace(cues=named.cues + tuple(cues))
    if not parts:
        return None
    words, offset = parts[0]
    return _phrase_np(words, [c for other, _ in parts[1:] for c in _descriptor_cues(other)], offset)


def _word_offset(text: str, words: Sequence[str], k: int, base: int) -> int:
    """Offset of ``words[k]`` in ``text`` (split from it), plus ``base``."""
    pos = 0
    for word in words[:k]:
        pos = text.find(word, pos) + len(word)
    return base + text.find(words[k], pos)


def _clause_bound(masked: str, end: int) -> int:
    bound = 0
    for mark in _BOUNDS:
        found = masked.rfind(mark, 0, end)
        if found >= 0 and found + len(mark) > bound:
            bound = found + len(mark)
    return bound


def _opens_clause(words: Sequence[str], k: int) -> bool:
    return k == 0 or words[k - 1].lower() in _CLAUSE_STARTERS


def _subject_before(masked: str, verb_start: int) -> _NP | None:
    """The subject of a speech verb, read backwards from it within its clause.

    The subject must open its clause (follow a comma, a quotation, a
    conjunction or the sentence start): a name ("Finkelstein"), a name after a
    role noun ("government spokesman Kei Sato"), a pronoun, a phrase with an
    article or a possessive ("the State Department", "a senior … official"),
    a bare source noun ("experts"), or a name among comma-separated parts
    ("Claire Finkelstein, the founder …, says").
    """
    bound = _clause_bound(masked, verb_start)
    segment = masked[bound:verb_start]
    cut = segment.rfind(",")
    tail = segment[cut + 1 :]
    words = tail.split()
    while words and words[-1].lower() in _BETWEEN:
        words.pop()
    if not words:
        return _from_parts(_split_parts(segment[:cut], bound)) if cut >= 0 else None
    base = bound + cut + 1
    j = len(words) - 1
    last = words[j]
    low = last.lower()
    if low in _PRONOUNS:
        if _opens_clause(words, j):
            return _NP("pronoun", (low,), (), _word_offset(tail, words, j, base))
        return None
    if low in _NOT_SUBJECT or low in _DETERMINERS:
        return None
    if last[:1].isupper():
        k = j
        while k > 0:
            prev = words[k - 1]
            lowered = prev.lower()
            if lowered in _DETERMINERS or _possessive(prev):
                break
            if prev[:1].isupper() or (
                lowered in _CONNECTORS and k > 1 and words[k - 2][:1].isupper()
            ):
                k -= 1
                continue
            break
        run = words[k : j + 1]
        if _opens_clause(words, k):
            named = _name_np(run, start=_word_offset(tail, words, k, base))
            if named is not None or cut < 0:
                return named
            return _from_parts(_split_parts(segment, bound))
        before = words[k - 1].lower()
        if before in _DETERMINERS:
            if _opens_clause(words, k - 1):
                return _NP(
                    "np", tuple(words[k - 1 : j + 1]), (), _word_offset(tail, words, k - 1, base)
                )
            return None
        if before in _PREPOSITIONS or _possessive(words[k - 1]):
            # "…, a geopolitical analyst at Mizuho Bank said": the name is further back
            return _from_parts(_split_parts(segment, bound)) if cut >= 0 else None
        if before in _TITLES or before in _SOURCE_NOUNS:
            # "Japanese government spokesman Kei Sato told"
            descriptors = [w.lower() for w in words[:k] if w.lower() not in _DETERMINERS]
            return _name_np(run, descriptors, _word_offset(tail, words, k, base))
        return None
    k = j  # a lower-case head: "the embassy", "a senior … official", "experts"
    while True:
        word = words[k]
        if word.lower() in _DETERMINERS or _possessive(word):
            if _opens_clause(words, k):
                return _phrase_np(words[k : j + 1], start=_word_offset(tail, words, k, base))
            return None
        if _opens_clause(words, k):
            break
        if words[k - 1].lower() in _NOT_FINITE or j - k >= 7:
            return None
        k -= 1
    phrase = words[k : j + 1]
    if low in _SOURCE_NOUNS and all(w.lower() not in _NOT_SUBJECT for w in phrase):
        return _NP("np", tuple(phrase), (), _word_offset(tail, words, k, base))
    return None


def _phrase_end(masked: str, pos: int, end: int, stops: Iterable[str]) -> int:
    for mark in stops:
        found = masked.find(mark, pos, end)
        if found >= 0:
            end = found
    return end


def _strip_final_stop(text: str) -> str:
    text = text.rstrip()
    if text.endswith((".", "!", "?")) and not _ACRONYM_END_RE.search(text):
        return text[:-1].rstrip()
    return text


def _subject_after(masked: str, pos: int, end: int) -> tuple[_NP | None, int]:
    """The subject of an inverted verb ("…,” said X, who …") and where its phrase ends."""
    stop = _phrase_end(masked, pos, end, (_FILL, ";", " -- ", " — ", " – "))
    text = _strip_final_stop(masked[pos:stop])
    parts = _split_parts(text, pos)
    if not parts:
        return None, pos
    first = parts[0][0]
    if first[0].lower() in _NOT_SUBJECT or first[0].lower() == "this":
        return None, pos
    chosen = 0
    named = _phrase_np(first, start=parts[0][1])
    if (named is None or named.kind == "np") and len(parts) > 1 and _is_descriptor(first):
        second = _name_np(parts[1][0], start=parts[1][1])
        if second is not None and second.kind == "person":
            named, chosen = second, 1  # "said Ukraine’s military attaché, Maj. Gen. …"
    if named is None:
        return None, pos
    cues = [c for i, (words, _) in enumerate(parts) if i != chosen for c in _descriptor_cues(words)]
    return named._replace(cues=named.cues + tuple(cues)), pos + len(text)


def _source_after_according(masked: str, pos: int, end: int) -> tuple[_NP | None, int]:
    """The source of "according to X": up to the next comma, quotation or clause end."""
    stop = _phrase_end(masked, pos, end, (",", _FILL, ";", " -- ", " — ", " – "))
    raw = masked[pos:stop]
    text = _strip_final_stop(raw)
    words = text.split()
    if len(words) > 1 and words[-1].lower() in _SOURCE_SUFFIXES and words[-2][:1].isupper():
        words = words[:-1]  # "the AP report" -> "the AP"
    if not words or len(words) > 10:
        return None, pos
    start = pos + len(raw) - len(raw.lstrip())
    np = _phrase_np(words, start=start) or _NP("np", tuple(words), (), start)
    return np, pos + len(text)


# --------------------------------------------------------------------------
# Attributions within one sentence (pure: depends on the text only)
# --------------------------------------------------------------------------


class _Speaker(NamedTuple):
    """A speaker phrase made ready for resolution (computed once per distinct sentence).

    ``name`` is the canonical name (a person's, or a source's with its
    article lower-cased) and ``key`` its lower-case form; ``content`` holds
    the words a definite phrase must share with an earlier speaker to refer
    back to it ("the general"), empty when the phrase is not definite.
    ``cues`` are normalised role words, ``gender`` the gender they suggest.
    """

    kind: str
    words: tuple[str, ...]
    name: str
    key: str
    content: frozenset[str]
    cues: frozenset[str]
    gender: str | None


def _cue_words(words: Iterable[str]) -> frozenset[str]:
    """Lower-cased role words, without dots and commas, titles also spelled out."""
    cues = {w.lower().strip(".,").replace("’", "'") for w in words}
    cues.update(_TITLE_WORDS[w] for w in list(cues) if w in _TITLE_WORDS)
    return frozenset(cues)


def _gender_of(cues: frozenset[str]) -> str | None:
    male = not _MALE.isdisjoint(cues)
    female = not _FEMALE.isdisjoint(cues)
    return None if male == female else ("m" if male else "f")


def _speaker(np: _NP, extra_cues: Iterable[str] = ()) -> _Speaker:
    cues = _cue_words((*np.cues, *extra_cues))
    if np.kind == "person":
        name = _canonical(np.words)
        return _Speaker("person", np.words, name, name.lower(), frozenset(), cues, _gender_of(cues))
    if np.kind == "pronoun":
        return _Speaker("pronoun", np.words, np.words[0], np.words[0], frozenset(), cues, None)
    name = _source_name(np.words)
    words = [w.lower().replace("’", "'") for w in np.words]
    definite = words[0] in ("the", "this", "that") or _possessive(words[0])
    content = frozenset(w for w in words if w not in _DETERMINERS) if definite else frozenset()
    return _Speaker(np.kind, np.words, name, name.lower(), content, cues | set(words), None)


class _Anchor(NamedTuple):
    """An attribution: its extent in the sentence, its speaker, its statement regions."""

    start: int
    end: int
    speaker: _Speaker
    regions: tuple[tuple[int, int], ...]


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch in "’'-_"


def _verb_matches(masked: str, verbs: Iterable[str], according: bool) -> list[tuple[int, int, str]]:
    """Speech verbs (lower-case or capitalised) and "according to", in text order.

    ``verbs`` are the speech verbs among the sentence's lower-cased tokens, so
    the text is searched only for words known to be in it.
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
                    found.append((pos, end, verb))
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
        if masked[end - 1] == "." and _ACRONYM_END_RE.search(masked, start, end):
            break
        end -= 1
    return start, end


def _first_word(masked: str, pos: int) -> str:
    words = masked[pos : pos + 40].replace(",", " ").split()
    return words[0].lower() if words else ""


def _after_verb(masked: str, pos: int, end: int, tell: bool) -> tuple[int, str]:
    """Where the statement after a speech verb starts, and the form it takes.

    The form is "after" ("X said that …"), "before" ("…, X said.") or
    "either" (a parenthetical "…, X said, …": the longer side wins). After
    "told", the addressee is skipped: it is not the speaker.
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
        word = _first_word(masked, masked.index(",", pos) + 1)
        return skipped, "before" if word in _TRAILING else "either"
    if rest[0] in ":" + _FILL:
        return skipped, "after"
    if skipped >= end or _first_word(masked, skipped) in _TRAILING:
        return skipped, "before"
    return skipped, "after"


def _anchors(masked: str, verbs: Iterable[str], according: bool) -> tuple[_Anchor, ...]:
    """The attributions of one masked sentence, in text order."""
    anchors: list[_Anchor] = []
    end = len(masked)
    floor = 0  # statements of a later attribution start after the previous one's
    for v0, v1, verb in _verb_matches(masked, verbs, according):
        if v0 < floor:
            continue
        before_verb = masked[max(0, v0 - 12) : v0].split()
        if before_verb and before_verb[-1].lower() in _NOT_FINITE:
            continue
        np: _NP | None = None
        if not verb:
            np, a_end = _source_after_according(masked, v0 + len("according to"), end)
            if np is None:
                continue
            a_start, after_start = v0, a_end
            head = masked[floor:v0].strip()
            form = "after" if not head else ("either" if head.endswith(",") else "before")
        else:
            preceding = masked[floor:v0].rstrip()
            if verb in _INVERTIBLE and (not preceding or preceding[-1] in "," + _FILL):
                np, a_end = _subject_after(masked, v1, end)
                a_start, after_start, form = v0, a_end, "before"
            if np is None:
                np = _subject_before(masked, v0)
                if np is None:
                    continue
                a_start, a_end = np.start, v1
                after_start, form = _after_verb(masked, v1, end, verb in _TELL)
        if form == "before":
            head = masked[floor:a_start].rstrip()
            if head and head[-1] not in "," + _FILL:
                continue  # "Coffee or Die Magazine even reported on …": no statement
        adding = _ADDING_RE.search(masked, a_end) if "adding" in masked else None
        before = _statement(masked, floor, a_start)
        after = _statement(masked, after_start, adding.start() if adding else end)
        if form == "either":
            form = "after" if _words(masked, *after) > _words(masked, *before) else "before"
        regions = [after if form == "after" else before]
        if adding:
            regions.append(_statement(masked, adding.end(), end))
        cues = [w for w in masked[a_end:end].lower().split() if w in _GENDERED]
        if form == "after" and _first_word(masked, after[0]) in _PRONOUNS:
            cues.append(_first_word(masked, after[0]))  # "X said he …"
        kept = tuple(r for r in regions if r[0] < r[1])
        anchors.append(_Anchor(a_start, a_end, _speaker(np, cues), kept))
        floor = max(a_end, regions[-1][1] if form == "after" or adding else a_end)
    return tuple(anchors)


def _nearest(span: _Span, anchors: Sequence[_Anchor]) -> int:
    """The anchor a quotation belongs to: one whose statement holds it, else the closest."""
    for index, anchor in enumerate(anchors):
        for start, end in anchor.regions:
            if start <= span.outer_start < end or start < span.outer_end <= end:
                return index
    best, best_distance = 0, 1 << 30
    for index, anchor in enumerate(anchors):
        if anchor.start >= span.outer_end:
            distance = anchor.start - span.outer_end
        else:
            distance = max(0, span.outer_start - anchor.end)
        if distance < best_distance:
            best, best_distance = index, distance
    return best


def _lead_name(text: str) -> _Speaker | None:
    """A person named as the subject opening a sentence.

    "Ukraine's foreign minister, Dmytro Kuleba, put …", "President Zelenskyy
    called …"; used only to resolve later pronouns. A lone word without a
    title ("Zelenskyy vowed …") counts only if the document already knows it.
    """
    first = text[:40].partition(" ")[0]
    if not first[:1].isupper():
        return None
    low = first.lower()
    if _possessive(first) or low in _DETERMINERS:
        m = _LEAD_DESC_NAME_RE.match(text)
        if m is None:
            return None
        words, cues = m.group(1).split(), _descriptor_cues(text[: m.start(1)].split())
    elif low in _CAP_STOP:
        return None
    else:
        m = _LEAD_NAME_RE.match(text)
        if m is None:
            return None
        words, cues = m.group().split(), []
    np = _name_np(words, cues)
    if np is None or np.kind != "person":
        return None
    speaker = _speaker(np)
    if len(np.words) == 1 and len(words) == 1:
        return speaker._replace(kind="surname")
    return speaker


class _Parse(NamedTuple):
    """What one sentence says on its own: quotations, attributions, statements.

    ``pieces`` are the quotes to report, in text order: (start, end, anchor
    index or -1 for a quotation with no attribution in the sentence, kind,
    text). ``anchor_words`` counts the words each anchor's pieces cover and
    ``anchor_extent`` the words of each attribution phrase.
    ``lead`` is a person opening a sentence that has no attribution (a
    referent for later pronouns).
    """

    spans: tuple[_Span, ...]
    open_at_end: bool
    anchors: tuple[_Anchor, ...]
    pieces: tuple[tuple[int, int, int, str, str], ...]
    anchor_words: tuple[int, ...]
    anchor_extent: tuple[int, ...]
    lead: _Speaker | None
    n_words: int
    quote_words: int
    quote_led: bool


#: The parse of a sentence with neither a quotation mark nor a speech verb.
_NO_PARSE = _Parse((), False, (), (), (), (), None, 0, 0, False)


def _parse_sentence(text: str, tokens: Sequence[str], inside: bool) -> _Parse:
    """Parse one sentence; ``inside`` says it starts inside an open quotation."""
    if not inside and _TRIGGERS.isdisjoint(tokens):
        lead = _lead_name(text)
        return _NO_PARSE if lead is None else _NO_PARSE._replace(lead=lead)
    marks = [] if DOUBLE_MARKS.isdisjoint(tokens) else _marks(text)
    span_list, open_at_end = _spans(text, marks, inside)
    spans = tuple(span_list)
    masked = _mask(text, spans) if spans else text
    verbs = _VERB_SET.intersection(tokens)
    according = "according" in tokens
    anchors = _anchors(masked, verbs, according) if verbs or according else ()
    pieces = [(s.start, s.end, _nearest(s, anchors) if anchors else -1, DIRECT) for s in spans]
    pieces.extend(
        (start, end, index, REPORTED)
        for index, anchor in enumerate(anchors)
        for start, end in anchor.regions
        if _words(masked, start, end) >= 2
    )
    pieces.sort(key=lambda piece: (piece[0], -piece[1]))
    covered: list[list[tuple[int, int]]] = [[] for _ in anchors]
    for start, end, index, _ in pieces:
        if index >= 0:
            covered[index].append((start, end))
    anchor_words = tuple(
        sum(len(text[a:b].split()) for a, b in _merged(ranges)) for ranges in covered
    )
    quote_words = sum(len(text[s.start : s.end].split()) for s in spans)
    quote_led = bool(spans) and (spans[0].open_in or not text[: spans[0].outer_start].strip())
    return _Parse(
        spans, open_at_end, anchors,
        tuple((a, b, i, kind, text[a:b]) for a, b, i, kind in pieces),
        anchor_words, tuple(_words(masked, a.start, a.end) for a in anchors),
        None, len(text.split()), quote_words, quote_led,
    )  # fmt: skip


# --------------------------------------------------------------------------
# Per-document state: who has been mentioned, and how to refer back
# --------------------------------------------------------------------------


class _Entity:
    """A speaker or named person of one document (mutable while reading it)."""

    __slots__ = ("gender", "name", "person", "words")

    def __init__(self, name: str, person: bool) -> None:
        self.name = name
        self.person = person
        self.gender: str | None = None
        self.words: set[str] = set()

    def cue(self, speaker: _Speaker) -> None:
        """Take the role words and the gender cue of a phrase naming this entity."""
        self.words |= speaker.cues
        if self.person and self.gender is None:
            self.gender = speaker.gender


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
        self._first_names: dict[str, tuple[str, int] | None] = {}

    def touch(self, entity: _Entity) -> _Entity:
        """Make ``entity`` the most recent one."""
        if not self.recent or self.recent[-1] is not entity:
            if entity in self.recent:
                self.recent.remove(entity)
            self.recent.append(entity)
        return entity

    def first_name(self, surname: str, upto: int) -> str | None:
        """A first name written just before ``surname`` in sentences 0..``upto``."""
        if surname not in self._first_names:
            self._first_names[surname] = self._find_first_name(surname)
        found = self._first_names[surname]
        return found[0] if found is not None and found[1] <= upto else None

    def _find_first_name(self, surname: str) -> tuple[str, int] | None:
        if self._joined is None:
            self._joined = "\n".join(self.texts)
            offset = 0
            for text in self.texts:
                offset += len(text) + 1
                self._offsets.append(offset)
        joined = self._joined
        pos = joined.find(surname)
        while pos >= 0:
            after = joined[pos + len(surname) : pos + len(surname) + 1]
            if not (after.isalnum() or after in ("-", "’", "'")):
                m = _FIRST_NAME_BEFORE_RE.search(joined, max(0, pos - 40), pos)
                if m is not None:
                    first = m.group(1)
                    low = first.lower()
                    if low not in _CAP_STOP and low not in _TITLES and not _possessive(first):
                        sentence = next(i for i, o in enumerate(self._offsets) if pos < o)
                        return first, sentence
            pos = joined.find(surname, pos + 1)
        return None

    def person(self, speaker: _Speaker, position: int) -> _Entity:
        """The entity of a person's name; a surname links to a full name seen before."""
        words = speaker.words
        if len(words) == 1:
            surname = words[0].lower()
            entity = self.surnames.get(surname)
            if entity is not None:
                return entity
            first = self.first_name(words[0], position)
            if first is None:
                entity = self.entities[speaker.key] = self.surnames[surname] = _Entity(
                    speaker.name, True
                )
                return entity
            words = (first, words[0])
            name = _canonical(words)
        else:
            name = speaker.name
        key = name.lower()
        entity = self.entities.get(key)
        if entity is None:
            surname = words[-1].lower()
            entity = self.surnames.get(surname)
            if entity is not None and " " not in entity.name:
                entity.name = name  # the surname seen first now has its full name
            else:
                entity = _Entity(name, True)
            self.entities[key] = entity
            self.surnames.setdefault(surname, entity)
        return entity

    def resolve(self, speaker: _Speaker, position: int) -> _Entity | None:
        """The entity a speaker phrase refers to, registering new ones."""
        kind = speaker.kind
        if kind == "pronoun":
            gender = _PRONOUNS[speaker.words[0]]
            for entity in reversed(self.recent):
                if entity.person and entity.gender in (None, gender):
                    entity.gender = gender
                    return self.touch(entity)
            return None
        if kind == "person":
            entity = self.person(speaker, position)
            entity.cue(speaker)
            return self.touch(entity)
        if speaker.content:
            for entity in reversed(self.recent):  # "the general", "the official"
                if entity.words.issuperset(speaker.content):
                    entity.cue(speaker)
                    return self.touch(entity)
        entity = self.entities.get(speaker.key)
        if entity is None:
            entity = self.entities[speaker.key] = _Entity(speaker.name, False)
        entity.cue(speaker)
        return self.touch(entity)

    def mention(self, lead: _Speaker, position: int) -> None:
        """Note a named person opening a sentence, as a referent for later pronouns."""
        if lead.kind == "surname" and lead.key not in self.surnames:
            return  # a lone capitalised word ("Details", "Russia") is no one known
        entity = self.person(lead, position)
        entity.cue(lead)
        self.touch(entity)


# --------------------------------------------------------------------------
# Extraction
# --------------------------------------------------------------------------


def _documents(sentences: Sequence[Sentence]) -> Iterator[Sequence[Sentence]]:
    """Runs of consecutive sentences of the same document."""
    start = 0
    n = len(sentences)
    for i in range(1, n + 1):
        if i == n or sentences[i].document != sentences[start].document:
            yield sentences[start:i]
            start = i


def _merged(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


class _Extractor:
    """Extraction state over a corpus: the memoised parses and the results."""

    def __init__(self) -> None:
        self.cache: dict[tuple[str, bool], _Parse] = {}
        self.quotes: list[Quote] = []
        self.voice: dict[int, str | None] = {}
        self.genders: dict[str, str] = {}

    def parse(self, sentence: Sentence, inside: bool) -> _Parse:
        """The sentence's parse, memoised by text (wire copy repeats across outlets)."""
        key = (sentence.text, inside)
        parsed = self.cache.get(key)
        if parsed is None:
            if len(self.cache) >= _CACHE_LIMIT:
                self.cache.clear()
            parsed = self.cache[key] = _parse_sentence(sentence.text, sentence.tokens, inside)
        return parsed

    def document(self, sentences: Sequence[Sentence]) -> None:
        """Read one document: parse and resolve in order, then attribute."""
        doc = _Document([s.text for s in sentences])
        parses: list[_Parse] = []
        resolved: list[list[_Entity | None]] = []
        inside = False
        n = len(sentences)
        for i, sentence in enumerate(sentences):
            p = self.parse(sentence, inside)
            parses.append(p)
            if p.lead is not None:
                doc.mention(p.lead, i)
            resolved.append([doc.resolve(anchor.speaker, i) for anchor in p.anchors])
            inside = p.open_at_end and _continues(sentences, i, n)
        self._attribute(sentences, parses, resolved)

    def _attribute(
        self,
        sentences: Sequence[Sentence],
        parses: Sequence[_Parse],
        resolved: Sequence[list[_Entity | None]],
    ) -> None:
        """Continuation speakers, then the quotes and each sentence's voice."""
        n = len(sentences)
        ahead: list[_Entity | None] = [None] * n  # the speaker a quotation runs on to
        for i in range(n - 2, -1, -1):
            nxt = parses[i + 1]
            if nxt.spans and nxt.spans[0].open_in:
                if nxt.anchors:
                    first = next(piece[2] for piece in nxt.pieces if piece[3] == DIRECT)
                    ahead[i] = resolved[i + 1][first]
                else:
                    ahead[i] = ahead[i + 1]
        previous: _Entity | None = None
        quotes, voice = self.quotes, self.voice
        quoted: set[_Entity] = set()
        for i, sentence in enumerate(sentences):
            p = parses[i]
            if not p.pieces:
                voice[sentence.id] = None
                previous = None
                continue
            entities = resolved[i]
            best: _Entity | None = None
            best_words = 0
            outside = p.n_words  # the sentence's words outside the best speaker's attributions
            if p.anchors:
                inherited = None
                words_of: dict[_Entity, list[int]] = {}
                for entity, words, extent in zip(
                    entities, p.anchor_words, p.anchor_extent, strict=True
                ):
                    if entity is not None:
                        counts = words_of.setdefault(entity, [0, 0])
                        counts[0] += words
                        counts[1] += extent
                for entity, (words, extent) in words_of.items():
                    if words > best_words:
                        best, best_words, outside = entity, words, p.n_words - extent
            else:
                inherited = ahead[i]
                if inherited is None and p.quote_led and 2 * p.quote_words >= p.n_words:
                    inherited = previous
                best, best_words = inherited, p.quote_words
            sid, document, outlet = sentence.id, sentence.document, sentence.outlet
            last: _Entity | None = None
            for start, end, index, kind, text in p.pieces:
                entity = entities[index] if index >= 0 else inherited
                if kind == DIRECT:
                    last = entity
                if entity is None:
                    quotes.append(Quote(sid, document, outlet, None, text, start, end, kind))
                else:
                    quoted.add(entity)
                    quotes.append(Quote(sid, document, outlet, entity.name, text, start, end, kind))
            if best is not None and best_words > ATTRIBUTED_SHARE * outside:
                voice[sid] = best.name
                previous = best
            else:
                voice[sid] = None
                previous = last
        for entity in quoted:
            if entity.gender:
                self.genders[entity.name] = entity.gender


def _continues(sentences: Sequence[Sentence], i: int, n: int) -> bool:
    """Whether a quotation open at the end of sentence ``i`` closes in a following one."""
    for j in range(i + 1, min(i + 1 + MAX_CONTINUATION, n)):
        if not DOUBLE_MARKS.isdisjoint(sentences[j].tokens):
            return _starts_inside(_marks(sentences[j].text))
    return False


def extract_quotes(sentences: Sequence[Sentence]) -> Quotations:
    """Direct quotations and reported statements of every sentence, with speakers.

    ``sentences`` are in document order, as
    :func:`framing.text.segment.segment_corpus` returns them: a document's
    sentences must be consecutive, since continuations and references back
    ("she added", "the general said") are read within a document. Any subset
    of whole documents may be passed (a chunk of a parallel run, say); sentence
    ids are kept. Linear in the number of sentences.

    >>> from framing.model import Sentence
    >>> from framing.text.segment import tokenize
    >>> texts = ["“We will stay,” said Gen. Ada Smith.", "“We have no choice.”"]
    >>> sents = [Sentence(i, "d", "o", i, "body", False, t, tuple(tokenize(t)), 0)
    ...          for i, t in enumerate(texts)]
    >>> [(q.speaker, q.text) for q in extract_quotes(sents).quotes]
    [('Ada Smith', 'We will stay'), ('Ada Smith', 'We have no choice.')]
    """
    extractor = _Extractor()
    for document in _documents(sentences):
        extractor.document(document)
    return Quotations(tuple(extractor.quotes), extractor.voice, extractor.genders)


# --------------------------------------------------------------------------
# Aggregation
# --------------------------------------------------------------------------


#: Word tokens as :data:`framing.text.segment.TOKEN_PATTERN` finds them (its other
#: alternative only matches single marks, which are not words).
_WORD_TOKEN_RE = re.compile(r"(?:[A-Za-z]\.){2,}|\w+(?:[-'’]\w+)*")


def _has_clitic(token: str) -> bool:
    ending = token[-3:].lower().replace("’", "'")
    return (len(token) > 3 and ending == "n't") or (len(token) > 2 and ending[-2:] == "'s")


def count_words(text: str) -> int:
    """Word tokens of ``text`` as :func:`framing.text.segment.tokenize` counts them.

    The same count as ``sum(map(is_word, tokenize(text)))`` ("don't" and
    "Ukraine's" are two words each, "U.S." one, a dash none), without building
    the tokens.

    >>> count_words("They don’t want Ukraine's U.S. visas — yet.")
    9
    """
    tokens = _WORD_TOKEN_RE.findall(text)
    if "'" in text or "’" in text:
        return len(tokens) + sum(map(_has_clitic, tokens))
    return len(tokens)


def speaker_table(
    quotations: Quotations, sentences: Sequence[Sentence]
) -> dict[str, tuple[SpeakerStat, ...]]:
    """Per outlet, its speakers with their quotes and words, most words first.

    Words are the word tokens (:func:`framing.text.segment.tokenize`) inside a
    speaker's quotes and statements, a token counted once even when a direct
    quote lies inside a reported statement. Quotes without a speaker are left
    out. Every outlet of ``sentences`` has an entry (empty when it quotes no
    one); ties are broken by number of quotes, then by name.
    """
    by_id = {s.id: s for s in sentences}
    outlet_words: Counter[str] = Counter()
    for s in sentences:
        outlet_words[s.outlet] += s.n_words
    n_quotes: Counter[tuple[str, str]] = Counter()
    ranges: dict[tuple[str, str, int], list[tuple[int, int]]] = defaultdict(list)
    for q in quotations.quotes:
        if q.speaker is not None and q.sentence in by_id:
            n_quotes[(q.outlet, q.speaker)] += 1
            ranges[(q.outlet, q.speaker, q.sentence)].append((q.start, q.end))
    n_words: Counter[tuple[str, str]] = Counter()
    for (outlet, speaker, sentence_id), spans in ranges.items():
        text = by_id[sentence_id].text
        n_words[(outlet, speaker)] += sum(count_words(text[a:b]) for a, b in _merged(spans))
    table: dict[str, list[SpeakerStat]] = {outlet: [] for outlet in outlet_words}
    for (outlet, speaker), count in n_quotes.items():
        words = n_words[(outlet, speaker)]
        total = outlet_words[outlet]
        table[outlet].append(SpeakerStat(speaker, count, words, words / total if total else 0.0))
    return {
        outlet: tuple(sorted(stats, key=lambda s: (-s.n_words, -s.n_quotes, s.speaker)))
        for outlet, stats in table.items()
    }


def _hit_voices(
    quotations: Quotations, sentence: Sentence, hits: Sequence[Hit]
) -> Iterator[tuple[Hit, bool, str | None]]:
    """Each hit with whether it is quoted, and by whom (``None``: unknown).

    Hits are located in the text only when that can change the answer: when
    the sentence has quotes and is not wholly attributed to their one speaker.
    """
    quotes = quotations.in_sentence(sentence.id)
    attributed = quotations.sentence_speaker.get(sentence.id)
    if attributed is not None and all(q.speaker == attributed for q in quotes):
        quotes = ()
    spans = tokenize_spans(sentence.text) if quotes else []
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
        yield hit, quoted, speaker


def frames_by_voice(
    quotations: Quotations,
    sentences: Sequence[Sentence],
    hits: Iterable[Hit],
    *,
    top: int = 3,
) -> dict[tuple[str, str], FrameVoice]:
    """Per (outlet, frame): its sentences in the outlet's own voice vs quoted.

    Only non-negated hits count. A sentence counts as quoted for a frame when
    one of its hits of the frame lies inside a quotation or statement, or when
    the sentence as a whole is attributed to a speaker; it then counts once for
    each speaker of those hits (a quotation without a speaker is quoted, for
    no one). Otherwise it counts as the outlet's own voice. Keys exist only
    for frames an outlet uses, in sorted order; ``top`` speakers are kept.
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
        frames: dict[str, set[str]] = {}
        quoted_frames: set[str] = set()
        for hit, is_quoted, speaker in _hit_voices(quotations, sentence, sentence_hits):
            names = frames.setdefault(hit.frame, set())
            if is_quoted:
                quoted_frames.add(hit.frame)
                if speaker is not None:
                    names.add(speaker)
        for frame, names in frames.items():
            key = (sentence.outlet, frame)
            if frame in quoted_frames:
                quoted[key] += 1
                speakers[key].update(names)
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
    speakers: Mapping[str, tuple[SpeakerStat, ...]] | None = None,
) -> dict[str, str]:
    """A plain-language reading per outlet: whom it quotes most, and what they carry.

    For example "Military.com quotes Claire Finkelstein most (237 words, 31%
    of its words); her statements carry Legally unprotected civilians (8
    sentences). 3 other speakers quoted." The frame is the one most often
    carried by that speaker's quoted sentences (ties: frame id order).
    ``outlet_names`` and ``frame_labels`` map ids to display names; ids are
    used where they are missing. ``speakers`` is :func:`speaker_table`'s
    result when the caller already has it (it is computed otherwise).
    """
    names = outlet_names or {}
    labels = frame_labels or {}
    table = speaker_table(quotations, sentences) if speakers is None else speakers
    voices = frames_by_voice(quotations, sentences, hits, top=len(quotations.quotes) + 1)
    readings: dict[str, str] = {}
    for outlet, stats in table.items():
        display = names.get(outlet, outlet)
        if not stats:
            readings[outlet] = f"{display} quotes no identified speaker."
            continue
        leader = stats[0]
        percent = round(100 * leader.share_of_outlet_words)
        text = (
            f"{display} quotes {leader.speaker} most "
            f"({leader.n_words} words, {percent}% of its words)"
        )
        carried = sorted(
            (-count, frame)
            for (o, frame), voice in voices.items()
            if o == outlet
            for speaker, count in voice.top_speakers
            if speaker == leader.speaker
        )
        possessive = {"f": "her", "m": "his"}.get(quotations.genders.get(leader.speaker, ""))
        whose = possessive or "the speaker's"
        if carried:
            count, frame = -carried[0][0], carried[0][1]
            text += (
                f"; {whose} statements carry {labels.get(frame, frame)} "
                f"({count} sentence{'s' if count != 1 else ''})"
            )
        else:
            text += f"; {whose} statements carry none of the frames"
        others = len(stats) - 1
        if others:
            text += f". {others} other speaker{'s' if others != 1 else ''} quoted"
        readings[outlet] = text + "."
    return readings
