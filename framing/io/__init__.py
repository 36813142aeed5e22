"""Reading inputs and writing outputs: the corpus loader, blinding, atomic file writing.

- :mod:`framing.io.corpus`: :func:`~framing.io.corpus.load_corpus` reads
  files, folders and standard input into a corpus, safely (folders sent by
  strangers);
- :mod:`framing.io.readers`: one reader per format: plain-text articles,
  saved web pages, CSV/TSV, JSON Lines and Parquet tables of articles
  (docs/inputs.md);
- :mod:`framing.io.manifest`: a folder's ``manifest.csv``;
- :mod:`framing.io.dates`: dates from inputs as ISO dates;
- :mod:`framing.io.safe_read`: regular files only, bounded, decoded;
- :mod:`framing.io.blind`, :mod:`framing.io.coding`, :mod:`framing.io.files`:
  blinding a corpus, reading a coding sheet, writing outputs atomically.
"""
