"""One update, end to end, as named steps: read, check the outputs, classify, check the overlay,
generate in a scratch folder, run the client's tests there and type-check the toolkit's code on
the new client, then write, regenerate and prove.

Nothing under openapi/, generator/, generated_client/ or pyproject.toml is written until the new
document has been validated, the overlay has been found to fit it and a client has been generated
from it in a scratch folder; if the overlay or that generation fails, the classification is still
returned (state "refused", naming the step) and nothing is written. Once writing has begun, a step
that fails puts every file and generated_client/ back as they were and raises StepFailed naming
the step.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path

from spec_update.api_diff import ApiChange, diff_surfaces
from spec_update.api_surface import snapshot
from spec_update.changelog import Release, add_entry, render_entry
from spec_update.changes import Bump, Change, Impact, bump_for
from spec_update.client_auth import authentication_changes
from spec_update.client_tests import ClientTestRun, run_client_tests
from spec_update.client_users import ClientUsersRun, check_client_users
from spec_update.document import JSON, YAML, Document, load_document
from spec_update.errors import UpdateError
from spec_update.generation import GenerationFailed, check_drift, generate, smoke_import
from spec_update.layout import Layout
from spec_update.levels import Level
from spec_update.outputs import check_output_path, kept
from spec_update.overlay_fit import check_overlay
from spec_update.provenance import provenance_for, render_provenance
from spec_update.requirement import major, moved_pin, moved_requirement
from spec_update.sources import read_source
from spec_update.spec_diff import diff_documents
from spec_update.versioning import bump_version, read_version, write_version
from spec_update.view import View

CHANGELOG_PREAMBLE = "# Changelog of numbers-api-client\n"

# The steps, as messages name them.
CHECK_OVERLAY = "check the overlay"
PREVIEW = "generate the new client in a scratch folder"
WRITE = "write the document, its provenance, the version, the changelog and the requirement"
REGENERATE = "regenerate generated_client/"
DRIFT = "drift check of generated_client/"
IMPORT = "import every module of the new client"
FINISH = "write the report"

Finish = Callable[["Outcome"], None]


class StepFailed(UpdateError):
    """A step failed after writing had begun; everything written was put back."""

    def __init__(self, step: str, reason: str) -> None:
        self.step = step
        super().__init__(
            f"step `{step}` failed; every file was put back as it was:\n{reason.strip()}"
        )


@dataclass(frozen=True)
class Outcome:
    """What an update found and did. `state`: "unchanged", "checked", "updated", or "refused"
    (the overlay does not fit the new document, or the generator could not build a client from
    it: nothing was written; `refused_step` names the step and `generation_error` says why)."""

    state: str
    source: str
    old: Document
    new: Document
    old_version: str
    new_version: str
    bump: Bump | None = None
    spec_changes: list[Change] = field(default_factory=list)
    api_changes: list[ApiChange] = field(default_factory=list)
    entry: str = ""
    written: tuple[str, ...] = ()
    old_source: str = "the vendored document"
    generation_error: str | None = None
    refused_step: str | None = None
    client_tests: ClientTestRun | None = None
    client_users: ClientUsersRun | None = None
    # The toolkit's requirement on the client, when the update moves it.
    requirement: str | None = None

    @property
    def breaks_clients(self) -> list[Change]:
        return [change for change in self.spec_changes if change.client is Level.BREAKING]

    @property
    def breaks_servers(self) -> list[Change]:
        return [change for change in self.spec_changes if change.server is Level.BREAKING]

    @property
    def breaks_client_code(self) -> list[ApiChange]:
        return [change for change in self.api_changes if change.impact is Impact.BREAKING]


@dataclass(frozen=True)
class Preview:
    """The new client as generated in a scratch folder: its API changes, its tests' verdict and
    the type checker's on the toolkit's code that imports it (None: not checked)."""

    api_changes: list[ApiChange]
    client_tests: ClientTestRun
    client_users: ClientUsersRun | None = None


def update_spec(
    source: str,
    layout: Layout,
    *,
    check: bool = False,
    today: date | None = None,
    prove: bool = True,
    run_tests: bool = True,
    finish: Finish | None = None,
) -> Outcome:
    """Take the document at `source` into the checkout at `layout` (only report when `check`).

    `finish` is called with the outcome as the last step (the command writes its report there):
    if it fails, the update is put back too.
    """
    if not layout.spec.is_file():
        raise UpdateError(f"{layout.root} is not a checkout of this repository (no openapi/ spec)")
    new = load_document(read_source(source), origin=source)
    # The vendored document was validated when it was taken in.
    vendored = layout.relative(layout.spec)
    old = load_document(layout.spec.read_bytes(), origin=vendored, validate=False)
    config = layout.generator_config.read_text(encoding="utf-8")
    old_version = read_version(config)
    if new.raw == old.raw:
        outcome = Outcome(
            "unchanged", source, old, new, old_version, old_version, old_source=vendored
        )
        return _finish(outcome, finish)
    if not check:
        for path in _outputs(layout, new):
            check_output_path(path, layout.relative(path))

    today = today or datetime.now(UTC).date()
    spec_changes = diff_documents(old, new, today=today)
    refused = Outcome(
        "refused",
        source,
        old,
        new,
        old_version,
        old_version,
        spec_changes=spec_changes,
        old_source=vendored,
    )
    try:
        check_overlay(layout.overlay, new.data, layout.relative(layout.overlay))
    except UpdateError as error:
        return _finish(
            replace(refused, generation_error=str(error), refused_step=CHECK_OVERLAY), finish
        )
    try:
        preview = _preview(layout, new, run_tests=run_tests)
    except GenerationFailed as error:
        return _finish(replace(refused, generation_error=str(error), refused_step=PREVIEW), finish)
    api_changes = preview.api_changes + authentication_changes(View(old.data), View(new.data))
    bump = bump_for(spec_changes, [c.impact for c in api_changes])
    new_version = bump_version(old_version, bump)
    requirement = _moved_requirement(layout, old_version, new_version)
    release = Release(new_version, bump, today, old, new, source, spec_changes, api_changes)
    entry = render_entry(release)
    outcome = Outcome(
        "checked",
        source,
        old,
        new,
        old_version,
        new_version,
        bump,
        spec_changes,
        api_changes,
        entry,
        old_source=vendored,
        client_tests=preview.client_tests,
        client_users=preview.client_users,
        requirement=requirement[1] if requirement else None,
    )
    if check:
        return _finish(outcome, finish)

    contents = _inputs(layout, new, source, today, write_version(config, new_version), entry)
    if requirement is not None:
        contents.update(requirement[0])
    with kept(contents, layout.client):
        _step(WRITE, lambda: _write(contents))
        _step(
            REGENERATE, lambda: generate(layout.root, spec=layout.spec_json, output=layout.client)
        )
        if prove:
            _step(DRIFT, lambda: check_drift(layout.root))
            _step(IMPORT, lambda: smoke_import(layout.root))
        shown = [
            layout.relative(path) + (" (removed)" if content is None else "")
            for path, content in contents.items()
        ]
        updated = replace(
            outcome, state="updated", written=(*shown, layout.relative(layout.client) + "/")
        )
        _step(FINISH, lambda: finish(updated) if finish else None)
    return updated


def _finish(outcome: Outcome, finish: Finish | None) -> Outcome:
    if finish is not None:
        _step(FINISH, lambda: finish(outcome))
    return outcome


def _step(name: str, run: Callable[[], object]) -> None:
    try:
        run()
    except (UpdateError, OSError) as error:
        raise StepFailed(name, str(error)) from error


def _outputs(layout: Layout, new: Document) -> list[Path]:
    """Every file an update may write, and the folder it replaces."""
    paths = [
        layout.spec_for(new.format),
        layout.spec_json,
        layout.provenance,
        layout.generator_config,
        layout.changelog,
        layout.pyproject,
        layout.client / "pyproject.toml",
    ]
    return [*paths, layout.constraints] if layout.constraints.exists() else paths


def _preview(layout: Layout, new: Document, *, run_tests: bool) -> Preview:
    """Generate the new client in a scratch folder, compare its public API with the current one,
    run the client's tests on it and type-check the toolkit's code that imports it."""
    with tempfile.TemporaryDirectory(prefix="spec-update-") as scratch:
        spec = Path(scratch) / layout.spec_json.name
        spec.write_bytes(new.as_json())
        fresh = Path(scratch) / "client"
        generate(layout.root, spec=spec, output=fresh)
        api_changes = diff_surfaces(
            snapshot(layout.client_package), snapshot(fresh / layout.client_package.name)
        )
        if not run_tests:
            return Preview(api_changes, ClientTestRun(ran=False))
        # Both wait on child processes: side by side, the slower one sets the time.
        with ThreadPoolExecutor(max_workers=2) as pool:
            tests = pool.submit(
                run_client_tests, layout.root, layout.client_tests, fresh, document=spec
            )
            users = pool.submit(
                check_client_users,
                layout.root,
                layout.client,
                fresh,
                skipped=(layout.client, layout.client_tests),
                package=layout.client_package.name,
            )
            return Preview(api_changes, tests.result(), users.result())


def _moved_requirement(
    layout: Layout, old_version: str, new_version: str
) -> tuple[dict[Path, bytes | None], str] | None:
    """The new pyproject.toml (and constraints.txt) when the client's major version moves."""
    if major(new_version) == major(old_version) or not layout.pyproject.is_file():
        return None
    pyproject = layout.pyproject.read_text(encoding="utf-8")
    moved = moved_requirement(pyproject, new_version)
    if moved == pyproject:
        return None
    contents: dict[Path, bytes | None] = {layout.pyproject: moved.encode()}
    if layout.constraints.is_file():
        constraints = layout.constraints.read_text(encoding="utf-8")
        pinned = moved_pin(constraints, new_version)
        if pinned != constraints:
            contents[layout.constraints] = pinned.encode()
    wanted = f"numbers-api-client>={new_version},<{major(new_version) + 1}"
    return contents, wanted


def _inputs(
    layout: Layout, new: Document, source: str, today: date, config: str, entry: str
) -> dict[Path, bytes | None]:
    """The content of every input file the update writes (None: the file goes)."""
    changelog = (
        layout.changelog.read_text(encoding="utf-8")
        if layout.changelog.exists()
        else CHANGELOG_PREAMBLE
    )
    published = layout.spec_for(new.format)
    rendering = layout.spec_json if new.format == YAML else None
    contents: dict[Path, bytes | None] = {published: new.raw}
    if rendering is not None:
        contents[rendering] = new.as_json()
    # A document published in the other format before: it is replaced, not kept beside.
    for kind in (JSON, YAML):
        stale = layout.spec_for(kind)
        if stale not in contents and stale.exists():
            contents[stale] = None
    contents[layout.provenance] = render_provenance(
        provenance_for(
            new,
            file_name=published.name,
            source=source,
            today=today,
            json_rendering=rendering.name if rendering else None,
        )
    ).encode()
    contents[layout.generator_config] = config.encode()
    contents[layout.changelog] = add_entry(changelog, entry).encode()
    return contents


def _write(contents: dict[Path, bytes | None]) -> None:
    for path, content in contents.items():
        if content is None:
            path.unlink()
        else:
            path.write_bytes(content)
