"""The cleaner's removal rules: each decides from a line's text whether it goes.

Rules 1-4 and the date-line part of rule 5 need only the line itself
(:func:`_classify`): photo captions and credits, related-link lines, page
furniture and time stamps, bylines and contact lines, lines that are only a
date. Rule 6 (:func:`_mark_repeats`) compares a document's lines with each
other: later copies of a line, and lines that are the beginning of a longer
one. Each removal is recorded with one of the ``REASON_*`` strings.

Photo captions never count as an outlet's text, in any outlet. A caption
describes a picture, is often the picture agency's wording rather than the
outlet's, and whether a saved page kept it depends on how the page was
saved; counting captions would make an outlet's shares depend on that. So
every line that carries a picture credit goes, whatever it says, and so does
a caption printed again without its credit (rule 6); the audit lists each
one, and the report warns when one held a frame's terms. The credit may be
in parentheses ("(AP Photo/Name)", "(File/AFP)"), after a label ("Photo:
Name", "Image source, Agency") or at the end of the line in the agencies'
own shape ("Name/Getty Images", "REUTERS/Name", "Name/AFP via Getty
Images"). A story credit ("... , sources told Reuters.") is not a picture
credit, and a caption printed with no credit and not repeated cannot be told
from a paragraph: it stays.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from framing.text.clean.dates import _DATE_ONLY_RE, _TIME_WORD_RE, _iso_from_match, find_date
from framing.text.clean.lines import _Line, _parse_lines, _title_key

REASON_CAPTION = "photo caption"
REASON_RELATED = "related-link line"
REASON_FURNITURE = "page furniture"
REASON_BYLINE = "byline or contact line"
REASON_DATE = "date line"
REASON_REPEATED = "repeated line"

#: What blind mode (:mod:`framing.io.blind`) puts in place of a byline or
#: contact line; rule 4 removes it as the line it stands for.
BYLINE_PLACEHOLDER = "[byline removed]"

# --------------------------------------------------------------------------
# Patterns (compiled once)
# --------------------------------------------------------------------------

# Picture and news agencies whose name marks a photo credit.
_AGENCY = r"(?:(?-i:AP|AFP|EPA)|reuters|getty|shutterstock|alamy|xinhua|associated press)"
# A credit in parentheses either names a picture agency anywhere ("(AP Photo/
# Name)", "(File/AFP)", "(Reuters)") or starts with a picture word followed by
# a separator or nothing ("(Photo: Name)", "(Courtesy of ...)", "(File)").
_PAREN_CREDIT_RE = re.compile(r"\(([^()]{1,80})\)[\s.]*$")
_CREDIT_CONTENT_RE = re.compile(
    r"(?:[\w.'&-]+\s+){0,3}"  # an optional owner: "Ledger Photo/Staff"
    r"(?:photos?|photograph|pictures?|images?|file|courtesy|credit|handout|pool)"
    r"\b(?:\s*(?:[:/|]|by\b|of\b)|\s*$)"
    rf"|.*\b{_AGENCY}\b",
    re.IGNORECASE,
)
_CREDIT_MAX_WORDS = 8
_TEXT_CREDIT_RE = re.compile(
    r"(?:^|[.!?]\s+|\s[|/]\s*)(?:photo(?:graph)?|picture|image|credit|photo credit)s?"
    r"\s*(?::|by\b)\s*\S[^.!?]{0,80}$",
    re.IGNORECASE,
)
_TEXT_CREDIT_WINDOW = 100
# An unbracketed credit ending the line, in the shape agencies print it:
# capitalised names joined by a slash ("Sean Gallup/Getty Images",
# "REUTERS/Jane Doe", "AP Photo/Jane Doe") or "via" ("AFP via Getty Images"),
# or a picture library's name alone ("Getty Images"), after a sentence's end
# or alone on its line. No final period: a sentence ending "... told
# Reuters." is a story's source, not a picture's.
_CREDIT_WORD = r"[A-Z][\w.'’&-]*"
_CREDIT_NAMES = rf"{_CREDIT_WORD}(?:\s+{_CREDIT_WORD}){{0,4}}"
_TRAILING_CREDIT_RE = re.compile(
    rf"(?:^|(?<=[.!?\"”’)])\s+)"
    rf"(?P<credit>{_CREDIT_NAMES}(?:\s*/\s*{_CREDIT_NAMES})?(?:\s+via\s+{_CREDIT_NAMES})?)\s*$"
)
_AGENCY_RE = re.compile(rf"\b{_AGENCY}\b", re.IGNORECASE)
_PICTURE_LIBRARY_RE = re.compile(r"(?:getty images|shutterstock|alamy)", re.IGNORECASE)
_TRAILING_CREDIT_HINTS = ("/", " via ", "getty", "shutterstock", "alamy")
_CAPTION_PREFIXES = ("photo", "picture", "image", "caption")
# "Photo: ...", "Caption: ...", and the two-word labels some sites print with
# a comma ("Image source, Agency", "Image caption, Soldiers at ...").
_CAPTION_START_RE = re.compile(
    r"(?:(?:photo|picture|image|caption)s?\s*:|(?:image|photo) (?:source|caption|credit)\s*[:,])",
    re.IGNORECASE,
)

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
_DATE_ONLY_MAX_WORDS = 10

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

_PREFIX_TRAILING = " .,;:!?\"'…"
_PREFIX_MIN_WORDS = 5
_PREFIX_BUCKET_CHARS = 2 * _PREFIX_MIN_WORDS - 1


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
    if any(hint in end for hint in _TRAILING_CREDIT_HINTS) and _has_trailing_credit(text):
        return True
    return key.startswith(_CAPTION_PREFIXES) and bool(_CAPTION_START_RE.match(text))


def _has_trailing_credit(text: str) -> bool:
    """Whether the line ends in an unbracketed picture credit (see ``_TRAILING_CREDIT_RE``)."""
    match = _TRAILING_CREDIT_RE.search(text)
    if match is None:
        return False
    credit = match.group("credit")
    if len(credit.split()) > _CREDIT_MAX_WORDS or not _AGENCY_RE.search(credit):
        return False
    return "/" in credit or " via " in credit or bool(_PICTURE_LIBRARY_RE.fullmatch(credit))


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


def is_byline(line: str) -> bool:
    """Whether rule 4 takes one line of a page for a byline or contact line.

    The line is trimmed and a leading bullet dropped, as the cleaner does;
    blind mode uses this to find the lines it must hide.
    """
    parsed = _parse_lines(line)
    return len(parsed) == 1 and _is_byline(parsed[0].text, parsed[0].key, parsed[0].n_words)


def _is_byline(text: str, key: str, n_words: int) -> bool:
    """Rule 4: a byline, an author's contact details, or agency credits."""
    if text == BYLINE_PLACEHOLDER:
        return True
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
# Repeats (rule 6)
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
