"""Speakers as written: names, titles, descriptions and short noun phrases.

A speech verb's subject is read backwards from the verb within its clause
(:func:`_subject_before`), or forwards after an inverted verb
(:func:`_subject_after`) or "according to" (:func:`_source_after_according`).
Titles and descriptions are stripped from a person's name and kept as cues
("Ukraine’s military attaché, Maj. Gen. Borys Kremenetskyi" -> "Borys
Kremenetskyi", cues "maj", "gen", "ukraine’s", "military", "attaché"), by
which "the general" can later refer back; :func:`_canonical` and
:func:`_source_name` give names as printed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from framing.analysis.quotes.spans import _FILL
from framing.analysis.quotes.words import (
    _ALIASES,
    _BETWEEN,
    _CAP_STOP,
    _CLAUSE_STARTERS,
    _CONNECTORS,
    _DEPARTMENTS,
    _DETERMINERS,
    _GENDERED,
    _NOT_FINITE,
    _NOT_SUBJECT,
    _ORG_WORDS,
    _PREPOSITIONS,
    _PRONOUNS,
    _RELATIVES,
    _SOURCE_NOUNS,
    _SOURCE_SUFFIXES,
    _TITLES,
)

#: Clause boundaries for a subject search: quotations, ; : ( ) dashes.
_BOUNDS = (_FILL, ";", ":", "(", ")", "—", "–", " -- ")
_ACRONYM_END_RE = re.compile(r"(?:[A-Za-z]\.){2,}$")
_DIGIT_RE = re.compile(r"\d")


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
