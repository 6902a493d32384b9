"""The house's layers (issue 10): no import cycle among factcheck's modules, nothing below
extraction imports spaCy, and the public surface is sorted and pinned."""

import ast
from pathlib import Path

import factcheck

PACKAGE = Path(factcheck.__file__).parent


def _imports() -> dict[str, set[str]]:
    """Module name -> the factcheck modules and top-level packages it imports (module level and
    inside functions alike)."""
    graph = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        package = name if parts[-1] == "__init__" else name.rsplit(".", 1)[0]
        found = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")
                    base = base[: len(base) - node.level + 1]
                    target = ".".join(base + ([node.module] if node.module else []))
                    found.add(target)
                    found.update(f"{target}.{alias.name}" for alias in node.names)
                else:
                    found.add(node.module)
        graph[name] = found
    return graph


def _closure(graph, start: str) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        current = todo.pop()
        for target in graph.get(current, ()):
            if target in graph and target not in seen:
                seen.add(target)
                todo.append(target)
    return seen


def test_layers_verify_rules_and_report_import_no_spacy():
    graph = _imports()
    for name in graph:
        if name.split(".")[1:2] and name.split(".")[1] in ("verify", "rules", "report", "policy", "models",
                                                             "normalize", "dating", "structure", "ranges"):
            reached = {name, *_closure(graph, name)}
            spacy_users = sorted(m for m in reached if any(t == "spacy" or t.startswith("spacy.") for t in graph[m]))
            assert not spacy_users, f"{name} reaches spaCy through {spacy_users}"


def test_layers_models_and_pure_stages_import_nothing_above_them():
    graph = _imports()
    pure = ("factcheck.models", "factcheck.errors", "factcheck.normalize", "factcheck.dating", "factcheck.ranges")
    for name in pure:
        above = sorted(t for t in _closure(graph, name) if t not in pure and t.startswith("factcheck"))
        assert not above, f"{name} imports {above}"


def test_layers_public_surface_is_sorted_and_importable():
    names = factcheck.__all__
    assert names == sorted(names, key=str.lower)
    for name in names:
        assert hasattr(factcheck, name), name


def test_layers_only_extraction_touches_spacy():
    graph = _imports()
    users = sorted(name for name, targets in graph.items()
                   if any(t == "spacy" or t.startswith("spacy.") for t in targets))
    assert users and all(name.startswith("factcheck.extract.") for name in users), users
