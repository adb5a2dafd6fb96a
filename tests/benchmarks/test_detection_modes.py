"""The benchmark's modes: a seeded account with no cap, and an empty one with the default cap."""

from __future__ import annotations

import pytest

from benchmarks.detection_modes import MODES, REAL_TARGET, SEEDED, selected_modes
from benchmarks.harness_runs import harness_command
from contract_tests.run.options import DEFAULT_MAX_PURCHASES


def test_both_is_every_mode_seeded_first() -> None:
    assert selected_modes("both") == [SEEDED, REAL_TARGET]
    assert selected_modes("real-target") == [REAL_TARGET]
    assert set(MODES) == {"seeded", "real-target"}
    with pytest.raises(ValueError, match="unknown mode 'stocked'; valid modes: seeded, "):
        selected_modes("stocked")


def test_real_target_mode_runs_as_a_user_of_a_paid_service() -> None:
    assert not REAL_TARGET.owned_before
    command = harness_command("http://h", "ci", True, max_purchases=REAL_TARGET.max_purchases)
    # No cap of ours: the harness's own default applies.
    assert not any(part.startswith("--max-purchases") for part in command)
    assert "--allow-purchases" in command
    assert SEEDED.owned_before
    assert SEEDED.max_purchases is not None and SEEDED.max_purchases > DEFAULT_MAX_PURCHASES
