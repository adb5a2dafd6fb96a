"""Regeneration is reproducible and the committed client is exactly what it produces."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator.__main__ import main
from generator.drift import compare_trees
from generator.paths import OUTPUT_DIR, OVERLAY_PATH, PACKAGE_FILES_DIR, SPEC_PATH
from generator.regenerate import (
    GenerationError,
    copy_package_files,
    generate_into,
    package_name,
    regenerate,
)
from numbers_openapi.documents import load_document


@pytest.fixture(scope="module")
def fresh_client(tmp_path_factory: pytest.TempPathFactory) -> Path:
    destination = tmp_path_factory.mktemp("fresh") / "client"
    generate_into(destination)
    return destination


def test_two_generations_are_byte_identical(fresh_client: Path, tmp_path: Path) -> None:
    second = tmp_path / "second"
    generate_into(second)
    assert compare_trees(fresh_client, second) == []


def test_committed_client_matches_a_fresh_generation(fresh_client: Path) -> None:
    drifts = compare_trees(OUTPUT_DIR, fresh_client)
    assert drifts == [], "run `nox -s generate`: " + ", ".join(d.path for d in drifts)


def test_check_mode_catches_a_hand_edited_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    committed = tmp_path / "committed"
    shutil.copytree(OUTPUT_DIR, committed)
    edited = committed / "numbers_api_client" / "client.py"
    edited.write_text(edited.read_text() + "\n# a hand edit\n")

    assert main(["--check", "--output", str(committed)]) == 1

    report = capsys.readouterr().out
    assert "changed  numbers_api_client/client.py" in report
    assert "+# a hand edit" not in report  # the fresh side lacks it: shown as removed
    assert "-# a hand edit" in report
    assert "nox -s generate" in report


def test_check_mode_passes_on_the_committed_client(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--check"]) == 0
    assert "matches" in capsys.readouterr().out


def test_failed_generation_leaves_the_output_untouched(tmp_path: Path) -> None:
    output = tmp_path / "client"
    output.mkdir()
    (output / "keep.txt").write_text("kept")
    broken = tmp_path / "broken.json"
    broken.write_text('{"openapi": "3.0.0", "paths": 12}')

    with pytest.raises(GenerationError):
        regenerate(output, broken)

    assert (output / "keep.txt").read_text() == "kept"


def test_entry_point_reports_a_broken_document_without_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("not json at all")

    assert main(["--spec", str(broken), "--output", str(tmp_path / "out")]) == 2

    error = capsys.readouterr().err
    assert error.startswith("error: cannot apply overlay.yaml to broken.json")
    assert "Traceback" not in error
    assert not (tmp_path / "out").exists()


def test_default_spec_is_the_vendored_document() -> None:
    assert SPEC_PATH.name == "numbers-api.json"
    assert SPEC_PATH.is_file()


def test_the_drift_check_covers_the_overlay(tmp_path: Path) -> None:
    """Generating without one of the overlay's actions (cancel's 420) drifts from the committed
    client in the cancel module, so a hand change to either the overlay or the client is caught."""
    overlay = load_document(OVERLAY_PATH)
    overlay["actions"] = [a for a in overlay["actions"] if "/number/cancel" not in a["target"]]
    changed = tmp_path / "overlay.json"
    changed.write_text(json.dumps(overlay))
    fresh = tmp_path / "client"

    generate_into(fresh, overlay=changed)

    drifted = {drift.path for drift in compare_trees(OUTPUT_DIR, fresh)}
    assert drifted == {"numbers_api_client/api/default/cancel_a_number.py"}


def test_the_helper_modules_are_copied_into_the_package(fresh_client: Path) -> None:
    package = fresh_client / "numbers_api_client"
    for module in PACKAGE_FILES_DIR.glob("*.py"):
        assert (package / module.name).read_bytes() == module.read_bytes()
    assert {m.name for m in PACKAGE_FILES_DIR.glob("*.py")} == {
        "authentication.py",
        "paging.py",
        "refusals.py",
        "reprs.py",
        "retries.py",
    }


def test_a_helper_module_may_not_replace_a_generated_one(tmp_path: Path) -> None:
    source, package = tmp_path / "source", tmp_path / "package"
    source.mkdir()
    package.mkdir()
    (source / "client.py").write_text("# ours\n")
    (package / "client.py").write_text("# generated\n")

    with pytest.raises(GenerationError, match="would overwrite"):
        copy_package_files(package, source)
    assert (package / "client.py").read_text() == "# generated\n"


def test_the_package_name_is_the_configured_one() -> None:
    assert package_name() == "numbers_api_client"


def test_entry_point_reports_a_broken_overlay_without_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    overlay = tmp_path / "overlay.yaml"
    overlay.write_text(
        "overlay: 1.0.0\ninfo: {title: t, version: '1'}\n"
        "actions:\n  - target: $.nowhere\n    update: {}\n"
    )

    assert main(["--overlay", str(overlay), "--output", str(tmp_path / "out")]) == 2

    error = capsys.readouterr().err
    assert "selects nothing" in error and "Traceback" not in error
    assert not (tmp_path / "out").exists()
