"""The service's habits and HTTP's rules on one answer, each a check of its own."""

from __future__ import annotations

from typing import Any

import pytest

from contract_tests.judging import habits
from contract_tests.judging.answer_rules import Answer, judge_answer
from contract_tests.judging.document import judged_document

JSON = "application/json;charset=UTF-8"


def test_a_status_body_has_both_fields_or_neither() -> None:
    assert habits.status_body_findings({"error-code": "401", "error-code-label": "x"}) == []
    assert habits.status_body_findings({"count": 0}) == []
    assert "no error-code-label" in habits.status_body_findings({"error-code": "401"})[0]
    assert "no error-code" in habits.status_body_findings({"error-code-label": "x"})[0]


def test_a_number_carries_only_described_fields() -> None:
    schema: dict[str, Any] = {
        "properties": {"numbers": {"items": {"properties": {"msisdn": {}, "country": {}}}}}
    }
    fine = {"numbers": [{"msisdn": "1", "country": "GB"}]}
    assert habits.number_field_findings(schema, fine) == []
    odd = {"numbers": [{"msisdn": "1", "colour": "red"}, {"msisdn": "2", "colour": "blue"}]}
    assert habits.number_field_findings(schema, odd) == [
        "numbers carry 'colour', a field the document does not describe for a number"
    ]


@pytest.mark.parametrize(
    ("content_type", "found"),
    [
        ("application/json;charset=UTF-8", False),
        ("Application/JSON; Charset=utf-8", False),
        ('application/json; charset="UTF-8"', False),
        ("application/json", True),
        ("application/json;charset=ISO-8859-1", True),
        ("text/xml", False),
    ],
)
def test_json_is_labelled_utf_8(content_type: str, found: bool) -> None:
    assert bool(habits.json_content_type_findings(content_type)) is found


def test_field_errors_name_sent_or_required_fields_only() -> None:
    label = "GET /number/search"
    assert habits.field_error_findings(label, 400, {"country": "Is required."}, {}, {}) == []
    assert habits.field_error_findings(label, 400, {"size": "x"}, {"size": ["0"]}, {}) == []
    found = habits.field_error_findings(label, 400, {"size": "x"}, {"country": ["GB"]}, {})
    assert "names 'size'" in found[0] and "sent: country" in found[0]
    # Only 400s carry field errors.
    assert habits.field_error_findings(label, 420, {"size": "x"}, {}, {}) == []
    form = {"country": ["GB"], "msisdn": ["447700900000"]}
    assert habits.field_error_findings("POST /number/buy", 400, {"msisdn": "x"}, {}, form) == []


def test_every_answer_is_held_to_the_habits() -> None:
    answer = Answer(
        method="GET",
        path="/account/numbers",
        status=401,
        media_type="application/json",
        content=b'{"error-code": "401"}',
        asked_xml=False,
        content_type="application/json",
    )
    checks = [finding.check for finding in judge_answer(judged_document(), answer)]
    assert checks == ["status_body_complete", "json_content_type"]
