"""How a report is shown: plain text for the terminal, Markdown for a pull request, JSON for
programs. `diff` and `update-spec` print the same report of the document's changes; an update adds
what it did to the client after it.

Changes are listed worst first (for clients, then for servers), in reading order otherwise. In
text and Markdown, one change found in several operations (a field of a shared schema) is one
line naming the operations; the JSON lists every change with its own location.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from spec_update.changes import Change, Location
from spec_update.document import Document
from spec_update.levels import Level
from spec_update.sources import recorded_as
from spec_update.update import Outcome

COLUMN = 12
SHOWN_OPERATIONS = 3
SHOWN_FAILURES = 20
SHOWN_ERRORS = 20
RULES_DOC = "docs/spec-rules.md"


@dataclass(frozen=True)
class Report:
    """Two documents, where they came from, and what changed between them."""

    old: Document
    new: Document
    old_source: str
    new_source: str
    changes: list[Change]

    def count(self, side: str, level: Level) -> int:
        return sum(1 for change in self.changes if getattr(change, side) is level)


def report_of(outcome: Outcome) -> Report:
    return Report(
        outcome.old, outcome.new, outcome.old_source, outcome.source, outcome.spec_changes
    )


@dataclass(frozen=True)
class Line:
    """One shown change: a change, and every operation it was found in."""

    change: Change
    operations: tuple[str, ...]

    def where(self) -> str:
        location = self.change.location
        if len(self.operations) > 1:
            shown = ", ".join(self.operations[:SHOWN_OPERATIONS])
            more = len(self.operations) - SHOWN_OPERATIONS
            location = replace(
                location, operation=shown + (f" and {more} more" if more > 0 else "")
            )
        return location.describe()


def grouped(changes: Sequence[Change]) -> list[Line]:
    """The changes worst first, those differing only by operation merged into one line."""
    lines: dict[tuple[str, Location, str], list[str]] = {}
    firsts: dict[tuple[str, Location, str], Change] = {}
    for change in changes:
        key = (change.rule, replace(change.location, operation=None), change.message)
        firsts.setdefault(key, change)
        operation = change.location.operation
        listed = lines.setdefault(key, [])
        if operation is not None and operation not in listed:
            listed.append(operation)
    shown = [Line(firsts[key], tuple(operations)) for key, operations in lines.items()]
    return sorted(shown, key=lambda line: (-line.change.client, -line.change.server))


def summary(report: Report) -> str:
    if not report.changes:
        return "No change to the API."
    count = report.count
    return (
        f"{len(report.changes)} change(s): for clients {count('client', Level.BREAKING)} "
        f"breaking, {count('client', Level.MAY_BREAK)} may-break; for servers "
        f"{count('server', Level.BREAKING)} breaking, {count('server', Level.MAY_BREAK)} may-break."
    )


def changes_text(changes: Sequence[Change]) -> list[str]:
    return [
        f"  {line.change.client.label:<{COLUMN}}{line.change.server.label:<{COLUMN}}"
        f"{line.change.rule}  {line.where()}: {line.change.message}"
        for line in grouped(changes)
    ]


def render_diff_text(report: Report) -> str:
    old, new = report.old, report.new
    lines = [
        f"{new.title} {old.version} → {new.version} ({report.old_source} → {report.new_source})",
        "",
        summary(report),
    ]
    if report.changes:
        lines += ["", f"  {'client':<{COLUMN}}{'server':<{COLUMN}}rule  where: change"]
        lines += changes_text(report.changes)
    return "\n".join(lines) + "\n"


def changes_markdown(report: Report, heading: str = "##") -> list[str]:
    old, new = report.old, report.new
    count = report.count
    lines = [f"{heading} {new.title} {old.version} → {new.version}", ""]
    if not report.changes:
        return [*lines, "No change to the API: the documents differ only in their bytes."]
    lines += [
        f"For clients: **{count('client', Level.BREAKING)} breaking**, "
        f"{count('client', Level.MAY_BREAK)} may-break. For servers: "
        f"**{count('server', Level.BREAKING)} breaking**, {count('server', Level.MAY_BREAK)} "
        f"may-break. ({len(report.changes)} change(s); rules and levels in `{RULES_DOC}`.)",
        "",
        "| client | server | rule | where | change |",
        "| --- | --- | --- | --- | --- |",
    ]
    for line in grouped(report.changes):
        change = line.change
        lines.append(
            f"| {_level(change.client)} | {_level(change.server)} | `{change.rule}` "
            f"| {_cell(line.where())} | {_cell(change.message)} |"
        )
    return lines


def render_diff_markdown(report: Report) -> str:
    return "\n".join(changes_markdown(report)) + "\n"


def render_diff_json(report: Report) -> str:
    payload: dict[str, Any] = {
        "old": _document_json(report.old, report.old_source),
        "new": _document_json(report.new, report.new_source),
        "summary": {
            side: {level.label: report.count(side, level) for level in reversed(Level)}
            for side in ("client", "server")
        },
        "changes": [change.as_json() for change in report.changes],
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


RENDERERS = {
    "text": render_diff_text,
    "markdown": render_diff_markdown,
    "json": render_diff_json,
}


def _document_json(document: Document, source: str) -> dict[str, Any]:
    return {
        "source": source,
        "title": document.title,
        "version": document.version,
        "format": document.format,
        "sha256": document.sha256,
    }


def _level(level: Level) -> str:
    return f"**{level.label}**" if level is Level.BREAKING else level.label


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


# The update's own report: the same changes, then what the update did to the client.


def render_text(outcome: Outcome) -> str:
    old, new = outcome.old, outcome.new
    lines = [f"{new.title} {old.version} → {new.version} (from {outcome.source})"]
    if outcome.state == "unchanged":
        lines.append("The vendored document is already byte for byte this one: nothing to do.")
        return "\n".join(lines)
    report = report_of(outcome)
    lines += ["", "Changes to the API (level for a client, for a server; rule; where: change):"]
    lines += changes_text(outcome.spec_changes) or [
        "  none: the document changed, the API it describes did not"
    ]
    lines += ["", summary(report)]
    if outcome.state == "refused":
        lines += ["", f"Refused at the step `{outcome.refused_step}`: nothing was written."]
        return "\n".join(lines)
    lines += ["", "Changes to the generated client's public API:"]
    lines += [f"  {c.impact.label:<{COLUMN}}{c.describe()}" for c in outcome.api_changes] or [
        "  none"
    ]
    bump = outcome.bump.value if outcome.bump else "none"
    lines += [
        "",
        f"Client version {outcome.old_version} → {outcome.new_version} ({bump}).",
        f"Breaking: {len(outcome.breaks_clients)} change(s) for clients, "
        f"{len(outcome.breaks_servers)} for servers, "
        f"{len(outcome.breaks_client_code)} in the client's API.",
    ]
    if outcome.requirement:
        lines.append(f"The toolkit now requires {outcome.requirement} (pyproject.toml).")
    lines += client_tests_text(outcome)
    lines += client_users_text(outcome)
    if outcome.state == "checked":
        lines.append("Check only: nothing was written.")
    else:
        lines.append(f"Wrote {', '.join(outcome.written)}; the drift check and imports pass.")
    return "\n".join(lines)


def client_tests_text(outcome: Outcome) -> list[str]:
    tests = outcome.client_tests
    if tests is None:
        return []
    lines = [f"The client's tests (tests/generated_client): {tests.summary()}."]
    return lines + _at_most(SHOWN_FAILURES, [f"  failed: {test}" for test in tests.failed])


def client_users_text(outcome: Outcome) -> list[str]:
    users = outcome.client_users
    if users is None:
        return []
    lines = [f"The toolkit's code that imports the client, type-checked on it: {users.summary()}."]
    if users.broken_files:
        lines.append(f"  no longer type-checks: {', '.join(users.broken_files)}")
    return lines + _at_most(SHOWN_ERRORS, [f"  {error}" for error in users.new_errors])


def _at_most(shown: int, lines: list[str]) -> list[str]:
    """The first `shown` lines, and how many more the --report lists."""
    if len(lines) <= shown:
        return lines
    return [*lines[:shown], f"  and {len(lines) - shown} more (the --report lists all)"]


def client_users_markdown(outcome: Outcome) -> list[str]:
    users = outcome.client_users
    if users is None:
        return []
    lines = ["", "### The toolkit's code on the new client (mypy)", "", users.summary() + "."]
    if users.new_errors:
        broken = ", ".join(_code(path) for path in users.broken_files)
        lines += ["", f"No longer type-checks: {broken}.", ""]
        lines += [f"- {_code(error)}" for error in users.new_errors]
    return lines


def _code(text: str) -> str:
    """`text` as inline code, whatever backticks it holds."""
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    padding = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{padding}{text}{padding}{fence}"


def render_markdown(outcome: Outcome) -> str:
    old, new = outcome.old, outcome.new
    if outcome.state == "unchanged":
        lines = [f"## {new.title} {old.version} → {new.version}", ""]
        lines.append(f"The vendored document is already the one at {recorded_as(outcome.source)}.")
        return "\n".join(lines) + "\n"
    lines = changes_markdown(report_of(outcome))
    # The report becomes a pull request's description: a local file by its name, as provenance.
    source = recorded_as(outcome.source)
    lines += ["", f"Source: {source} ({new.format}, sha256 `{new.sha256[:12]}`)."]
    if outcome.state == "refused":
        lines += [
            "",
            "### The update was refused",
            "",
            f"At the step `{outcome.refused_step}`; nothing was written:",
            "",
            "```",
            outcome.generation_error or "",
            "```",
        ]
        return "\n".join(lines) + "\n"
    bump = outcome.bump.value if outcome.bump else "none"
    lines += ["", f"Client version {outcome.old_version} → {outcome.new_version} ({bump})."]
    if outcome.requirement:
        lines += ["", f"The toolkit now requires `{outcome.requirement}` (pyproject.toml)."]
    if outcome.api_changes:
        lines += ["", "### Generated client's public API", ""]
        lines += [f"- {c.impact.label}: {_cell(c.describe())}" for c in outcome.api_changes]
    tests = outcome.client_tests
    if tests is not None:
        lines += ["", "### The client's tests on the new client", "", tests.summary() + "."]
        if tests.failed:
            lines += [""] + [f"- `{test}`" for test in tests.failed]
    lines += client_users_markdown(outcome)
    lines += ["", "### Changelog entry", "", outcome.entry]
    return "\n".join(lines)
