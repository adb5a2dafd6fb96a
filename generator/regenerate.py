"""Run the pinned openapi-python-client on the vendored document into a fresh folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from generator.paths import CHANGELOG_PATH, CONFIG_PATH, OUTPUT_DIR, SPEC_PATH, TEMPLATES_DIR
from generator.pins import check_installed, pinned_versions


class GenerationError(RuntimeError):
    """openapi-python-client failed or warned; its own output is in the message."""


def generate_into(destination: Path, spec: Path = SPEC_PATH) -> None:
    """Generate the client project into `destination`, which must not exist yet."""
    check_installed(pinned_versions())
    # The post hooks call `ruff` by name: put the interpreter's own scripts first on PATH so the
    # pinned ruff of this environment formats the output, never another one found on the machine.
    scripts = str(Path(sys.executable).parent)
    # No ruff cache: it would land inside the generated tree.
    env = {
        **os.environ,
        "PATH": os.pathsep.join([scripts, os.environ.get("PATH", "")]),
        "RUFF_NO_CACHE": "true",
    }
    command = [
        sys.executable,
        "-m",
        "openapi_python_client",
        "generate",
        "--path",
        str(spec),
        "--config",
        str(CONFIG_PATH),
        "--custom-template-path",
        str(TEMPLATES_DIR),
        "--meta",
        "uv",
        "--output-path",
        str(destination),
        "--fail-on-warning",
    ]
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0 or not destination.is_dir():
        raise GenerationError(f"openapi-python-client failed:\n{result.stdout}{result.stderr}")
    # The changelog is an input like the config (which holds the version it describes): copying it
    # on every generation keeps the drift check covering the client's CHANGELOG.md too.
    shutil.copyfile(CHANGELOG_PATH, destination / "CHANGELOG.md")


def regenerate(output: Path = OUTPUT_DIR, spec: Path = SPEC_PATH) -> None:
    """Replace `output` with a fresh generation; `output` is untouched if generation fails."""
    with tempfile.TemporaryDirectory(prefix="numbers-client-") as scratch:
        fresh = Path(scratch) / "client"
        generate_into(fresh, spec)
        if output.exists():
            shutil.rmtree(output)
        shutil.copytree(fresh, output)
