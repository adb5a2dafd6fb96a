"""The console commands' entry points (tests/test_packaging.py runs them from installed wheels)."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys

import pytest

import numbers_commands
from numbers_commands import missing_requirements

REQUIREMENTS = [
    "PyYAML==6.0.4",
    'starlette==1.10.0; extra == "mock"',
    'no-such-distribution-here==1.0; extra == "mock"',
    "another_missing_one>=2,<3 ; extra == 'mock' or extra == 'dev'",
    'not-installed-either==1.0; extra == "harness"',
]


def test_only_the_missing_distributions_of_the_extra_are_named() -> None:
    assert missing_requirements("mock", REQUIREMENTS) == [
        "no-such-distribution-here",
        "another_missing_one",
    ]
    assert missing_requirements("harness", REQUIREMENTS) == ["not-installed-either"]
    assert missing_requirements("dev", REQUIREMENTS) == ["another_missing_one"]
    assert missing_requirements("spec", REQUIREMENTS) == []


def test_the_development_install_has_every_extra() -> None:
    # Read from the installed distribution's metadata: what pyproject.toml lists.
    for extra in ("mock", "harness", "spec", "generate", "dev"):
        assert missing_requirements(extra) == [], extra


@pytest.mark.parametrize(
    ("command", "extra"), [(numbers_commands.mock, "mock"), (numbers_commands.contract, "harness")]
)
def test_a_missing_extra_is_one_line_and_exit_code_2(
    command: object, extra: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(
        importlib.metadata,
        "requires",
        lambda name: [f'no-such-distribution-here==1.0; extra == "{extra}"'],
    )
    assert callable(command)
    assert command() == 2
    out, err = capsys.readouterr()
    name = "numbers-mock" if extra == "mock" else "numbers-contract"
    assert out == ""
    assert err == f"{name} needs the {extra} extra: pip install 'numbers-toolkit[{extra}]'\n"


def test_with_its_extra_the_command_runs(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "argv", ["numbers-mock", "--list-faults"])
    assert numbers_commands.mock() == 0
    assert capsys.readouterr().out.startswith("fault ")


def test_the_check_imports_nothing_of_the_products_it_guards() -> None:
    probe = (
        "import sys, numbers_commands; "
        "numbers_commands.missing_requirements('mock'); "
        "numbers_commands.missing_requirements('harness'); "
        "print(sorted({name.split('.')[0] for name in sys.modules}))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    for heavy in ("numbers_mock", "contract_tests", "starlette", "uvicorn", "pytest", "yaml"):
        assert f"'{heavy}'" not in loaded
