from __future__ import annotations

import pytest

from spec_update.requirement import RequirementError, moved_pin, moved_requirement

PYPROJECT = """harness = [
    "httpx==0.28.1",
    "numbers-api-client>=2.0.0,<3",  # the client of this repository
]
"""


def test_the_requirement_follows_the_major_version() -> None:
    assert moved_requirement(PYPROJECT, "3.0.0") == PYPROJECT.replace(
        '"numbers-api-client>=2.0.0,<3"', '"numbers-api-client>=3.0.0,<4"'
    )


def test_a_requirement_in_another_form_is_refused_not_left_to_fail_at_install() -> None:
    with pytest.raises(RequirementError) as raised:
        moved_requirement(PYPROJECT.replace(">=2.0.0,<3", "==2.0.0"), "3.0.0")
    assert '"numbers-api-client==2.0.0"' in str(raised.value)


def test_a_pin_in_the_constraints_moves_too() -> None:
    constraints = "httpx==0.28.1\nnumbers-api-client==2.0.0\n"
    assert moved_pin(constraints, "3.0.0") == "httpx==0.28.1\nnumbers-api-client==3.0.0\n"
    assert moved_pin("httpx==0.28.1\n", "3.0.0") == "httpx==0.28.1\n"
