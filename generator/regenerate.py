"""Run the pinned openapi-python-client on the vendored document, overlaid, into a fresh folder.

The published document is never edited: the overlay (numbers_openapi/overlay.yaml) is applied to a
copy, written to a scratch file, and that copy is what openapi-python-client reads.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from generator.names import named_document
from generator.paths import (
    CHANGELOG_PATH,
    CONFIG_PATH,
    NAMES_PATH,
    OUTPUT_DIR,
    OVERLAY_PATH,
    PACKAGE_FILES_DIR,
    SPEC_PATH,
    TEMPLATES_DIR,
    checkout_root,
)
from generator.pins import check_installed, pinned_versions
from generator.security import Credential, SecurityError, credentials, credentials_template
from numbers_openapi.documents import DocumentError, load_document, write_json_document
from numbers_openapi.overlay import OverlayError
from numbers_openapi.undocumented import applied_document

# Written next to the overrides on every generation: the document's credentials, for the client.
CREDENTIALS_TEMPLATE = "credentials.jinja"


class GenerationError(RuntimeError):
    """openapi-python-client failed or warned; its own output is in the message."""


def generate_into(destination: Path, spec: Path = SPEC_PATH, overlay: Path = OVERLAY_PATH) -> None:
    """Generate the client project into `destination`, which must not exist yet."""
    # Every input but the document and the overlay is read from the checkout, whatever is passed.
    checkout_root()
    check_installed(pinned_versions())
    try:
        document = applied_document(spec, overlay)
    except (DocumentError, OverlayError) as error:
        raise GenerationError(f"cannot apply {overlay.name} to {spec.name}: {error}") from None
    try:
        document = named_document(document, NAMES_PATH)
    except (DocumentError, OverlayError) as error:
        raise GenerationError(f"cannot apply {NAMES_PATH.name} to {spec.name}: {error}") from None
    try:
        sent = credentials(document)
    except SecurityError as error:
        raise GenerationError(f"cannot authenticate as {spec.name} says: {error}") from None
    with tempfile.TemporaryDirectory(prefix="numbers-document-") as scratch:
        # Named like the published document, so that openapi-python-client's messages name it.
        overlaid = Path(scratch) / f"{spec.stem}.json"
        write_json_document(document, overlaid)
        templates = write_templates(Path(scratch) / "templates", sent)
        _run_openapi_python_client(overlaid, templates, destination)
    # The changelog is an input like the config (which holds the version it describes): copying it
    # on every generation keeps the drift check covering the client's CHANGELOG.md too.
    shutil.copyfile(CHANGELOG_PATH, destination / "CHANGELOG.md")
    copy_package_files(destination / package_name())


def package_name(config: Path = CONFIG_PATH) -> str:
    """The generated package's import name, as the configuration fixes it."""
    name = load_document(config).get("package_name_override")
    if not isinstance(name, str):
        raise GenerationError(f"{config.name} does not set package_name_override")
    return name


def copy_package_files(package: Path, source: Path = PACKAGE_FILES_DIR) -> list[Path]:
    """Copy the helper modules of `source` into the generated `package`; they are part of the
    output like any generated file, so the drift check covers them."""
    copied = []
    for module in sorted(source.glob("*.py")):
        target = package / module.name
        if target.exists():
            raise GenerationError(
                f"{module.name} would overwrite a generated module of the package"
            )
        shutil.copyfile(module, target)
        copied.append(target)
    return copied


def write_templates(folder: Path, sent: tuple[Credential, ...]) -> Path:
    """The template overrides, with the credentials.jinja that client.py.jinja imports."""
    shutil.copytree(TEMPLATES_DIR, folder)
    (folder / CREDENTIALS_TEMPLATE).write_text(credentials_template(sent), encoding="utf-8")
    return folder


def _run_openapi_python_client(spec: Path, templates: Path, destination: Path) -> None:
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
        str(templates),
        "--meta",
        "uv",
        "--output-path",
        str(destination),
        "--fail-on-warning",
    ]
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0 or not destination.is_dir():
        raise GenerationError(f"openapi-python-client failed:\n{result.stdout}{result.stderr}")


def regenerate(
    output: Path = OUTPUT_DIR, spec: Path = SPEC_PATH, overlay: Path = OVERLAY_PATH
) -> None:
    """Replace `output` with a fresh generation; `output` is untouched if generation fails."""
    with tempfile.TemporaryDirectory(prefix="numbers-client-") as scratch:
        fresh = Path(scratch) / "client"
        generate_into(fresh, spec, overlay)
        if output.exists():
            shutil.rmtree(output)
        shutil.copytree(fresh, output)
