"""One update, end to end: read, validate, classify, (write, regenerate, prove).

Nothing under openapi/, generator/ or generated_client/ is written until the new document has been
validated and a client has been generated from it in a scratch folder; if that generation fails,
the classification is still returned (state "refused") with the generator's error, and nothing is
written. If the final regeneration fails anyway, the inputs written so far are put back.
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
from spec_update.document import JSON, YAML, Document, load_document
from spec_update.errors import UpdateError
from spec_update.generation import GenerationFailed, check_drift, generate, smoke_import
from spec_update.layout import Layout
from spec_update.levels import Level
from spec_update.provenance import provenance_for, render_provenance
from spec_update.sources import read_source
from spec_update.spec_diff import diff_documents
from spec_update.versioning import bump_version, read_version, write_version

CHANGELOG_PREAMBLE = "# Changelog of numbers-api-client\n"


@dataclass(frozen=True)
class Outcome:
    """What an update found and did. `state`: "unchanged", "checked", "updated", or "refused"
    (the generator could not build a client from the new document: nothing was written)."""

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

    @property
    def breaks_clients(self) -> list[Change]:
        return [change for change in self.spec_changes if change.client is Level.BREAKING]

    @property
    def breaks_servers(self) -> list[Change]:
        return [change for change in self.spec_changes if change.server is Level.BREAKING]

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
    # The vendored document was validated when it was taken in.
    vendored = layout.relative(layout.spec)
    old = load_document(layout.spec.read_bytes(), origin=vendored, validate=False)
    config = layout.generator_config.read_text(encoding="utf-8")
    old_version = read_version(config)
    if new.raw == old.raw:
        return Outcome("unchanged", source, old, new, old_version, old_version, old_source=vendored)

    today = today or datetime.now(UTC).date()
    spec_changes = diff_documents(old, new, today=today)
    try:
        api_changes = _preview_api_changes(layout, new)
    except GenerationFailed as error:
        return Outcome(
            "refused",
            source,
            old,
            new,
            old_version,
            old_version,
            spec_changes=spec_changes,
            old_source=vendored,
            generation_error=str(error),
        )
    bump = bump_for(spec_changes, [c.impact for c in api_changes])
    new_version = bump_version(old_version, bump)
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
        spec = Path(scratch) / layout.spec_json.name
        spec.write_bytes(new.as_json())
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
    backup = {path: path.read_bytes() if path.exists() else None for path in contents}
    try:
        for path, content in contents.items():
            if content is None:
                path.unlink()
            else:
                path.write_bytes(content)
        generate(layout.root, spec=layout.spec_json, output=layout.client)
    except (GenerationFailed, OSError):
        for path, saved in backup.items():
            if saved is None:
                path.unlink(missing_ok=True)
            else:
                path.write_bytes(saved)
        raise
    shown = [
        layout.relative(path) + (" (removed)" if content is None else "")
        for path, content in contents.items()
    ]
    return (*shown, layout.relative(layout.client) + "/")
