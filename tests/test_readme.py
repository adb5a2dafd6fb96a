"""The README's commands and code samples match the code they describe."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from numbers_api_client.models import AvailableNumbers

from numbers_mock import PRIMARY_ACCOUNT, create_app, serve_in_thread
from tests.nox_sessions import nox_sessions

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text()


def python_samples() -> list[str]:
    return re.findall(r"```python\n(.*?)```", README, flags=re.DOTALL)


def test_every_nox_session_the_readme_names_exists() -> None:
    named = set(re.findall(r"nox -s ([\w-]+)", README))
    assert named, "the README names no nox session"
    assert named <= nox_sessions()


def test_every_console_command_the_readme_names_is_installed() -> None:
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    named = set(re.findall(r"`(numbers-[\w-]+) ", README))
    assert named == {"numbers-mock", "numbers-contract"}
    assert named <= set(scripts)


def test_every_harness_option_the_readme_names_exists() -> None:
    options_source = (ROOT / "contract_tests" / "run" / "options.py").read_text()
    named = set(re.findall(r"nox -s contract -- (--[\w-]+)", README))
    named |= set(re.findall(r"`(--(?:target-url|allow-purchases|max-purchases)[\w-]*)", README))
    assert named
    for option in named:
        assert f'"{option}"' in options_source, option


def test_client_sample_runs_against_the_mock(capsys: pytest.CaptureFixture[str]) -> None:
    sample = next(s for s in python_samples() if "buy_a_number" in s)
    app = create_app()
    try:
        with serve_in_thread(app) as base_url:
            code = sample.replace("https://rest.nexmo.com", base_url)
            code = code.replace('api_key="KEY"', f'api_key="{PRIMARY_ACCOUNT.api_key}"')
            code = code.replace('api_secret="SECRET"', f'api_secret="{PRIMARY_ACCOUNT.api_secret}"')
            namespace: dict[str, object] = {}
            exec(compile(code, "README.md", "exec"), namespace)
    finally:
        app.close()
    # The sample's number is not in the mock's inventory: the buy is refused with 420.
    assert capsys.readouterr().out.strip() == "420 method failed"
    found = namespace["found"]
    assert isinstance(found, AvailableNumbers)
    assert isinstance(found.numbers, list)
    assert len(found.numbers) == 5


def test_mock_sample_runs() -> None:
    sample = next(s for s in python_samples() if "serve_in_thread" in s)
    exec(compile(sample, "README.md", "exec"), {})
