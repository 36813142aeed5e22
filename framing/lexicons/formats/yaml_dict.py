"""YAML dictionaries, in quanteda's style (``.yml`` / ``.yaml``).

A mapping from category names to lists of terms; nested mappings are
flattened, so ``economy: {positive: [...]}`` gives the category
``economy.positive``. Terms are read as written: YAML 1.1 would turn
``no``, ``yes`` or ``on`` into booleans and ``911`` into a number, but
in a dictionary they are words. The file is only composed into YAML
nodes (with the safe loader), never constructed into Python objects,
so a YAML file cannot run code; the nodes also give each error its line.
Needs PyYAML, imported only when a YAML file is read.

Read by :func:`import_yaml` into a :class:`~framing.lexicons.formats.collect.Collector`.
The module is not named ``yaml`` so that it never hides PyYAML.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from framing.lexicons.formats.collect import Category, Collector

if TYPE_CHECKING:
    import yaml

_YAML_NULL = "tag:yaml.org,2002:null"


def import_yaml(text: str, collector: Collector) -> None:
    """Read a quanteda-style YAML dictionary: category -> list of terms, nesting flattened."""
    yaml = _yaml_module(collector)
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = ": ".join(part for part in (exc.context, exc.problem) if part)
        raise collector.error(
            mark.line + 1 if mark else None, f"YAML syntax error: {problem or exc}"
        ) from exc
    except yaml.YAMLError as exc:
        raise collector.error(None, f"YAML error: {exc}") from exc
    if root is None:
        raise collector.error(None, "has no categories (the YAML document is empty)")
    if not isinstance(root, yaml.MappingNode):
        raise collector.error(
            _node_line(root),
            f"expected a mapping of category names to lists of terms at the top level, "
            f"found {_node_kind(root, yaml)}",
        )
    _yaml_mapping(root, "", {}, collector, yaml)


def _yaml_module(collector: Collector) -> Any:
    """PyYAML, imported only when a YAML dictionary is read."""
    try:
        import yaml
    except ImportError as exc:  # pragma: no cover - PyYAML is a dependency
        raise collector.error(
            None, "reading YAML dictionaries needs PyYAML (pip install pyyaml)"
        ) from exc
    return yaml


def _yaml_mapping(
    node: yaml.MappingNode,
    prefix: str,
    seen: dict[str, int],
    collector: Collector,
    yaml: Any,
) -> None:
    """Add the categories of one mapping; nested mappings become ``parent.child``."""
    for key, value in node.value:
        line = _node_line(key)
        if not isinstance(key, yaml.ScalarNode) or not key.value.strip():
            raise collector.error(line, "a category name must be plain, non-empty text")
        name = f"{prefix}.{key.value.strip()}" if prefix else key.value.strip()
        if name in seen:
            raise collector.error(
                line, f"category {name!r} is defined twice (first on line {seen[name]})"
            )
        seen[name] = line
        if isinstance(value, yaml.MappingNode) and value.value:
            _yaml_mapping(value, name, seen, collector, yaml)
        elif isinstance(value, yaml.SequenceNode):
            _yaml_terms(value, collector.category(name, line), collector, yaml)
        elif _is_empty_yaml(value, yaml):
            collector.category(name, line)  # dropped, with a warning, as an empty category
        else:
            raise collector.error(
                _node_line(value),
                f"category {name!r} must be a list of terms ('- term' lines), "
                f"found {_node_kind(value, yaml)}",
            )


def _yaml_terms(
    node: yaml.SequenceNode, category: Category, collector: Collector, yaml: Any
) -> None:
    """Add a YAML list's items, read as written, to a category."""
    for item in node.value:
        line = _node_line(item)
        if not isinstance(item, yaml.ScalarNode) or _is_blank_yaml(item):
            raise collector.error(
                line,
                f"each term of category {category.name!r} must be a string, "
                f"found {_node_kind(item, yaml)}",
            )
        collector.add(category, collector.term(item.value, line))


def _is_empty_yaml(node: yaml.Node, yaml: Any) -> bool:
    """A null value (``care:`` with nothing after it) or an empty mapping."""
    if isinstance(node, yaml.MappingNode):
        return not node.value
    return isinstance(node, yaml.ScalarNode) and node.tag == _YAML_NULL


def _is_blank_yaml(node: yaml.ScalarNode) -> bool:
    """An item with nothing in it (``-`` or ``- ~``); ``- null`` is the word "null"."""
    return node.tag == _YAML_NULL and node.value in ("", "~")


def _node_line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


def _node_kind(node: yaml.Node, yaml: Any) -> str:
    """How a node is described in messages: 'a list', 'a mapping', 'the text 'x''."""
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if node.tag == _YAML_NULL:
        return "nothing"
    return f"the single value {node.value!r}"
