"""What a run exercised: statuses, formats, and the parameters judged on a non-empty answer."""

from __future__ import annotations

import pytest

from contract_tests.tally.exercised import (
    MAX_VALUES_SHOWN,
    Exercised,
    OperationExercise,
    holds_numbers,
)

LIST = "GET /account/numbers"
UPDATE = "POST /number/update"
ONE = b'{"count":1,"numbers":[{"msisdn":"447700900001"}]}'


@pytest.mark.parametrize(
    ("content_type", "content", "expected"),
    [
        ("application/json", ONE, True),
        ("application/json", b'{"count":0}', False),
        ("application/json", b'{"numbers":[]}', False),
        ("application/json", b"not json", False),
        (
            "text/xml",
            b"<inbound-numbers><numbers><msisdn>1</msisdn></numbers></inbound-numbers>",
            True,
        ),
        ("text/xml", b"<inbound-numbers/>", False),
    ],
)
def test_holds_numbers(content_type: str, content: bytes, expected: bool) -> None:
    assert holds_numbers(content_type, content) is expected


def test_lists_judge_declared_filters_of_non_empty_answers_only() -> None:
    exercised = Exercised()
    exercised.record(
        LIST,
        "http://t/account/numbers?country=GB&size=5&made_up=1",
        {},
        200,
        "application/json",
        ONE,
    )
    exercised.record(
        LIST, "http://t/account/numbers?country=US", {}, 200, "application/json", b'{"count":0}'
    )
    exercised.record(LIST, "http://t/account/numbers?country=FR", {}, 400, "text/xml", b"<x/>")
    entry = exercised.by_label()[LIST]
    assert entry.judged == {"country": {"GB"}}
    assert entry.statuses_text() == "200x2 400x1"
    assert (entry.json_answers, entry.xml_answers) == (2, 1)


def test_changes_judge_the_fields_of_successful_answers() -> None:
    exercised = Exercised()
    exercised.record(
        UPDATE,
        "http://t/number/update",
        {"app_id": ["a"], "moHttpUrl": ["u"]},
        200,
        "application/json",
        b"{}",
    )
    exercised.record(
        UPDATE,
        "http://t/number/update",
        {"voiceCallbackType": ["app"]},
        420,
        "application/json",
        b"{}",
    )
    assert exercised.by_label()[UPDATE].judged_text() == "app_id=a; moHttpUrl=u"


def test_many_values_are_counted_not_listed() -> None:
    exercised = Exercised()
    for value in range(MAX_VALUES_SHOWN + 3):
        exercised.record(
            LIST, f"http://t/account/numbers?pattern={value}", {}, 200, "application/json", ONE
        )
    assert exercised.by_label()[LIST].judged_text().endswith("(+3)")


def test_an_operations_exercise_round_trips_through_json() -> None:
    exercised = Exercised()
    exercised.record(
        "GET /number/search",
        "http://t/number/search?country=GB",
        {},
        200,
        "application/json",
        b'{"count":1,"numbers":[{"msisdn":"1"}]}',
    )
    entry = exercised.by_label()["GET /number/search"]
    again = OperationExercise.from_json(entry.to_json())
    assert again == entry
