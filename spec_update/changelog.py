"""The client's changelog entry for one update, and its place in generator/CHANGELOG.md.

The generator copies generator/CHANGELOG.md into generated_client/ on every regeneration.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spec_update.api_diff import ApiChange
from spec_update.changes import Bump, Change
from spec_update.document import Document
from spec_update.levels import Level
from spec_update.sources import recorded_as

SUMMARIES = {
    Bump.MAJOR: "Major: changes that can break code using the client.",
    Bump.MINOR: "Minor: additions; code using the client keeps working.",
    Bump.PATCH: "Patch: nothing to change in code using the client.",
}
SECTIONS = ("Breaking", "May break", "Added", "Other")


def section(change: Change) -> str:
    """Where a change of the document goes in the entry: by its level for clients."""
    if change.client is Level.BREAKING:
        return "Breaking"
    if change.client is Level.MAY_BREAK:
        return "May break"
    return "Added" if change.adds else "Other"


@dataclass(frozen=True)
class Release:
    """Everything an entry says about one update."""

    version: str
    bump: Bump
    today: date
    old: Document
    new: Document
    source: str
    spec_changes: list[Change]
    api_changes: list[ApiChange]


def render_entry(release: Release) -> str:
    old, new = release.old, release.new
    lines = [
        f"## {release.version} ({release.today.isoformat()})",
        "",
        SUMMARIES[release.bump],
        f'Generated from "{new.title}" {new.version} (was {old.version}), '
        f"sha256 `{new.sha256[:12]}`, from {recorded_as(release.source)}.",
    ]
    for title in SECTIONS:
        changes = [change for change in release.spec_changes if section(change) == title]
        if changes:
            lines += ["", f"### {title}", ""]
            lines += [f"- {change.describe()} (`{change.rule}`)" for change in changes]
    if not release.spec_changes:
        lines += ["", "The document changed, the API it describes did not."]
    if release.api_changes:
        lines += ["", "### Client API", ""]
        lines += [f"- {change.impact.label}: {change.describe()}" for change in release.api_changes]
    return "\n".join(lines) + "\n"


def add_entry(changelog: str, entry: str) -> str:
    """`changelog` with `entry` before its newest entry (the first `## ` heading)."""
    head, marker, rest = changelog.partition("\n## ")
    if not marker:
        return f"{changelog.rstrip()}\n\n{entry}"
    return f"{head}\n{entry}\n## {rest}"
