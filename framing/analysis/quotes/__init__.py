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

The package's modules, each importing only those before it:
:mod:`~framing.analysis.quotes.words` (word lists),
:mod:`~framing.analysis.quotes.spans` (quotation marks and spans in a
sentence), :mod:`~framing.analysis.quotes.names` (names and noun phrases),
:mod:`~framing.analysis.quotes.attribution` (speech verbs, speakers and
statements in a sentence), :mod:`~framing.analysis.quotes.documents`
(references back within a document),
:mod:`~framing.analysis.quotes.extraction` (:func:`extract_quotes`) and
:mod:`~framing.analysis.quotes.voices` (:func:`speaker_table`,
:func:`frames_by_voice`, :func:`describe_voices`).
"""

from __future__ import annotations

from framing.analysis.quotes.extraction import (
    ATTRIBUTED_SHARE,
    DIRECT,
    MAX_CONTINUATION,
    REPORTED,
    extract_quotes,
)
from framing.analysis.quotes.spans import quote_spans
from framing.analysis.quotes.voices import (
    count_words,
    describe_voices,
    frames_by_voice,
    speaker_table,
)
from framing.model import FrameVoice, Quotations, Quote, SpeakerStat

__all__ = [
    "ATTRIBUTED_SHARE",
    "DIRECT",
    "MAX_CONTINUATION",
    "REPORTED",
    "FrameVoice",
    "Quotations",
    "Quote",
    "SpeakerStat",
    "count_words",
    "describe_voices",
    "extract_quotes",
    "frames_by_voice",
    "quote_spans",
    "speaker_table",
]
