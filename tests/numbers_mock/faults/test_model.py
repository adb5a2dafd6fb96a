"""A fault must say what it is and change something."""

from __future__ import annotations

import pytest

from numbers_mock.faults import Category, Fault
from numbers_mock.faults.crashes import crash_on_odd_pattern


def test_a_fault_needs_its_description_and_check() -> None:
    with pytest.raises(ValueError, match="needs a name"):
        Fault("x", "", Category.PAGING, handlers={"op": crash_on_odd_pattern})
    with pytest.raises(ValueError, match="needs a name"):
        Fault("", "breaks", Category.PAGING, handlers={"op": crash_on_odd_pattern})


def test_a_fault_must_change_something() -> None:
    with pytest.raises(ValueError, match="changes nothing"):
        Fault("x", "breaks nothing", Category.PAGING)
