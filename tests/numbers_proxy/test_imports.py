"""The proxy stands with the judge: it imports the harness's judging layer (and the HTML page its
run record renders to) and nothing of the mock, so what judges stays apart from what it judges."""

from __future__ import annotations

import ast
from pathlib import Path

import numbers_proxy

SOURCES = sorted(Path(numbers_proxy.__file__).parent.rglob("*.py"))


def imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_only_the_judging_layer_of_the_harness_and_nothing_of_the_mock() -> None:
    wrong = {
        (path.name, name)
        for path in SOURCES
        for name in imported(path)
        if name.startswith("numbers_mock")
        or (
            name.startswith("contract_tests")
            and not name.startswith(("contract_tests.judging", "contract_tests.reporting.html"))
        )
        or name.startswith(("schemathesis", "hypothesis", "pytest", "starlette"))
    }
    assert not wrong
