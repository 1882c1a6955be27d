"""The project's import graph, read from the source with ``ast`` (nothing is imported).

Every ``import`` and ``from … import`` counts, wherever it is (module level, inside a function,
under ``TYPE_CHECKING``), and so does ``importlib.import_module("literal")``. ``from a import b``
points to the module ``a.b`` when there is one, otherwise to ``a``.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent

# From the bottom up; apps on the same rung may not import each other. The shell (cite) may
# import anything; nothing imports it.
LAYERS: list[tuple[str, ...]] = [
    ("core",),
    ("accounts",),
    ("notifications",),
    ("programme", "facilitation"),
    ("debates",),
    ("moderation",),
    ("pactes",),
    ("offres",),
    ("orientation", "benevolat"),
    ("evaluation",),
]
SHELL = "cite"
RANK = {app: rank for rank, apps in enumerate(LAYERS) for app in apps}
APPS = [*RANK, SHELL]


@dataclass
class Graph:
    modules: dict[str, Path] = field(default_factory=dict)
    # module -> {imported module: line}
    edges: dict[str, dict[str, int]] = field(default_factory=dict)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _absolute(module: str, node: ast.ImportFrom, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".")
    # A package's own __init__ is level 1 of itself; a module's level 1 is its package.
    base = base if is_package else base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def _imports(module: str, path: Path, known: set[str]) -> dict[str, int]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: dict[str, int] = {}
    is_package = path.name == "__init__.py"
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                found.setdefault(alias.name, node.lineno)
        elif isinstance(node, ast.ImportFrom):
            target = _absolute(module, node, is_package)
            for alias in node.names:
                candidate = f"{target}.{alias.name}"
                found.setdefault(candidate if candidate in known else target, node.lineno)
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", None)) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.setdefault(node.args[0].value, node.lineno)
    return found


def build() -> Graph:
    graph = Graph()
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            graph.modules[module_name(path)] = path
    known = set(graph.modules)
    for module, path in graph.modules.items():
        graph.edges[module] = _imports(module, path, known)
    return graph


def app_of(module: str) -> str:
    return module.split(".", 1)[0]


def upward_imports(graph: Graph) -> list[str]:
    """Imports that point to the shell, up the layers, or sideways to another app of the same rung."""
    problems = []
    for module, imported in graph.edges.items():
        source = app_of(module)
        for target_module, line in imported.items():
            target = app_of(target_module)
            if target == source or target not in APPS:
                continue
            where = f"{graph.modules[module].relative_to(ROOT)}:{line} imports {target_module}"
            if target == SHELL:
                problems.append(f"{where} (nothing imports the shell)")
            elif source != SHELL and RANK[target] >= RANK[source]:
                problems.append(f"{where} ({target} is not below {source})")
    return problems


def cycles(graph: Graph) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    edges = {m: [t for t in targets if t in graph.edges] for m, targets in graph.edges.items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    counter = 0
    for start in edges:
        if start in index:
            continue
        work = [(start, iter(edges[start]))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(edges[child])))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
    return found
