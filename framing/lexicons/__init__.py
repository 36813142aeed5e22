"""Lexicons: loading frame files, matching their terms, foreign formats, colours.

:mod:`~framing.lexicons.load` reads TOML frame files and a set's
``_set.toml``; :mod:`~framing.lexicons.match` finds terms in sentences, with
negation; :mod:`~framing.lexicons.importers` reads the field's other
dictionary formats and writes sets back as TOML; :mod:`~framing.lexicons.palette`
checks that frame colours can be told apart.
"""

from framing.lexicons.load import load_frame, load_lexicons, parse_term
from framing.lexicons.match import Matcher, match_sentences, negation_scope

__all__ = [
    "Matcher",
    "load_frame",
    "load_lexicons",
    "match_sentences",
    "negation_scope",
    "parse_term",
]
