"""Round trips through update-spec in copies of the repository (never in the real one).

Two new versions go through: the older 1.0.x shape (API key and secret as query parameters, no
`app_id`/`limitations` on owned numbers, no `initialPrice` on available numbers) and an additive one
(an optional field). In each copy the client is regenerated, the drift check passes, and the new
client imports and works against an in-process transport.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import httpx
import pytest
import yaml

from spec_update.changes import Bump, Impact
from spec_update.generation import GenerationFailed
from spec_update.layout import Layout
from spec_update.update import DRIFT, REGENERATE, Outcome, StepFailed, update_spec
from tests.spec_update.client_version import bumped
from tests.spec_update.conftest import no_preview

TODAY = date(2026, 12, 1)
REAL_ROOT = Path(__file__).resolve().parents[2]
ClientFrom = Callable[[Path], AbstractContextManager[Callable[[str], ModuleType]]]


def legacy_shape(data: dict[str, Any]) -> None:
    """The 1.0.x document's differences from 1.1.0, as the spec's history records them."""
    data["info"]["version"] = "1.0.5"
    data["components"]["securitySchemes"] = {
        "apiKey": {"type": "apiKey", "in": "query", "name": "api_key"},
        "apiSecret": {"type": "apiKey", "in": "query", "name": "api_secret"},
    }
    data["security"] = [{"apiKey": [], "apiSecret": []}]
    owned = data["components"]["schemas"]["ownednumber"]["properties"]
    del owned["app_id"], owned["limitations"]
    del data["components"]["schemas"]["availablenumber"]["properties"]["initialPrice"]


def with_optional_field(data: dict[str, Any]) -> None:
    data["info"]["version"] = "1.2.0"
    data["components"]["schemas"]["ownednumber"]["properties"]["voiceStatusCallback"] = {
        "type": "string",
        "description": "The webhook URI for Vonage to send voice status requests to",
    }


@dataclass(frozen=True)
class RoundTrip:
    root: Path
    raw: bytes
    outcome: Outcome


def run_round_trip(
    folder: Path,
    copy_repo: Callable[[Path], Path],
    vendored_raw: bytes,
    mutate: Any,
    *,
    prove: bool,
) -> RoundTrip:
    root = copy_repo(folder / "repo")
    data = json.loads(vendored_raw)
    mutate(data)
    # Formatted unlike the vendored file, to show the bytes are kept as given.
    raw = json.dumps(data, indent=1, ensure_ascii=False).encode() + b"\n"
    source = folder / "upstream.json"
    source.write_bytes(raw)
    outcome = update_spec(str(source), Layout(root), today=TODAY, prove=prove)
    return RoundTrip(root, raw, outcome)


@pytest.fixture(scope="module")
def real_repo_before(tree_hashes: Callable[[Path], dict[str, str]]) -> dict[str, str]:
    return tree_hashes(REAL_ROOT)


@pytest.fixture(scope="module")
def legacy(
    real_repo_before: dict[str, str],
    tmp_path_factory: pytest.TempPathFactory,
    copy_repo: Callable[[Path], Path],
    vendored_raw: bytes,
) -> RoundTrip:
    # With the built-in proof: the drift check and an import of every module.
    folder = tmp_path_factory.mktemp("legacy")
    return run_round_trip(folder, copy_repo, vendored_raw, legacy_shape, prove=True)


@pytest.fixture(scope="module")
def additive(
    real_repo_before: dict[str, str],
    tmp_path_factory: pytest.TempPathFactory,
    copy_repo: Callable[[Path], Path],
    vendored_raw: bytes,
) -> RoundTrip:
    folder = tmp_path_factory.mktemp("additive")
    return run_round_trip(folder, copy_repo, vendored_raw, with_optional_field, prove=False)


def drift_check(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", "--check"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def published_in_yaml(
    real_repo_before: dict[str, str],
    tmp_path_factory: pytest.TempPathFactory,
    copy_repo: Callable[[Path], Path],
    vendored_raw: bytes,
) -> RoundTrip:
    """The additive change, published as YAML: vendored as YAML beside its JSON rendering."""
    folder = tmp_path_factory.mktemp("yaml")
    root = copy_repo(folder / "repo")
    data = json.loads(vendored_raw)
    with_optional_field(data)
    raw = (
        b"# Published as YAML\n"
        + yaml.safe_dump(data, sort_keys=False, allow_unicode=True).encode()
    )
    source = folder / "upstream.yaml"
    source.write_bytes(raw)
    outcome = update_spec(str(source), Layout(root), today=TODAY, prove=True)
    return RoundTrip(root, raw, outcome)


def test_a_yaml_document_is_vendored_in_its_bytes_beside_a_json_rendering(
    published_in_yaml: RoundTrip,
) -> None:
    layout = Layout(published_in_yaml.root)
    assert layout.spec == layout.root / "openapi" / "numbers-api.yaml"
    assert layout.spec.read_bytes() == published_in_yaml.raw
    assert json.loads(layout.spec_json.read_bytes()) == published_in_yaml.outcome.new.data
    provenance = json.loads(layout.provenance.read_text())
    assert provenance["file"] == "numbers-api.yaml"
    assert provenance["format"] == "yaml"
    assert provenance["json_rendering"] == "numbers-api.json"
    assert provenance["sha256"] == hashlib.sha256(published_in_yaml.raw).hexdigest()
    assert published_in_yaml.outcome.bump is Bump.MINOR
    assert [c.rule for c in published_in_yaml.outcome.spec_changes] == [
        "api-version-changed",
        "response-optional-property-added",
    ]
    result = drift_check(published_in_yaml.root)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_json_document_after_a_yaml_one_replaces_it(
    published_in_yaml: RoundTrip,
    tmp_path: Path,
    vendored_raw: bytes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = tmp_path / "repo"
    shutil.copytree(published_in_yaml.root, root)
    source = tmp_path / "back.json"
    source.write_bytes(vendored_raw)
    monkeypatch.setattr("spec_update.update._preview", no_preview)
    monkeypatch.setattr("spec_update.update.generate", lambda root, *, spec, output: None)
    outcome = update_spec(str(source), Layout(root), today=TODAY, prove=False)
    assert "openapi/numbers-api.yaml (removed)" in outcome.written
    assert not (root / "openapi" / "numbers-api.yaml").exists()
    assert Layout(root).spec.read_bytes() == vendored_raw


@pytest.mark.parametrize("trip", ["legacy", "additive"])
def test_the_document_and_its_provenance_are_vendored(
    trip: str, request: pytest.FixtureRequest
) -> None:
    round_trip: RoundTrip = request.getfixturevalue(trip)
    layout = Layout(round_trip.root)
    assert layout.spec.read_bytes() == round_trip.raw
    provenance = json.loads(layout.provenance.read_text())
    assert provenance["sha256"] == hashlib.sha256(round_trip.raw).hexdigest()
    assert provenance["version"] == round_trip.outcome.new.version
    assert provenance["source"].endswith("upstream.json")
    assert provenance["vendored_at"] == "2026-12-01"


@pytest.mark.parametrize(
    ("trip", "bump", "version"),
    [
        ("legacy", Bump.MAJOR, bumped(Bump.MAJOR)),
        ("additive", Bump.MINOR, bumped(Bump.MINOR)),
        ("published_in_yaml", Bump.MINOR, bumped(Bump.MINOR)),
    ],
)
def test_the_client_version_moves_by_the_size_of_the_change(
    trip: str, bump: Bump, version: str, request: pytest.FixtureRequest
) -> None:
    round_trip: RoundTrip = request.getfixturevalue(trip)
    layout = Layout(round_trip.root)
    assert round_trip.outcome.bump is bump
    assert f"package_version_override: {version}\n" in layout.generator_config.read_text()
    assert f'version = "{version}"' in (layout.client / "pyproject.toml").read_text()
    changelog = layout.changelog.read_text()
    assert changelog.index(f"## {version} (2026-12-01)") < changelog.index("## 1.1.0 (")
    assert (layout.client / "CHANGELOG.md").read_text() == changelog


@pytest.mark.parametrize("trip", ["legacy", "additive"])
def test_the_drift_check_passes_in_the_copy(trip: str, request: pytest.FixtureRequest) -> None:
    round_trip: RoundTrip = request.getfixturevalue(trip)
    result = drift_check(round_trip.root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "matches a fresh regeneration" in result.stdout


def test_the_legacy_shape_is_classified_and_explained(legacy: RoundTrip) -> None:
    outcome = legacy.outcome
    spec = sorted({(c.rule, c.message) for c in outcome.spec_changes})
    assert spec == [
        ("api-version-changed", "API version 1.1.0 → 1.0.5"),
        ("response-property-removed", "field `numbers[].app_id` removed"),
        ("response-property-removed", "field `numbers[].initialPrice` removed"),
        ("response-property-removed", "field `numbers[].limitations` removed"),
        (
            "security-requirement-added",
            "authentication now accepted: "
            "API key in query `api_key` + API key in query `api_secret`",
        ),
        (
            "security-requirement-removed",
            "authentication no longer accepted: HTTP basic (accepted now: "
            "API key in query `api_key` + API key in query `api_secret`)",
        ),
    ]
    B = Impact.BREAKING
    api = [(c.where, c.what, c.impact) for c in outcome.api_changes]
    assert api == [
        (
            "numbers_api_client.models.available_number.AvailableNumber",
            "field `initial_price` removed",
            B,
        ),
        ("numbers_api_client.models.owned_number.OwnedNumber", "field `app_id` removed", B),
        ("numbers_api_client.models.owned_number.OwnedNumber", "field `limitations` removed", B),
        # The document's security scheme changed: the client authenticates otherwise.
        (
            "numbers_api_client.client.AuthenticatedClient",
            "authentication HTTP basic → "
            "API key in query `api_key` + API key in query `api_secret`",
            B,
        ),
    ]
    changelog = Layout(legacy.root).changelog.read_text()
    assert (
        "- GET /account/numbers response 200 (application/json, text/xml): field `numbers[].app_id`"
        " removed (`response-property-removed`)"
    ) in changelog
    assert (
        "- breaking: numbers_api_client.models.owned_number.OwnedNumber: field `app_id`"
        in changelog
    )


def test_the_additive_change_is_only_additive(additive: RoundTrip) -> None:
    outcome = additive.outcome
    assert [c.rule for c in outcome.spec_changes] == [
        "api-version-changed",
        "response-optional-property-added",
    ]
    assert not outcome.breaks_clients
    assert not outcome.breaks_servers
    assert [(c.what, c.impact) for c in outcome.api_changes] == [
        ("optional field `voice_status_callback` added", Impact.ADDITIVE)
    ]


def test_the_legacy_client_works(legacy: RoundTrip, client_from: ClientFrom) -> None:
    requests: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        number = {"country": "GB", "msisdn": "447700900000", "app_id": "aaaa", "type": "mobile-lvn"}
        return httpx.Response(200, json={"count": 1, "numbers": [number]})

    with client_from(legacy.root / "generated_client") as load:
        client = load("client").AuthenticatedClient(
            base_url="https://rest.nexmo.com",
            api_key="key",
            api_secret="secret",
            httpx_args={"transport": httpx.MockTransport(answer)},
        )
        models = load("models")
        result = load("api.default.get_owned_numbers").sync(client=client, country="GB")
        assert "app_id" not in attrs.fields_dict(models.OwnedNumber)
        assert "initial_price" not in attrs.fields_dict(models.AvailableNumber)
    assert isinstance(result, models.InboundNumbers)
    [number] = result.numbers
    assert number.msisdn == "447700900000"
    # What the 1.0.x client does not know is kept, not lost.
    assert number.additional_properties == {"app_id": "aaaa"}
    assert requests[0].url.params["country"] == "GB"


def test_the_additive_client_works(additive: RoundTrip, client_from: ClientFrom) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        number = {"msisdn": "447700900000", "voiceStatusCallback": "https://example.com/status"}
        return httpx.Response(200, json={"count": 1, "numbers": [number]})

    with client_from(additive.root / "generated_client") as load:
        client = load("client").AuthenticatedClient(
            base_url="https://rest.nexmo.com",
            api_key="key",
            api_secret="secret",
            httpx_args={"transport": httpx.MockTransport(answer)},
        )
        result = load("api.default.get_owned_numbers").sync(client=client)
    assert result.numbers[0].voice_status_callback == "https://example.com/status"
    assert result.numbers[0].additional_properties == {}


def test_a_check_writes_nothing_and_an_identical_document_changes_nothing(
    tmp_path: Path,
    copy_repo: Callable[[Path], Path],
    tree_hashes: Callable[[Path], dict[str, str]],
    vendored_raw: bytes,
) -> None:
    root = copy_repo(tmp_path / "repo")
    before = tree_hashes(root)
    same = tmp_path / "same.json"
    same.write_bytes(vendored_raw)
    assert update_spec(str(same), Layout(root), today=TODAY).state == "unchanged"
    assert tree_hashes(root) == before


def test_a_failed_regeneration_puts_the_inputs_back(
    tmp_path: Path,
    copy_repo: Callable[[Path], Path],
    tree_hashes: Callable[[Path], dict[str, str]],
    vendored_raw: bytes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = copy_repo(tmp_path / "repo")
    before = tree_hashes(root)
    data = json.loads(vendored_raw)
    with_optional_field(data)
    source = tmp_path / "new.json"
    source.write_text(json.dumps(data))

    def refuse(root: Path, *, spec: Path, output: Path) -> None:
        raise GenerationFailed("the generator could not build a client from the new document")

    # Skip the scratch generation; make the final one fail after the inputs were written.
    monkeypatch.setattr("spec_update.update._preview", no_preview)
    monkeypatch.setattr("spec_update.update.generate", refuse)
    with pytest.raises(StepFailed) as raised:
        update_spec(str(source), Layout(root), today=TODAY)
    assert raised.value.step == REGENERATE
    assert tree_hashes(root) == before


def test_a_failed_proof_puts_everything_back_and_names_the_step(
    tmp_path: Path,
    copy_repo: Callable[[Path], Path],
    tree_hashes: Callable[[Path], dict[str, str]],
    vendored_raw: bytes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = copy_repo(tmp_path / "repo")
    before = tree_hashes(root)
    pyproject = (root / "pyproject.toml").read_bytes()
    data = json.loads(vendored_raw)
    legacy_shape(data)  # a major bump: pyproject.toml is written too
    source = tmp_path / "new.json"
    source.write_text(json.dumps(data))

    def drifted(root: Path) -> None:
        raise GenerationFailed("the drift check failed after regeneration:\n  changed x.py")

    monkeypatch.setattr("spec_update.update.check_drift", drifted)
    with pytest.raises(StepFailed) as raised:
        update_spec(str(source), Layout(root), today=TODAY, run_tests=False)
    assert raised.value.step == DRIFT
    assert str(raised.value).startswith(f"step `{DRIFT}` failed; every file was put back")
    assert tree_hashes(root) == before
    assert (root / "pyproject.toml").read_bytes() == pyproject


def test_the_real_repository_was_not_touched(
    legacy: RoundTrip,
    additive: RoundTrip,
    published_in_yaml: RoundTrip,
    real_repo_before: dict[str, str],
    tree_hashes: Callable[[Path], dict[str, str]],
) -> None:
    assert tree_hashes(REAL_ROOT) == real_repo_before
