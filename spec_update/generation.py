"""Run the repository's own generator (`python -m generator`) inside a given checkout.

The generator finds its configuration, templates, changelog and pins next to itself, so running it
as a module from the checkout's root makes every input that checkout's, including in a test's copy.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from spec_update.errors import UpdateError

# Imports every module of the client: a generated tree that does not import fails here.
SMOKE_SCRIPT = """
import importlib, pkgutil, sys
import numbers_api_client as package
expected = sys.argv[1]
if not package.__file__.startswith(expected):
    sys.exit(f"imported {package.__file__}, not the client under {expected}")
for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
    importlib.import_module(module.name)
"""


class GenerationFailed(UpdateError):
    """The generator refused the document, or its output failed a check."""


def generate(root: Path, *, spec: Path, output: Path) -> None:
    """Generate the client from `spec` into `output` with the generator of `root`."""
    result = _run(root, "-m", "generator", "--spec", str(spec), "--output", str(output))
    if result.returncode != 0:
        raise GenerationFailed(
            "the generator could not build a client from the new document:\n" + _output(result)
        )


def check_drift(root: Path) -> None:
    """Fail unless `root`'s generated_client/ is exactly a fresh regeneration."""
    result = _run(root, "-m", "generator", "--check")
    if result.returncode != 0:
        raise GenerationFailed("the drift check failed after regeneration:\n" + _output(result))


def smoke_import(root: Path) -> None:
    """Import every module of `root`'s generated client in a fresh interpreter."""
    client = root / "generated_client"
    result = _run(root, "-c", SMOKE_SCRIPT, str(client), python_path=client)
    if result.returncode != 0:
        raise GenerationFailed("the regenerated client does not import:\n" + _output(result))


def _run(
    root: Path, *arguments: str, python_path: Path | None = None
) -> subprocess.CompletedProcess[str]:
    first = [str(python_path)] if python_path else []
    path = os.pathsep.join([*first, str(root), os.environ.get("PYTHONPATH", "")])
    env = {**os.environ, "PYTHONPATH": path}
    return subprocess.run(
        [sys.executable, *arguments], cwd=root, env=env, capture_output=True, text=True, check=False
    )


def _output(result: subprocess.CompletedProcess[str]) -> str:
    return (result.stdout + result.stderr).strip()
