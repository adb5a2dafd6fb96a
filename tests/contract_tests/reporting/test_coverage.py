"""The coverage matrix: documented statuses seen, failed or never seen; undocumented ones listed."""

from __future__ import annotations

from contract_tests.judging.document import SEARCH, documented_statuses
from contract_tests.reporting.coverage import coverage, merge_exercised
from contract_tests.tally.findings import Exchange, Finding, SeenAnswer, SentRequest


def test_cells_are_seen_failed_never_seen_or_undocumented() -> None:
    exercised = merge_exercised(
        {}, {SEARCH: {"statuses": {"200": 3, "400": 1, "500": 2}, "judged": {"country": ["GB"]}}}
    )
    broken = Finding(
        "not_a_server_error",
        SEARCH,
        "Server error",
        "",
        Exchange(SentRequest("GET", "http://t/number/search"), SeenAnswer(500, "text/plain", "")),
    )
    refused = Finding(
        "positive_data_acceptance",
        SEARCH,
        "refused",
        "",
        Exchange(SentRequest("GET", "http://t/number/search"), SeenAnswer(400, "text/plain", "")),
    )
    matrix = {entry["operation"]: entry for entry in coverage(exercised, [broken, refused])}
    assert set(matrix) == set(documented_statuses())
    cells = {cell["status"]: cell for cell in matrix[SEARCH]["cells"]}
    assert [status for status in cells][: len(documented_statuses()[SEARCH])] == list(
        documented_statuses()[SEARCH]
    )
    assert (cells["200"]["state"], cells["200"]["seen"]) == ("seen", 3)
    assert (cells["400"]["state"], cells["400"]["findings"]) == ("failed", 1)
    assert cells["429"]["state"] == "never seen"
    assert (cells["500"]["state"], cells["500"]["documented"]) == ("undocumented", False)
    assert matrix[SEARCH]["judged"] == {"country": ["GB"]}


def test_workers_shares_add_up() -> None:
    merged = merge_exercised({}, {SEARCH: {"statuses": {"200": 1}, "judged": {"type": ["mobile"]}}})
    merge_exercised(merged, {SEARCH: {"statuses": {"200": 2}, "judged": {"type": ["landline"]}}})
    assert merged[SEARCH]["statuses"] == {"200": 3}
    assert merged[SEARCH]["judged"] == {"type": ["landline", "mobile"]}
