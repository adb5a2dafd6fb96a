"""Faulty variants of the mock: deliberate bugs, switched on by name, to measure test tools by.

`numbers-mock --fault NAME` (repeatable; `--list-faults` lists them) or
`create_app(settings, variant=fault_variant(["NAME"]))` serves the mock with those bugs. Each fault
has a name, a one-line description and a category; the mock's core knows nothing of them (they
come in through `create_app`'s variant seam). `nox -s bench -- detection` runs the contract
harness and plain schemathesis against every variant.
"""

from numbers_mock.faults.catalogue import CATALOGUE, UnknownFaultError, check_fault_names, lookup
from numbers_mock.faults.install import (
    EditingRenderer,
    FaultVariant,
    fault_variant,
    install_faults,
)
from numbers_mock.faults.model import Category, Fault

__all__ = [
    "CATALOGUE",
    "Category",
    "EditingRenderer",
    "Fault",
    "FaultVariant",
    "UnknownFaultError",
    "check_fault_names",
    "fault_variant",
    "install_faults",
    "lookup",
]
