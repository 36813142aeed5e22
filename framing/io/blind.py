"""Blind mode: outlets become "Outlet A", "Outlet B", … before anything is analysed.

A class that knows which outlet wrote a sentence reads it through what it
thinks of the outlet. Blinding the *corpus*, not the finished report, makes
every later view blind at once: charts, evidence, quotes, readings, the JSON,
document titles and ids, and the cleaning audit all derive from the blinded
text. The mapping back is kept apart, in an :class:`AnswerKey`, which the
command line writes to its own file.

What is replaced, in each document's text, title and the corpus notes:

* an outlet's name, case-insensitively, when it has several words or any
  character other than a letter ("Arab News", "Military.com");
* a one-word name that is also an ordinary word of the corpus ("People" next
  to "people of goodwill") only in the spellings that name the outlet: in
  capitals ("told PEOPLE") or capitalised inside a sentence; other one-word
  names case-insensitively.

Document ids, sources and titles are replaced too (file names often name the
outlet), and URLs are dropped.

Reporters identify an outlet as surely as its name, so blind mode also hides:

* every line the cleaner would remove as a byline or contact line ("By Jane
  Doe", "Jane Doe can be reached at ...", "Follow Jane on Twitter"), and
  such a sentence at the end of a longer line: it becomes
  ``[byline removed]`` (:data:`~framing.text.clean.rules.BYLINE_PLACEHOLDER`),
  which the cleaner removes in its place, so the cleaning audit shows the
  placeholder instead of the names;
* the names found in those lines (two or more capitalised words), wherever
  else they appear in the same document ("Jane Doe contributed
  reporting"): ``[reporter]``;
* e-mail addresses and @handles in every text, titles and notes included:
  ``[e-mail]`` and ``[handle]``.

Everything is done to the corpus before cleaning, so the report, the JSON
and the evidence never see the originals.
"""

from __future__ import annotations

import re
import string
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace

from framing.model import Corpus, Document, SkippedInput
from framing.text.clean.rules import BYLINE_PLACEHOLDER, is_byline

#: What blind mode puts in place of a reporter's name, an e-mail address and
#: an @handle.
REPORTER_PLACEHOLDER = "[reporter]"
EMAIL_PLACEHOLDER = "[e-mail]"
HANDLE_PLACEHOLDER = "[handle]"
_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_HANDLE_RE = re.compile(r"(?<![\w@./])@\w{1,30}")
# Where a sentence ends inside a line (a contact sentence may end a paragraph).
_SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+(?=\S)")
# A reporter's name in a byline: two or more capitalised words ("Jane Doe",
# "Mary-Ann de Vries" counts its capitalised words), after a leading keyword.
_NAME_RE = re.compile(r"[A-Z][\w'’-]+(?:\s+(?:[A-Z][\w'’-]+|de|da|van|von|der|al|bin|la|le))+")
_NOT_NAMES = frozenset({"By", "Follow", "Contact", "Reporting", "Editing", "Edited", "Writing"})


@dataclass(frozen=True)
class BlindDocument:
    """Where a blinded document came from."""

    id: str
    original_id: str
    source: str
    title: str | None


@dataclass(frozen=True)
class BlindOutlet:
    """One blinded outlet: its letter name, its real name and its documents."""

    label: str
    outlet: str
    documents: tuple[BlindDocument, ...]


@dataclass(frozen=True)
class AnswerKey:
    """The mapping from blind labels back to the outlets and files."""

    outlets: tuple[BlindOutlet, ...]

    def to_json(self) -> dict[str, object]:
        return {
            "outlets": [
                {
                    "label": o.label,
                    "outlet": o.outlet,
                    "documents": [
                        {"id": d.id, "original_id": d.original_id, "source": d.source,
                         "title": d.title}
                        for d in o.documents
                    ],
                }
                for o in self.outlets
            ]
        }  # fmt: skip


def letter(index: int) -> str:
    """A, B, …, Z, AA, AB, … for 0, 1, …

    >>> [letter(i) for i in (0, 25, 26, 27)]
    ['A', 'Z', 'AA', 'AB']
    """
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = string.ascii_uppercase[rest] + letters
    return letters


def blind_corpus(corpus: Corpus) -> tuple[Corpus, AnswerKey]:
    """The corpus with outlets, ids, sources, titles and mentions replaced; and the key."""
    outlets = list(dict.fromkeys(d.outlet for d in corpus.documents))
    labels = {name: f"Outlet {letter(i)}" for i, name in enumerate(outlets)}
    all_text = "\n".join(d.text for d in corpus.documents)
    patterns = [(_name_pattern(name, all_text), labels[name]) for name in outlets]
    # Longer names first, so "Arab News Weekly" is not half-replaced by "Arab News".
    patterns.sort(key=lambda item: -len(item[0].pattern))

    def scrub(text: str) -> str:
        for pattern, label in patterns:
            text = pattern.sub(label, text)
        return text

    def scrub_all(text: str) -> str:
        return redact_contacts(scrub(text))

    label_names = frozenset(labels.values())
    counters: dict[str, int] = {}
    documents: list[Document] = []
    key_docs: dict[str, list[BlindDocument]] = {name: [] for name in outlets}
    for doc in corpus.documents:
        label = labels[doc.outlet]
        counters[label] = counters.get(label, 0) + 1
        k = counters[label]
        blind_id = f"{label.lower().replace(' ', '-')}-{k}"
        documents.append(
            replace(
                doc,
                id=blind_id,
                outlet=label,
                text=redact_contacts(hide_bylines(scrub(doc.text), keep=label_names)),
                source=f"{label}, article {k}",
                title=scrub_all(doc.title) if doc.title else None,
                url=None,
            )
        )
        key_docs[doc.outlet].append(BlindDocument(blind_id, doc.id, doc.source, doc.title))
    skipped = tuple(
        SkippedInput(f"skipped input {i}", scrub_all(s.reason))
        for i, s in enumerate(corpus.skipped, start=1)
    )
    blinded = Corpus(
        documents=tuple(documents),
        skipped=skipped,
        notes=tuple(scrub_all(n) for n in _strip_paths(corpus.notes)),
        name=scrub_all(corpus.name),
    )
    key = AnswerKey(tuple(BlindOutlet(labels[n], n, tuple(key_docs[n])) for n in outlets))
    return blinded, key


def hide_bylines(text: str, *, keep: Collection[str] = ()) -> str:
    """``text`` with its byline and contact lines hidden and its reporters' names replaced.

    A line the cleaner takes for a byline or contact line, or a sentence
    ending a longer line that it would take for one, becomes
    :data:`BYLINE_PLACEHOLDER`; names found in them, except those in
    ``keep`` (the blind outlet labels), become :data:`REPORTER_PLACEHOLDER`
    in the rest of the text. Line breaks are kept, so the cleaning audit's
    line numbers still point into the source.
    """
    lines = text.split("\n")
    names: set[str] = set()
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        if is_byline(line):
            names.update(_reporter_names(line, keep))
            indent = line[: len(line) - len(line.lstrip())]
            lines[i] = indent + BYLINE_PLACEHOLDER
            continue
        pieces = _SENTENCE_END_RE.split(line)
        if len(pieces) > 1 and is_byline(pieces[-1]):
            names.update(_reporter_names(pieces[-1], keep))
            lines[i] = line[: line.rindex(pieces[-1])] + BYLINE_PLACEHOLDER
    hidden = "\n".join(lines)
    # Longer names first, so "Jane Doe Smith" is not half-replaced by "Jane Doe".
    for name in sorted(names, key=lambda n: (-len(n), n)):
        hidden = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", REPORTER_PLACEHOLDER, hidden)
    return hidden


def _reporter_names(line: str, keep: Collection[str]) -> list[str]:
    """The names in a byline or contact line: capitalised runs of two or more words."""
    names = []
    for match in _NAME_RE.finditer(line):
        words = match.group().split()
        while words and words[0] in _NOT_NAMES:
            words.pop(0)
        name = " ".join(words)
        if len(words) >= 2 and name not in keep:
            names.append(name)
    return names


def redact_contacts(text: str) -> str:
    """``text`` with e-mail addresses and @handles replaced by placeholders."""
    if "@" not in text:
        return text
    return _HANDLE_RE.sub(HANDLE_PLACEHOLDER, _EMAIL_RE.sub(EMAIL_PLACEHOLDER, text))


def _name_pattern(name: str, corpus_text: str) -> re.Pattern[str]:
    """The regex that finds mentions of outlet ``name`` (see the module docstring)."""
    escaped = re.escape(name.strip())
    bounded = rf"(?<![\w.]){escaped}(?![\w])"
    lower = re.compile(rf"(?<!\w){re.escape(name.lower())}(?!\w)")
    if not name.isalpha() or lower.search(corpus_text) is None:
        return re.compile(bounded, re.IGNORECASE)
    # A common word: its capitals, and its capitalised form not opening a sentence.
    upper = re.escape(name.upper())
    title = re.escape(name[:1].upper() + name[1:].lower())
    return re.compile(rf"(?<!\w){upper}(?!\w)|(?<=[\w,;:] ){title}(?!\w)")


def _strip_paths(notes: Sequence[str]) -> list[str]:
    """Notes start with the file path ("path: message"); keep only the message."""
    return [note.split(": ", 1)[1] if ": " in note else note for note in notes]
