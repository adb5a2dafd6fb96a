"""The session's line per exchange, its summary and its three reports."""

from __future__ import annotations

import io
import json
from pathlib import Path
from xml.etree import ElementTree

from numbers_proxy.checks import Side
from numbers_proxy.exchange import Exchange, Finding, Note, Request
from numbers_proxy.records import write_html, write_json, write_junit
from numbers_proxy.run_record import harness_record
from numbers_proxy.session import Session

from .conftest import assert_harness_record

GRID = {"GET /number/search": (200, 400, 401), "POST /number/buy": (200, 400, 401, 420)}


def exchange(operation: str, status: int, *findings: Finding) -> Exchange:
    request = Request("GET", "/number/search", "country=GB", {}, b"")
    result = Exchange(request, operation, status, "application/json", b"{}", 2.25)
    result.findings = list(findings)
    return result


def session(keep: int = 1000) -> tuple[Session, io.StringIO]:
    out = io.StringIO()
    return Session(out=out, upstream="https://example.com", documented=GRID, keep=keep), out


def test_one_line_per_exchange() -> None:
    recorded, out = session()
    recorded.record(exchange("GET /number/search", 200))
    bad = Finding("request_service_accepts", Side.CLIENT, "country='QZ'")
    schema = Finding("response_schema_conformance", Side.SERVER, "at count")
    failed = exchange("GET /number/search", 400, bad, schema)
    failed.notes = [Note("legacy_credentials", "in the query")]
    recorded.record(failed)
    first, second = out.getvalue().splitlines()
    assert first.endswith(" GET /number/search 200 2.2 ms ok")
    assert second.endswith(
        " GET /number/search 400 2.2 ms client:request_service_accepts,"
        "response_schema_conformance (note: legacy_credentials)"
    )


def test_the_record_counts_and_covers() -> None:
    recorded, _ = session(keep=1)
    finding = Finding("response_schema_conformance", Side.SERVER, "at count")
    recorded.record(exchange("GET /number/search", 200, finding))
    recorded.record(exchange("GET /number/search", 200, finding))
    recorded.record(exchange("GET /number/search", 502))
    record = recorded.as_record()
    assert record["counts"] == {
        "exchanges": 3,
        "with_findings": 2,
        "findings": 2,
        "unjudged": 0,
        "notes": 0,
    }
    assert record["checks"] == {"response_schema_conformance": {"side": "server", "findings": 2}}
    assert len(record["findings"]) == 1 and record["findings_left_out"] == 1
    rows = {(row["operation"], row["status"]): row for row in record["coverage"]}
    assert rows[("GET /number/search", 200)] == {
        "operation": "GET /number/search",
        "status": 200,
        "documented": True,
        "exchanges": 2,
    }
    assert rows[("POST /number/buy", 420)]["exchanges"] == 0
    assert rows[("GET /number/search", 502)]["documented"] is False
    assert "2 findings" in recorded.summary()
    assert "coverage: 1 of 7" in recorded.summary()


def test_the_reports(tmp_path: Path) -> None:
    recorded, _ = session()
    finding = Finding("cancel_removes", Side.SERVER, "still lists <447700900001>")
    refused = Finding("request_service_accepts", Side.CLIENT, "country='QZ'")
    recorded.record(exchange("GET /account/numbers", 200, finding))
    recorded.record(exchange("GET /number/search", 400, refused))
    recorded.record(exchange("GET /number/search", 200))
    record = harness_record(recorded, ["numbers-contract-proxy", "--upstream", "x"], 1)
    assert_harness_record(record)
    assert record["verdict"] == {"passed": False, "line": "FAILED: 2 findings in 3 exchanges"}
    assert [f["check"] for f in record["findings"]] == ["cancel_removes", "request_service_accepts"]
    tests = {test["label"]: test for test in record["tests"]}
    assert tests["GET /number/search"]["cases"] == 2
    assert tests["GET /number/search"]["failures"] == {"request_service_accepts": 1}
    write_json(record, tmp_path / "r.json")
    write_junit(recorded.as_record(), tmp_path / "j.xml")
    write_html(record, tmp_path / "r.html")
    assert json.loads((tmp_path / "r.json").read_text()) == record
    suite = ElementTree.parse(tmp_path / "j.xml").getroot()
    assert (suite.get("tests"), suite.get("failures")) == ("3", "2")
    failed = [case for case in suite.iter("testcase") if case.find("failure") is not None]
    names = sorted(str(case.get("name")) for case in failed)
    assert names == ["GET /account/numbers", "GET /number/search"]
    page = (tmp_path / "r.html").read_text()
    assert "&lt;447700900001&gt;" in page and "A number cancelled leaves the owned list." in page
