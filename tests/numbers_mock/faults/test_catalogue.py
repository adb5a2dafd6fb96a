"""The catalogue: every fault is described, switchable by name and observable; bad names refused."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from numbers_mock.faults import (
    CATALOGUE,
    Category,
    UnknownFaultError,
    check_fault_names,
    fault_variant,
    lookup,
)

from ..conftest import AppClient
from .probes import PROBES, faulty_mock


def observe(faults: tuple[str, ...], name: str) -> object:
    with faulty_mock(faults) as client:
        return PROBES[name](client)


def test_there_are_enough_faults_in_every_category() -> None:
    assert len(CATALOGUE) >= 25
    assert {fault.category for fault in CATALOGUE.values()} == set(Category)


@pytest.mark.parametrize("name", list(CATALOGUE))
def test_every_fault_is_described(name: str) -> None:
    fault = CATALOGUE[name]
    assert fault.name == name
    assert name == name.lower() and " " not in name
    assert fault.description and "\n" not in fault.description
    assert isinstance(fault.category, Category)


def test_every_fault_has_a_probe() -> None:
    assert set(PROBES) == set(CATALOGUE)


@pytest.mark.parametrize("name", list(CATALOGUE))
def test_every_fault_changes_what_the_mock_answers(name: str) -> None:
    clean = observe((), name)
    faulty = observe((name,), name)
    assert faulty != clean, f"{name}: the probe saw {clean!r} either way"


@pytest.mark.parametrize("names", [("nope",), ("auth-ignored", "Auth-Ignored")])
def test_unknown_names_are_refused_with_the_valid_ones(names: tuple[str, ...]) -> None:
    with pytest.raises(UnknownFaultError) as refused:
        fault_variant(names)
    message = str(refused.value)
    assert repr(names[-1]) in message
    assert all(name in message for name in CATALOGUE)
    with pytest.raises(ValueError, match="unknown fault"):
        check_fault_names(names)


def test_lookup_keeps_order_and_drops_repeats() -> None:
    faults = lookup(["count-one-short", "auth-ignored", "count-one-short"])
    assert [fault.name for fault in faults] == ["count-one-short", "auth-ignored"]


@pytest.fixture
def every_fault_at_once() -> Iterator[AppClient]:
    # Every fault but the one that refuses every request, which would hide what the others do.
    names = [name for name in CATALOGUE if name != "answers-400-to-everything"]
    with faulty_mock(names) as client:
        yield client


def test_all_faults_can_be_switched_on_together(every_fault_at_once: AppClient) -> None:
    assert every_fault_at_once.get("/_mock/health").json() == {"status": "ok"}
    assert every_fault_at_once.get("/number/search", params={"country": "GB"}).status_code == 200


def test_refusing_everything_composes_with_every_other_fault() -> None:
    with faulty_mock(CATALOGUE) as client:
        assert client.get("/_mock/health").json() == {"status": "ok"}
        assert client.get("/number/search", params={"country": "GB"}).status_code == 400
