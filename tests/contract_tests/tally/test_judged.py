"""A test judged nothing when every answer was a refusal of its credentials, a 5xx or a 429."""

from __future__ import annotations

from collections import Counter

from contract_tests.tally.judged import AnswerKinds, kind_of, nothing_judged


def test_what_keeps_an_answer_from_being_judged() -> None:
    assert kind_of(401, own_credentials=True) == "401"
    # Requests the harness sends without the run's credentials on purpose judge the refusal of
    # credentials, not what the test is about: they do not count either way.
    assert kind_of(401, own_credentials=False) == "without the run's credentials"
    assert kind_of(200, own_credentials=False) == "without the run's credentials"
    assert kind_of(503, own_credentials=True) == "5xx"
    assert kind_of(429, own_credentials=True) == "429"
    assert kind_of(420, own_credentials=True) == "judged"


def test_the_tally_since_a_snapshot() -> None:
    kinds = AnswerKinds()
    kinds.record(200, own_credentials=True)
    before = kinds.snapshot()
    kinds.record(401, own_credentials=True)
    kinds.record(401, own_credentials=True)
    assert kinds.since(before) == Counter({"401": 2})


def test_nothing_judged_says_what_happened() -> None:
    reason = nothing_judged(Counter({"401": 14}), held_back=0)
    assert reason is not None
    assert "401 x14" in reason and "credentials refused" in reason
    held = nothing_judged(Counter(), held_back=3)
    assert held is not None and "3 case(s) held back" in held
    assert nothing_judged(Counter({"judged": 1, "401": 9}), held_back=0) is None
    probed = nothing_judged(Counter({"401": 9, "without the run's credentials": 4}), held_back=0)
    assert probed is not None and "without the run's credentials x4" in probed
    # Sent nothing and held nothing back: nothing to say (a test that only reports).
    assert nothing_judged(Counter(), held_back=0) is None
