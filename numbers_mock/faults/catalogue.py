"""Every fault the mock can be switched into, by name."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from numbers_mock.faults.crashes import CRASH_FAULTS
from numbers_mock.faults.credentials import CREDENTIAL_FAULTS
from numbers_mock.faults.filters import FILTER_FAULTS
from numbers_mock.faults.model import Fault
from numbers_mock.faults.negotiation import NEGOTIATION_FAULTS
from numbers_mock.faults.paging import PAGING_FAULTS
from numbers_mock.faults.refusals import REFUSAL_FAULTS
from numbers_mock.faults.schemas import SCHEMA_FAULTS
from numbers_mock.faults.state import STATE_FAULTS
from numbers_mock.faults.statuses import STATUS_FAULTS

__all__ = ["CATALOGUE", "UnknownFaultError", "check_fault_names", "lookup"]


def _by_name(faults: Iterable[Fault]) -> dict[str, Fault]:
    catalogue: dict[str, Fault] = {}
    for fault in faults:
        if fault.name in catalogue:
            raise ValueError(f"two faults are named {fault.name!r}")
        catalogue[fault.name] = fault
    return catalogue


CATALOGUE: Mapping[str, Fault] = _by_name(
    (
        *SCHEMA_FAULTS,
        *STATUS_FAULTS,
        *CREDENTIAL_FAULTS,
        *CRASH_FAULTS,
        *FILTER_FAULTS,
        *PAGING_FAULTS,
        *STATE_FAULTS,
        *NEGOTIATION_FAULTS,
        *REFUSAL_FAULTS,
    )
)


class UnknownFaultError(ValueError):
    """A fault name that is not in the catalogue; the message lists the valid ones."""

    def __init__(self, unknown: Iterable[str]) -> None:
        self.unknown = tuple(unknown)
        names = ", ".join(repr(name) for name in self.unknown)
        super().__init__(f"unknown fault {names}; valid faults: {', '.join(CATALOGUE)}")


def check_fault_names(names: Iterable[str]) -> None:
    """Raise `UnknownFaultError` unless every name is in the catalogue."""
    unknown = [name for name in names if name not in CATALOGUE]
    if unknown:
        raise UnknownFaultError(unknown)


def lookup(names: Iterable[str]) -> list[Fault]:
    """The faults of `names`, once each, in the order given; `UnknownFaultError` for a bad name."""
    wanted = list(dict.fromkeys(names))
    check_fault_names(wanted)
    return [CATALOGUE[name] for name in wanted]
