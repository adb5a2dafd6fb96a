"""numbers_api_client as a package: every module imports, every operation has its module."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import tomllib
from pathlib import Path

import numbers_api_client
import pytest
from numbers_api_client import models

from .support import spec

MODULE_NAMES = sorted(
    info.name
    for info in pkgutil.walk_packages(
        numbers_api_client.__path__, prefix=f"{numbers_api_client.__name__}."
    )
)


def snake_case(operation_id: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", operation_id).lower()


# The modules the generator copies into the package as they are (generator/package/).
HELPER_MODULES = ["authentication", "paging", "refusals", "reprs", "retries"]


@pytest.mark.parametrize("name", MODULE_NAMES)
def test_every_name_a_module_exports_is_defined(name: str) -> None:
    module = importlib.import_module(name)

    exported: list[str] = getattr(module, "__all__", [])
    assert [missing for missing in exported if not hasattr(module, missing)] == []


@pytest.mark.parametrize("helper", HELPER_MODULES)
def test_each_helper_module_says_what_it_exports(helper: str) -> None:
    name = f"numbers_api_client.{helper}"
    assert name in MODULE_NAMES
    exported = importlib.import_module(name).__all__
    assert exported
    assert all(not public.startswith("_") for public in exported)


def test_every_operation_has_a_module_with_the_four_functions() -> None:
    operation_ids = [
        details["operationId"] for item in spec()["paths"].values() for details in item.values()
    ]
    assert len(operation_ids) == 5
    for operation_id in operation_ids:
        name = f"numbers_api_client.api.default.{snake_case(operation_id)}"
        assert name in MODULE_NAMES
        module = importlib.import_module(name)
        for function in ("sync", "sync_detailed", "asyncio", "asyncio_detailed"):
            assert callable(getattr(module, function)), (name, function)


def test_every_model_module_is_walked_and_exported() -> None:
    model_modules = {name for name in MODULE_NAMES if name.startswith("numbers_api_client.models.")}
    exported_from = {getattr(models, name).__module__ for name in models.__all__}

    assert model_modules == exported_from
    assert len(model_modules) == 21  # the 20 of the document and the overlay's FieldErrors


def test_package_exports_both_clients() -> None:
    assert set(numbers_api_client.__all__) == {"AuthenticatedClient", "Client"}


def test_the_metadata_states_the_pythons_the_tests_run_on() -> None:
    root = Path(__file__).resolve().parents[2]
    metadata = tomllib.loads((root / "generated_client" / "pyproject.toml").read_text())
    stated = {
        classifier.rsplit(" :: ", 1)[1]
        for classifier in metadata["project"]["classifiers"]
        if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", classifier)
    }
    # The nox session that runs these tests on each version (read, not imported: importing the
    # noxfile needs nox).
    noxfile = ast.parse((root / "noxfile.py").read_text())
    assignment = next(
        node
        for node in noxfile.body
        if isinstance(node, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id == "CLIENT_PYTHONS" for t in node.targets)
    )
    tested = set(ast.literal_eval(assignment.value))

    assert stated == tested == {"3.11", "3.12", "3.13"}
    assert metadata["project"]["requires-python"] == ">=3.11"
