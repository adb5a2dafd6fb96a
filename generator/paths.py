"""Where the generator's inputs and output live in the repository."""

from __future__ import annotations

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
SPEC_PATH = REPO_ROOT / "openapi" / "numbers-api.json"
OVERLAY_PATH = REPO_ROOT / "numbers_openapi" / "overlay.yaml"
CONFIG_PATH = REPO_ROOT / "generator" / "config.yaml"
# The names the client gives to what the document leaves unnamed (enum members).
NAMES_PATH = REPO_ROOT / "generator" / "names.yaml"
# Modules copied as they are into the generated package (helpers no template produces).
PACKAGE_FILES_DIR = REPO_ROOT / "generator" / "package"
TEMPLATES_DIR = REPO_ROOT / "generator" / "templates"
CHANGELOG_PATH = REPO_ROOT / "generator" / "CHANGELOG.md"
OUTPUT_DIR = REPO_ROOT / "generated_client"
PYPROJECT_PATH = REPO_ROOT / "pyproject.toml"
FIX_COMMAND = "nox -s generate"

# What only a checkout has: the wheel installs generator/ into site-packages without the pins of
# the generation tools (pyproject.toml) or the vendored document beside which the client is written.
CHECKOUT_FILES = (Path("pyproject.toml"), Path("openapi") / "numbers-api.json")


class NotACheckoutError(RuntimeError):
    """The generator's root is not a checkout of the repository (an installed wheel's, say)."""


def checkout_root(root: Path = REPO_ROOT) -> Path:
    """`root`, once it is known to be a checkout of the repository; NotACheckoutError if not."""
    missing = [str(name) for name in CHECKOUT_FILES if not (root / name).is_file()]
    if missing:
        raise NotACheckoutError(
            "python -m generator runs in a checkout of the numbers toolkit (it writes"
            f" generated_client/ beside openapi/); no checkout found at {root}"
            f" (no {' or '.join(missing)})"
        )
    return root
