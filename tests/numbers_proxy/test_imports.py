"""The proxy stands with the judge: it imports the harness's judging layer (and the HTML page its
run record renders to) and nothing of the mock, so what judges stays apart from what it judges.
What it shares with the mock (numbers_arguments, numbers_tls) sits outside both."""

from __future__ import annotations

import ast
import subprocess
import sys
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


def test_its_command_line_and_tls_load_nothing_of_the_mock_nor_its_web_stack() -> None:
    """The `[proxy]` extra carries neither openapi-core nor Starlette: the proxy's command line,
    its TLS files and its server must not import them (here, where they are installed)."""
    probe = (
        "import sys, tempfile, pathlib\n"
        "import numbers_proxy.cli, numbers_proxy.tls, numbers_proxy.server\n"
        "numbers_proxy.cli.build_parser().parse_args(['--upstream', 'http://x', '--port', '1'])\n"
        "with tempfile.TemporaryDirectory() as folder:\n"
        "    numbers_proxy.tls.make_test_certificate(pathlib.Path(folder)).check()\n"
        "print(sorted({name.split('.')[0] for name in sys.modules}))\n"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    assert "'numbers_proxy'" in loaded and "'trustme'" in loaded
    for heavy in ("openapi_core", "starlette", "numbers_mock"):
        assert f"'{heavy}'" not in loaded
