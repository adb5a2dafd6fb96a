"""The command: a missing extra, bad options, and a whole session ended by SIGTERM."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import httpx
import pytest

from benchmarks.targets import free_port
from numbers_mock import PRIMARY_ACCOUNT, MockSettings, create_app, serve_in_thread
from numbers_mock.faults import fault_variant
from numbers_proxy import cli, entry
from tests.served_process import start, wait_until_healthy

from .conftest import assert_harness_record


def test_a_missing_extra_is_one_line_and_exit_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(entry, "missing_requirements", lambda extra: ["uvicorn"])
    assert entry.main(["--upstream", "http://127.0.0.1:9"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "numbers-toolkit[proxy]" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "--upstream"),
        (["--upstream", "ftp://x"], "http:// or https://"),
        (["--upstream", "http://x", "--port", "http"], "not an integer"),
        (["--upstream", "http://x", "--insecure", "--ca-file", "c.pem"], "exclude each other"),
        (["--upstream", "http://x", "--ssl-certfile", "c.pem"], "go together"),
        (["--upstream", "http://x", "--json", "/no/such/folder/r.json"], "no such folder"),
        (["--upstream", "http://x", "--request-deadline", "0"], "positive"),
    ],
)
def test_bad_options_are_one_clear_line(args: list[str], message: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "numbers_proxy", *args], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr


def test_tls_files_that_do_not_load_are_refused_before_serving(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    not_pem = tmp_path / "not.pem"
    not_pem.write_text("not a certificate")
    argv = ["--upstream", "http://127.0.0.1:9", "--port", "0"]
    argv += ["--ssl-certfile", str(not_pem), "--ssl-keyfile", str(not_pem)]
    with pytest.raises(SystemExit) as exited:
        cli.main(argv)
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert f"error: TLS certificate {not_pem} and key {not_pem} do not load" in err
    assert "Traceback" not in err


def test_a_session_ends_with_its_summary_and_reports(tmp_path: Path) -> None:
    mock = create_app(MockSettings(), fault_variant(["json-count-as-string"]))
    with serve_in_thread(mock) as upstream:
        port = free_port()
        reports = [tmp_path / "r.json", tmp_path / "r.html", tmp_path / "j.xml"]
        command = [sys.executable, "-m", "numbers_proxy", "--upstream", upstream]
        command += ["--port", str(port), "--fail-on", "finding"]
        command += [
            "--json",
            str(reports[0]),
            "--html",
            str(reports[1]),
            "--junit",
            str(reports[2]),
        ]
        proxy = start(command)
        try:
            url = f"http://127.0.0.1:{port}"
            wait_until_healthy(url, proxy)
            with httpx.Client(base_url=url, auth=PRIMARY_ACCOUNT.auth) as client:
                assert client.get("/number/search", params={"country": "GB"}).status_code == 200
            proxy.send_signal(signal.SIGTERM)
            out, err = proxy.communicate(timeout=30)
        finally:
            if proxy.poll() is None:
                proxy.kill()
            mock.close()
    assert proxy.returncode == 1, err
    lines = out.splitlines()
    assert any(
        " GET /number/search 200 " in line and line.endswith(" response_schema_conformance")
        for line in lines
    )
    assert "numbers-contract-proxy: 2 exchanges" in out
    record = json.loads(reports[0].read_text())
    assert_harness_record(record)
    checks = {check["id"]: check for check in record["checks"]}
    assert checks["response_schema_conformance"]["findings"] == 1
    assert record["exit_status"] == 1 and not record["verdict"]["passed"]
    assert re.search(r"Finding \d+: \[response_schema_conformance\]", reports[1].read_text())
    assert ElementTree.parse(reports[2]).getroot().get("failures") == "2"
    assert PRIMARY_ACCOUNT.api_secret not in out + err + reports[1].read_text()
