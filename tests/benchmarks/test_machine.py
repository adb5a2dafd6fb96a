"""The machine line every figure is published with."""

from __future__ import annotations

import platform

from benchmarks.machine import describe_machine


def test_the_machine_line_names_cores_cpu_memory_and_python() -> None:
    line = describe_machine()
    assert "cores (nproc)" in line
    assert f"Python {platform.python_version()}" in line
    assert "GiB" in line or "unknown memory" in line
