"""The run's first failure is kept with the requests sent before it."""

from __future__ import annotations

from contract_tests.tally.first_failure import FirstFailure


def test_only_the_first_failure_is_kept() -> None:
    first = FirstFailure()
    assert first.line() is None
    first.note(12, "decisive probes")
    first.note(300, "lifecycle")
    assert first.line() == "first failure: after 12 requests (decisive probes)"
