"""Words that are no frame's vocabulary: people's names, titles and abbreviations.

"Terms the lexicons lack" proposes words typical of a frame's sentences. In
news, those sentences quote people, so their names ("finkelstein", "borys
kremenetskyi") and titles ("maj", "gen") are typical of them too; proposing
them to a student writing a lexicon is noise. :func:`not_vocabulary` finds
such words in a corpus, so the candidates can leave them out:

* the names of quoted speakers (the capitalised words of a speaker as
  :mod:`framing.analysis.quotes` found it: "Borys Kremenetskyi");
* people's names after a title ("Dr. Ana Ruiz", "Maj. Gen. Borys
  Kremenetskyi"): the capitalised words that follow a title;
* abbreviated titles ("mr", "dr", "gen", "maj", "lt", …);
* abbreviations: words written with dots ("u.s.") and acronyms, words
  written in capitals wherever they occur ("NATO", "POW").

Only a word capitalised wherever it occurs inside a sentence counts as a
name, so a common word that a speaker's name contains ("Rose", "Young") is
kept when the corpus also uses it in lower case.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from itertools import compress
from operator import and_, attrgetter, is_, itemgetter
from typing import NamedTuple

from framing.model import Sentence
from framing.text.segment import WORD_TOKENS as _WORD_TOKENS
from framing.text.segment import is_word, tokenize_spans


#: Abbreviated titles, and the name suffixes and saints written like them.
def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


TITLE_ABBREVIATIONS = _wordset(
    "mr mrs ms mx dr prof st jr sr maj gen lt col sgt capt cmdr adm brig cpl pvt sen rep "
    "gov pres rev sec hon supt insp det"
)
#: Titles written in full, after which capitalised words are a person's name.
_FULL_TITLES = _wordset(
    "major general lieutenant colonel sergeant captain commander admiral corporal private "
    "senator representative governor president professor doctor reverend secretary "
    "minister chancellor mayor judge ambassador spokesman spokeswoman"
)
_TITLES = TITLE_ABBREVIATIONS | _FULL_TITLES
#: A sentence's text; whether a sentence has no written forms.
_TEXT = attrgetter("text")
_IS_NONE = partial(is_, None)
#: Whether a token is a word (:func:`~framing.text.segment.is_word`), decided once per token.
_is_word = _WORD_TOKENS.__getitem__
#: Share of a word's occurrences inside sentences that must be capitalised (or in
#: capitals, for an acronym) for it to count as a name (or an acronym).
_ALWAYS = 0.9


@dataclass
class NameStats:
    """How a corpus writes each word: the counts :func:`not_vocabulary` decides from.

    They add up over documents (:meth:`merge`), so a corpus read in chunks
    gives the same words as one read at once.
    """

    seen: Counter[str] = field(default_factory=Counter)
    capitalised: Counter[str] = field(default_factory=Counter)
    upper: Counter[str] = field(default_factory=Counter)
    after_title: set[str] = field(default_factory=set)
    dotted: set[str] = field(default_factory=set)

    def add(
        self,
        sentences: Iterable[Sentence],
        written: Sequence[tuple[str, ...] | None] | None = None,
        memo: NameMemo | None = None,
    ) -> NameStats:
        """Count the words of ``sentences``; returns itself.

        ``written`` (optional, one per sentence) are the sentences' tokens as
        written (:func:`~framing.text.segment.cased_tokens`); a sentence
        without them is tokenized again, with offsets, to read its case.
        The words are gathered in lists and counted at the end, in C, rather
        than counted one at a time: the same counts, a third of the time.
        With ``memo`` (one per chunk of documents), a sentence whose text was
        seen before adds the words it added then, without reading it again;
        a text's words are added once per call, repeated as often as the
        text occurs, so a call with a whole chunk's sentences takes a step
        per distinct text, not per sentence.
        """
        found = _Found([], [], [], [], [])
        sentences = list(sentences)
        forms: Sequence[tuple[str, ...] | None] = (
            [None] * len(sentences) if written is None else written
        )
        if len(forms) != len(sentences):
            raise ValueError("one written form per sentence, or none")
        if memo is None:
            for sentence, surfaces in zip(sentences, forms, strict=True):
                _sentence_words(sentence.text, sentence.tokens, surfaces, found)
        else:
            # Each distinct text once, its words repeated as often as it
            # occurs: C-level counting and list repetition, not a step per sentence.
            keys = list(zip(map(_TEXT, sentences), map(_IS_NONE, forms), strict=True))
            first = dict(zip(keys, zip(sentences, forms, strict=True), strict=True))
            for key, times in Counter(keys).items():
                words = memo.get(key)
                if words is None:
                    sentence, surfaces = first[key]
                    words = memo[key] = _Found([], [], [], [], [])
                    _sentence_words(sentence.text, sentence.tokens, surfaces, words)
                for mine, theirs in zip(found, words, strict=True):
                    mine += theirs * times if times > 1 else theirs
        self.seen.update(found.seen)
        self.capitalised.update(found.capitalised)
        self.upper.update(found.upper)
        self.after_title.update(found.after_title)
        self.dotted.update(found.dotted)
        return self

    def merge(self, other: NameStats) -> NameStats:
        """Add ``other``'s counts to these; returns itself.

        Words without a letter that has a capital ("2022", "3,000") are
        left out of :attr:`seen`: never capitalised nor in capitals, they
        cannot be names or acronyms, and a large corpus has millions of
        distinct numbers.
        """
        self.seen.update({w: n for w, n in other.seen.items() if w.upper() != w})
        self.capitalised.update(other.capitalised)
        self.upper.update(other.upper)
        self.after_title |= other.after_title
        self.dotted |= other.dotted
        return self

    def words(self, speakers: Iterable[str | None] = ()) -> frozenset[str]:
        """The names, titles and abbreviations, given the quoted ``speakers``."""
        speaker_words = {
            token
            for speaker in speakers
            if speaker
            for token, start, _ in tokenize_spans(speaker)
            if is_word(token) and speaker[start : start + 1].isupper()
        }
        seen = self.seen

        def always(counter: Counter[str], word: str) -> bool:
            return seen[word] > 0 and counter[word] >= _ALWAYS * seen[word]

        names = {w for w in speaker_words | self.after_title if always(self.capitalised, w)}
        acronyms = {w for w in seen if always(self.upper, w)}
        return frozenset(names | acronyms | self.dotted | TITLE_ABBREVIATIONS)


class _Found(NamedTuple):
    """Words gathered from sentences, in order, before they are counted."""

    seen: list[str]
    capitalised: list[str]
    upper: list[str]
    after_title: list[str]
    dotted: list[str]


#: Per chunk of documents: (sentence text, without written forms?) -> the words it adds.
NameMemo = dict[tuple[str, bool], _Found]


def _sentence_words(
    text: str, tokens: Sequence[str], surfaces: Sequence[str] | None, found: _Found
) -> None:
    """Append one sentence's words to ``found`` (see :meth:`NameStats.add`)."""
    if not any(map(str.islower, text)):
        return  # a headline in capitals says nothing about case
    if surfaces is not None:
        _add_written(tokens, surfaces, found.seen, found.capitalised, found.upper)
        if not _TITLES.isdisjoint(tokens):
            _after_titles(tokens, surfaces, found.after_title)
        if "." in text[:-1]:  # a word with a period ("u.s."), not just the final one
            found.dotted.extend(t for t in tokens if "." in t and _is_word(t))
        return
    seen, capitalised, upper = found.seen, found.capitalised, found.upper
    in_name = False  # inside the capitalised words after a title
    first = True
    for token, start, end in tokenize_spans(text):
        if not _is_word(token):
            in_name = in_name and token == "."  # "Maj. Gen." goes on
            continue
        surface = text[start:end]
        if "." in token:
            found.dotted.append(token)
        cap = surface[:1].isupper()
        if not first:  # a sentence's first word is capitalised whatever it is
            seen.append(token)
            if cap:
                capitalised.append(token)
            if len(surface) > 1 and surface.isupper():  # "3M": upper, not capitalised
                upper.append(token)
        first = False
        if token in _TITLES:
            in_name = True
        elif in_name and cap:
            found.after_title.append(token)
        else:
            in_name = False


def _add_written(
    tokens: Sequence[str],
    surfaces: Sequence[str],
    seen: list[str],
    capitalised: list[str],
    upper: list[str],
) -> None:
    """:meth:`NameStats.add`'s counts of one sentence, from its tokens as written.

    The same counts as the loop over offsets, made with C-level maps: the
    words after the first, those of them capitalised, those in capitals.
    """
    words = list(map(_WORD_TOKENS.__getitem__, tokens))
    try:
        first = words.index(True)
    except ValueError:
        return
    rest, rest_words = tokens[first + 1 :], words[first + 1 :]
    rest_forms = surfaces[first + 1 :]
    seen.extend(compress(rest, rest_words))
    initials = map(str.isupper, map(itemgetter(0), rest_forms))
    capitalised.extend(compress(rest, map(and_, rest_words, initials)))
    # "3M" is in capitals but not capitalised; "A" is neither (one character)
    capitals = map(str.isupper, rest_forms)
    longer = map((1).__lt__, map(len, rest_forms))
    upper.extend(compress(rest, map(and_, map(and_, rest_words, capitals), longer)))


def _after_titles(tokens: Sequence[str], surfaces: Sequence[str], after_title: list[str]) -> None:
    """Add the capitalised words that follow a title ("Maj. Gen. Borys Kremenetskyi")."""
    in_name = False
    for token, surface in zip(tokens, surfaces, strict=True):
        if not _is_word(token):
            in_name = in_name and token == "."  # "Maj. Gen." goes on
            continue
        cap = surface[:1].isupper()
        if token in _TITLES:
            in_name = True
        elif in_name and cap:
            after_title.append(token)
        else:
            in_name = False


def not_vocabulary(
    sentences: Sequence[Sentence], speakers: Iterable[str | None] = ()
) -> frozenset[str]:
    """The words (as tokens) of ``sentences`` that are names, titles or abbreviations.

    ``speakers`` are the quoted speakers as found in the text (see the module
    docstring); only their capitalised words count.
    """
    return NameStats().add(sentences).words(speakers)
