"""Lexicons: loading frame files, matching their terms, foreign formats, colours.

:mod:`~framing.lexicons.load` loads a set from any file or folder;
:mod:`~framing.lexicons.toml_files` reads TOML frame files and a set's
``_set.toml``; :mod:`~framing.lexicons.terms` parses terms and holds the
set defaults; :mod:`~framing.lexicons.match` finds terms in sentences, with
negation; :mod:`~framing.lexicons.importers` reads the field's other
dictionary formats (one module each in :mod:`~framing.lexicons.formats`)
and :mod:`~framing.lexicons.write` writes sets back as TOML;
:mod:`~framing.lexicons.palette` checks that frame colours can be told apart.
"""

from framing.lexicons.load import load_lexicons
from framing.lexicons.match import Matcher, match_sentences
from framing.lexicons.scope import negation_scope
from framing.lexicons.terms import parse_term
from framing.lexicons.toml_files import load_frame

__all__ = [
    "Matcher",
    "load_frame",
    "load_lexicons",
    "match_sentences",
    "negation_scope",
    "parse_term",
]
