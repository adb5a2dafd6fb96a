"""The fuzzing test is parametrized with the run's schema when pytest collects it, once."""

from __future__ import annotations

import functools
from types import SimpleNamespace
from typing import Any

from contract_tests.command.fuzzing import FUZZ_MARKER, wants_fuzzing


def marked() -> Any:
    def test_operation(case: object) -> None:
        pass

    # What `@pytest.mark.fuzz_operations` leaves on the function (the marker is registered only
    # under the harness's plugin).
    test_operation.pytestmark = [SimpleNamespace(name=FUZZ_MARKER)]  # type: ignore[attr-defined]
    return test_operation


def test_only_a_marked_function_not_yet_parametrized_is_taken() -> None:
    function = marked()
    assert wants_fuzzing(function)

    def unmarked(case: object) -> None:
        pass

    assert not wants_fuzzing(unmarked)
    # schemathesis' `parametrize()` wraps the function, marks and all: the wrapper is left to it.
    wrapper = functools.wraps(function)(lambda *args, **kwargs: function(*args, **kwargs))
    assert not wants_fuzzing(wrapper)
    assert not wants_fuzzing(FUZZ_MARKER)
