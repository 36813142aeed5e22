"""Writing systems: warn when articles are in a script the lexicon cannot match.

An English lexicon finds nothing in Russian text, and a report that shows
0% for every frame of such an article looks like a finding. So each
document's letters are counted by script, and when most of them (more than
:data:`UNMATCHED_SHARE`) are in scripts none of the lexicon's terms is
written in, a note says so (:func:`script_notes`); the command line adds it
to the corpus's notes, which are printed and shown in the report.

A letter's script is the first word of its Unicode name after NFKC
(``LATIN``, ``CYRILLIC``, ``GREEK``, ``ARABIC``, ``HEBREW``, ``CJK``,
``HIRAGANA`` …): the standard library has no script property, and the
name's first word is the script for every letter of the scripts news is
written in. Full-width and mathematical forms of Latin letters count as
Latin, since matching folds them (:mod:`framing.text.segment`).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from functools import cache

from framing.model import Document, LexiconSet

#: A document is noted when more than this share of its letters cannot match.
UNMATCHED_SHARE = 0.5
#: Documents named in a note; the rest are counted.
NAMED_DOCUMENTS = 3
_NAMES = {"CJK": "CJK (Chinese, Japanese or Korean)"}


#: The ASCII characters that are not letters.
_ASCII_NON_LETTERS = bytes(c for c in range(128) if not chr(c).isalpha())


@cache
def letter_script(char: str) -> str | None:
    """The script of a letter (``"LATIN"``, ``"CYRILLIC"`` …); ``None`` for other characters."""
    if not char.isalpha():
        return None
    folded = unicodedata.normalize("NFKC", char)[:1] or char
    try:
        return unicodedata.name(folded).split()[0]
    except ValueError:  # a letter without a name
        return None


def letters_by_script(text: str) -> Counter[str]:
    """How many letters of ``text`` each script has."""
    counts: Counter[str] = Counter()
    if text.isascii():
        counts["LATIN"] = sum(map(str.isalpha, text))
        return +counts
    for char, n in Counter(text).items():
        script = letter_script(char)
        if script is not None:
            counts[script] += n
    return counts


def lexicon_scripts(lexicons: LexiconSet) -> set[str]:
    """The scripts the lexicon's terms are written in."""
    scripts: set[str] = set()
    for frame in lexicons.frames:
        for term in frame.terms:
            scripts.update(letters_by_script(" ".join(term.tokens)))
    return scripts


def script_notes(documents: Iterable[Document], lexicons: LexiconSet) -> list[str]:
    """Notes on the documents mostly written in a script the lexicon's terms are not in.

    Each note starts with the document's path (``"path: message"``, as every
    corpus note does; blind mode keeps only the message). Per script, the
    first :data:`NAMED_DOCUMENTS` documents get a note each and the others
    one note together. Nothing when the lexicon's terms have no letters at
    all (then no script can be said to be missing).
    """
    known = lexicon_scripts(lexicons)
    if not known:
        return []
    unmatched = UnmatchedScripts()
    for doc in documents:
        unmatched.add(doc.source, unmatched_script(doc.text, known))
    return unmatched.notes(known)


def unmatched_script(text: str, known: Collection[str]) -> str | None:
    """The script ``text`` is mostly in, when the lexicon's terms are not in it; else None.

    A Latin lexicon's text whose non-ASCII characters are too few to be the
    share of its letters that :data:`UNMATCHED_SHARE` asks for is decided
    without counting letters one by one (nearly all news in English).
    """
    if "LATIN" in known:
        plain = text.encode("ascii", "ignore")
        ascii_letters = len(plain) - len(plain.translate(None, _ASCII_NON_LETTERS))
        if len(text) - len(plain) <= UNMATCHED_SHARE * ascii_letters:
            return None  # foreign letters <= non-ASCII characters <= that share
    counts = letters_by_script(text)
    total = sum(counts.values())
    foreign = {s: n for s, n in counts.items() if s not in known}
    if total and sum(foreign.values()) > UNMATCHED_SHARE * total:
        return max(sorted(foreign), key=foreign.__getitem__)
    return None


@dataclass
class UnmatchedScripts:
    """Documents in scripts the lexicon's terms are not in, added up for :func:`script_notes`.

    Per script, the first :data:`NAMED_DOCUMENTS` sources and how many
    documents in all; :meth:`merge` adds another's, which come after.
    """

    named: dict[str, list[str]] = field(default_factory=dict)
    counts: Counter[str] = field(default_factory=Counter)

    def add(self, source: str, script: str | None) -> None:
        """Add one document, in ``script`` (None: in a script the lexicon has)."""
        if script is None:
            return
        self.counts[script] += 1
        named = self.named.setdefault(script, [])
        if len(named) < NAMED_DOCUMENTS:
            named.append(source)

    def merge(self, other: UnmatchedScripts) -> None:
        """Add the documents of ``other``, which come after these."""
        for script, sources in other.named.items():
            named = self.named.setdefault(script, [])
            named += sources[: max(0, NAMED_DOCUMENTS - len(named))]
        self.counts.update(other.counts)

    def notes(self, known: Collection[str]) -> list[str]:
        """The notes, per script in alphabetical order."""
        terms_in = " and ".join(_display(s) for s in sorted(known))
        notes = []
        for script, sources in sorted(self.named.items()):
            why = (
                f"mostly in {_display(script)} script, which none of the lexicon's terms is "
                f"written in (they are in {terms_in} script)"
            )
            notes += [f"{source}: {why}; no frame can be found in it" for source in sources]
            more = self.counts[script] - len(sources)
            if more > 0:
                notes.append(f"{more} more {'article is' if more == 1 else 'articles are'} {why}")
        return notes


def _display(script: str) -> str:
    """A script's name for people: ``Cyrillic``, ``CJK (Chinese, Japanese or Korean)``."""
    return _NAMES.get(script, script.title())
