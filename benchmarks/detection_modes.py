"""The two situations the detection benchmark puts the harness in, each run on every fault.

- `seeded`: the account already owns numbers in two countries, some linked to an application,
  written into the mock's store before the run (`benchmarks.targets`), and the harness may buy as
  much as it likes. Every check has something to judge from the first request.
- `real-target`: what a user pointing the harness at a paid service gets. The account owns
  nothing, and the harness runs with its default purchase cap (`--allow-purchases` without
  `--max-purchases`), so whatever the owned-list filters, update and cancel judge, the harness
  had to buy itself within that cap.
"""

from __future__ import annotations

from dataclasses import dataclass

from benchmarks.harness_runs import MAX_PURCHASES

__all__ = ["BOTH", "MODES", "REAL_TARGET", "SEEDED", "Mode", "selected_modes"]

BOTH = "both"


@dataclass(frozen=True)
class Mode:
    """How the account starts and how much the harness may buy."""

    name: str
    # A sentence for the report.
    description: str
    owned_before: bool
    # None: the harness's own default cap, as a user runs it.
    max_purchases: int | None


SEEDED = Mode(
    "seeded",
    "The account owns 6 numbers in two countries before the run; purchases uncapped "
    f"(`--max-purchases={MAX_PURCHASES}`).",
    owned_before=True,
    max_purchases=MAX_PURCHASES,
)
REAL_TARGET = Mode(
    "real-target",
    "The account owns nothing before the run; the harness's default purchase cap "
    "(`--allow-purchases` alone).",
    owned_before=False,
    max_purchases=None,
)
MODES = {mode.name: mode for mode in (SEEDED, REAL_TARGET)}


def selected_modes(name: str) -> list[Mode]:
    """The modes a `--mode` option names: one of `MODES`, or `both` (seeded first)."""
    if name == BOTH:
        return list(MODES.values())
    try:
        return [MODES[name]]
    except KeyError:
        valid = ", ".join([*MODES, BOTH])
        raise ValueError(f"unknown mode {name!r}; valid modes: {valid}") from None
