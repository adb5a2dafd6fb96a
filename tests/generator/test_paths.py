"""The generator finds its root in a checkout, and refuses, in one line, a root that is not one."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from generator.paths import REPO_ROOT, SPEC_PATH, NotACheckoutError, checkout_root


def test_in_the_checkout_the_root_is_the_repository() -> None:
    root = checkout_root()
    assert root == REPO_ROOT
    project = tomllib.loads((root / "pyproject.toml").read_text())["project"]
    assert project["name"] == "numbers-toolkit"
    assert SPEC_PATH.is_file()
    assert (root / "generated_client").is_dir()


def test_a_folder_without_the_repository_is_refused_in_one_line(tmp_path: Path) -> None:
    # What an installed wheel looks like: generator/ in site-packages, nothing of the checkout.
    (tmp_path / "generator").mkdir()
    with pytest.raises(NotACheckoutError) as refused:
        checkout_root(tmp_path)
    message = str(refused.value)
    assert "\n" not in message
    assert message.startswith("python -m generator runs in a checkout of the numbers toolkit")
    assert f"no checkout found at {tmp_path} " in message
    assert message.endswith("(no pyproject.toml or openapi/numbers-api.json)")


def test_a_pyproject_without_the_document_is_not_a_checkout(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "something-else"\n')
    with pytest.raises(NotACheckoutError, match=r"\(no openapi/numbers-api\.json\)$"):
        checkout_root(tmp_path)
