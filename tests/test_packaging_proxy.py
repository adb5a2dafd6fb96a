"""The built wheel's `[proxy]` extra, installed alone: the proxy runs in front of a served mock,
with no test framework; without the extra, its command says what to install in one line."""

from __future__ import annotations

import subprocess
from pathlib import Path

import httpx

from benchmarks.targets import run_server
from numbers_mock import PRIMARY_ACCOUNT
from tests.packaging_support import Installs, installed


def test_the_proxy_extra_forwards_and_judges_without_the_test_tools(
    installs: Installs, served_mock: tuple[Path, str]
) -> None:
    _, upstream = served_mock
    bin_dir = installs.bin_dir("proxy")
    for tool in ("pytest", "hypothesis", "schemathesis", "starlette"):
        assert not installed(bin_dir, tool), f"the [proxy] extra brought {tool}"
    command = [str(bin_dir / "numbers-contract-proxy"), "--upstream", upstream]
    with run_server(command) as proxy:
        found = httpx.get(
            f"{proxy.url}/number/search", params={"country": "GB"}, auth=PRIMARY_ACCOUNT.auth
        )
    assert found.status_code == 200 and found.json()["count"] > 0


def test_without_the_extra_the_command_says_what_to_install(installs: Installs) -> None:
    alone = subprocess.run(
        [installs.bin_dir("") / "numbers-contract-proxy", "--upstream", "http://127.0.0.1:9"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert alone.returncode == 2
    assert (
        alone.stderr
        == "numbers-contract-proxy needs the proxy extra: pip install 'numbers-toolkit[proxy]'\n"
    )
    assert "Traceback" not in alone.stdout + alone.stderr
