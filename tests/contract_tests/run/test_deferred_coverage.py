"""Coverage cases built when an operation's test runs: the same cases as built at collection."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from schemathesis.generation.feedback import FeedbackSources
from schemathesis.generation.hypothesis import builder
from schemathesis.pytest._test_builder import build_operation_test
from schemathesis.python._constants.orchestrator import make_constants_value_source

from contract_tests.judging.document import BUY, OWNED, SEARCH
from contract_tests.run import deferred_coverage
from contract_tests.run.loading import load_schema


@pytest.fixture
def restored() -> Iterator[None]:
    """Leaves schemathesis as it found it, deferring or not."""
    before = builder.add_coverage
    yield
    builder.add_coverage = before


def operation_test(label: str) -> Callable[..., Any]:
    """The test schemathesis builds for an operation of a freshly loaded schema, as it collects."""
    schema = load_schema(seed=7, auth=("key", "secret"))
    method, path = label.split(" ", 1)
    operation = schema[path][method]

    def test_function(case: Any) -> None:
        pass

    return build_operation_test(
        config=schema.config,
        operation=operation,
        test_func=test_function,
        given_kwargs={},
        feedback=FeedbackSources(constants_value_source=make_constants_value_source(schema)),
    )


def explicit_cases(test: Callable[..., Any]) -> list[tuple[Any, ...]]:
    """What each explicit example of a test sends, in the order Hypothesis runs them."""
    cases = [
        example.kwargs["case"] for example in getattr(test, "hypothesis_explicit_examples", [])
    ]
    return [
        (case.method, case.path, case.query, case.body, dict(case.headers or {}))
        for case in reversed(cases)
    ]


@pytest.mark.usefixtures("restored")
@pytest.mark.parametrize("label", [SEARCH, OWNED, BUY])
def test_deferred_cases_are_the_cases_built_at_collection(label: str) -> None:
    deferred_coverage.uninstall()
    eager = explicit_cases(operation_test(label))
    deferred_coverage.install()
    test = operation_test(label)
    # Only the document's examples are there before the test runs.
    assert len(explicit_cases(test)) < len(eager)
    assert deferred_coverage.build_pending(test)
    assert explicit_cases(test) == eager
    assert len(eager) > 10
    # Once built, there is nothing left to build.
    assert not deferred_coverage.build_pending(test)


@pytest.mark.usefixtures("restored")
def test_uninstalling_builds_at_collection_again() -> None:
    deferred_coverage.install()
    deferred_coverage.install()
    assert isinstance(builder.add_coverage, deferred_coverage.DeferredCoverage)
    deferred_coverage.uninstall()
    assert not isinstance(builder.add_coverage, deferred_coverage.DeferredCoverage)
    test = operation_test(SEARCH)
    assert not deferred_coverage.build_pending(test)
    assert len(explicit_cases(test)) > 10


def test_a_function_waiting_for_nothing_builds_nothing() -> None:
    assert not deferred_coverage.build_pending(lambda: None)
    assert not deferred_coverage.build_pending(None)
