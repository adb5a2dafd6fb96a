"""Hypothesis profiles for the harness, chosen by `HYPOTHESIS_PROFILE` or `--hypothesis-profile`.

- `quick`: development and the default `nox -s contract`; the whole run on the mock in seconds.
- `ci`: what CI runs (and the default when the `CI` variable is set); Hypothesis' own `ci` profile
  with the harness's budget, still well under two minutes on two cores.
- `thorough`: for a person with time: many more cases, longer lifecycles, shrinking kept.

`max_examples` is the fuzzing budget per operation (schemathesis adds its examples and coverage
cases on top); the lifecycle test gets its own, smaller budget because each of its examples is a
whole sequence of calls.

Hypothesis keeps its files (the example database, its caches) in the user's cache folder
(`hypothesis_home`, e.g. `~/.cache/numbers-contract/hypothesis` on Linux), never in the current
folder. `quick` and `ci` keep no example database (a run replays from its seed alone), `thorough`
keeps one there; `--hypothesis-database PATH` keeps one at PATH for any profile, `none` none.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs
from hypothesis import HealthCheck, Phase, settings
from hypothesis.configuration import set_hypothesis_home_dir
from hypothesis.database import DirectoryBasedExampleDatabase, ExampleDatabase

DEFAULT_PROFILE = "quick"
CI_PROFILE = "ci"
# Appended to a profile's name for its variant without shrinking (`stop_shrinking`).
UNSHRUNK_SUFFIX = "+unshrunk"


@dataclass(frozen=True)
class LifecycleBudget:
    max_examples: int
    step_count: int


LIFECYCLE_BUDGETS = {
    "quick": LifecycleBudget(max_examples=8, step_count=15),
    "ci": LifecycleBudget(max_examples=15, step_count=20),
    "thorough": LifecycleBudget(max_examples=200, step_count=50),
}
PAGING_EXAMPLES = {"quick": 4, "ci": 6, "thorough": 40}
PROFILE_NAMES = tuple(LIFECYCLE_BUDGETS)

# Requests to a server are slow next to pure functions; Hypothesis must not count that against us.
_NETWORK_HEALTH_CHECKS = [HealthCheck.too_slow]


APP_NAME = "numbers-contract"
# Hypothesis' own variable for its folder: when a person sets it, it wins.
STORAGE_VARIABLE = "HYPOTHESIS_STORAGE_DIRECTORY"
NO_DATABASE = "none"


def hypothesis_home() -> Path:
    """Where Hypothesis keeps its files for the harness: the platform's cache folder."""
    where = os.environ.get(STORAGE_VARIABLE)
    return Path(where) if where else platformdirs.user_cache_path(APP_NAME) / "hypothesis"


@dataclass(frozen=True)
class Database:
    """The example database a run keeps: `path` None means none; `source` says why."""

    path: Path | None
    source: str

    def example_database(self) -> ExampleDatabase | None:
        return DirectoryBasedExampleDatabase(str(self.path)) if self.path is not None else None

    def describe(self) -> str:
        where = str(self.path) if self.path is not None else "none"
        return f"{where} ({self.source})"


def database_for(option: str | None, profile: str) -> Database:
    """The database `--hypothesis-database` (`option`: a path, `none`, or None) gives `profile`."""
    if option is not None and option.strip().lower() == NO_DATABASE:
        return Database(None, "--hypothesis-database none")
    if option is not None:
        return Database(Path(option).expanduser().absolute(), "--hypothesis-database")
    if profile == "thorough":
        return Database(hypothesis_home() / "examples", "profile thorough")
    return Database(None, f"profile {profile} replays from its seed alone")


def configure_hypothesis(database_option: str | None) -> None:
    """Register the profiles, Hypothesis' files in the cache folder: when pytest is configured,
    before Hypothesis' own plugin loads `--hypothesis-profile`."""
    set_hypothesis_home_dir(hypothesis_home())
    register_profiles(database_option)
    settings.load_profile(default_profile_name())


def register_profiles(database_option: str | None = None) -> None:
    settings.register_profile(
        "quick",
        max_examples=25,
        deadline=None,
        database=database_for(database_option, "quick").example_database(),
        print_blob=True,
        suppress_health_check=_NETWORK_HEALTH_CHECKS,
        # Shrinking makes a failure readable but costs requests; quick runs stop at the first find.
        phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.target],
    )
    settings.register_profile(
        "ci",
        parent=settings.get_profile("ci"),
        max_examples=60,
        deadline=None,
        database=database_for(database_option, "ci").example_database(),
        print_blob=True,
        # The run's seed is printed and replayable, so CI need not be derandomized to be
        # reproducible.
        derandomize=False,
        suppress_health_check=_NETWORK_HEALTH_CHECKS,
    )
    settings.register_profile(
        "thorough",
        max_examples=1000,
        deadline=None,
        database=database_for(database_option, "thorough").example_database(),
        print_blob=True,
        suppress_health_check=_NETWORK_HEALTH_CHECKS,
    )


def default_profile_name() -> str:
    return os.environ.get("HYPOTHESIS_PROFILE") or (
        CI_PROFILE if os.environ.get("CI") else DEFAULT_PROFILE
    )


def current_profile_name() -> str:
    """The profile the run was given (`ci`, say), also while its unshrunk variant is loaded."""
    return settings.get_current_profile_name().removesuffix(UNSHRUNK_SUFFIX)


def stop_shrinking() -> None:
    """Load the current profile's variant without shrinking, for a run that stops at its first
    failure (`-x`): it reports the failing example as found instead of sending requests to make
    it smaller. The same seed without `-x` finds the same example and shrinks it.
    """
    name = current_profile_name()
    unshrunk = settings.get_profile(name)
    phases = [phase for phase in unshrunk.phases if phase not in (Phase.shrink, Phase.explain)]
    settings.register_profile(name + UNSHRUNK_SUFFIX, parent=unshrunk, phases=phases)
    settings.load_profile(name + UNSHRUNK_SUFFIX)


def lifecycle_budget() -> LifecycleBudget:
    return LIFECYCLE_BUDGETS.get(current_profile_name(), LIFECYCLE_BUDGETS["quick"])


def paging_examples() -> int:
    return PAGING_EXAMPLES.get(current_profile_name(), PAGING_EXAMPLES["quick"])
