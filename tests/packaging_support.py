"""The built wheels and one fresh virtualenv per extra of the toolkit, for the packaging tests.

Environments are made with uv (pinned in the `dev` extra) because it installs from its cache in
well under a second, where pip takes most of a minute. The fixtures (`tests/conftest.py`) build the
wheels once per test process, however many packaging modules ask for them.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONSTRAINTS = ROOT / "constraints.txt"
UV = Path(sys.executable).parent / "uv"
RULE_FIXTURES = ROOT / "tests" / "spec_update" / "fixtures" / "rules"


@dataclass(frozen=True)
class Wheels:
    toolkit: Path
    client: Path
    build_log: str


def uv(*arguments: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(UV), *map(str, arguments)], capture_output=True, text=True, check=True, timeout=300
    )


def build_wheels(out: Path) -> Wheels:
    # Through an sdist, as a release would: the wheel is built from the unpacked sdist, so the
    # build leaves no build/ folder in the checkout and a file missing from the sdist shows here.
    build = uv("build", "--out-dir", out, ROOT)
    uv("build", "--quiet", "--wheel", "--out-dir", out, ROOT / "generated_client")
    (toolkit,) = out.glob("numbers_toolkit-*.whl")
    (client,) = out.glob("numbers_api_client-*.whl")
    return Wheels(toolkit, client, build.stdout + build.stderr)


def fresh_env(where: Path, *requirements: str | Path) -> Path:
    """A new virtualenv holding only `requirements` (and what they need): its bin folder."""
    uv("venv", "--quiet", "--python", sys.executable, where)
    python = where / "bin" / "python"
    uv("pip", "install", "--quiet", "--python", python, "-c", CONSTRAINTS, *requirements)
    return where / "bin"


class Installs:
    """One fresh virtualenv per extra of the toolkit's wheel, made when first asked for."""

    def __init__(self, wheels: Wheels, root: Path) -> None:
        self._wheels = wheels
        self._root = root
        self._made: dict[str, Path] = {}

    def bin_dir(self, extra: str) -> Path:
        """The bin folder of `numbers-toolkit[extra]` (`""`: no extra) installed alone."""
        if extra not in self._made:
            toolkit = f"{self._wheels.toolkit}[{extra}]" if extra else str(self._wheels.toolkit)
            # The harness's extra asks for the generated client, which is its own wheel.
            client = [self._wheels.client] if extra == "harness" else []
            self._made[extra] = fresh_env(self._root / (extra or "bare"), toolkit, *client)
        return self._made[extra]


def installed(bin_dir: Path, module: str) -> bool:
    probe = f"import importlib.util, sys; sys.exit(importlib.util.find_spec({module!r}) is None)"
    return subprocess.run([bin_dir / "python", "-c", probe], check=False).returncode == 0
