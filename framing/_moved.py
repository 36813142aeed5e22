"""The module paths of framing 0.1, kept importable for one release.

This release grouped the modules by pipeline stage (see docs/architecture.md).
Code and notebooks that import an old path, such as ``framing.lexicon`` or
``framing.segment``, still work: the old name is an alias of the module that
now holds its contents, and importing it emits a :class:`DeprecationWarning`
naming the new path. The aliases go away in the next release.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import sys
import warnings
from types import ModuleType

#: old module path -> the module that now holds its public names.
MOVED = {
    "framing.blind": "framing.io.blind",
    "framing.clean": "framing.text.clean",
    "framing.cli_lexicon": "framing.cli.lexicon",
    "framing.compare": "framing.analysis.compare",
    "framing.corpus": "framing.io.corpus",
    "framing.evidence": "framing.analysis.evidence",
    "framing.features": "framing.analysis.features",
    "framing.importers": "framing.lexicons.importers",
    "framing.lexicon": "framing.lexicons",
    "framing.palette": "framing.lexicons.palette",
    "framing.pipeline": "framing.analysis.pipeline",
    "framing.prominence": "framing.analysis.prominence",
    "framing.quotes": "framing.analysis.quotes",
    "framing.report.files": "framing.io.files",
    "framing.segment": "framing.text.segment",
    "framing.shared": "framing.analysis.shared",
    "framing.significance": "framing.analysis.significance",
    "framing.stats": "framing.analysis.stats",
    "framing.tone": "framing.analysis.tone",
}


class _Alias(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Finds an old path and loads it as the new module, with a warning."""

    def find_spec(
        self, fullname: str, path: object = None, target: object = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname not in MOVED:
            return None
        return importlib.machinery.ModuleSpec(fullname, self)

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        new = MOVED[spec.name]
        warnings.warn(
            f"{spec.name} is deprecated and will be removed in the next release; "
            f"import from {new} instead",
            DeprecationWarning,
            stacklevel=2,
        )
        return importlib.import_module(new)

    def exec_module(self, module: ModuleType) -> None:
        """The module is the new one, already executed."""


def install() -> None:
    """Make the old paths importable (once per interpreter)."""
    if not any(isinstance(finder, _Alias) for finder in sys.meta_path):
        sys.meta_path.append(_Alias())
