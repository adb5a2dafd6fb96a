"""The drift comparison finds added, removed and changed files and says how to fix them."""

from __future__ import annotations

from pathlib import Path

from generator.drift import compare_trees, summarise
from tests.file_trees import write_tree


def test_identical_trees_have_no_drift(tmp_path: Path) -> None:
    files = {"pkg/a.py": "a = 1\n", "README.md": "x\n"}
    assert compare_trees(write_tree(tmp_path / "c", files), write_tree(tmp_path / "f", files)) == []


def test_each_kind_of_drift_is_found(tmp_path: Path) -> None:
    committed = write_tree(
        tmp_path / "c", {"same.py": "s\n", "edited.py": "old\n", "extra.py": "e\n"}
    )
    fresh = write_tree(
        tmp_path / "f", {"same.py": "s\n", "edited.py": "new\n", "missing.py": "m\n"}
    )

    drifts = {d.path: d for d in compare_trees(committed, fresh)}

    assert {path: d.kind for path, d in drifts.items()} == {
        "edited.py": "changed",
        "extra.py": "added",
        "missing.py": "removed",
    }
    assert "-old" in drifts["edited.py"].diff
    assert "+new" in drifts["edited.py"].diff


def test_caches_and_bytecode_are_not_drift(tmp_path: Path) -> None:
    committed = write_tree(
        tmp_path / "c",
        {"a.py": "a\n", "pkg/__pycache__/a.cpython-311.pyc": "x", ".mypy_cache/x": "y"},
    )
    fresh = write_tree(tmp_path / "f", {"a.py": "a\n"})
    assert compare_trees(committed, fresh) == []


def test_missing_committed_tree_reports_every_file_removed(tmp_path: Path) -> None:
    fresh = write_tree(tmp_path / "f", {"a.py": "a\n"})
    assert [d.kind for d in compare_trees(tmp_path / "absent", fresh)] == ["removed"]


def test_summary_names_files_and_the_fix(tmp_path: Path) -> None:
    committed = write_tree(tmp_path / "c", {"a.py": "\n".join(f"line {i}" for i in range(50))})
    fresh = write_tree(tmp_path / "f", {"a.py": "\n".join(f"LINE {i}" for i in range(50))})

    summary = summarise(compare_trees(committed, fresh), "nox -s generate")

    assert "1 file(s)" in summary
    assert "changed  a.py" in summary
    assert "more diff lines" in summary
    assert summary.endswith("Fix: run `nox -s generate` and commit generated_client/.")


def test_summary_of_no_drift_says_so() -> None:
    assert "matches" in summarise([], "nox -s generate")
