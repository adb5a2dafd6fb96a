"""The command line: exit codes, one-line errors, and nothing changed when an update is refused."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from spec_update.changes import Bump
from spec_update.command import BREAKING_FOUND, DONE, PUT_BACK, REFUSED, main
from spec_update.generation import GenerationFailed
from tests.spec_update.client_version import CLIENT_VERSION, bumped
from tests.spec_update.conftest import no_preview

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
        "### The update was refused"
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
    monkeypatch.setattr("spec_update.update._preview", no_preview)
    vendored["info"]["description"] = "Reworded."
    source = tmp_path / "reworded.json"
    source.write_text(json.dumps(vendored))
    assert main([str(source), "--check", "--root", str(repo)]) == 0
    out = capsys.readouterr().out
    assert "compatible  compatible  documentation-changed  document: documentation changed" in out
    assert f"Client version {CLIENT_VERSION} → {bumped(Bump.PATCH)} (patch)." in out


def test_without_arguments_the_commands_are_listed_and_it_exits_2(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main([]) == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: python -m spec_update {diff,rules,update}")


def test_an_unsupported_url_scheme_is_one_line(
    repo: Path, capsys: pytest.CaptureFixture[str], tree_hashes: Hashes
) -> None:
    err = refused(["ftp://host/numbers.yml"], repo, capsys, tree_hashes)
    assert err == (
        "error: ftp://host/numbers.yml: the URL scheme `ftp` is not supported "
        "(give an http or https URL, or a file path)\n"
    )


def test_a_report_path_that_cannot_be_written_refuses_before_anything_is_done(
    repo: Path,
    tmp_path: Path,
    vendored: dict[str, Any],
    capsys: pytest.CaptureFixture[str],
    tree_hashes: Hashes,
) -> None:
    vendored["info"]["version"] = "1.2.0"
    source = tmp_path / "new.json"
    source.write_text(json.dumps(vendored))
    err = refused(
        [str(source), "--report", str(tmp_path / "nonexistent" / "r.md")], repo, capsys, tree_hashes
    )
    assert err == (
        f"error: --report {tmp_path / 'nonexistent' / 'r.md'}: "
        f"the folder {tmp_path / 'nonexistent'} does not exist\n"
    )


def test_a_step_failing_after_writing_began_exits_3_and_puts_everything_back(
    repo: Path,
    tmp_path: Path,
    vendored: dict[str, Any],
    capsys: pytest.CaptureFixture[str],
    tree_hashes: Hashes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("spec_update.update._preview", no_preview)

    def broken(root: Path) -> None:
        raise GenerationFailed("the regenerated client does not import:\nImportError: x")

    monkeypatch.setattr("spec_update.update.smoke_import", broken)
    vendored["info"]["version"] = "1.2.0"
    source = tmp_path / "new.json"
    source.write_text(json.dumps(vendored))
    before = tree_hashes(repo)
    assert main([str(source), "--root", str(repo)]) == 3
    err = capsys.readouterr().err
    assert err.startswith(
        "error: step `import every module of the new client` failed; "
        "every file was put back as it was:\nthe regenerated client does not import:"
    )
    assert tree_hashes(repo) == before


def test_the_exit_codes_are_documented() -> None:
    readme = (Path(__file__).resolve().parents[2] / "spec_update" / "README.md").read_text()
    for code in (DONE, BREAKING_FOUND, REFUSED, PUT_BACK):
        assert f"| {code} |" in readme


def test_help_lists_every_command_outside_a_checkout(tmp_path: Path) -> None:
    """As installed from a wheel: the package alone, no repository around it."""
    shutil.copytree(
        Path(__file__).resolve().parents[2] / "spec_update",
        tmp_path / "spec_update",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    result = subprocess.run(
        [sys.executable, "-m", "spec_update", "--help"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    commands = [line.split()[0] for line in result.stdout.splitlines() if line.startswith("  ")]
    assert commands == ["diff", "rules", "[update]"]
    imported = subprocess.run(
        [sys.executable, "-c", "import spec_update.command as c; print(c.__file__)"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    assert imported.stdout.startswith(str(tmp_path))
