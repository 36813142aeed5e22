"""Attributions within one sentence: speech verbs, their speakers and their statements.

Pure: what is found depends on the sentence's text only, so it is computed
once per distinct sentence. An attribution (:class:`_Anchor`) is a speech
verb or "according to" with its speaker phrase (:class:`_Speaker`) and the
regions of the sentence that it reports; who the phrase refers to ("he",
"the general") is decided per document by
:mod:`framing.analysis.quotes.documents`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from framing.analysis.quotes.names import (
    _ACRONYM_END_RE,
    _NP,
    _canonical,
    _descriptor_cues,
    _name_np,
    _possessive,
    _source_after_according,
    _source_name,
    _subject_after,
    _subject_before,
)
from framing.analysis.quotes.spans import _FILL, _Span, _words
from framing.analysis.quotes.words import (
    _CAP_STOP,
    _DETERMINERS,
    _FEMALE,
    _GENDERED,
    _INVERTIBLE,
    _MALE,
    _NOT_FINITE,
    _PRONOUNS,
    _TELL,
    _TITLE_WORDS,
    _TRAILING,
)

_ACCORDING_RE = re.compile(r"(?<![\w’'-])[Aa]ccording\s+to(?![\w’'-])")
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
