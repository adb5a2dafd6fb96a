"""Schemathesis' coverage cases for an operation, built when its test runs instead of at collection.

schemathesis 4.32 builds every operation's coverage cases while pytest collects
(`add_coverage` in `schemathesis.generation.hypothesis.builder`, called by `create_test`), about
0.4 s for the five operations here: every run paid it before its first test, and a run stopped at
its first failure paid it for operations it never reached. While the harness's plugin is active,
`add_coverage` only keeps what it was asked (`DeferredCoverage`), and the plugin builds the cases
at the set-up of the operation's own test (`build_pending`), before Hypothesis runs it.

The cases are the same: `add_coverage` attaches them as Hypothesis explicit examples, in place on
the test function, which Hypothesis reads only when the test runs; and what they are made from
(the operation, its hooks, the document's constants) does not change between collection and the
test. Outside an active harness (any other use of schemathesis in the process) nothing is deferred.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from contract_tests import internals

# Where the deferred build waits, on the test function schemathesis made.
PENDING_ATTRIBUTE = "_contract_pending_coverage"
_ORIGINAL_NAME = "add_coverage"


class DeferredCoverage:
    """Stands in for schemathesis' `add_coverage` while installed: keeps the call for later."""

    def __init__(self, original: Callable[..., Callable[..., Any]]) -> None:
        self.original = original

    def __call__(self, test: Callable[..., Any], *args: Any, **kwargs: Any) -> Callable[..., Any]:
        def build() -> None:
            built = self.original(test, *args, **kwargs)
            # Hypothesis' `example` decorator adds to the function it is given and returns it.
            assert built is test, "schemathesis attached the coverage cases to another function"

        setattr(test, PENDING_ATTRIBUTE, build)
        return test


def install() -> bool:
    """Defer the coverage cases of the tests schemathesis builds from now on; False when the
    pinned schemathesis no longer has `add_coverage` (then they are built at collection)."""
    builder = internals.coverage_builder()
    current = getattr(builder, _ORIGINAL_NAME, None)
    if current is None:
        return False
    if not isinstance(current, DeferredCoverage):
        setattr(builder, _ORIGINAL_NAME, DeferredCoverage(current))
    return True


def uninstall() -> None:
    """Build coverage cases at collection again (the harness's run is over)."""
    builder = internals.coverage_builder()
    current = getattr(builder, _ORIGINAL_NAME, None)
    if isinstance(current, DeferredCoverage):
        setattr(builder, _ORIGINAL_NAME, current.original)


def build_pending(test: object) -> bool:
    """Build the coverage cases a test is waiting for (once); False when it waits for none."""
    build = getattr(test, PENDING_ATTRIBUTE, None)
    if build is None:
        return False
    delattr(test, PENDING_ATTRIBUTE)
    build()
    return True
