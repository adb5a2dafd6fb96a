"""The harness's layers import only downwards (contract_tests/__init__.py lists the order)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import contract_tests

PACKAGE = Path(contract_tests.__file__).resolve().parent
# Lowest first: a module may import its own layer and those before it, never one after it.
LAYERS = (
    "internals",
    "judging",
    "tally",
    "safety",
    "run",
    "account",
    "reporting",
    "command",
    "entry",
    "suite",
)
ENTRY_MODULES = {"plugin", "conftest", "cli", "__init__"}


def layer_of(module: str) -> str:
    """The layer of a dotted module name inside the harness (`contract_tests.run.target` -> run)."""
    parts = module.split(".")
    assert parts[0] == "contract_tests", module
    if len(parts) == 1 or parts[1] in ENTRY_MODULES:
        return "entry"
    return parts[1]


def harness_imports(path: Path) -> set[str]:
    """The harness modules a source file imports, as dotted names."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("contract_tests"))
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("contract_tests"):
            assert node.module is not None
            if node.module == "contract_tests":
                # `from contract_tests import internals`: the module imported is the name's.
                found.update(f"contract_tests.{alias.name}" for alias in node.names)
            else:
                found.add(node.module)
    return found


def module_name(path: Path) -> str:
    relative = path.relative_to(PACKAGE.parent).with_suffix("")
    return ".".join(relative.parts)


SOURCES = sorted(PACKAGE.rglob("*.py"))


def test_every_module_is_in_a_layer() -> None:
    unknown = {module_name(p) for p in SOURCES if layer_of(module_name(p)) not in LAYERS}
    assert not unknown


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: module_name(p))
def test_imports_point_down(path: Path) -> None:
    own = LAYERS.index(layer_of(module_name(path)))
    upward = {
        imported
        for imported in harness_imports(path)
        if imported != "contract_tests" and LAYERS.index(layer_of(imported)) > own
    }
    assert not upward, f"{module_name(path)} imports a higher layer: {sorted(upward)}"


def test_the_rule_catches_an_upward_import(tmp_path: Path) -> None:
    source = tmp_path / "bad.py"
    source.write_text("from contract_tests.run.target import Target\n", encoding="utf-8")
    assert LAYERS.index(layer_of(next(iter(harness_imports(source))))) > LAYERS.index("judging")
