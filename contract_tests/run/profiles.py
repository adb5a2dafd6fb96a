"""Hypothesis profiles for the harness, chosen by `HYPOTHESIS_PROFILE` or `--hypothesis-profile`.

- `quick`: development and the default `nox -s contract`; the whole run on the mock in seconds.
- `ci`: what CI runs (and the default when the `CI` variable is set); Hypothesis' own `ci` profile
  with the harness's budget, still well under two minutes on two cores.
- `thorough`: for a person with time: many more cases, longer lifecycles, shrinking kept.

`max_examples` is the fuzzing budget per operation (schemathesis adds its examples and coverage
cases on top); the lifecycle test gets its own, smaller budget because each of its examples is a
whole sequence of calls.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from hypothesis import HealthCheck, Phase, settings

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

# Requests to a server are slow next to pure functions; Hypothesis must not count that against us.
_NETWORK_HEALTH_CHECKS = [HealthCheck.too_slow]


def register_profiles() -> None:
    settings.register_profile(
        "quick",
        max_examples=25,
        deadline=None,
        database=None,
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
        database=None,
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
