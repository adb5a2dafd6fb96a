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
