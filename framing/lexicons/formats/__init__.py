"""The field's dictionary formats, one module each, read into frame lexicons.

:mod:`~framing.lexicons.formats.dic` (LIWC), :mod:`~framing.lexicons.formats.dicx`
(LIWC-22), :mod:`~framing.lexicons.formats.lc3` (Lexicoder),
:mod:`~framing.lexicons.formats.yaml_dict` (quanteda YAML) and
:mod:`~framing.lexicons.formats.txt` (word lists) each split a file into
categories and terms; :mod:`~framing.lexicons.formats.collect` holds the
rules they share. :func:`framing.lexicons.importers.import_lexicon` picks the
module by the file's extension.
"""
