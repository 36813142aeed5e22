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
"""

from __future__ import annotations

import re
import string
from collections.abc import Sequence
from dataclasses import dataclass, replace

from framing.model import Corpus, Document, SkippedInput


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
                text=scrub(doc.text),
                source=f"{label}, article {k}",
                title=scrub(doc.title) if doc.title else None,
                url=None,
            )
        )
        key_docs[doc.outlet].append(BlindDocument(blind_id, doc.id, doc.source, doc.title))
    skipped = tuple(
        SkippedInput(f"skipped input {i}", scrub(s.reason))
        for i, s in enumerate(corpus.skipped, start=1)
    )
    blinded = Corpus(
        documents=tuple(documents),
        skipped=skipped,
        notes=tuple(scrub(n) for n in _strip_paths(corpus.notes)),
        name=scrub(corpus.name),
    )
    key = AnswerKey(tuple(BlindOutlet(labels[n], n, tuple(key_docs[n])) for n in outlets))
    return blinded, key


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
