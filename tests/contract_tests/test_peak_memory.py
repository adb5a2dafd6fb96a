"""The harness runs' memory figure is the harness's own, however large this pytest process is."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from tests.contract_tests.conftest import RunningHarness

MIB = 1024 * 1024
# The child touches 30 MiB on top of an interpreter (about 10 MiB).
CHILD = (
    "import time; x = bytearray(30 * 1024 * 1024); x[::4096] = b'1' * len(x[::4096]); "
    "time.sleep(0.3)"
)


def test_the_peak_is_the_childs_own_not_this_process_image(tmp_path: Path) -> None:
    # Late in a full test run this process is hundreds of MiB: wait4's ru_maxrss then reported
    # that size for every child (the memory before its exec), not the harness's own peak.
    ballast = bytearray(300 * MIB)
    ballast[::4096] = b"1" * len(ballast[::4096])
    run = RunningHarness([sys.executable, "-c", CHILD], dict(os.environ), tmp_path).finish()
    assert run.returncode == 0, run.output
    assert 30 < run.peak_rss_mib < 150, run.peak_rss_mib
    del ballast
