"""What every lexicon shares, whatever its file format: terms and the set's defaults.

:func:`parse_term` turns a term as written into a :class:`~framing.model.Term`
(tokenized exactly like article text, see :func:`framing.text.segment.tokenize`).
The defaults are what a set gets when it does not choose: the negation cues,
the colours of frames that name none, and the form of a frame id. Both
framing's TOML files (:mod:`framing.lexicons.toml_files`) and the field's
other formats (:mod:`framing.lexicons.formats`) build on this module.
"""

from __future__ import annotations

import re

from framing.model import Term
from framing.text.segment import is_word, tokenize

DEFAULT_NEGATION_CUES: tuple[str, ...] = (
    "not",
    "no",
    "never",
    "n't",
    "without",
    "neither",
    "nor",
    "none",
    "nobody",
    "nothing",
    "nowhere",
    "cannot",
    "hardly",
    "barely",
)

#: A colourblind-safe palette (Okabe-Ito) for frames that name no colour.
DEFAULT_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442")

#: What a frame id must look like.
ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")


def parse_term(text: str, *, weight: float = 1.0, line: int | None = None) -> Term:
    """Turn a term as written into a :class:`Term`, or raise ValueError saying why.

    >>> parse_term("Radicali*").tokens
    ('radicali*',)
    >>> parse_term("don't have the protection").tokens
    ('do', "n't", 'have', 'the', 'protection')
    """
    stripped = text.strip()
    if not stripped:
        raise ValueError("empty term")
    wildcard = stripped.endswith("*")
    body = stripped[:-1] if wildcard else stripped
    if "*" in body:
        raise ValueError(f"term {text!r}: '*' is only allowed at the end of a term")
    if wildcard and (not body or body[-1].isspace()):
        raise ValueError(f"term {text!r}: '*' must follow letters, as in 'radicali*'")
    tokens = tokenize(body)
    if not tokens or not any(is_word(t) for t in tokens):
        raise ValueError(f"term {text!r} has no words, so it can never match")
    if wildcard:
        if not is_word(tokens[-1]):
            raise ValueError(f"term {text!r}: '*' must follow letters, as in 'radicali*'")
        tokens[-1] = tokens[-1] + "*"
    if weight <= 0:
        raise ValueError(f"term {text!r}: weight must be positive, not {weight}")
    return Term(text=stripped, tokens=tuple(tokens), weight=float(weight), line=line)
