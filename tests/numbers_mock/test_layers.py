"""The mock's parts import downwards only, as numbers_mock/__init__.py lists them; no `global`."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import numbers_mock

PACKAGE_DIR = Path(numbers_mock.__file__).resolve().parent
# Lowest first: a module may import its own part and the parts before it.
LAYERS = ("core", "state", "controls", "http", "app", "faults", "server", "package")
# Top-level modules and the part each belongs to; every subpackage is a part of its own name.
TOP_LEVEL = {"app": "app", "settings": "app", "__init__": "package", "__main__": "package"}


def layer_of(module: str) -> str:
    """The part of `numbers_mock.x.y`; KeyError for a module no part claims."""
    parts = module.split(".")
    if len(parts) == 1:
        return "package"
    head = parts[1]
    if head in TOP_LEVEL:
        return TOP_LEVEL[head]
    if head not in LAYERS or (PACKAGE_DIR / f"{head}.py").exists():
        raise KeyError(module)
    return head


def module_name(path: Path) -> str:
    """`numbers_mock/http/wire.py` -> `numbers_mock.http.wire`; a package is its folder's name."""
    parts = path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(source: str, module: str, is_package: bool) -> list[str]:
    """Every numbers_mock module `source` imports, wherever the import is (lazy ones too)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")
                base = base if is_package else base[:-1]
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            found.append(target)
    return [name for name in found if name.split(".")[0] == "numbers_mock"]


def upward_imports(source: str, module: str, is_package: bool = False) -> list[str]:
    """`module -> imported` for each import of a part above the module's own."""
    own = LAYERS.index(layer_of(module))
    return [
        f"{module} -> {imported}"
        for imported in imported_modules(source, module, is_package)
        if LAYERS.index(layer_of(imported)) > own
    ]


SOURCES = sorted(PACKAGE_DIR.rglob("*.py"))


def test_every_module_belongs_to_a_part() -> None:
    assert len(SOURCES) > 40
    unclaimed = []
    for path in SOURCES:
        try:
            layer_of(module_name(path))
        except KeyError:
            unclaimed.append(str(path.relative_to(PACKAGE_DIR)))
    assert unclaimed == []


def test_every_part_imports_only_the_parts_below_it() -> None:
    upward = [
        violation
        for path in SOURCES
        for violation in upward_imports(
            path.read_text(encoding="utf-8"), module_name(path), path.name == "__init__.py"
        )
    ]
    assert upward == []


@pytest.mark.parametrize(
    ("source", "module", "upward"),
    [
        ("from numbers_mock.http.pipeline import Services", "numbers_mock.state.store", True),
        ("import numbers_mock.server.cli", "numbers_mock.app", True),
        ("def f():\n    from numbers_mock.app import create_app", "numbers_mock.http.wire", True),
        ("from numbers_mock import create_app", "numbers_mock.core.document", True),
        ("from ..controls import admin", "numbers_mock.state.store", True),
        ("from numbers_mock.state.store import NumberStore", "numbers_mock.http.handlers", False),
        ("from numbers_mock.core import replies", "numbers_mock.core.bodies", False),
        ("from .controls.throttle import RateLimit", "numbers_mock.settings", False),
        ("from . import store", "numbers_mock.state.seeding", False),
    ],
)
def test_the_check_sees_an_upward_import(source: str, module: str, upward: bool) -> None:
    assert bool(upward_imports(source, module)) is upward


def test_no_module_keeps_state_in_a_global_statement() -> None:
    with_global = [
        str(path.relative_to(PACKAGE_DIR))
        for path in SOURCES
        if any(isinstance(node, ast.Global) for node in ast.walk(ast.parse(path.read_text())))
    ]
    assert with_global == []
