"""The command line: exit codes, one-line errors, and nothing changed when an update is refused."""

from __future__ import annotations

import json
import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from spec_update.changes import Bump
from spec_update.command import main
from tests.spec_update.client_version import CLIENT_VERSION, bumped

FIXTURES = Path(__file__).parent / "fixtures"
Serve = Callable[[dict[str, tuple[int, bytes]]], str]
Hashes = Callable[[Path], dict[str, str]]


@pytest.fixture
def repo(tmp_path: Path, copy_repo: Callable[[Path], Path]) -> Path:
    return copy_repo(tmp_path / "repo")


def refused(
    arguments: list[str], repo: Path, capsys: pytest.CaptureFixture[str], tree_hashes: Hashes
) -> str:
    """Run the command, check it refused in one line and changed nothing; return the line."""
    before = tree_hashes(repo)
    assert main([*arguments, "--root", str(repo)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("error: ")
    assert tree_hashes(repo) == before
    return err


def test_a_missing_file(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], tree_hashes: Hashes
) -> None:
    err = refused([str(tmp_path / "nope.json")], repo, capsys, tree_hashes)
    assert err == f"error: {tmp_path / 'nope.json'}: no such file\n"


def test_an_unreachable_url(
    repo: Path, capsys: pytest.CaptureFixture[str], tree_hashes: Hashes
) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{probe.getsockname()[1]}/numbers.json"
    err = refused([url], repo, capsys, tree_hashes)
    assert err.startswith(f"error: {url}: cannot be fetched (")
    assert err.count("\n") == 1


def test_a_url_answering_404(
    repo: Path, serve: Serve, capsys: pytest.CaptureFixture[str], tree_hashes: Hashes
) -> None:
    url = f"{serve({})}/numbers.json"
    assert refused([url], repo, capsys, tree_hashes) == (
        f"error: {url}: answered HTTP 404 Not Found\n"
    )


@pytest.mark.parametrize(
    "fixture",
    [
        "broken-missing-responses.json",
        "broken-dangling-ref.json",
        "broken-external-ref.json",
        "broken-not-yaml.yaml",
        "broken-swagger-2.json",
        "broken-bad-type.json",
    ],
)
def test_a_broken_document_is_refused_and_nothing_changes(
    fixture: str, repo: Path, capsys: pytest.CaptureFixture[str], tree_hashes: Hashes
) -> None:
    path = FIXTURES / fixture
    err = refused([str(path)], repo, capsys, tree_hashes)
    assert err.startswith((f"error: {path} is not ", f"error: {path} is neither "))
    assert err.count("\n") == 1


def test_a_document_the_generator_refuses_is_classified_first_and_changes_nothing(
    repo: Path,
    tmp_path: Path,
    vendored: dict[str, Any],
    capsys: pytest.CaptureFixture[str],
    tree_hashes: Hashes,
) -> None:
    # Valid OpenAPI, but openapi-python-client cannot type an enum of strings and numbers.
    vendored["components"]["schemas"]["ownednumber"]["properties"]["mixed"] = {"enum": ["a", 1]}
    source = tmp_path / "mixed.json"
    source.write_text(json.dumps(vendored))
    report = tmp_path / "report.md"
    before = tree_hashes(repo)
    assert main([str(source), "--root", str(repo), "--report", str(report)]) == 2
    out, err = capsys.readouterr()
    assert tree_hashes(repo) == before
    # The classification comes first, on standard output...
    assert "response-optional-property-added  GET /account/numbers response 200" in out
    assert out.rstrip().endswith("nothing was written.")
    # ...then the generator's error.
    assert err.startswith("error: the generator could not build a client from the new document:\n")
    assert "Unable to process schema /components/schemas/ownednumber" in err
    written = report.read_text()
    assert written.index("`response-optional-property-added`") < written.index(
        "### The client could not be generated"
    )


def test_a_folder_that_is_not_a_checkout(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(FIXTURES / "minimal.json"), "--root", str(tmp_path)]) == 2
    assert "is not a checkout of this repository" in capsys.readouterr().err


def test_a_check_of_a_breaking_url_exits_1_and_writes_only_the_report(
    repo: Path,
    tmp_path: Path,
    serve: Serve,
    vendored: dict[str, Any],
    capsys: pytest.CaptureFixture[str],
    tree_hashes: Hashes,
) -> None:
    del vendored["components"]["schemas"]["ownednumber"]["properties"]["app_id"]
    url = f"{serve({'/numbers.json': (200, json.dumps(vendored).encode())})}/numbers.json"
    before = tree_hashes(repo)
    report = tmp_path / "report.md"
    assert main([url, "--check", "--root", str(repo), "--report", str(report)]) == 1
    out = capsys.readouterr().out
    assert (
        "breaking    compatible  response-property-removed  GET /account/numbers response 200"
        in out
    )
    assert "breaking    numbers_api_client.models.owned_number.OwnedNumber: field `app_id`" in out
    assert f"Client version {CLIENT_VERSION} → {bumped(Bump.MAJOR)} (major)." in out
    assert out.rstrip().endswith("Check only: nothing was written.")
    assert tree_hashes(repo) == before
    assert "| **breaking** | compatible | `response-property-removed` | GET /account/numbers" in (
        report.read_text()
    )


def test_a_check_without_breaking_changes_exits_0(
    repo: Path,
    tmp_path: Path,
    vendored: dict[str, Any],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The client preview is covered above; skip its generation here.
    monkeypatch.setattr("spec_update.update._preview_api_changes", lambda layout, new: [])
    vendored["info"]["description"] = "Reworded."
    source = tmp_path / "reworded.json"
    source.write_text(json.dumps(vendored))
    assert main([str(source), "--check", "--root", str(repo)]) == 0
    out = capsys.readouterr().out
    assert "compatible  compatible  documentation-changed  document: documentation changed" in out
    assert f"Client version {CLIENT_VERSION} → {bumped(Bump.PATCH)} (patch)." in out


def test_the_source_is_required(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main([])
    assert exited.value.code == 2
    assert "PATH_OR_URL" in capsys.readouterr().err
