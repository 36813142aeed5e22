"""framing: compare how news outlets frame the people in a story.

The library API, in pipeline order (the CLI only wraps these)::

    from framing import load_corpus, load_lexicons, analyse, write_html, write_json

    corpus = load_corpus(["articles/"])          # files or folders (+ manifest.csv)
    lexicons = load_lexicons("lexicons/volunteers")
    analysis = analyse(corpus, lexicons)          # clean, segment, match, score, compare
    write_html(analysis, "reports/articles.html")
    write_json(analysis, "reports/articles.json")
    tables = to_dataframes(analysis)              # pandas: sentences, documents, scores

Names are imported lazily, so ``import framing`` (and ``framing --help``)
stays fast: scikit-learn and nltk load only when a stage needs them.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from framing import _moved

__version__ = "0.1.0"

_moved.install()

_EXPORTS = {
    "load_corpus": "framing.io.corpus",
    "clean_corpus": "framing.text.clean",
    "segment_corpus": "framing.text.segment",
    "split_sentences": "framing.text.segment",
    "tokenize": "framing.text.segment",
    "load_lexicons": "framing.lexicons.load",
    "import_lexicon": "framing.lexicons.importers",
    "match_sentences": "framing.lexicons.match",
    "analyse": "framing.analysis.pipeline",
    "render_html": "framing.report",
    "render_json": "framing.report",
    "build_json": "framing.report",
    "write_html": "framing.report",
    "write_json": "framing.report",
    "to_dataframes": "framing.report.dataframes",
    "seeds_dir": "framing.resources",
    "default_lexicons": "framing.resources",
    "AnalysisOptions": "framing.model",
    "Analysis": "framing.model",
    "FramingError": "framing.errors",
}

__all__ = [
    "Analysis",
    "AnalysisOptions",
    "FramingError",
    "__version__",
    "analyse",
    "build_json",
    "clean_corpus",
    "default_lexicons",
    "import_lexicon",
    "load_corpus",
    "load_lexicons",
    "match_sentences",
    "render_html",
    "render_json",
    "seeds_dir",
    "segment_corpus",
    "split_sentences",
    "to_dataframes",
    "tokenize",
    "write_html",
    "write_json",
]

if TYPE_CHECKING:
    from framing.analysis.pipeline import analyse
    from framing.errors import FramingError
    from framing.io.corpus import load_corpus
    from framing.lexicons.importers import import_lexicon
    from framing.lexicons.load import load_lexicons
    from framing.lexicons.match import match_sentences
    from framing.model import Analysis, AnalysisOptions
    from framing.report import build_json, render_html, render_json, write_html, write_json
    from framing.report.dataframes import to_dataframes
    from framing.resources import default_lexicons, seeds_dir
    from framing.text.clean import clean_corpus
    from framing.text.segment import segment_corpus, split_sentences, tokenize


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'framing' has no attribute {name!r}")
    return getattr(import_module(module), name)


def __dir__() -> list[str]:
    return __all__
