"""One update, end to end: read, validate, classify, (write, regenerate, prove).

Nothing under openapi/, generator/ or generated_client/ is written until the new document has been
validated and a client has been generated from it in a scratch folder; if the final regeneration
fails anyway, the inputs written so far are put back.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path

from spec_update.api_diff import ApiChange, diff_surfaces
from spec_update.api_surface import snapshot
from spec_update.changelog import Release, add_entry, render_entry
from spec_update.changes import Bump, Change, Impact, bump_for
from spec_update.document import Document, load_document
from spec_update.errors import UpdateError
from spec_update.generation import GenerationFailed, check_drift, generate, smoke_import
from spec_update.layout import Layout
from spec_update.provenance import provenance_for, render_provenance
from spec_update.sources import read_source
from spec_update.spec_diff import diff_documents
from spec_update.versioning import bump_version, read_version, write_version

CHANGELOG_PREAMBLE = "# Changelog of numbers-api-client\n"


@dataclass(frozen=True)
class Outcome:
    """What an update found and did. `state`: "unchanged", "checked" or "updated"."""

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

    @property
    def breaks_clients(self) -> list[Change]:
        return [change for change in self.spec_changes if change.client is Impact.BREAKING]

    @property
    def breaks_servers(self) -> list[Change]:
        return [change for change in self.spec_changes if change.server is Impact.BREAKING]

    @property
    def breaks_client_code(self) -> list[ApiChange]:
        return [change for change in self.api_changes if change.impact is Impact.BREAKING]


def update_spec(
    source: str,
    layout: Layout,
    *,
    check: bool = False,
    today: date | None = None,
    prove: bool = True,
) -> Outcome:
    """Take the document at `source` into the checkout at `layout` (only report when `check`)."""
    if not layout.spec.is_file():
        raise UpdateError(f"{layout.root} is not a checkout of this repository (no openapi/ spec)")
    new = load_document(read_source(source), origin=source)
    old = load_document(layout.spec.read_bytes(), origin=layout.relative(layout.spec))
    config = layout.generator_config.read_text(encoding="utf-8")
    old_version = read_version(config)
    if new.raw == old.raw:
        return Outcome("unchanged", source, old, new, old_version, old_version)

    spec_changes = diff_documents(old, new)
    api_changes = _preview_api_changes(layout, new)
    bump = bump_for([c.client for c in spec_changes] + [c.impact for c in api_changes])
    new_version = bump_version(old_version, bump)
    today = today or datetime.now(UTC).date()
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
    )
    if check:
        return outcome

    written = _write_inputs(layout, new, source, today, write_version(config, new_version), entry)
    if prove:
        try:
            check_drift(layout.root)
            smoke_import(layout.root)
        except GenerationFailed as error:
            written_list = ", ".join(written)
            raise GenerationFailed(
                f"{error}\n(already written, to inspect: {written_list})"
            ) from error
    return replace(outcome, state="updated", written=written)


def _preview_api_changes(layout: Layout, new: Document) -> list[ApiChange]:
    """Generate the new client in a scratch folder and compare its public API with the current."""
    with tempfile.TemporaryDirectory(prefix="spec-update-") as scratch:
        spec = Path(scratch) / layout.spec.name
        spec.write_bytes(new.raw)
        fresh = Path(scratch) / "client"
        generate(layout.root, spec=spec, output=fresh)
        return diff_surfaces(
            snapshot(layout.client_package), snapshot(fresh / layout.client_package.name)
        )


def _write_inputs(
    layout: Layout, new: Document, source: str, today: date, config: str, entry: str
) -> tuple[str, ...]:
    changelog = (
        layout.changelog.read_text(encoding="utf-8")
        if layout.changelog.exists()
        else CHANGELOG_PREAMBLE
    )
    contents = {
        layout.spec: new.raw,
        layout.provenance: render_provenance(
            provenance_for(new, file_name=layout.spec.name, source=source, today=today)
        ).encode(),
        layout.generator_config: config.encode(),
        layout.changelog: add_entry(changelog, entry).encode(),
    }
    backup = {path: path.read_bytes() if path.exists() else None for path in contents}
    try:
        for path, content in contents.items():
            path.write_bytes(content)
        generate(layout.root, spec=layout.spec, output=layout.client)
    except (GenerationFailed, OSError):
        for path, saved in backup.items():
            if saved is None:
                path.unlink(missing_ok=True)
            else:
                path.write_bytes(saved)
        raise
    return (*(layout.relative(path) for path in contents), layout.relative(layout.client) + "/")
