"""The harness's Hypothesis profiles, and their variant without shrinking for runs stopped at the
first failure."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import Phase, settings

from contract_tests.run.profiles import (
    CI_PROFILE,
    LIFECYCLE_BUDGETS,
    PAGING_EXAMPLES,
    current_profile_name,
    lifecycle_budget,
    paging_examples,
    register_profiles,
    stop_shrinking,
)


@pytest.fixture
def ci_profile() -> Iterator[None]:
    previous = settings.get_current_profile_name()
    register_profiles()
    settings.load_profile(CI_PROFILE)
    yield
    settings.load_profile(previous)


@pytest.mark.usefixtures("ci_profile")
def test_stopping_shrinking_keeps_the_profile_but_its_shrinking() -> None:
    before = settings.get_profile(CI_PROFILE)
    assert Phase.shrink in before.phases
    stop_shrinking()
    loaded = settings()
    assert Phase.shrink not in loaded.phases and Phase.explain not in loaded.phases
    assert [phase for phase in before.phases if phase not in (Phase.shrink, Phase.explain)] == list(
        loaded.phases
    )
    assert loaded.max_examples == before.max_examples
    assert loaded.deadline == before.deadline
    # The run still says, replays and budgets by the profile it was given.
    assert current_profile_name() == CI_PROFILE
    assert lifecycle_budget() == LIFECYCLE_BUDGETS[CI_PROFILE]
    assert paging_examples() == PAGING_EXAMPLES[CI_PROFILE]


@pytest.mark.usefixtures("ci_profile")
def test_stopping_shrinking_twice_is_stopping_it_once() -> None:
    stop_shrinking()
    stop_shrinking()
    assert current_profile_name() == CI_PROFILE
    assert Phase.shrink not in settings().phases
    assert settings().max_examples == settings.get_profile(CI_PROFILE).max_examples
