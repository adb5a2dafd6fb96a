"""Run records written by real harness runs (`benchmarks.harness_runs.harness_command` against the
mock with a fault), read by the benchmarks' tests."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).parent / "data"
PAGES_OVERLAP = DATA / "run-pages-overlap.json"
SNAPSHOT_REFUSED = DATA / "run-snapshot-refused.json"
