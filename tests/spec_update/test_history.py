"""A small history of upstream documents, taken in step by step by update-spec in a git clone.

The shapes are those the real document went through or could: YAML then JSON, credentials moving
from query parameters into security schemes, XML names equal to and different from XML's defaults,
a newly required parameter, an enum narrowed, an optional field added, and a response schema the
overlay relies on disappearing. At each step: the classification, the version bump, the changelog,
the toolkit's requirement on the client, that the toolkit installs with the new client (uv, into a
fresh virtualenv), and, for the refused step, that the working tree did not change at all. On the
first, breaking step, the client's tests and the toolkit's own code that no longer type-checks.
The clone is of this repository's last commit, so the real working tree is never touched.
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from spec_update.changes import Bump, Impact
from spec_update.layout import Layout
from spec_update.report import render_markdown, render_text
from spec_update.update import CHECK_OVERLAY, Outcome, update_spec
from tests.spec_update.client_version import CLIENT_VERSION

TODAY = date(2026, 12, 1)
REAL_ROOT = Path(__file__).resolve().parents[2]
UV = Path(sys.executable).parent / "uv"
Data = dict[str, Any]
OWNED_TESTS = "tests/generated_client/test_get_owned_numbers.py"
CLIENT_TEST_THAT_READS_REMOVED_FIELDS = (
    f"{OWNED_TESTS}::test_spec_example_parses_field_by_field[sync]"
)


def git(root: Path, *arguments: str) -> str:
    result = subprocess.run(
        ["git", "-c", "user.name=test", "-c", "user.email=test@example.com", *arguments],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def with_query_keys(data: Data) -> None:
    """The 1.0.x shape: api_key and api_secret as required query parameters of every operation,
    no security scheme, and no app_id, limitations or initialPrice."""
    data["info"]["version"] = "1.0.4"
    data.pop("security", None)
    data["components"].pop("securitySchemes", None)
    for item in data["paths"].values():
        for operation in item.values():
            operation.setdefault("parameters", [])
            operation["parameters"] += [
                {"name": name, "in": "query", "required": True, "schema": {"type": "string"}}
                for name in ("api_key", "api_secret")
            ]
    owned = data["components"]["schemas"]["ownednumber"]["properties"]
    del owned["app_id"], owned["limitations"]
    del data["components"]["schemas"]["availablenumber"]["properties"]["initialPrice"]


def keys_in_schemes(data: Data) -> None:
    """The same keys, sent where they were, now declared as API key schemes; XML names spelled
    out that equal XML's defaults (the component's and the property's own names)."""
    data["info"]["version"] = "1.0.5"
    for item in data["paths"].values():
        for operation in item.values():
            operation["parameters"] = [
                p for p in operation["parameters"] if p.get("name") not in ("api_key", "api_secret")
            ]
            if not operation["parameters"]:
                del operation["parameters"]
    data["components"]["securitySchemes"] = {
        "apiKey": {"type": "apiKey", "in": "query", "name": "api_key"},
        "apiSecret": {"type": "apiKey", "in": "query", "name": "api_secret"},
    }
    data["security"] = [{"apiKey": [], "apiSecret": []}]
    schemas = data["components"]["schemas"]
    schemas["ownednumber"]["properties"]["msisdn"]["xml"] = {"name": "msisdn"}
    # Items of the array `numbers`: their elements are named `numbers` unless they say otherwise.
    schemas["ownednumber"]["xml"] = {"name": "numbers"}
    schemas["inbound-numbers"]["properties"]["count"]["xml"] = {"name": "count"}


def stricter(data: Data) -> None:
    """An XML name that differs from the default, a new required parameter, an enum narrowed."""
    data["info"]["version"] = "1.0.6"
    data["components"]["schemas"]["ownednumber"]["properties"]["msisdn"]["xml"] = {"name": "number"}
    data["paths"]["/account/numbers"]["get"]["parameters"].append(
        {"name": "account", "in": "query", "required": True, "schema": {"type": "string"}}
    )
    # Not search_pattern: its members are named in generator/names.yaml, which refuses a narrowed
    # enum (a refusal of its own, tested with the names).
    data["components"]["parameters"]["type"]["schema"]["enum"] = ["landline", "mobile-lvn"]


def with_optional_field(data: Data) -> None:
    data["info"]["version"] = "1.0.7"
    data["components"]["schemas"]["ownednumber"]["properties"]["voiceStatusCallback"] = {
        "type": "string"
    }


def without_response420(data: Data) -> None:
    """The schema the overlay's 420 actions refer to is gone (the buy's 420 now inline)."""
    data["info"]["version"] = "1.0.8"
    inline = copy.deepcopy(data["components"]["schemas"].pop("response420"))
    for media in data["paths"]["/number/buy"]["post"]["responses"]["420"]["content"].values():
        media["schema"] = inline


@dataclass(frozen=True)
class Step:
    outcome: Outcome
    pyproject: str
    changelog: str
    status: str  # `git status --porcelain` right after the step
    installs: subprocess.CompletedProcess[str] | None


@dataclass(frozen=True)
class History:
    root: Path
    steps: dict[str, Step]
    head_before_refusal: str


STEPS: list[tuple[str, Callable[[Data], None], str]] = [
    ("query keys", with_query_keys, "yaml"),
    ("keys in schemes", keys_in_schemes, "yaml"),
    ("stricter", stricter, "json"),
    ("optional field", with_optional_field, "json"),
]


def publish(data: Data, kind: str, folder: Path, name: str) -> Path:
    if kind == "yaml":
        path = folder / f"{name}.yaml"
        path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    else:
        path = folder / f"{name}.json"
        path.write_text(json.dumps(data, indent=2))
    return path


def install(root: Path, venv: Path) -> subprocess.CompletedProcess[str]:
    """Install the toolkit with every extra and the new client, as the nox sessions do."""
    return subprocess.run(
        [
            str(UV),
            "pip",
            "install",
            "--quiet",
            "--python",
            str(venv / "bin" / "python"),
            "-c",
            str(root / "constraints.txt"),
            "-e",
            f"{root}[dev,generate]",
            "-e",
            str(root / "generated_client"),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Iterator[History]:
    folder = tmp_path_factory.mktemp("history")
    root = folder / "repo"
    subprocess.run(["git", "clone", "--quiet", str(REAL_ROOT), str(root)], check=True)
    venv = folder / "venv"
    subprocess.run([str(UV), "venv", "--quiet", "--python", sys.executable, str(venv)], check=True)
    data: Data = json.loads((root / "openapi" / "numbers-api.json").read_text())
    steps: dict[str, Step] = {}
    for number, (name, change, kind) in enumerate(STEPS):
        change(data)
        source = publish(data, kind, folder, f"step-{number}")
        # The client's own tests and the type check of the toolkit's code on the new client run
        # once, on the step that removes fields and moves the credentials into arguments.
        outcome = update_spec(str(source), Layout(root), today=TODAY, run_tests=number == 0)
        status = git(root, "status", "--porcelain")
        steps[name] = Step(
            outcome,
            (root / "pyproject.toml").read_text(),
            (root / "generator" / "CHANGELOG.md").read_text(),
            status,
            install(root, venv),
        )
        git(root, "add", "-A")
        git(root, "commit", "--quiet", "-m", name)
    head = git(root, "rev-parse", "HEAD")
    refused_data = copy.deepcopy(data)
    without_response420(refused_data)
    source = publish(refused_data, "json", folder, "refused")
    outcome = update_spec(str(source), Layout(root), today=TODAY, run_tests=False)
    steps["refused"] = Step(
        outcome,
        (root / "pyproject.toml").read_text(),
        (root / "generator" / "CHANGELOG.md").read_text(),
        git(root, "status", "--porcelain", "--untracked-files=all"),
        None,
    )
    yield History(root, steps, head)


# The committed client's major version: each breaking step of the history moves it by one.
MAJOR = int(CLIENT_VERSION.split(".")[0])


def major(steps: int) -> tuple[str, str]:
    """The client version `steps` breaking updates from now, and the toolkit's requirement on it."""
    new = MAJOR + steps
    return f"{new}.0.0", f"numbers-api-client>={new}.0.0,<{new + 1}"


def rules_of(step: Step) -> set[str]:
    return {change.rule for change in step.outcome.spec_changes}


@pytest.mark.parametrize(
    ("name", "bump", "version", "requirement"),
    [
        ("query keys", Bump.MAJOR, *major(1)),
        ("keys in schemes", Bump.MAJOR, *major(2)),
        ("stricter", Bump.MAJOR, *major(3)),
        ("optional field", Bump.MINOR, f"{MAJOR + 3}.1.0", major(3)[1]),
    ],
)
def test_each_step_bumps_the_client_and_keeps_the_toolkit_installable(
    history: History, name: str, bump: Bump, version: str, requirement: str
) -> None:
    step = history.steps[name]
    assert step.outcome.state == "updated"
    assert (step.outcome.bump, step.outcome.new_version) == (bump, version)
    assert step.changelog.startswith("# Changelog")
    assert f"\n## {version} (2026-12-01)\n" in step.changelog
    assert f'"{requirement}"' in step.pyproject
    assert step.installs is not None
    assert step.installs.returncode == 0, step.installs.stderr


def test_a_minor_step_leaves_the_requirement_alone(history: History) -> None:
    step = history.steps["optional field"]
    assert rules_of(step) == {"api-version-changed", "response-optional-property-added"}
    assert step.outcome.requirement is None
    assert " M pyproject.toml\n" not in step.status
    assert " M pyproject.toml\n" in history.steps["stricter"].status


def test_query_keys_and_removed_fields_break_clients_and_the_client_tests(
    history: History,
) -> None:
    step = history.steps["query keys"]
    assert {
        "new-required-request-parameter",
        "response-property-removed",
        "security-requirement-relaxed",
        "api-version-changed",
    } <= rules_of(step)
    assert step.outcome.requirement == major(1)[1]
    assert (Layout(history.root).spec_for("yaml")).name == "numbers-api.yaml"
    tests = step.outcome.client_tests
    assert tests is not None and tests.ran and tests.passed > 0
    assert CLIENT_TEST_THAT_READS_REMOVED_FIELDS in tests.failed
    assert "- breaking: numbers_api_client.models.owned_number.OwnedNumber: field `app_id`" in (
        step.changelog
    )


def test_query_keys_break_the_toolkits_code_and_the_report_names_it(history: History) -> None:
    outcome = history.steps["query keys"].outcome
    users = outcome.client_users
    assert users is not None and users.ran and not users.problem, users
    assert "contract_tests/run/target.py" in users.files
    # The harness calls the client's functions without the keys each now needs as an argument.
    assert "contract_tests/run/target.py" in users.broken_files
    assert any(
        error.startswith("contract_tests/account/numbers.py:")
        and 'Missing named argument "api_key"' in error
        for error in users.new_errors
    )
    assert not any(
        path.startswith(("generated_client/", "tests/generated_client/")) for path in users.files
    )
    assert "no longer type-checks: " in render_text(outcome)
    assert "contract_tests/run/target.py" in render_text(outcome)
    assert "`contract_tests/run/target.py`" in render_markdown(outcome)


def test_keys_moved_into_schemes_and_default_xml_names_change_nothing_on_the_wire(
    history: History,
) -> None:
    step = history.steps["keys in schemes"]
    assert rules_of(step) == {"api-version-changed"}
    api = {(change.where, change.impact) for change in step.outcome.api_changes}
    # The functions lose their api_key argument, and the client sends the keys itself.
    assert ("numbers_api_client.client.AuthenticatedClient", Impact.BREAKING) in api
    assert any(change.what == "parameter `api_key` removed" for change in step.outcome.api_changes)


def test_a_stricter_document_is_classified_on_the_wire(history: History) -> None:
    step = history.steps["stricter"]
    assert rules_of(step) == {
        "api-version-changed",
        "xml-changed",
        "new-required-request-parameter",
        "request-enum-value-removed",
    }
    [xml] = [c for c in step.outcome.spec_changes if c.rule == "xml-changed"]
    assert xml.location.media_types == ("text/xml",)
    assert xml.message == '`numbers[].msisdn` XML name "msisdn" → "number"'
    assert "request-enum-value-removed" in step.changelog


def test_an_overlay_that_no_longer_fits_is_refused_and_changes_nothing(history: History) -> None:
    step = history.steps["refused"]
    assert step.outcome.state == "refused"
    assert step.outcome.refused_step == CHECK_OVERLAY
    message = step.outcome.generation_error or ""
    assert message.startswith("numbers_openapi/overlay.yaml does not fit the new document:")
    assert "action 1 (A refused cancel answers HTTP 420 with the body of a refused buy" in message
    assert "`#/components/schemas/response420`" in message
    assert "Fix: add that schema in an earlier action of the overlay" in message
    assert "openapi_python_client" not in message
    assert step.status == ""
    assert git(history.root, "rev-parse", "HEAD") == history.head_before_refusal
