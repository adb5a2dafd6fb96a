"""The built wheel: each product's extra, installed alone into a fresh virtualenv, runs.

This is what a person who never clones the repository gets: `pip install 'numbers-toolkit[mock]'`
from the wheel, then the console command. Environments are made with uv (pinned in the `dev`
extra) because it installs from its cache in well under a second, where pip takes most of a minute.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import httpx
import pytest
import yaml

from numbers_mock import PRIMARY_ACCOUNT
from tests.packaging_support import (
    RULE_FIXTURES,
    Installs,
    Wheels,
    installed,
)


def test_the_build_gives_no_warning(wheels: Wheels) -> None:
    # setuptools' warnings are Python warnings (`_Warning:`, `SetuptoolsDeprecationWarning:`);
    # distutils' lower-case "warning: byte-compiling is disabled" is uv's choice, not ours.
    assert "Warning:" not in wheels.build_log, wheels.build_log


@pytest.mark.parametrize(
    ("extra", "command", "needed"),
    [
        ("", "numbers-mock", "mock"),
        ("", "numbers-contract", "harness"),
        ("spec", "numbers-mock", "mock"),
        ("spec", "numbers-contract", "harness"),
        ("generate", "numbers-mock", "mock"),
        ("generate", "numbers-contract", "harness"),
        ("harness", "numbers-mock", "mock"),
        ("mock", "numbers-contract", "harness"),
    ],
)
def test_a_command_without_its_extra_says_what_to_install(
    installs: Installs, extra: str, command: str, needed: str
) -> None:
    bin_dir = installs.bin_dir(extra)
    for argv in ([], ["--help"]):
        run = subprocess.run(
            [bin_dir / command, *argv], capture_output=True, text=True, check=False, timeout=60
        )
        assert run.returncode == 2
        assert run.stdout == ""
        assert run.stderr == (
            f"{command} needs the {needed} extra: pip install 'numbers-toolkit[{needed}]'\n"
        )


@pytest.mark.parametrize(
    ("module", "line"),
    [
        ("numbers_mock", "numbers-mock needs the mock extra: pip install 'numbers-toolkit[mock]'"),
        (
            "numbers_proxy",
            "numbers-contract-proxy needs the proxy extra: pip install 'numbers-toolkit[proxy]'",
        ),
        (
            "spec_update",
            "python -m spec_update needs the spec extra: pip install 'numbers-toolkit[spec]'",
        ),
    ],
)
def test_python_m_without_the_extra_says_what_to_install(
    installs: Installs, module: str, line: str
) -> None:
    bin_dir = installs.bin_dir("")
    for argv in ([], ["--help"]):
        run = subprocess.run(
            [bin_dir / "python", "-m", module, *argv],
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )
        assert run.returncode == 2
        assert "Traceback" not in run.stderr
        assert run.stdout == ""
        assert run.stderr == f"{line}\n"


@pytest.mark.parametrize("extra", ["generate", ""])
def test_python_m_generator_outside_a_checkout_says_it_needs_one(
    installs: Installs, extra: str, tmp_path: Path
) -> None:
    # The wheel carries generator/ (update-spec regenerates), but not the checkout it writes into.
    bin_dir = installs.bin_dir(extra)
    where = "import generator, pathlib; print(pathlib.Path(generator.__file__).resolve().parent)"
    # From tmp_path: `python -c` puts its working folder first on sys.path.
    package = subprocess.run(
        [bin_dir / "python", "-c", where],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=True,
        timeout=60,
    ).stdout.strip()
    site_packages = Path(package).parent
    line = (
        "error: python -m generator runs in a checkout of the numbers toolkit (it writes"
        f" generated_client/ beside openapi/); no checkout found at {site_packages}"
        " (no pyproject.toml or openapi/numbers-api.json)\n"
    )
    for argv in ([], ["--check"]):
        run = subprocess.run(
            [bin_dir / "python", "-m", "generator", *argv],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            check=False,
            timeout=60,
        )
        assert "Traceback" not in run.stderr
        assert (run.returncode, run.stdout, run.stderr) == (2, "", line)
    assert list(tmp_path.iterdir()) == []
    help_text = subprocess.run(
        [bin_dir / "python", "-m", "generator", "--help"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=True,
        timeout=60,
    ).stdout
    assert "--check" in help_text


def test_without_the_extra_the_mock_package_still_imports(installs: Installs) -> None:
    # Its public names load on first use: the accounts need nothing of the `mock` extra.
    probe = "import numbers_mock; print(numbers_mock.PRIMARY_ACCOUNT.api_key)"
    shown = subprocess.run(
        [installs.bin_dir("") / "python", "-c", probe],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    assert shown == f"{PRIMARY_ACCOUNT.api_key}\n"


def test_the_mock_extra_serves_the_mock_without_the_test_tools(
    served_mock: tuple[Path, str],
) -> None:
    bin_dir, url = served_mock
    assert httpx.get(f"{url}/_mock/health").json() == {"status": "ok"}
    found = httpx.get(f"{url}/number/search", params={"country": "GB"}, auth=PRIMARY_ACCOUNT.auth)
    assert found.status_code == 200
    assert found.json()["count"] > 0
    help_text = subprocess.run(
        [bin_dir / "numbers-mock", "--help"], capture_output=True, text=True, check=True
    ).stdout
    assert "--port" in help_text
    for tool in ("pytest", "hypothesis", "schemathesis", "xdist"):
        assert not installed(bin_dir, tool), f"the [mock] extra brought {tool}"


def test_the_harness_extra_runs_numbers_contract_against_a_served_mock(
    installs: Installs, served_mock: tuple[Path, str], tmp_path: Path
) -> None:
    _, url = served_mock
    bin_dir = installs.bin_dir("harness")
    for server_part in ("starlette", "uvicorn"):
        assert not installed(bin_dir, server_part), f"the [harness] extra brought {server_part}"
    help_text = subprocess.run(
        [bin_dir / "numbers-contract", "--help"], capture_output=True, text=True, check=True
    ).stdout
    assert "--target-url" in help_text
    alone = subprocess.run(
        [bin_dir / "numbers-contract"], capture_output=True, text=True, cwd=tmp_path, check=False
    )
    # pytest's usage-error code, with one line saying what to do, not a traceback.
    assert alone.returncode == 4
    assert "install numbers-toolkit[mock]" in alone.stderr
    assert "Traceback" not in alone.stdout + alone.stderr
    env = {
        **os.environ,
        "NUMBERS_API_KEY": PRIMARY_ACCOUNT.api_key,
        "NUMBERS_API_SECRET": PRIMARY_ACCOUNT.api_secret,
        "HYPOTHESIS_PROFILE": "quick",
    }
    run = subprocess.run(
        [
            bin_dir / "numbers-contract",
            "--target-url",
            url,
            "--rate-limit",
            "none",
            "--json-report=run.json",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        check=False,
        timeout=600,
    )
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert " passed" in run.stdout
    assert PRIMARY_ACCOUNT.api_secret not in run.stdout + run.stderr
    # The run record, and the schema it follows, installed with the package.
    record = json.loads((tmp_path / "run.json").read_text(encoding="utf-8"))
    schema = subprocess.run(
        [
            bin_dir / "python",
            "-c",
            "from contract_tests.reporting.record import load_schema as s; "
            "print(s()['properties']['record_version']['const'])",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert str(record["record_version"]) == schema


def test_the_spec_extra_diffs_two_documents_outside_the_checkout(
    installs: Installs, tmp_path: Path
) -> None:
    bin_dir = installs.bin_dir("spec")
    fixture = yaml.safe_load((RULE_FIXTURES / "operation-added.yaml").read_text())
    old, new = tmp_path / "old.yaml", tmp_path / "new.json"
    old.write_text(yaml.safe_dump(fixture["base"]))
    new.write_text(json.dumps(fixture["revision"]))
    diff = subprocess.run(
        [bin_dir / "python", "-m", "spec_update", "diff", old, new, "--format", "json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert diff.returncode == 0, diff.stderr
    assert [change["rule"] for change in json.loads(diff.stdout)["changes"]] == ["operation-added"]
    assert not installed(bin_dir, "schemathesis")
    assert not installed(bin_dir, "starlette")
