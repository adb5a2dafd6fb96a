"""How an update's outcome is shown: plain text for the terminal, Markdown for a pull request."""

from __future__ import annotations

from spec_update.update import Outcome

COLUMN = 12


def render_text(outcome: Outcome) -> str:
    old, new = outcome.old, outcome.new
    lines = [f"{new.title} {old.version} → {new.version} (from {outcome.source})"]
    if outcome.state == "unchanged":
        lines.append("The vendored document is already byte for byte this one: nothing to do.")
        return "\n".join(lines)
    lines += ["", "Changes to the API (impact for a client, for a server):"]
    lines += [
        f"  {c.client.label:<{COLUMN}}{c.server.label:<{COLUMN}}{c.describe()}"
        for c in outcome.spec_changes
    ] or ["  none: the document changed, the API it describes did not"]
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
    if outcome.state == "checked":
        lines.append("Check only: nothing was written.")
    else:
        lines.append(f"Wrote {', '.join(outcome.written)}; the drift check and imports pass.")
    return "\n".join(lines)


def render_markdown(outcome: Outcome) -> str:
    old, new = outcome.old, outcome.new
    lines = [f"## {new.title} {old.version} → {new.version}", ""]
    if outcome.state == "unchanged":
        lines.append(f"The vendored document is already the one at {outcome.source}.")
        return "\n".join(lines) + "\n"
    bump = outcome.bump.value if outcome.bump else "none"
    lines += [
        f"Client version {outcome.old_version} → {outcome.new_version} ({bump}). "
        f"Source: {outcome.source}",
        "",
        "| client | server | change |",
        "| --- | --- | --- |",
    ]
    lines += [
        f"| {c.client.label} | {c.server.label} | {_cell(c.describe())} |"
        for c in outcome.spec_changes
    ]
    if outcome.api_changes:
        lines += ["", "### Generated client's public API", ""]
        lines += [f"- {c.impact.label}: {c.describe()}" for c in outcome.api_changes]
    lines += ["", "### Changelog entry", "", outcome.entry]
    return "\n".join(lines)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")
