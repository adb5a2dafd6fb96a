"""Schemathesis' invalid-enum candidates, drawn as far as they are read instead of all at once.

To build a coverage case with a value outside an `enum`, schemathesis 4.32 takes the first of a
list of candidates that is not in the enum (`_invalid_enum_candidates` in
`schemathesis.specs.openapi.coverage._schema`). It makes the list once per process by running
Hypothesis (seed 0) with a filter that rejects every value, so the list is every value Hypothesis
tries before it gives up: about 1,400 values and 1.4 s of CPU, paid while pytest collects, for an
answer of which this document reads a handful.

The run is deterministic and each value it tries depends only on the rejections before it, so a
run that stops after the N-th value has tried exactly the first N values of the whole list.
`LazyCandidates` gives the same values in the same order, drawing the first few and doubling the
draw each time a reader goes past what it has: the same coverage cases, without the wait.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import Any

from schemathesis.generation.hypothesis import examples

from contract_tests import internals

# What schemathesis calls; the candidates are the values its strategy tries.
_ORIGINAL_NAME = "_invalid_enum_candidates"
_STRATEGY_NAME = "INVALID_ENUM_STRATEGY"
FIRST_DRAW = 16


def draw_prefix(count: int) -> tuple[Any, ...]:
    """The first `count` values of schemathesis' candidate list (fewer when the list is shorter).

    The filter records each value and accepts the `count`-th, which ends the run there.
    """
    strategy = getattr(internals.enum_coverage_module(), _STRATEGY_NAME)
    drawn: list[Any] = []

    def take(value: Any) -> bool:
        drawn.append(value)
        return len(drawn) >= count

    # When the whole list is shorter than `count`, Hypothesis gives up (Unsatisfiable), as it does
    # when schemathesis draws the list itself, which suppresses any error the same way.
    with contextlib.suppress(Exception):
        examples.generate_one(strategy.filter(take))
    return tuple(drawn)


class LazyCandidates:
    """The candidate list, read in order, drawn in doubling prefixes as far as it is read."""

    def __init__(self, draw: Callable[[int], tuple[Any, ...]] = draw_prefix) -> None:
        self._draw = draw
        self._values: tuple[Any, ...] = ()
        self._complete = False

    def _grow(self) -> None:
        wanted = max(FIRST_DRAW, 2 * len(self._values))
        values = self._draw(wanted)
        self._complete = len(values) < wanted
        self._values = values

    def __iter__(self) -> Iterator[Any]:
        position = 0
        while True:
            if position == len(self._values):
                if self._complete:
                    return
                self._grow()
                continue
            yield self._values[position]
            position += 1

    def drawn(self) -> int:
        """How many values have been drawn so far."""
        return len(self._values)


def schemathesis_list() -> tuple[Any, ...]:
    """Schemathesis' own list, drawn all at once as it draws it (installed or not)."""
    function = getattr(internals.enum_coverage_module(), _ORIGINAL_NAME)
    original = getattr(function, "original", function)
    return tuple(original())


def install() -> bool:
    """Put a `LazyCandidates` in place of schemathesis' eager list; False when the pinned
    schemathesis no longer has it (then nothing changes: its own list is used)."""
    coverage_schema = internals.enum_coverage_module()
    original = getattr(coverage_schema, _ORIGINAL_NAME, None)
    if original is None or not hasattr(coverage_schema, _STRATEGY_NAME):
        return False
    if isinstance(getattr(original, "candidates", None), LazyCandidates):
        # Installed already (each schema loaded in the process calls this).
        return True
    candidates = LazyCandidates()

    def lazy_invalid_enum_candidates() -> LazyCandidates:
        return candidates

    # Kept on the replacement, for the test that holds the two lists together.
    lazy_invalid_enum_candidates.candidates = candidates  # type: ignore[attr-defined]
    lazy_invalid_enum_candidates.original = original  # type: ignore[attr-defined]
    setattr(coverage_schema, _ORIGINAL_NAME, lazy_invalid_enum_candidates)
    return True
