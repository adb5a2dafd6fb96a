"""How long regenerating the client takes: ours, and a bare `openapi-python-client generate`.

Ours is `python -m generator --output DIR` (pinned versions checked, our config and templates, ruff
formatting, the changelog copied). The bare run is the same generator on the same document with its
defaults: no config, no templates; its ruff post-hooks run too (with this environment's ruff first
on PATH, as ours does), so the difference is what our configuration and templates add. Both write
into fresh temporary folders; runs alternate and each side reports its median.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Regeneration", "bare_command", "measure_regeneration", "our_command"]

REPO_ROOT = Path(__file__).resolve().parent.parent
DOCUMENT = REPO_ROOT / "openapi" / "numbers-api.json"


@dataclass(frozen=True)
class Regeneration:
    """Median seconds of each way of generating the client."""

    ours_seconds: float
    bare_seconds: float
    runs: int

    @property
    def ratio(self) -> float:
        return self.ours_seconds / self.bare_seconds


def our_command(output: Path) -> list[str]:
    return [sys.executable, "-m", "generator", "--output", str(output)]


def bare_command(output: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "openapi_python_client",
        "generate",
        "--path",
        str(DOCUMENT),
        "--meta",
        "uv",
        "--output-path",
        str(output),
    ]


def _timed(command: list[str]) -> float:
    scripts = str(Path(sys.executable).parent)
    env = {**os.environ, "PATH": os.pathsep.join([scripts, os.environ.get("PATH", "")])}
    started = time.perf_counter()
    subprocess.run(command, cwd=REPO_ROOT, env=env, capture_output=True, check=True)
    return time.perf_counter() - started


def measure_regeneration(runs: int = 5) -> Regeneration:
    """Alternate `runs` generations of each kind into fresh folders; the medians."""
    ours: list[float] = []
    bare: list[float] = []
    for run in range(runs):
        with tempfile.TemporaryDirectory(prefix="numbers-regen-") as folder:
            ours.append(_timed(our_command(Path(folder) / f"ours-{run}")))
            output = Path(folder) / f"bare-{run}"
            bare.append(_timed(bare_command(output)))
            if not (output / "pyproject.toml").exists():
                raise RuntimeError("the bare generation wrote no project")
    return Regeneration(statistics.median(ours), statistics.median(bare), runs)
