"""Failures the harness has found, kept as explicit examples: they run whatever the seed.

Each example states the request, what the document says it should give, and checks exactly that.
"""

from __future__ import annotations

from typing import Any

import pytest

from contract_tests.account.harness import Harness
from contract_tests.account.stock import APPLICATION, stock_mock
from contract_tests.judging.answers import expect_status, json_body
from contract_tests.judging.violations import OWNED_LIST_ANSWERS


def owned_msisdns(harness: Harness, query: dict[str, str]) -> set[str]:
    with harness.target.http() as http:
        response = http.get(
            "/account/numbers",
            params={**query, "size": "100"},
            headers={"Accept": "application/json"},
        )
    what = f"GET /account/numbers {query}"
    expect_status(response, what, harness.redactor, OWNED_LIST_ANSWERS)
    body: Any = json_body(response, what, harness.redactor)
    return {str(number["msisdn"]) for number in body.get("numbers", [])}


@pytest.mark.contract_row("example: deprecated app links are applications")
def test_deprecated_app_links_count_as_applications(harness: Harness) -> None:
    """A number whose `voiceCallbackType` or `messagesCallbackType` is `app` is linked to the
    application named in `voiceCallbackValue` / `messagesCallbackValue` (the document: "the
    Application ID of your Messages application"). So it is "associated with an Application" for
    `has_application`, and belongs to that application for `application_id`.

    Found on the mock by `results_match_filters`:
    GET /account/numbers?has_application=false listed numbers linked through those callbacks.
    """
    if not harness.target.embedded:
        pytest.skip("needs numbers linked the deprecated way: stocking buys them (mock only)")
    stocked = stock_mock(harness.target)
    linked = set(stocked.links)
    to_application = {msisdn for msisdn, app in stocked.links.items() if app == APPLICATION}
    problems = []
    unlinked = owned_msisdns(harness, {"has_application": "false"})
    if unlinked & linked:
        problems.append(f"has_application=false lists linked numbers {sorted(unlinked & linked)}")
    with_app = owned_msisdns(harness, {"has_application": "true"})
    if linked - with_app:
        problems.append(
            f"has_application=true leaves out linked numbers {sorted(linked - with_app)}"
        )
    by_app = owned_msisdns(harness, {"application_id": APPLICATION})
    if by_app != to_application:
        problems.append(
            f"application_id={APPLICATION} lists {sorted(by_app)}, "
            f"expected {sorted(to_application)}"
        )
    assert not problems, "\n".join(problems)
