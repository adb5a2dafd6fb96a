from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from spec_update.api_diff import ApiChange
from spec_update.changes import Bump, Change, Impact, Location
from spec_update.client_users import ClientUsersRun
from spec_update.document import Document, load_document
from spec_update.report import (
    Report,
    render_diff_json,
    render_diff_markdown,
    render_diff_text,
    render_markdown,
    render_text,
)
from spec_update.update import PREVIEW, Outcome

CHANGES = [
    Change("response-optional-property-added", Location("GET /a", section="response 200"), "y"),
    Change(
        "type-changed",
        Location("GET /a", section="response 200", media_types=("application/json",), schema="x"),
        "`x` type string | null → integer",
    ),
    Change(
        "type-changed",
        Location("GET /b", section="response 200", media_types=("application/json",), schema="x"),
        "`x` type string | null → integer",
    ),
    Change(
        "response-error-status-added", Location("GET /c", section="response 400"), "status added"
    ),
]


def documents(
    vendored_raw: bytes, build: Callable[[dict[str, Any]], Document]
) -> tuple[Document, Document]:
    old = load_document(vendored_raw, "old")
    return old, build(dict(old.data, info=dict(old.data["info"], version="1.2.0")))


def outcome(
    vendored_raw: bytes, build: Callable[[dict[str, Any]], Document], state: str
) -> Outcome:
    old, new = documents(vendored_raw, build)
    return Outcome(
        state,
        "https://x/n.json",
        old,
        new,
        "1.1.0",
        "2.0.0",
        Bump.MAJOR,
        CHANGES,
        [ApiChange("pkg.m.M", "field `x` removed", Impact.BREAKING)],
        "## 2.0.0 (2026-12-01)\n",
        ("openapi/numbers-api.json", "generated_client/"),
        generation_error="openapi-python-client failed:\nUnable to process schema"
        if state == "refused"
        else None,
        refused_step=PREVIEW if state == "refused" else None,
    )


def test_the_diff_text_lists_the_worst_first_one_line_per_change_across_operations(
    vendored_raw: bytes, as_document: Callable[[dict[str, Any]], Document]
) -> None:
    old, new = documents(vendored_raw, as_document)
    text = render_diff_text(Report(old, new, "a.json", "b.yaml", CHANGES))
    lines = text.splitlines()
    assert lines[0] == "Numbers API 1.1.0 → 1.2.0 (a.json → b.yaml)"
    assert lines[2] == (
        "4 change(s): for clients 2 breaking, 1 may-break; for servers 2 breaking, 0 may-break."
    )
    assert lines[5] == (
        "  breaking    breaking    type-changed  GET /a, GET /b response 200 (application/json): "
        "`x` type string | null → integer"
    )
    assert lines[6].startswith("  may-break   compatible  response-error-status-added  GET /c")
    assert lines[7].startswith("  compatible  compatible  response-optional-property-added")


def test_the_diff_markdown_is_a_table_fit_for_a_pull_request(
    vendored_raw: bytes, as_document: Callable[[dict[str, Any]], Document]
) -> None:
    old, new = documents(vendored_raw, as_document)
    markdown = render_diff_markdown(Report(old, new, "a", "b", CHANGES))
    assert markdown.startswith("## Numbers API 1.1.0 → 1.2.0\n\nFor clients: **2 breaking**")
    assert "| client | server | rule | where | change |" in markdown
    assert (
        "| **breaking** | **breaking** | `type-changed` | GET /a, GET /b response 200 "
        "(application/json) | `x` type string \\| null → integer |"
    ) in markdown
    assert "| may-break | compatible | `response-error-status-added` |" in markdown


def test_many_operations_are_counted_not_all_listed(
    vendored_raw: bytes, as_document: Callable[[dict[str, Any]], Document]
) -> None:
    old, new = documents(vendored_raw, as_document)
    many = [Change("operation-added", Location(f"GET /{n}"), "operation added") for n in range(5)]
    text = render_diff_text(Report(old, new, "a", "b", many))
    assert "GET /0, GET /1, GET /2 and 2 more: operation added" in text


def test_the_diff_json_lists_every_change_with_its_rule_levels_and_location(
    vendored_raw: bytes, as_document: Callable[[dict[str, Any]], Document]
) -> None:
    old, new = documents(vendored_raw, as_document)
    payload = json.loads(render_diff_json(Report(old, new, "a.json", "b.yaml", CHANGES)))
    assert payload["old"] == {
        "source": "a.json",
        "title": "Numbers API",
        "version": "1.1.0",
        "format": "json",
        "sha256": old.sha256,
    }
    assert payload["summary"] == {
        "client": {"breaking": 2, "may-break": 1, "compatible": 1},
        "server": {"breaking": 2, "may-break": 0, "compatible": 2},
    }
    assert len(payload["changes"]) == 4  # not merged across operations
    assert payload["changes"][1] == {
        "rule": "type-changed",
        "client": "breaking",
        "server": "breaking",
        "location": {
            "operation": "GET /a",
            "parameter": None,
            "section": "response 200",
            "media_types": ["application/json"],
            "schema": "x",
        },
        "message": "`x` type string | null → integer",
    }


def test_no_change_says_so(vendored_raw: bytes) -> None:
    same = load_document(vendored_raw, "same")
    assert "No change to the API." in render_diff_text(Report(same, same, "a", "b", []))
    assert json.loads(render_diff_json(Report(same, same, "a", "b", [])))["changes"] == []


def test_the_update_text_shows_the_same_changes_then_what_was_done(
    vendored_raw: bytes, as_document: Callable[[dict[str, Any]], Document]
) -> None:
    text = render_text(outcome(vendored_raw, as_document, "updated"))
    assert text.startswith("Numbers API 1.1.0 → 1.2.0 (from https://x/n.json)")
    assert "  breaking    breaking    type-changed  GET /a, GET /b response 200" in text
    assert "  breaking    pkg.m.M: field `x` removed" in text
    assert "Client version 1.1.0 → 2.0.0 (major)." in text
    assert "Breaking: 2 change(s) for clients, 2 for servers, 1 in the client's API." in text
    assert "Wrote openapi/numbers-api.json, generated_client/;" in text


def test_a_check_says_nothing_was_written(
    vendored_raw: bytes, as_document: Callable[[dict[str, Any]], Document]
) -> None:
    assert render_text(outcome(vendored_raw, as_document, "checked")).endswith(
        "Check only: nothing was written."
    )


def test_the_update_markdown_is_the_diff_then_the_client_and_the_entry(
    vendored_raw: bytes, as_document: Callable[[dict[str, Any]], Document]
) -> None:
    result = outcome(vendored_raw, as_document, "updated")
    markdown = render_markdown(result)
    old, new = result.old, result.new
    diff = render_diff_markdown(Report(old, new, "x", "y", CHANGES))
    assert markdown.startswith(diff.rstrip("\n"))
    assert "- breaking: pkg.m.M: field `x` removed" in markdown
    assert markdown.endswith("### Changelog entry\n\n## 2.0.0 (2026-12-01)\n")


def test_a_refused_update_shows_the_classification_then_the_generator_error(
    vendored_raw: bytes, as_document: Callable[[dict[str, Any]], Document]
) -> None:
    result = outcome(vendored_raw, as_document, "refused")
    text = render_text(result)
    assert "type-changed" in text
    assert text.endswith(f"Refused at the step `{PREVIEW}`: nothing was written.")
    markdown = render_markdown(result)
    assert markdown.index("`type-changed`") < markdown.index("### The update was refused")
    assert f"At the step `{PREVIEW}`; nothing was written" in markdown
    assert "Unable to process schema" in markdown


def test_an_unchanged_document_says_there_is_nothing_to_do(vendored_raw: bytes) -> None:
    document = load_document(vendored_raw, "same")
    same = Outcome("unchanged", "x.json", document, document, "1.1.0", "1.1.0")
    assert "nothing to do" in render_text(same)
    assert "already the one at x.json" in render_markdown(same)


def test_the_toolkits_code_that_breaks_is_named_and_its_errors_listed(
    vendored_raw: bytes, as_document: Callable[[dict[str, Any]], Document]
) -> None:
    errors = tuple(
        f'pkg/m{n % 2}.py:{n}: Missing named argument "key"  [call-arg]' for n in range(25)
    )
    users = ClientUsersRun(ran=True, new_errors=errors, files=("pkg/m0.py", "pkg/m1.py", "x.py"))
    result = replace(outcome(vendored_raw, as_document, "checked"), client_users=users)
    text = render_text(result)
    assert (
        "The toolkit's code that imports the client, type-checked on it: 25 new type error(s) in "
        "2 file(s); checked the 3 file(s) that import the client (0.0 s).\n"
        "  no longer type-checks: pkg/m0.py, pkg/m1.py\n"
        '  pkg/m0.py:0: Missing named argument "key"  [call-arg]\n'
    ) in text
    assert 'pkg/m1.py:19: Missing named argument "key"' in text
    assert "pkg/m0.py:20:" not in text
    assert "  and 5 more (the --report lists all)" in text
    markdown = render_markdown(result)
    assert "### The toolkit's code on the new client (mypy)" in markdown
    assert "No longer type-checks: `pkg/m0.py`, `pkg/m1.py`." in markdown
    assert '- `pkg/m1.py:23: Missing named argument "key"  [call-arg]`' in markdown
    assert markdown.index("(mypy)") < markdown.index("### Changelog entry")


def test_without_mypy_the_report_says_so_in_one_line(
    vendored_raw: bytes, as_document: Callable[[dict[str, Any]], Document]
) -> None:
    result = replace(
        outcome(vendored_raw, as_document, "checked"), client_users=ClientUsersRun(ran=False)
    )
    [line] = [line for line in render_text(result).splitlines() if "type-checked" in line]
    assert line.endswith("not run: mypy is not installed (`nox -s update-spec` installs it).")
    assert "Traceback" not in render_markdown(result)


def test_a_backtick_in_an_error_keeps_it_inline_code(
    vendored_raw: bytes, as_document: Callable[[dict[str, Any]], Document]
) -> None:
    users = ClientUsersRun(ran=True, new_errors=("a.py:1: name `x` undefined",), files=("a.py",))
    result = replace(outcome(vendored_raw, as_document, "checked"), client_users=users)
    assert "- ``a.py:1: name `x` undefined``" in render_markdown(result)


def test_the_markdown_names_a_local_source_by_its_file_name_only(vendored_raw: bytes) -> None:
    # It becomes a pull request's description: where the file was on the machine says nothing.
    document = load_document(vendored_raw, "same")
    local = Outcome("unchanged", "/home/someone/specs/x.json", document, document, "1.1.0", "1.1.0")
    remote = Outcome("unchanged", "https://example.com/x.json", document, document, "1", "1")

    assert "already the one at x.json." in render_markdown(local)
    assert "/home/someone" not in render_markdown(local)
    assert "https://example.com/x.json" in render_markdown(remote)
