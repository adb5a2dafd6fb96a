"""`python -m spec_update diff OLD NEW`: formats, exit codes, refusals, --no-validate, YAML and
JSON inputs alike, paths and URLs, and nothing written."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from spec_update.command import main

FIXTURES = Path(__file__).parent / "fixtures"
RULES = FIXTURES / "rules"
REAL_ROOT = Path(__file__).resolve().parents[2]
Serve = Callable[[dict[str, tuple[int, bytes]]], str]


def pair(tmp_path: Path, rule_id: str, kind: str) -> tuple[str, str]:
    """The fixture pair of a rule, written as two files of `kind` (json or yaml)."""
    case = yaml.safe_load((RULES / f"{rule_id}.yaml").read_text())
    paths = []
    for part in ("base", "revision"):
        path = tmp_path / f"{rule_id}-{part}.{kind}"
        text = json.dumps(case[part], indent=1) if kind == "json" else yaml.safe_dump(case[part])
        path.write_text(text)
        paths.append(str(path))
    return paths[0], paths[1]


def run(arguments: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["diff", *arguments])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_output_is_an_object_with_a_changes_list(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = pair(tmp_path, "response-media-type-removed", "json")
    code, out, err = run([old, new, "--format", "json"], capsys)
    assert (code, err) == (0, "")
    payload = json.loads(out)
    assert [(c["rule"], c["client"], c["server"]) for c in payload["changes"]] == [
        ("response-media-type-removed", "breaking", "compatible")
    ]
    assert payload["changes"][0]["location"]["media_types"] == ["application/xml"]
    assert payload["old"]["source"] == old and payload["new"]["format"] == "json"


def test_json_output_lists_every_place_documentation_changed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # More places than the message names: the JSON lists them all, for programs.
    paths = []
    for summary in ("old", "new"):
        operation = {"summary": summary, "responses": {"200": {"description": "ok"}}}
        document = {
            "openapi": "3.0.3",
            "info": {"title": "T", "version": "1"},
            "paths": {f"/p{n}": {"get": operation} for n in range(7)},
        }
        path = tmp_path / f"{summary}.json"
        path.write_text(json.dumps(document))
        paths.append(str(path))
    code, out, err = run([*paths, "--format", "json"], capsys)
    assert (code, err) == (0, "")
    (change,) = json.loads(out)["changes"]
    assert change["rule"] == "documentation-changed"
    assert change["message"].endswith(" and 2 more")
    assert [place["new"] for place in change["places"]] == [
        f"#/paths/~1p{n}/get/summary" for n in range(7)
    ]
    assert all(place["old"] == place["new"] for place in change["places"])
    code, out, _ = run(paths, capsys)
    assert "places" not in out and "and 2 more" in out


@pytest.mark.parametrize("rule_id", ["request-default-changed", "security-requirement-relaxed"])
def test_yaml_and_json_inputs_give_the_same_changes(
    rule_id: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    found = {}
    for kind in ("json", "yaml"):
        old, new = pair(tmp_path, rule_id, kind)
        code, out, _ = run([old, new, "--format", "json"], capsys)
        assert code == 0
        found[kind] = json.loads(out)["changes"]
    assert found["json"] == found["yaml"]
    assert [c["rule"] for c in found["yaml"]] == [rule_id]


def test_one_side_yaml_the_other_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, _ = pair(tmp_path, "operation-id-changed", "yaml")
    _, new = pair(tmp_path, "operation-id-changed", "json")
    _, out, _ = run([old, new, "--format", "json"], capsys)
    assert [c["rule"] for c in json.loads(out)["changes"]] == ["operation-id-changed"]


def test_markdown_output_is_the_pull_request_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = pair(tmp_path, "response-success-status-removed", "yaml")
    code, out, _ = run([old, new, "--format", "markdown"], capsys)
    assert code == 0
    assert out.startswith("## Pets 1.0.0 → 1.0.0\n")
    row = (
        "| **breaking** | **breaking** | `response-success-status-removed` | GET /pets response 200"
    )
    assert row in out


def test_text_is_the_default(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = pair(tmp_path, "response-error-status-added", "yaml")
    _, out, _ = run([old, new], capsys)
    assert "  may-break   compatible  response-error-status-added  GET /pets response 400" in out


@pytest.mark.parametrize(
    ("rule_id", "fail_on", "code"),
    [
        ("operation-removed", "breaking", 1),
        ("operation-removed", "may-break", 1),
        ("response-error-status-added", "breaking", 0),
        ("response-error-status-added", "may-break", 1),
        ("operation-added", "may-break", 0),  # breaks old servers, not clients
        ("operation-removed", None, 0),
    ],
)
def test_fail_on_judges_the_level_for_clients(
    rule_id: str, fail_on: str | None, code: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = pair(tmp_path, rule_id, "yaml")
    options = ["--fail-on", fail_on] if fail_on else []
    assert run([old, new, *options], capsys)[0] == code


def test_an_invalid_document_is_refused_naming_the_problem_and_no_validate_compares_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = {"openapi": "3.0.3", "info": {"title": "T", "version": "1"}, "paths": {}}
    broken = dict(base, paths={"/pets/{id}": {"get": {"responses": None}}})
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(yaml.safe_dump(base))
    new.write_text(yaml.safe_dump(broken))
    code, out, err = run([str(old), str(new)], capsys)
    assert (code, out) == (2, "")
    assert err == (
        f"error: {new} is not a valid OpenAPI document: at $.paths['/pets/{{id}}'].get.responses: "
        "None is not of type 'object' (`--no-validate` compares it anyway)\n"
    )
    code, out, err = run([str(old), str(new), "--no-validate", "--format", "json"], capsys)
    assert (code, err) == (0, "")
    assert [c["rule"] for c in json.loads(out)["changes"]] == ["operation-added"]


@pytest.mark.parametrize("fixture", ["broken-swagger-2.json", "broken-not-yaml.yaml"])
def test_what_is_not_openapi_3_is_refused_even_without_validation(
    fixture: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        [str(FIXTURES / "minimal.json"), str(FIXTURES / fixture), "--no-validate"], capsys
    )
    assert (code, out) == (2, "")
    assert err.startswith(f"error: {FIXTURES / fixture} is ")
    assert "--no-validate" not in err


def test_a_missing_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run([str(FIXTURES / "minimal.json"), str(tmp_path / "nope.yaml")], capsys)
    assert (code, err) == (2, f"error: {tmp_path / 'nope.yaml'}: no such file\n")


def test_urls_are_read_like_paths(
    serve: Serve, vendored_raw: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    data: dict[str, Any] = json.loads(vendored_raw)
    data["paths"]["/number/search"]["get"]["parameters"].pop()
    base = serve(
        {"/old.json": (200, vendored_raw), "/new.yaml": (200, yaml.safe_dump(data).encode())}
    )
    code, out, _ = run([f"{base}/old.json", f"{base}/new.yaml", "--format", "json"], capsys)
    assert code == 0
    assert [c["rule"] for c in json.loads(out)["changes"]] == ["request-parameter-removed"]


def test_the_diff_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = pair(tmp_path, "operation-removed", "yaml")
    before = sorted(tmp_path.rglob("*"))
    run([old, new], capsys)
    assert sorted(tmp_path.rglob("*")) == before


def test_python_dash_m_spec_update_diff_runs(tmp_path: Path) -> None:
    old, new = pair(tmp_path, "operation-removed", "yaml")
    result = subprocess.run(
        [sys.executable, "-m", "spec_update", "diff", old, new, "--fail-on", "breaking"],
        cwd=REAL_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "operation-removed  GET /pets/{petId}: operation removed" in result.stdout


def test_the_rules_command_prints_the_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    assert "| `request-default-changed` |" in capsys.readouterr().out
    assert main(["rules", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert any(
        row["rule"] == "operation-id-changed" and row["client"] == "breaking" for row in rows
    )
