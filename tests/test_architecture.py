"""The package's shape: stages import downward only, no import cycles, no module over 600 lines.

docs/architecture.md draws the stages; this test keeps the drawing true.
Every ``import`` and ``from … import`` of a framing module counts, including
those inside functions and under ``TYPE_CHECKING``.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import REPO

PACKAGE = REPO / "framing"
#: Stages from the bottom up: a module may import its own stage and the ones below.
LAYERS = (
    (
        "framing.model",
        "framing.errors",
        "framing.resources",
        "framing.parallel",
        "framing.dask_engine",
    ),
    ("framing.io", "framing.text"),
    ("framing.lexicons",),
    ("framing.analysis",),
    ("framing.lexicon_tools",),
    ("framing.report",),
    ("framing.cli", "framing.__main__"),
)
#: The public API and the aliases of old paths sit above everything, importing lazily.
ABOVE_ALL = ("framing", "framing._moved")
MAX_LINES = 600


def _modules() -> dict[str, Path]:
    modules = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(REPO).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        modules[name] = path
    return modules


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The framing modules ``name`` imports (a name imported from a package may be a module)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            targets = [base] + [f"{base}.{alias.name}" for alias in node.names]
        else:
            continue
        found.update(t for t in targets if t in known and t != name)
    return found


def _layer(name: str) -> int:
    for index, prefixes in enumerate(LAYERS):
        if any(name == p or name.startswith(p + ".") for p in prefixes):
            return index
    raise AssertionError(f"{name} belongs to no stage of LAYERS; add it to docs and this test")


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    known = set(modules)
    return {name: _imports(name, path, known) for name, path in modules.items()}


def test_every_module_imports_its_own_stage_or_lower():
    wrong = []
    for name, targets in _graph().items():
        if name in ABOVE_ALL:
            continue
        for target in targets:
            if target == "framing":
                continue  # the package's lazy public names (for __version__)
            if target in ABOVE_ALL or _layer(target) > _layer(name):
                wrong.append(f"{name} -> {target}")
    assert not wrong, "imports that point up a stage:\n" + "\n".join(sorted(wrong))


def test_no_import_cycles():
    graph = _graph()
    # A package's __init__ re-exports its submodules; a submodule that imports
    # its own package would close a loop through it, so that counts as well.
    state: dict[str, int] = {}
    stack: list[str] = []
    cycles = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if target in ABOVE_ALL:
                continue
            if state.get(target) == 1:
                cycles.append(" -> ".join([*stack[stack.index(target) :], target]))
            elif target not in state:
                visit(target)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state and node not in ABOVE_ALL:
            visit(node)
    assert not cycles, "import cycles:\n" + "\n".join(cycles)


def test_no_module_is_over_600_lines():
    long = {
        str(path.relative_to(REPO)): n
        for path in _modules().values()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not long, long


def test_old_module_paths_still_import_with_a_deprecation_warning():
    import importlib
    import sys
    import warnings

    from framing._moved import MOVED

    for old, new in MOVED.items():
        sys.modules.pop(old, None)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            module = importlib.import_module(old)
        assert module is importlib.import_module(new)
        assert any(
            issubclass(w.category, DeprecationWarning) and new in str(w.message) for w in caught
        ), old
    from framing.lexicon import Matcher, load_lexicons  # noqa: F401  (the old spelling works)
