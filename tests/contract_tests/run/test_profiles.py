"""The harness's Hypothesis profiles, and their variant without shrinking for runs stopped at the
first failure."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import Phase, settings
from hypothesis.database import DirectoryBasedExampleDatabase

from contract_tests.run.profiles import (
    CI_PROFILE,
    LIFECYCLE_BUDGETS,
    PAGING_EXAMPLES,
    STORAGE_VARIABLE,
    current_profile_name,
    database_for,
    hypothesis_home,
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


def test_hypothesis_files_go_to_the_cache_folder_never_the_current_one(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(STORAGE_VARIABLE, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert hypothesis_home() == tmp_path / "cache" / "numbers-contract" / "hypothesis"
    monkeypatch.setenv(STORAGE_VARIABLE, str(tmp_path / "chosen"))
    assert hypothesis_home() == tmp_path / "chosen"


def test_which_profiles_keep_an_example_database_and_where(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(STORAGE_VARIABLE, str(tmp_path / "home"))
    assert database_for(None, "quick").path is None
    assert database_for(None, "ci").path is None
    assert database_for(None, "thorough").path == tmp_path / "home" / "examples"
    assert database_for("none", "thorough").path is None
    chosen = database_for(str(tmp_path / "db"), "quick")
    assert chosen.path == tmp_path / "db"
    database = chosen.example_database()
    assert isinstance(database, DirectoryBasedExampleDatabase)
    assert database.path == tmp_path / "db"
