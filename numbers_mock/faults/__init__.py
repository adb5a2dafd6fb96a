"""Faulty variants of the mock: deliberate bugs, switched on by name, to measure test tools by.

`numbers-mock --fault NAME` (repeatable; `--list-faults` lists them) or
`create_app(MockSettings(faults=("NAME",)))` serves the mock with those bugs. Each fault has a name,
a one-line description, a category and the contract harness's check expected to catch it; the
unfaulted mock is untouched. `nox -s bench -- detection` runs the contract harness and plain
schemathesis against every variant.
"""

from numbers_mock.faults.catalogue import CATALOGUE, UnknownFaultError, check_fault_names, lookup
from numbers_mock.faults.install import EditingRenderer, install_faults
from numbers_mock.faults.model import Category, Fault

__all__ = [
    "CATALOGUE",
    "Category",
    "EditingRenderer",
    "Fault",
    "UnknownFaultError",
    "check_fault_names",
    "install_faults",
    "lookup",
]
