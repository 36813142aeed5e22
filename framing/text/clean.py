"""Cleaning: strip a saved web page down to the article, and audit every removal.

Saved news pages carry more than the article: photo captions and credits,
"Read more" links, share buttons, bylines, date stamps, the headline printed
twice, and sometimes a whole second article the page appended at the end.
Left in, these pollute the framing analysis (a caption's words count as the
outlet's words; an appended story about another topic adds foreign frames).
Removed silently, they would make the analysis unauditable. So
:func:`clean_corpus` removes them by small, general rules and records each
removal as a :class:`~framing.model.RemovedSpan` with a reason and the
1-based source line, so a reader can check that nothing relevant was dropped.

Every non-blank line is one paragraph (trimmed, a leading bullet character
dropped; the article's characters are otherwise kept as they are). The rules,
and the reason each removal is recorded with:

``"photo caption"``
    A line ending in a parenthesised credit naming an agency or a picture
    ("(AP Photo/Name)", "(File/AFP)", "(Reuters)", "(Getty Images)"), a line
    ending in "Photo: ..."/"Credit: ..."/"Photo by ...", or starting "Photo:".
``"related-link line"``
    A line starting "Read Next:", "Read more:", "Related:", "See also:",
    "More:", "Recommended:", "Watch:", "Also read:" and the like.
``"page furniture"``
    A line that is only a page control ("Share", "Follow", "Short Url",
    "Story Continues", "Advertisement", ...), or a short "Updated ..."/
    "Published ..."/"Posted ..." time stamp.
``"byline or contact line"``
    "By Name and Name", "-- Name can be reached at ...", "Follow him on
    Twitter ...", a bare e-mail address or @handle, "Contact the author ...",
    "Reporting by ...", "Editing by ...".
``"date line"``
    A line that is only a date, or a date (optionally labelled "date") in
    front of the headline; the rest of such a line is kept as a deck line.
``"repeated line"``
    A line already printed earlier in the document, or a line of five or
    more words that is the beginning of another, longer line (a caption
    printed once without its credit, summary bullets repeating the first
    words of a body paragraph). When that longer line was itself removed,
    the shorter one takes the longer one's reason instead.
``"appended unrelated story (cosine A to this article, B to the rest of the corpus)"``
    Everything from a title-like line to the end of the document, when its
    TF-IDF vector is dissimilar both to the text before it and to the rest
    of the corpus (see :data:`APPENDED_STORY_MAX_COSINE`). With a single
    document the reason ends "(cosine A to this article; no other documents)".

Dates found in "Updated ..." stamps and date lines (before any appended
story) become the document's date when the manifest gives none.

After the removals, the headline and deck are identified: the headline is the
first remaining line when it matches the manifest title (or, without a
title, when it is short and title-like); short lines before it and short
summary lines right after it form the deck; everything else is the body.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import repeat
from typing import Any

from framing.analysis.parallel import cyclic_gc_paused
from framing.model import (
    DEFAULT_SEED,
    CleanCorpus,
    CleanDocument,
    Corpus,
    Document,
    RemovedSpan,
    SkippedInput,
)

__all__ = [
    "APPENDED_STORY_MAX_COSINE",
    "APPENDED_STORY_MIN_WORDS",
    "REASON_BYLINE",
    "REASON_CAPTION",
    "REASON_DATE",
    "REASON_FURNITURE",
    "REASON_RELATED",
    "REASON_REPEATED",
    "SKIP_REASON",
    "clean_corpus",
    "find_date",
]

REASON_CAPTION = "photo caption"
REASON_RELATED = "related-link line"
REASON_FURNITURE = "page furniture"
REASON_BYLINE = "byline or contact line"
REASON_DATE = "date line"
REASON_REPEATED = "repeated line"
SKIP_REASON = "nothing left after cleaning"

# Appended-story detection compares TF-IDF vectors (English and news stop
# words removed, sublinear term frequency, IDF from the corpus) by cosine.
# Values measured when choosing the threshold:
#   unrelated tails (must be cut)
#     - seed page with an appended story on a foreign election: 0.061 to its
#       own article, 0.063 to the rest of the three-seed corpus;
#     - test fixture, a chess report appended to a flood report: 0.027 to the
#       article, 0.022 to two other flood reports (0.029 when alone);
#     - that chess report appended to 100 of 10,000 synthetic articles made of
#       seed sentences: 0.01 to 0.02 to the article, 0.05 to the corpus;
#   on-topic tails (must be kept)
#     - every paragraph break of the three seed articles, taken as a break
#       point (tails of >= 60 words): 0.104 to 0.294 to their own article;
#     - test fixture with capitalised on-topic subheads: 0.32 to 0.35 (but
#       only 0.04 to 0.06 to a corpus on another topic, which is why a tail
#       must be dissimilar to BOTH its article and the corpus to be cut).
# 0.08 lies between the highest unrelated value (0.063) and the lowest
# on-topic one (0.104), a little closer to the former so that a doubtful
# tail is kept rather than dropped.
APPENDED_STORY_MAX_COSINE = 0.08
# A tail shorter than this is not treated as an article (too few words for a
# reliable cosine, and a short tail is more likely a sidebar of the same story).
APPENDED_STORY_MIN_WORDS = 60
# A break point needs at least this many body paragraphs (>= 12 words) before it.
_MIN_BODY_BEFORE_BREAK = 3
_BODY_WORDS = 12
# The IDF weights and the corpus centroid are estimated on at most this many
# documents (a fixed random sample): vectorising all of 10,000 articles alone takes
# ~3 s on a small machine, while a centroid of 500 articles is already stable.
_CENTROID_SAMPLE = 500
_SAMPLE_SEED = DEFAULT_SEED
_HASH_FEATURES = 2**18
_TOKEN_RE = re.compile(r"\w{2,}")
# Words every news story uses whatever its topic (reporting verbs, titles,
# calendar words); added to scikit-learn's English stop words so that two
# unrelated stories do not look alike merely for being news.
_NEWS_STOP_WORDS = frozenset(
    {
        "said",
        "says",
        "say",
        "saying",
        "told",
        "tell",
        "according",
        "added",
        "asked",
        "reported",
        "mr",
        "mrs",
        "ms",
        "dr",
        "year",
        "years",
        "month",
        "months",
        "week",
        "weeks",
        "day",
        "days",
        "today",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    }
)

# --------------------------------------------------------------------------
# Patterns (compiled once)
# --------------------------------------------------------------------------

_BULLET_CHARS = "•◦▪▫‣⁃●○■□►▸▶➢✓✔·*-"
_BULLET_RE = re.compile(r"(?:[•◦▪▫‣⁃●○■□►▸▶➢✓✔·]|[-*](?=\s))\s*")

# A credit in parentheses either names a picture agency anywhere ("(AP Photo/
# Name)", "(File/AFP)", "(Reuters)") or starts with a picture word followed by
# a separator or nothing ("(Photo: Name)", "(Courtesy of ...)", "(File)").
_PAREN_CREDIT_RE = re.compile(r"\(([^()]{1,80})\)[\s.]*$")
_CREDIT_CONTENT_RE = re.compile(
    r"(?:[\w.'&-]+\s+){0,3}"  # an optional owner: "Ledger Photo/Staff"
    r"(?:photos?|photograph|pictures?|images?|file|courtesy|credit|handout|pool)"
    r"\b(?:\s*(?:[:/|]|by\b|of\b)|\s*$)"
    r"|.*\b(?:(?-i:AP|AFP|EPA)|reuters|getty|shutterstock|alamy|xinhua|associated press)\b",
    re.IGNORECASE,
)
_CREDIT_MAX_WORDS = 8
_TEXT_CREDIT_RE = re.compile(
    r"(?:^|[.!?]\s+|\s[|/]\s*)(?:photo(?:graph)?|picture|image|credit|photo credit)s?"
    r"\s*(?::|by\b)\s*\S[^.!?]{0,80}$",
    re.IGNORECASE,
)
_TEXT_CREDIT_WINDOW = 100
_CAPTION_PREFIXES = ("photo", "picture", "image", "caption")
_CAPTION_START_RE = re.compile(r"(?:photo|picture|image|caption)s?\s*:", re.IGNORECASE)

_RELATED_RE = re.compile(
    r"(?:read next|read more|read also|also read|more|see also|recommended(?: reading)?"
    r"|watch|related(?: stories| articles| coverage| content| reading)?|don[’']t miss"
    r"|must read|more coverage|more on this)\s*:",
    re.IGNORECASE,
)

_FURNITURE_WORDS = frozenset(
    {
        "story continues",
        "short url",
        "follow",
        "share",
        "share this",
        "share this article",
        "advertisement",
        "skip advertisement",
        "comments",
        "view comments",
        "subscribe",
        "print",
        "email",
        "listen",
        "listen to this article",
        "continue reading",
        "sign up",
        "copy link",
        "back to top",
    }
)
_FURNITURE_MAX_WORDS = 4
_FURNITURE_STRIP = " \t.,;:!?|-–—•·›»>"
_COUNTED_FURNITURE_RE = re.compile(r"(?:comments?|shares?)\s*\(?\d+\)?", re.IGNORECASE)
_STAMP_PREFIXES = ("updated", "published", "posted", "last updated", "modified", "first published")
_STAMP_RE = re.compile(
    r"(?:last |first )?(?:updated|published|posted|modified)\b(?:\s+on)?\s*:?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_STAMP_MAX_WORDS = 14

_MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
}
_MONTH_ABBREVIATIONS = {name[:3]: number for name, number in _MONTHS.items()} | {"sept": 9}
_MONTH_RE = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)"
)
_DATE_RE = (
    rf"(?:(?P<iy>\d{{4}})-(?P<im>\d{{1,2}})-(?P<id>\d{{1,2}})"
    rf"|(?P<m1>{_MONTH_RE})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{_MONTH_RE})\.?,?\s+(?P<y2>\d{{4}}))"
)
_WEEKDAY_RE = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
_TIME_RE = r"(?:\s*(?:,|\||at|-)?\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+(?-i:[A-Z]{2,4}))?)?"
_DATE_LABEL_RE = r"(?:dated?\s*:?\s*)?"
_DATE_SEARCH_RE = re.compile(rf"\b{_DATE_RE}\b", re.IGNORECASE)
_DATE_ONLY_RE = re.compile(
    rf"{_DATE_LABEL_RE}{_WEEKDAY_RE}{_DATE_RE}{_TIME_RE}[\s.,;|]*$", re.IGNORECASE
)
_DATE_PREFIX_RE = re.compile(
    rf"{_DATE_LABEL_RE}{_WEEKDAY_RE}{_DATE_RE}{_TIME_RE}(?=[\s.,;:|–—-])", re.IGNORECASE
)
_DATE_PREFIX_SEPARATOR_RE = re.compile(r"[\s.,;:|–—-]*")
_DATE_ONLY_MAX_WORDS = 10
_TIME_WORD_RE = re.compile(rf"\d|\b(?:ago|today|yesterday|just now|{_MONTH_RE})\b", re.IGNORECASE)

_NAME = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|da|del|van|von|der|al|bin|la|le)){0,3}"
_BYLINE_RE = re.compile(
    rf"(?i:by)\s+{_NAME}(?:(?:\s*,\s*|\s+and\s+|\s*&\s*){_NAME})*"
    r"(?:\s*[,|/–—-]\s*[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,4})?[\s.]*$"
)
_BYLINE_MAX_WORDS = 12
_REACHED_RE = re.compile(rf"(?:[-–—]+\s*)?{_NAME}\s+can be reached\b")
_FOLLOW_RE = re.compile(
    r"follow\s+(?:him|her|them|us|me|the author|@\w+|(?-i:[A-Z]\w+))(?:\s+on\s+\w+|\s*$)",
    re.IGNORECASE,
)
_CREDITS_RE = re.compile(
    r"\(?(?:contact the (?:author|writer|reporters?)|(?:additional )?reporting by"
    r"|editing by|edited by|writing by|compiled by)\b",
    re.IGNORECASE,
)
_CREDITS_PREFIXES = ("(", "contact", "additional", "reporting", "edit", "writing", "compiled")
_HANDLE = r"(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|@\w{1,30})"
_CONTACT_ONLY_RE = re.compile(
    rf"(?:(?:e-?mail|twitter|x|contact|follow|on|at)\s*:?\s*)*{_HANDLE}"
    rf"(?:\s*(?:[,;|/]|and|or)?\s*{_HANDLE})*\.?$",
    re.IGNORECASE,
)

# "OSLO: ...", "LYON, France (AFP) — ...": a news dateline opening a paragraph.
_DATELINE_RE = re.compile(
    r"[A-Z][A-Z.'’ -]{1,30}(?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})?"
    r"\s*(?:\([^()]{1,40}\))?\s*(?::|—|–|--)\s+\S"
)
_SENTENCE_END_CHARS = ".!?…"
_CLOSING_CHARS = "\"'”’)]»"
_NON_TITLE_END_CHARS = ".,;:…"
_NON_ASCII_SPACE_RE = re.compile("[\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")
_TITLE_KEY_RE = re.compile(r"[^\w\s]+")
_PREFIX_TRAILING = " .,;:!?\"'…"
_PREFIX_MIN_WORDS = 5
_PREFIX_BUCKET_CHARS = 2 * _PREFIX_MIN_WORDS - 1

# Headline, deck and body shape.
_HEADLINE_MAX_WORDS = 25
_DECK_BEFORE_MAX_WORDS = 60
_DECK_AFTER_MAX_WORDS = 40
_HEADLINE_SEARCH = 3
_CANDIDATE_MAX_WORDS = 20
_CANDIDATE_SIGNAL_LOOKAHEAD = 3
_OPENING_CHARS = "\"'‘“([«"
_TITLE_CASE_MIN_LETTERS = 4
_TITLE_CASE_SHARE = 0.7


# --------------------------------------------------------------------------
# Line model
# --------------------------------------------------------------------------


@dataclass(slots=True)
class _Line:
    """One non-blank source line and what the rules decided about it."""

    number: int
    raw: str
    text: str
    bullet: bool
    blank_before: bool
    blank_after: bool
    n_words: int
    key: str  # case-folded, whitespace collapsed: for spotting repeats
    reason: str | None = None
    date: str | None = None
    forced_deck: bool = False


@dataclass
class _Scan:
    """A document's lines after the single-line rules, with its break candidates."""

    document: Document
    lines: list[_Line]
    candidates: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class _Tail:
    """An appended story detected from ``lines[start]`` to the end."""

    start: int
    cos_article: float
    cos_corpus: float | None

    @property
    def reason(self) -> str:
        """The audit reason, quoting the measured cosines."""
        if self.cos_corpus is None:
            return (
                f"appended unrelated story (cosine {self.cos_article:.2f} to this article; "
                "no other documents)"
            )
        return (
            f"appended unrelated story (cosine {self.cos_article:.2f} to this article, "
            f"{self.cos_corpus:.2f} to the rest of the corpus)"
        )


def _repeat_key(text: str) -> tuple[str, int]:
    """``(key, number of words)``: the key is case-folded with spaces collapsed.

    Most lines have single ASCII spaces only; for them the key is just the
    case-folded text and words are counted by their spaces, which avoids
    splitting every line of a large corpus into words.
    """
    key = text.casefold()
    if "  " in key or "\t" in key or (not key.isascii() and _NON_ASCII_SPACE_RE.search(key)):
        words = key.split()
        return " ".join(words), len(words)
    return key, key.count(" ") + 1


def _title_key(text: str) -> str:
    """Key for comparing a line with the manifest title: words only, case-folded."""
    return " ".join(_TITLE_KEY_RE.sub(" ", text.casefold()).split())


def _split_lines(text: str) -> list[str]:
    """Source lines; ``\\r\\n`` and ``\\r`` count as line ends like ``\\n``."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.split("\n")


def _parse_lines(text: str) -> list[_Line]:
    """The non-blank lines of ``text``, trimmed and with bullets dropped."""
    source = _split_lines(text)
    lines: list[_Line] = []
    blank_before = True
    for number, raw in enumerate(source, start=1):
        stripped = raw.strip()
        if not stripped:
            blank_before = True
            if lines:
                lines[-1].blank_after = True
            continue
        bullet = False
        if stripped[0] in _BULLET_CHARS:
            match = _BULLET_RE.match(stripped)
            if match and match.end() < len(stripped):
                stripped = stripped[match.end() :]
                bullet = True
        key, n_words = _repeat_key(stripped)
        lines.append(
            _Line(
                number=number,
                raw=raw,
                text=stripped,
                bullet=bullet,
                blank_before=blank_before,
                blank_after=False,
                n_words=n_words,
                key=key,
            )
        )
        blank_before = False
    return lines


# --------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------


def _iso_from_match(match: re.Match[str]) -> str | None:
    """ISO date from a ``_DATE_RE`` match, or ``None`` when it is not a real date."""
    groups = match.groupdict()
    try:
        if groups["iy"]:
            year, month, day = int(groups["iy"]), int(groups["im"]), int(groups["id"])
        else:
            name = (groups["m1"] or groups["m2"]).lower()
            month = _MONTHS.get(name) or _MONTH_ABBREVIATIONS[name]
            day = int(groups["d1"] or groups["d2"])
            year = int(groups["y1"] or groups["y2"])
        return date(year, month, day).isoformat()
    except (KeyError, ValueError):
        return None


def find_date(text: str) -> str | None:
    """The first full date in ``text`` as ISO ``YYYY-MM-DD``, or ``None``.

    Understands "2022-03-10", "March 10, 2022", "Mar. 10 2022" and
    "10 March 2022"; relative stamps ("5 sec ago") have no date.
    """
    for match in _DATE_SEARCH_RE.finditer(text):
        iso = _iso_from_match(match)
        if iso:
            return iso
    return None


# --------------------------------------------------------------------------
# Single-line rules (1-5)
# --------------------------------------------------------------------------


def _is_caption(text: str, key: str) -> bool:
    """Rule 1: the line carries a photo credit (``key`` is the case-folded text)."""
    if text.endswith((")", ").")):
        match = _PAREN_CREDIT_RE.search(text)
        if match:
            content = match.group(1).strip()
            if len(content.split()) <= _CREDIT_MAX_WORDS and _CREDIT_CONTENT_RE.match(content):
                return True
    end = key[-_TEXT_CREDIT_WINDOW:]
    if (
        "photo" in end or "credit" in end or "image" in end or "picture" in end
    ) and _TEXT_CREDIT_RE.search(text):
        return True
    return key.startswith(_CAPTION_PREFIXES) and bool(_CAPTION_START_RE.match(text))


def _furniture(text: str, key: str, n_words: int) -> tuple[bool, str | None]:
    """Rule 3: ``(is furniture, date found in it)``."""
    if n_words <= _FURNITURE_MAX_WORDS:
        bare = key.strip(_FURNITURE_STRIP)
        if bare in _FURNITURE_WORDS or _COUNTED_FURNITURE_RE.fullmatch(bare):
            return True, None
    if n_words <= _STAMP_MAX_WORDS and key.startswith(_STAMP_PREFIXES):
        match = _STAMP_RE.match(text)
        if match and _is_time_stamp(match.group("rest")):
            return True, find_date(match.group("rest"))
    return False, None


def _is_time_stamp(rest: str) -> bool:
    """Whether the text after "Updated"/"Published" reads as a date or time."""
    return bool(_TIME_WORD_RE.search(rest))


def _is_byline(text: str, key: str, n_words: int) -> bool:
    """Rule 4: a byline, an author's contact details, or agency credits."""
    if n_words <= _BYLINE_MAX_WORDS and key.startswith("by ") and _BYLINE_RE.match(text):
        return True
    if "can be reached" in key and _REACHED_RE.match(text):
        return True
    if key.startswith("follow") and _FOLLOW_RE.match(text):
        return True
    if "@" in text and _CONTACT_ONLY_RE.match(text):
        return True
    return key.startswith(_CREDITS_PREFIXES) and bool(_CREDITS_RE.match(text))


def _classify(line: _Line) -> None:
    """Apply rules 1-5 that need only the line itself; set ``reason``/``date``."""
    text, key = line.text, line.key
    if _is_caption(text, key):
        line.reason = REASON_CAPTION
    elif _RELATED_RE.match(text):
        line.reason = REASON_RELATED
    elif _is_byline(text, key, line.n_words):
        line.reason = REASON_BYLINE
    else:
        is_furniture, stamp_date = _furniture(text, key, line.n_words)
        if is_furniture:
            line.reason = REASON_FURNITURE
            line.date = stamp_date
        elif line.n_words <= _DATE_ONLY_MAX_WORDS:
            match = _DATE_ONLY_RE.match(text)
            if match and (iso := _iso_from_match(match)):
                line.reason = REASON_DATE
                line.date = iso


# --------------------------------------------------------------------------
# Break candidates (rule 8, first part)
# --------------------------------------------------------------------------


def _ends_sentence(text: str) -> bool:
    """Whether the line ends like a sentence (final punctuation, maybe quoted)."""
    trimmed = text.rstrip(_CLOSING_CHARS + " ")
    return bool(trimmed) and trimmed[-1] in _SENTENCE_END_CHARS


def _is_title_like(line: _Line) -> bool:
    """Short, no final period or comma, starting with a capital, digit or quote."""
    if line.reason is not None or line.bullet or line.n_words > _CANDIDATE_MAX_WORDS:
        return False
    text = line.text
    if text.rstrip(_CLOSING_CHARS)[-1:] in _NON_TITLE_END_CHARS or _DATELINE_RE.match(text):
        return False
    first = next((ch for ch in text if ch.isalnum()), "")
    return first.isupper() or first.isdigit()


def _is_heading_styled(text: str) -> bool:
    """Set in capitals ("WHAT COMES NEXT") or title case ("What Comes Next")."""
    if text.isupper():
        return True
    words = [word.lstrip(_OPENING_CHARS) for word in text.split()]
    long_words = [word for word in words if len(word) >= _TITLE_CASE_MIN_LETTERS]
    if not long_words:
        return False
    capitalised = sum(1 for word in long_words if word[0].isupper())
    return capitalised >= _TITLE_CASE_SHARE * len(long_words)


def _has_break_signal(lines: Sequence[_Line], index: int) -> bool:
    """Whether a story's furniture, a reprint of the line, or a dateline follows it."""
    key = lines[index].key
    for line in lines[index + 1 : index + 1 + _CANDIDATE_SIGNAL_LOOKAHEAD]:
        if line.key == key or line.reason == REASON_FURNITURE or _DATELINE_RE.match(line.text):
            return True
        if line.reason is None:
            break
    return False


def _find_candidates(lines: Sequence[_Line]) -> list[int]:
    """Indexes of title-like lines that could start an appended story.

    A candidate comes after a few body paragraphs and is either followed by
    a story's furniture, a reprint of itself, or a dateline, or is a heading
    (capitals or title case) set off by a blank line. Short sentence-case
    lines without a final period are left out: inside a body they are nearly
    always truncated paragraphs, and skipping them keeps the TF-IDF work to
    the few documents that need it.
    """
    candidates: list[int] = []
    body_before = 0
    for index, line in enumerate(lines):
        if line.reason is not None:
            continue
        if (
            body_before >= _MIN_BODY_BEFORE_BREAK
            and _is_title_like(line)
            and (
                _has_break_signal(lines, index)
                or (line.blank_before and _is_heading_styled(line.text))
            )
        ):
            candidates.append(index)
        if line.n_words >= _BODY_WORDS:
            body_before += 1
    return candidates


def _scan(document: Document) -> _Scan:
    """Parse a document, apply the single-line rules and find break candidates."""
    lines = _parse_lines(document.text)
    for line in lines:
        _classify(line)
    return _Scan(document, lines, _find_candidates(lines))


# --------------------------------------------------------------------------
# Appended stories (rule 8, TF-IDF part)
# --------------------------------------------------------------------------


def _sample_indexes(n_documents: int) -> list[int]:
    """Indexes of the documents used to estimate IDF and the corpus centroid.

    All documents up to :data:`_CENTROID_SAMPLE`, else a fixed-seed random
    sample (random rather than evenly spaced, so that a corpus ordered in a
    periodic way, e.g. outlet by outlet, is not sampled lopsidedly).
    """
    if n_documents <= _CENTROID_SAMPLE:
        return list(range(n_documents))
    return sorted(random.Random(_SAMPLE_SEED).sample(range(n_documents), _CENTROID_SAMPLE))


@dataclass
class _LineRows:
    """The kept lines (case-folded) of some documents, and where each document's are."""

    texts: list[str] = field(default_factory=list)
    spans: dict[int, tuple[int, int]] = field(default_factory=dict)
    rows: dict[tuple[int, int], int] = field(default_factory=dict)

    def add(self, scan_index: int, lines: Sequence[_Line]) -> None:
        """Append a document's kept lines, remembering the row of each line index."""
        first = len(self.texts)
        for j, line in enumerate(lines):
            if line.reason is None:
                self.rows[(scan_index, j)] = len(self.texts)
                self.texts.append(line.key)
        self.spans[scan_index] = (first, len(self.texts))


def _find_tails(scans: Sequence[_Scan]) -> dict[int, _Tail]:
    """Detect appended unrelated stories; keyed by the scan's index in ``scans``.

    Only documents with a break candidate are examined, plus a fixed random
    sample of the corpus for the IDF weights and the centroid. Every kept line
    of those documents is hashed once; document, head (before a candidate) and
    tail (from it) vectors are sums of line rows. The "rest of the corpus" is
    the sum of the sampled documents' unit vectors minus the document's own
    vector (when it was sampled), so the cost is linear in the corpus size.
    """
    pending = [i for i, scan in enumerate(scans) if scan.candidates]
    if not pending:
        return {}

    import numpy as np
    from sklearn.feature_extraction.text import TfidfTransformer

    sample = _sample_indexes(len(scans))
    rows = _LineRows()
    for i in sorted(set(sample) | set(pending)):
        rows.add(i, scans[i].lines)
    line_counts = _hash_counts(rows.texts)

    sample_counts = _row_sums([rows.spans[i] for i in sample], len(rows.texts)) @ line_counts
    tfidf = TfidfTransformer(sublinear_tf=True).fit(sample_counts)
    sample_vectors = tfidf.transform(sample_counts)
    centroid = np.asarray(sample_vectors.sum(axis=0)).ravel()

    pairs = [(i, c) for i in pending for c in scans[i].candidates]
    heads, tails = (
        tfidf.transform(_row_sums(ranges, len(rows.texts)) @ line_counts)
        for ranges in _head_tail_ranges(pairs, rows)
    )
    cos_article = np.asarray(heads.multiply(tails).sum(axis=1)).ravel()
    sample_row = {doc: row for row, doc in enumerate(sample)}
    cos_corpus = _cosine_to_rest(
        tails, [sample_row.get(i) for i, _ in pairs], sample_vectors, centroid
    )

    found: dict[int, _Tail] = {}
    for k, (i, candidate) in enumerate(pairs):
        if i not in found:
            corpus = None if np.isnan(cos_corpus[k]) else float(cos_corpus[k])
            tail = _Tail(candidate, float(cos_article[k]), corpus)
            if _is_unrelated(tail, scans[i].lines):
                found[i] = tail
    return found


def _head_tail_ranges(
    pairs: Sequence[tuple[int, int]], rows: _LineRows
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Row ranges of each (document, candidate) pair's head and tail."""
    heads: list[tuple[int, int]] = []
    tails: list[tuple[int, int]] = []
    for i, candidate in pairs:
        first, end = rows.spans[i]
        split = rows.rows[(i, candidate)]
        heads.append((first, split))
        tails.append((split, end))
    return heads, tails


def _cosine_to_rest(tails: Any, own_rows: Sequence[int | None], vectors: Any, centroid: Any) -> Any:
    """Cosine of each tail with the sum of the sampled documents other than its own.

    ``own_rows[k]`` is the row of tail ``k``'s document in ``vectors``, or
    ``None`` when it was not sampled. NaN where no other document exists.
    """
    import numpy as np

    in_sample = np.array([row is not None for row in own_rows], dtype=float)
    own = vectors[[row if row is not None else 0 for row in own_rows]]
    tail_dot_rest = (
        tails @ centroid - np.asarray(tails.multiply(own).sum(axis=1)).ravel() * in_sample
    )
    own_dot_centroid = (own @ centroid) * in_sample
    own_sq = np.asarray(own.multiply(own).sum(axis=1)).ravel() * in_sample
    rest_sq = float(centroid @ centroid) - 2 * own_dot_centroid + own_sq
    others = vectors.shape[0] - in_sample
    valid = (others > 0) & (rest_sq > 1e-12)
    result = np.full(len(own_rows), np.nan)
    result[valid] = tail_dot_rest[valid] / np.sqrt(rest_sq[valid])
    return result


def _hash_counts(texts: list[str]) -> Any:
    """Sparse term counts of lower-cased ``texts`` in hashed columns, no stop words.

    Tokens are scikit-learn's default (runs of two or more word characters).
    Tokens are fed to the hasher as ``(token, 1)`` pairs built by
    ``zip`` and stop words are dropped by zeroing their columns afterwards,
    which avoids a Python-level step per token.
    """
    from scipy import sparse
    from sklearn.feature_extraction import FeatureHasher
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    hasher = FeatureHasher(n_features=_HASH_FEATURES, input_type="pair", alternate_sign=False)
    stop_words = sorted(ENGLISH_STOP_WORDS | _NEWS_STOP_WORDS)
    keep = [1.0] * _HASH_FEATURES
    for column in hasher.transform([zip(stop_words, repeat(1))]).indices:
        keep[column] = 0.0
    tokens = (_TOKEN_RE.findall(text) for text in texts)
    counts = hasher.transform(zip(words, repeat(1)) for words in tokens)
    counts = sparse.csr_matrix(counts) @ sparse.diags(keep, format="csr")
    counts.eliminate_zeros()
    return counts


def _row_sums(ranges: Sequence[tuple[int, int]], n_rows: int) -> Any:
    """A 0/1 matrix whose row ``k`` selects rows ``ranges[k][0]`` to ``ranges[k][1] - 1``."""
    from scipy import sparse

    indices: list[int] = []
    indptr = [0]
    for first, end in ranges:
        indices.extend(range(first, end))
        indptr.append(len(indices))
    data = [1.0] * len(indices)
    return sparse.csr_matrix((data, indices, indptr), shape=(len(ranges), n_rows))


def _is_unrelated(tail: _Tail, lines: Sequence[_Line]) -> bool:
    """Whether a candidate tail is long enough and dissimilar to article and corpus."""
    if tail.cos_article >= APPENDED_STORY_MAX_COSINE:
        return False
    if tail.cos_corpus is not None and tail.cos_corpus >= APPENDED_STORY_MAX_COSINE:
        return False
    words = sum(line.n_words for line in lines[tail.start :] if line.reason is None)
    return words >= APPENDED_STORY_MIN_WORDS


# --------------------------------------------------------------------------
# Repeats and date prefixes (rules 6 and 5)
# --------------------------------------------------------------------------


def _mark_repeats(lines: Sequence[_Line], title_key: str | None) -> None:
    """Rule 6: remove later copies of a line, and lines that begin a longer line."""
    seen: set[str] = set()
    for line in lines:
        if line.reason is None and line.key in seen:
            line.reason = REASON_REPEATED
        seen.add(line.key)

    # A line and the longer line it begins share their first characters, at
    # least as many as the shortest possible five-word line has ("a b c d e").
    buckets: dict[str, list[_Line]] = {}
    for line in lines:
        if line.n_words >= _PREFIX_MIN_WORDS:
            buckets.setdefault(line.key[:_PREFIX_BUCKET_CHARS], []).append(line)
    for bucket in buckets.values():
        if len(bucket) > 1:
            _mark_prefixes(bucket, title_key)


def _mark_prefixes(bucket: Sequence[_Line], title_key: str | None) -> None:
    """Remove each kept line of ``bucket`` that is the beginning of a longer line."""
    for short in bucket:
        if short.reason is not None:
            continue
        prefix = short.key.rstrip(_PREFIX_TRAILING)
        reasons = [long.reason for long in bucket if _extends(long.key, prefix)]
        if reasons and not (title_key and _title_key(short.text) == title_key):
            short.reason = next((r for r in reasons if r is not None), REASON_REPEATED)


def _extends(key: str, prefix: str) -> bool:
    """Whether ``key`` starts with the words of ``prefix`` and has more words after them."""
    if not key.startswith(prefix):
        return False
    rest = key[len(prefix) :].rstrip(_PREFIX_TRAILING)
    return bool(rest) and not rest[0].isalnum()


def _split_date_prefixes(
    lines: Sequence[_Line], title_key: str | None, document: str
) -> list[RemovedSpan]:
    """Rule 5: cut a leading date off the lines in front of the headline.

    The lines in front of the headline are the kept lines before the one
    matching the manifest title, or the first kept line without a title. The
    rest of such a line is kept, as deck unless it is the manifest title.
    """
    kept = [line for line in lines if line.reason is None]
    head = kept[:1]
    if title_key:
        match = next(
            (
                k
                for k, line in enumerate(kept[:_HEADLINE_SEARCH])
                if _title_key(line.text) == title_key
            ),
            None,
        )
        head = kept[:match] if match is not None else kept[:1]
    spans: list[RemovedSpan] = []
    for line in head:
        match = _DATE_PREFIX_RE.match(line.text)
        iso = _iso_from_match(match) if match else None
        if not match or not iso:
            continue
        rest_start = _DATE_PREFIX_SEPARATOR_RE.match(line.text, match.end()).end()
        rest = line.text[rest_start:]
        if not rest:
            continue
        spans.append(RemovedSpan(document, match.group(0).strip(), REASON_DATE, line.number))
        line.date = line.date or iso
        line.text = rest
        line.n_words = len(rest.split())
        line.forced_deck = _title_key(rest) != title_key
    return spans


# --------------------------------------------------------------------------
# Headline and deck (rule 7)
# --------------------------------------------------------------------------


def _is_headline_like(line: _Line) -> bool:
    """Without a manifest title: short, and no final period or set off by a blank line."""
    if line.n_words > _HEADLINE_MAX_WORDS:
        return False
    if not line.text.endswith("."):
        return True
    return line.blank_after and not _DATELINE_RE.match(line.text)


def _is_summary_line(line: _Line) -> bool:
    """A deck line after the headline: a bullet, or a short line that is not a sentence."""
    if _DATELINE_RE.match(line.text):
        return False
    if line.bullet:
        return True
    return line.n_words <= _DECK_AFTER_MAX_WORDS and not _ends_sentence(line.text)


def _layout(
    kept: Sequence[_Line], title_key: str | None
) -> tuple[str | None, list[str], list[str]]:
    """Split the kept lines into ``(headline, deck, paragraphs)``."""
    start = 0
    while start < len(kept) and kept[start].forced_deck:
        start += 1
    before = list(kept[:start])
    headline_at: int | None = None
    if title_key:
        for k in range(start, min(start + _HEADLINE_SEARCH, len(kept))):
            if _title_key(kept[k].text) == title_key:
                headline_at = k
                break
    elif start < len(kept) and _is_headline_like(kept[start]):
        headline_at = start
    if headline_at is None:
        deck = [line.text for line in before]
        return None, deck, [line.text for line in kept[start:]]

    body: list[_Line] = []
    for line in kept[start:headline_at]:
        (before if line.n_words <= _DECK_BEFORE_MAX_WORDS else body).append(line)
    after = headline_at + 1
    while after < len(kept) and _is_summary_line(kept[after]):
        after += 1
    deck = [line.text for line in [*before, *kept[headline_at + 1 : after]]]
    paragraphs = [line.text for line in [*body, *kept[after:]]]
    return kept[headline_at].text, deck, paragraphs


# --------------------------------------------------------------------------
# Putting it together
# --------------------------------------------------------------------------


def _finish(scan: _Scan, tail: _Tail | None) -> tuple[CleanDocument | None, list[RemovedSpan]]:
    """Apply rules 5-7 to a scanned document and build its clean version and audit."""
    document = scan.document
    title_key = _title_key(document.title) if document.title else None
    lines = scan.lines if tail is None else scan.lines[: tail.start]
    _mark_repeats(lines, title_key)
    spans = _split_date_prefixes(lines, title_key, document.id)
    spans += [
        RemovedSpan(document.id, line.raw.strip(), line.reason, line.number)
        for line in lines
        if line.reason is not None
    ]
    if tail is not None:
        spans.append(_tail_span(scan, tail))
    spans.sort(key=lambda span: span.line)

    kept = [line for line in lines if line.reason is None]
    headline, deck, paragraphs = _layout(kept, title_key)
    if headline is None and not deck and not paragraphs:
        return None, spans
    detected = next((line.date for line in lines if line.date), None)
    clean = CleanDocument(
        id=document.id,
        outlet=document.outlet,
        source=document.source,
        title=document.title or headline,
        date=document.date or detected,
        url=document.url,
        headline=headline,
        deck=tuple(deck),
        paragraphs=tuple(paragraphs),
    )
    return clean, spans


def _tail_span(scan: _Scan, tail: _Tail) -> RemovedSpan:
    """One span holding the appended story's source lines, from its first line on."""
    first = scan.lines[tail.start].number
    last = scan.lines[-1].number
    source = _split_lines(scan.document.text)[first - 1 : last]
    return RemovedSpan(scan.document.id, "\n".join(source), tail.reason, first)


def clean_corpus(corpus: Corpus) -> CleanCorpus:
    """Clean every document of ``corpus`` and audit what was removed.

    Returns one :class:`CleanDocument` per input document, in order, except
    documents with nothing left after cleaning, which are listed in
    ``skipped`` instead. ``removed`` holds every removed span, ordered by
    document then source line. ``corpus.skipped``, ``notes`` and ``name`` are
    carried over.
    """
    documents: list[CleanDocument] = []
    removed: list[RemovedSpan] = []
    skipped = list(corpus.skipped)
    with cyclic_gc_paused():
        scans = [_scan(document) for document in corpus.documents]
        tails = _find_tails(scans)
        for i, scan in enumerate(scans):
            clean, spans = _finish(scan, tails.get(i))
            removed.extend(spans)
            if clean is None:
                skipped.append(SkippedInput(scan.document.source, SKIP_REASON))
            else:
                documents.append(clean)
    return CleanCorpus(
        documents=tuple(documents),
        removed=tuple(removed),
        skipped=tuple(skipped),
        notes=corpus.notes,
        name=corpus.name,
    )
