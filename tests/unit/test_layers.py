"""The import graph of the package, every import counted (at the top, inside a function, under
TYPE_CHECKING): the layers import one way. The recipes use the client; the client never imports
the recipes (they would form a circle); the library never imports the CLI's hint words."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "dockwrap"


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, modules: set[str]) -> set[str]:
    """The dockwrap modules `path` imports (a package counts as its __init__)."""
    name = _module(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
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
        found |= {target for target in targets if target in modules}
    # every module's import runs the root package's __init__ first: an edge to it says nothing
    return found - {name, "dockwrap"}


def import_graph() -> dict[str, set[str]]:
    paths = sorted(PACKAGE.rglob("*.py"))
    modules = {_module(path) for path in paths}
    return {_module(path): _imports(path, modules) for path in paths}


def reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        for target in graph[todo.pop()]:
            if target not in seen:
                seen.add(target)
                todo.append(target)
    return seen


def test_the_client_never_reaches_the_recipes() -> None:
    graph = import_graph()
    assert not {name for name in reachable(graph, "dockwrap.client") if name.startswith("dockwrap.recipes")}


def test_no_recipe_module_is_in_a_circle_with_the_client() -> None:
    graph = import_graph()
    recipes = [name for name in graph if name.startswith("dockwrap.recipes")]
    assert len(recipes) >= 8
    from_client = reachable(graph, "dockwrap.client")
    assert not [name for name in recipes if name in from_client]
    assert "dockwrap.client" in reachable(graph, "dockwrap.recipes.pingable_pair")  # the one way


CLI_ONLY = {"dockwrap.cli", "dockwrap.__main__"}


def is_cli(name: str) -> bool:
    return name in CLI_ONLY or name.endswith(".cli") or ".cli." in name


def test_the_library_never_imports_the_cli() -> None:
    graph = import_graph()
    library = {name for name in graph if not is_cli(name) and name != "dockwrap"}
    assert len(library) > 50
    wrong = {name: sorted(t for t in graph[name] if is_cli(t)) for name in library}
    assert not {name: targets for name, targets in wrong.items() if targets}
