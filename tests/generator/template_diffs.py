"""Each template override as a unified diff from the pinned openapi-python-client's template.

The diffs are recorded under tests/generator/recorded_template_diffs/ (one `NAME.diff` per
override) and test_templates.py requires each override to differ from the installed upstream
template by exactly its recorded diff, so any change of an override or of the pinned generator
shows up as a reviewable change of a recorded file. After a deliberate change, re-record with:

    python -m tests.generator.template_diffs
"""

from __future__ import annotations

import difflib
from importlib.metadata import version
from pathlib import Path

import openapi_python_client

from generator.paths import TEMPLATES_DIR

UPSTREAM_TEMPLATES = Path(openapi_python_client.__file__).parent / "templates"
RECORDED_DIR = Path(__file__).parent / "recorded_template_diffs"
RECORD_COMMAND = "python -m tests.generator.template_diffs"


def overrides() -> list[str]:
    """The templates of generator/templates/ that replace one of openapi-python-client's."""
    return sorted(
        path.name for path in TEMPLATES_DIR.iterdir() if (UPSTREAM_TEMPLATES / path.name).is_file()
    )


def own_templates() -> list[str]:
    """The templates of generator/templates/ with no upstream counterpart."""
    return sorted(
        path.name
        for path in TEMPLATES_DIR.iterdir()
        if not (UPSTREAM_TEMPLATES / path.name).exists()
    )


def unified_diff(name: str) -> str:
    """The override `name` as a unified diff from the installed upstream template."""
    upstream = (UPSTREAM_TEMPLATES / name).read_text(encoding="utf-8").splitlines(keepends=True)
    override = (TEMPLATES_DIR / name).read_text(encoding="utf-8").splitlines(keepends=True)
    lines = difflib.unified_diff(
        upstream,
        override,
        fromfile=f"openapi-python-client {version('openapi-python-client')}/templates/{name}",
        tofile=f"generator/templates/{name}",
    )
    # A last line without a newline on either side would glue onto the next diff line.
    ending = "\n\\ No newline at end of file\n"
    return "".join(line if line.endswith("\n") else line + ending for line in lines)


def recorded_path(name: str) -> Path:
    return RECORDED_DIR / f"{name}.diff"


def record() -> list[Path]:
    """Write every override's diff, and remove the recordings of overrides that are gone."""
    RECORDED_DIR.mkdir(exist_ok=True)
    names = overrides()
    for stale in RECORDED_DIR.glob("*.diff"):
        if stale.name.removesuffix(".diff") not in names:
            stale.unlink()
    written = []
    for name in names:
        recorded_path(name).write_text(unified_diff(name), encoding="utf-8")
        written.append(recorded_path(name))
    return written


if __name__ == "__main__":
    for path in record():
        print(f"recorded {path}")
