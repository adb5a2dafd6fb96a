from __future__ import annotations

import signal
import socket
import ssl
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from benchmarks.targets import free_port
from generator.paths import OVERLAY_PATH
from numbers_mock import (
    DEFAULT_ACCOUNTS,
    OTHER_ACCOUNT,
    PRIMARY_ACCOUNT,
    Account,
    default_spec_path,
)
from numbers_mock.controls.throttle import RateLimit
from numbers_mock.faults import CATALOGUE
from numbers_mock.server.cli import build_parser, main, settings_from_args, variant_from_args
from tests.served_process import start as start_process
from tests.served_process import wait_until_healthy


def test_defaults() -> None:
    args = build_parser().parse_args([])
    assert (args.host, args.port, args.seed, args.database) == ("127.0.0.1", 8000, 0, None)
    assert args.spec == default_spec_path()
    assert settings_from_args(args).accounts == DEFAULT_ACCOUNTS


def test_the_overlay_is_applied_unless_switched_off() -> None:
    assert settings_from_args(build_parser().parse_args([])).overlay_path == OVERLAY_PATH
    assert settings_from_args(build_parser().parse_args(["--no-overlay"])).overlay_path is None


def test_accounts_replace_the_defaults() -> None:
    args = build_parser().parse_args(
        ["--account", "k1:s:1", "--account", "k2:s2", "--subaccount", "k1:sub:subsecret"]
    )
    assert settings_from_args(args).accounts == (
        Account("k1", "s:1"),
        Account("k2", "s2"),
        Account("sub", "subsecret", parent="k1"),
    )


def test_subaccount_of_a_default_account() -> None:
    parent = OTHER_ACCOUNT.api_key
    args = build_parser().parse_args(["--subaccount", f"{parent}:sub2:x"])
    assert settings_from_args(args).accounts[-1] == Account("sub2", "x", parent=parent)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--port", "70000"], "port must be between 0 and 65535"),
        (["--port", "http"], "not an integer: 'http'"),
        (["--seed", "x"], "invalid int value"),
        (["--account", "nosecret"], "expected KEY:SECRET"),
        (["--subaccount", ":k:s"], "expected PARENT:KEY:SECRET"),
        (["--subaccount", "ghost:k:s"], "unknown parent"),
        (["--max-body-bytes", "0"], "must be at least 1"),
        (["--spec", "/nonexistent/doc.json"], "API document not found"),
        (["--fault", "nope"], "unknown fault 'nope'; valid faults: json-count-as-string, "),
        (["--ssl-certfile", "cert.pem"], "--ssl-certfile and --ssl-keyfile go together"),
        (["--tls", "--ssl-certfile", "a", "--ssl-keyfile", "b"], "--tls makes its own"),
        (["--tls-dir", "x"], "--tls-dir is only for --tls"),
        (["--ssl-certfile", "/nonexistent/c", "--ssl-keyfile", "k"], "TLS file not found"),
        (["--idle-timeout", "0"], "must be a positive number of seconds"),
        (["--request-timeout", "soon"], "not a number of seconds"),
        (["--max-connections", "0"], "must be at least 1"),
        (["--rate-limit", "10"], "a rate is COUNT/s, COUNT/m or COUNT/h (or none), not '10'"),
        (["--rate-limit", "0/s"], "a rate is COUNT/s, COUNT/m or COUNT/h (or none), not '0/s'"),
        (["--spec", "BAD_SPEC", "--no-overlay"], 'is not a valid OpenAPI document: "info" is'),
        (["--journal-size", "-1"], "must be 0 or more"),
    ],
)
def test_bad_options_are_usage_errors_in_one_line(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # A document that is JSON with paths, but not OpenAPI: its validator's message runs to pages.
    bad_spec = tmp_path / "bad.json"
    bad_spec.write_text('{"openapi": "3.0.3", "paths": {"/x": {"get": {"operationId": "a"}}}}')
    with pytest.raises(SystemExit) as exited:
        main([str(bad_spec) if part == "BAD_SPEC" else part for part in argv])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("numbers-mock: error: ")
    assert err.count("\n") == 1 and err.endswith("\n")
    assert message in err


def test_faults_are_repeatable_and_installed_by_the_command_line() -> None:
    assert variant_from_args(build_parser().parse_args([])) is None
    args = build_parser().parse_args(["--fault", "auth-ignored", "--fault", "pages-overlap"])
    variant = variant_from_args(args)
    assert variant is not None
    assert variant.faults == ("auth-ignored", "pages-overlap")


def test_test_controls_options() -> None:
    args = build_parser().parse_args(["--rate-limit", "150/m", "--journal-size", "0"])
    settings = settings_from_args(args)
    assert settings.rate_limit == RateLimit(150, 60.0)
    assert settings.rate_limit.per_second == 2.5
    assert settings.journal_size == 0
    unlimited = settings_from_args(build_parser().parse_args(["--rate-limit", "none"]))
    assert unlimited.rate_limit is None


def test_help_names_every_status_the_overlay_adds(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--help"])
    assert exited.value.code == 0
    help_text = " ".join(capsys.readouterr().out.split())
    assert "(420 on cancel and update, 400 field errors, 429)" in help_text
    assert "COUNT/s, COUNT/m or COUNT/h" in help_text


def test_help_loads_neither_the_app_nor_the_server() -> None:
    # `numbers-mock --help` answers at once: openapi-core and uvicorn take most of a second to load.
    probe = (
        "import contextlib, io, sys\n"
        "from numbers_mock.server.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()) as shown:\n"
        "    with contextlib.suppress(SystemExit):\n"
        "        main(['--help'])\n"
        "assert '--port' in shown.getvalue()\n"
        "print(*sys.modules)"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.split()
    assert "numbers_mock.server.cli" in loaded
    assert "numbers_mock.app" not in loaded
    assert {name.split(".")[0] for name in loaded}.isdisjoint(
        {"openapi_core", "starlette", "uvicorn", "h11"}
    )


def test_files_that_are_no_tls_certificate_are_usage_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    not_pem = tmp_path / "not.pem"
    not_pem.write_text("not a certificate")
    with pytest.raises(SystemExit) as exited:
        main(["--port", "0", "--ssl-certfile", str(not_pem), "--ssl-keyfile", str(not_pem)])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("numbers-mock: error: TLS certificate ")
    assert err.count("\n") == 1


def test_list_faults(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--list-faults"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["fault", "category", "what", "it", "breaks"]
    assert len(lines) == len(CATALOGUE) + 1
    assert lines[1].split()[:3] == ["json-count-as-string", "json-schema", "JSON"]


def test_account_errors_do_not_echo_secrets(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--account", "topsecretvalue"])
    assert "topsecretvalue" not in capsys.readouterr().err


def start(argv: list[str]) -> subprocess.Popen[str]:
    """`python -m numbers_mock ARGV` in a child process, its output captured."""
    return start_process([sys.executable, "-m", "numbers_mock", *argv])


def test_tls_makes_a_certificate_and_keeps_every_other_option(tmp_path: Path) -> None:
    port = free_port()
    database = tmp_path / "tls.sqlite3"
    argv = ["--tls", "--tls-dir", str(tmp_path / "tls"), "--port", str(port)]
    argv += ["--seed", "3", "--database", str(database), "--account", "tlskey:tlssecret"]
    process = start(argv)
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line.startswith("numbers-mock: CA certificate for clients: "), line
        ca_file = Path(line.split(": ", 2)[2].strip())
        assert ca_file == tmp_path / "tls" / "numbers-mock-ca.pem"
        trusted = ssl.create_default_context(cafile=str(ca_file))
        url = f"https://localhost:{port}"
        wait_until_healthy(url, process, verify=trusted)
        with httpx.Client(base_url=url, verify=trusted, auth=("tlskey", "tlssecret")) as http:
            assert http.get("/number/search", params={"country": "GB"}).json()["count"] == 24
            assert http.get("/account/numbers").json() == {}
        # Plain HTTP is not served on a TLS port; an unknown CA is not trusted.
        with pytest.raises(httpx.TransportError):
            httpx.get(f"{url}/_mock/health", timeout=2)
    finally:
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=15)
    assert process.returncode == 0, err
    assert database.exists()
    assert oct((tmp_path / "tls" / "numbers-mock-key.pem").stat().st_mode & 0o777) == "0o600"


def test_python_m_serves_until_interrupted(tmp_path: Path) -> None:
    port = free_port()
    database = tmp_path / "cli.sqlite3"
    process = start(["--port", str(port), "--database", str(database), "--seed", "9"])
    try:
        url = f"http://127.0.0.1:{port}"
        wait_until_healthy(url, process)
        legacy = {
            "country": "GB",
            "api_key": PRIMARY_ACCOUNT.api_key,
            "api_secret": PRIMARY_ACCOUNT.api_secret,
        }
        assert httpx.get(f"{url}/number/search", params=legacy).json()["count"] == 24
    finally:
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=15)
    assert process.returncode == 0, err
    assert database.exists()
    # The access log (uvicorn writes it to stdout) names the request, never the secret sent in it.
    assert "GET /number/search?country=GB&api_key=REDACTED&api_secret=REDACTED" in out
    assert PRIMARY_ACCOUNT.api_secret not in out + err


def test_a_port_in_use_is_a_usage_error_in_one_line() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        process = start(["--port", str(port)])
        try:
            out, err = process.communicate(timeout=60)
        finally:
            process.kill()
    assert process.returncode == 2
    assert out == ""
    assert err == (
        f"numbers-mock: error: cannot listen on 127.0.0.1:{port}: Address already in use\n"
    )


def test_sigterm_stops_cleanly_and_ends_the_process_by_that_signal(tmp_path: Path) -> None:
    port = free_port()
    database = tmp_path / "term.sqlite3"
    process = start(["--port", str(port), "--database", str(database), "--log-level", "info"])
    try:
        wait_until_healthy(f"http://127.0.0.1:{port}", process)
    finally:
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=15)
    assert process.returncode == -signal.SIGTERM
    assert f"Serving on http://127.0.0.1:{port} (Ctrl-C to stop)" in err
    assert "Finished server process" in err
    assert database.exists()
