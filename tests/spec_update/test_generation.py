"""The generator runs from the checkout it is given; its failures come back as GenerationFailed.

Successful generation and the drift check are exercised by the round trips in test_update.py;
here a copy whose pins do not match the installed tools makes the generator refuse at once.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from spec_update.generation import GenerationFailed, check_drift, generate, smoke_import


@pytest.fixture
def mispinned(tmp_path: Path, copy_repo: Callable[[Path], Path]) -> Path:
    root = copy_repo(tmp_path / "repo")
    pyproject = root / "pyproject.toml"
    text = pyproject.read_text()
    # A pin no environment has: the generator of this copy refuses before generating anything.
    pyproject.write_text(
        text.replace("openapi-python-client==0.29.1", "openapi-python-client==0.0.1")
    )
    return root


def test_generate_reports_the_generators_own_words(mispinned: Path, tmp_path: Path) -> None:
    with pytest.raises(GenerationFailed) as raised:
        generate(
            mispinned, spec=mispinned / "openapi" / "numbers-api.json", output=tmp_path / "out"
        )
    message = str(raised.value)
    assert message.startswith("the generator could not build a client from the new document:\n")
    assert "the pin is 0.0.1" in message
    assert not (tmp_path / "out").exists()


def test_the_drift_check_failure_is_reported(mispinned: Path) -> None:
    with pytest.raises(GenerationFailed, match="the drift check failed after regeneration"):
        check_drift(mispinned)


def test_the_client_of_the_given_checkout_is_imported(
    tmp_path: Path, copy_repo: Callable[[Path], Path]
) -> None:
    root = copy_repo(tmp_path / "repo")
    smoke_import(root)
    broken = root / "generated_client" / "numbers_api_client" / "models" / "owned_number.py"
    broken.write_text("this is not python\n")
    with pytest.raises(GenerationFailed, match="the regenerated client does not import"):
        smoke_import(root)
