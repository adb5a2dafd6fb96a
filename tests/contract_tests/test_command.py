"""The installed `numbers-contract`, run as a person runs it, against servers started here on
127.0.0.1: its help, one line and exit code 4 for each mistake, no distribution with purchases,
xdist replaying from the printed seed, TLS to a private CA, and nothing written to the current
folder.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

import pytest

from numbers_mock import PRIMARY_ACCOUNT
from tests.contract_tests import hostile
from tests.contract_tests.conftest import CommandRun, RunCommand, RunHarness, TlsTarget

CREDENTIALS = {
    "NUMBERS_API_KEY": PRIMARY_ACCOUNT.api_key,
    "NUMBERS_API_SECRET": PRIMARY_ACCOUNT.api_secret,
}
SEARCH = "GET /number/search"


def one_line_usage_error(run: CommandRun) -> str:
    """The run's only line of error (exit code 4, no traceback)."""
    assert run.returncode == 4, run.output
    assert "Traceback" not in run.output and "INTERNALERROR" not in run.output, run.output
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, run.stderr
    return lines[0]


def test_the_help_is_the_harnesss_own_in_one_screen(run_command: RunCommand) -> None:
    run = run_command("--help")
    assert run.returncode == 0, run.output
    assert len(run.stdout.splitlines()) <= 60
    assert run.stdout.startswith("usage: numbers-contract [options] [-- pytest options]")
    for option in ("--target-url", "--hypothesis-seed", "--ca-file", "--rate-limit", "-k EXPR"):
        assert option in run.stdout
    assert "Anything after -- goes to pytest" in run.stdout


def test_a_mistyped_option_names_the_nearest_one(run_command: RunCommand) -> None:
    line = one_line_usage_error(run_command("--max-purchase", "3"))
    assert "unknown option --max-purchase: did you mean --max-purchases?" in line


@pytest.mark.parametrize(
    ("args", "env", "expected"),
    [
        pytest.param(
            ["--hypothesis-profile", "thoro"],
            {},
            "--hypothesis-profile 'thoro' is not a profile: did you mean thorough?",
            id="option",
        ),
        # The variable is read by the harness when pytest is configured, not at import.
        pytest.param(
            [],
            {"HYPOTHESIS_PROFILE": "thoro"},
            "HYPOTHESIS_PROFILE 'thoro' is not a profile: did you mean thorough?",
            id="variable",
        ),
    ],
)
def test_an_unknown_profile_is_one_line_through_pytest_too(
    run_command: RunCommand, args: list[str], env: dict[str, str], expected: str
) -> None:
    # After `--` the command checks nothing: pytest's configuration does.
    run = run_command("--", *args, env=env)
    assert expected in one_line_usage_error(run)


def test_purchases_on_a_target_refuse_xdist_before_sending_anything(
    run_command: RunCommand,
) -> None:
    # The form that once went through: no -n, workers asked for by --dist and --tx. Every other
    # form is refused by the same check (tests/contract_tests/command/test_configure.py).
    xdist = ["--", "--dist", "load", "--tx", "2*popen"]
    with hostile.hostile_server(hostile.echo) as server:
        run = run_command("--target-url", server.url, "--allow-purchases", *xdist, env=CREDENTIALS)
        line = one_line_usage_error(run)
        assert "--allow-purchases against --target-url runs in one process: drop --dist" in line
        assert server.requests == []


def test_pytest_refuses_xdist_with_purchases_too(run_harness: RunHarness) -> None:
    with hostile.hostile_server(hostile.echo) as server:
        run = run_harness(
            "--target-url", server.url, "--allow-purchases", "--tx", "2*popen", env=CREDENTIALS
        )
        assert run.returncode == 4, run.output
        assert "drop --tx" in run.stderr and "Traceback" not in run.output
        assert server.requests == []


def exercised_properties(junit: Path) -> dict[str, str]:
    root = ElementTree.parse(junit).getroot()
    return {
        str(p.get("name")): str(p.get("value"))
        for p in root.iter("property")
        if str(p.get("name")).startswith("exercised ")
    }


def test_under_xdist_the_printed_seed_replays_the_run_and_junit_keeps_the_exercise(
    run_command: RunCommand, tmp_path: Path
) -> None:
    selection = ["-k", "test_operation and search", "--hypothesis-profile", "quick"]
    distributed = tmp_path / "distributed.xml"
    run = run_command(*selection, "--junit-xml", str(distributed), "--", "-n", "2")
    assert run.returncode == 0, run.output
    seed = re.search(r"contract seed: (\d+)", run.stdout)
    assert seed is not None, run.stdout
    by_workers = exercised_properties(distributed)
    assert by_workers.get(f"exercised {SEARCH}", "").startswith("statuses 200x"), by_workers
    # The same seed in one process sends the same requests, so gets the same answers.
    alone = tmp_path / "alone.xml"
    replay = run_command(*selection, "--hypothesis-seed", seed.group(1), "--junit-xml", str(alone))
    assert replay.returncode == 0, replay.output
    assert exercised_properties(alone)[f"exercised {SEARCH}"] == by_workers[f"exercised {SEARCH}"]


def test_a_private_ca_is_named_by_ca_file_and_trusted_by_every_request(
    run_command: RunCommand, tls_mock: TlsTarget, tmp_path: Path
) -> None:
    untrusted = run_command("--target-url", tls_mock.url, env=CREDENTIALS)
    line = one_line_usage_error(untrusted)
    assert f"cannot reach --target-url {tls_mock.url}" in line
    assert "pass --ca-file PATH" in line
    database = tmp_path / "examples"
    run = run_command(
        "--target-url",
        tls_mock.url,
        "--ca-file",
        str(tls_mock.ca_file),
        "--hypothesis-database",
        str(database),
        # The search's fuzzing (schemathesis, over requests) and its paging walk and filters
        # (the generated client and httpx).
        "-k",
        "search and not owned",
        env=CREDENTIALS,
    )
    assert run.returncode == 0, run.output
    assert f"certificates checked against --ca-file {tls_mock.ca_file}" in run.stdout
    # On this machine, no rate limit unless asked for one.
    assert "contract rate limit: none (a loopback target is not limited by default" in run.stdout
    assert f"contract example database: {database} (--hypothesis-database)" in run.stdout
    for label in (SEARCH, f"paging {SEARCH}"):
        assert re.search(rf"^{re.escape(label)}\s.*passed", run.stdout, re.MULTILINE), run.stdout
    insecure = run_command(
        "--target-url", tls_mock.url, "--insecure", "-k", "digits", env=CREDENTIALS
    )
    assert insecure.returncode == 0, insecure.output
    assert "contract WARNING: --insecure: TLS certificates are not checked" in insecure.stdout
    # Said once, in the header, not by urllib3 at every request.
    assert "InsecureRequestWarning" not in insecure.output
    # Nothing was written where the command ran (Hypothesis' files went to the cache folder).
    assert list((tmp_path / "cwd").iterdir()) == []
    assert (tmp_path / "cache" / "numbers-contract" / "hypothesis").is_dir()
