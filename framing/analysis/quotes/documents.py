"""Per-document state: who has been mentioned, and how a later phrase refers back.

Within one document a surname links to a full name seen before, a definite
phrase ("the general") to the speaker whose role words it repeats, and a
pronoun to the most recent person whose known gender does not contradict
it. Nothing is carried from one document to the next.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from framing.analysis.quotes.attribution import _Speaker
from framing.analysis.quotes.names import _canonical, _possessive
from framing.analysis.quotes.words import _CAP_STOP, _PRONOUNS, _TITLES

_FIRST_NAME_BEFORE_RE = re.compile(r"(?<![\w’'.-])([A-Z][\w’'-]+)\s+$")


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
        source = self.entities.get(speaker.key)
        if source is None:
            source = self.entities[speaker.key] = _Entity(speaker.name, False)
        source.cue(speaker)
        return self.touch(source)

    def mention(self, lead: _Speaker, position: int) -> None:
        """Note a named person opening a sentence, as a referent for later pronouns."""
        if lead.kind == "surname" and lead.key not in self.surnames:
            return  # a lone capitalised word ("Details", "Russia") is no one known
        entity = self.person(lead, position)
        entity.cue(lead)
        self.touch(entity)
