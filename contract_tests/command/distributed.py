"""pytest-xdist: what the controller and its workers hand each other.

The controller hands each worker the run's seed (`workerinput`), so the seed printed in its
header replays what the workers ran. Each worker hands back what it exercised (`workeroutput`):
the workers send every request, and the controller writes the JUnit file, whose test-suite
properties say per operation what was exercised.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest

from contract_tests.run.options import WORKER_SEED
from contract_tests.tally.exercised import OperationExercise

# xdist registers its controller's session plugin under this name when it distributes the run.
XDIST_CONTROLLER = "dsession"
STOCK_OUTPUT = "contract_stock"


def is_controller(config: pytest.Config) -> bool:
    """Whether this process hands the tests to xdist workers (and sends nothing itself)."""
    return config.pluginmanager.has_plugin(XDIST_CONTROLLER)


def hand_seed(workerinput: dict[str, Any], seed: int) -> None:
    workerinput[WORKER_SEED] = seed


def exercised_property(entry: OperationExercise, held: str | None) -> str:
    """The JUnit property value for one operation's exercise."""
    return (
        f"statuses {entry.statuses_text()}; json {entry.json_answers}; xml "
        f"{entry.xml_answers}; judged {entry.judged_text() or 'nothing'}; "
        f"{held or 'held back: 0'}"
    )


def add_suite_properties(junit: Path, properties: Iterable[tuple[str, str]]) -> None:
    """Add test-suite properties to a JUnit file pytest wrote (the controller records none itself:
    its fixtures never run under xdist)."""
    tree = ElementTree.parse(junit)
    root = tree.getroot()
    suite = root if root.tag == "testsuite" else root.find("testsuite")
    if suite is None:
        return
    holder = suite.find("properties")
    if holder is None:
        holder = ElementTree.Element("properties")
        suite.insert(0, holder)
    for name, value in properties:
        ElementTree.SubElement(holder, "property", name=name, value=value)
    tree.write(junit, encoding="utf-8", xml_declaration=True)
