"""pytest wiring of the contract harness: the hooks and fixtures live in `contract_tests.plugin`.

Run with `pytest contract_tests [options]` or `nox -s contract [-- options]`; `--help` lists the
options under "Numbers API contract harness".
"""

from __future__ import annotations

from contract_tests.plugin import (
    exercised_properties,
    harness,
    pytest_addoption,
    pytest_configure,
    tally,
    target_stock,
)

__all__ = [
    "exercised_properties",
    "harness",
    "pytest_addoption",
    "pytest_configure",
    "tally",
    "target_stock",
]
