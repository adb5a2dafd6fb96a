from __future__ import annotations

from pathlib import Path

import pytest

from spec_update.outputs import OutputPathError, check_output_path, kept


def test_writable_paths_pass(tmp_path: Path) -> None:
    check_output_path(tmp_path / "new.md")
    (tmp_path / "old.md").write_text("x")
    check_output_path(tmp_path / "old.md")


@pytest.mark.parametrize(
    ("relative", "reason"),
    [("missing/r.md", "the folder {tmp}/missing does not exist"), (".", "is a folder, not a file")],
)
def test_unusable_paths_are_one_line(tmp_path: Path, relative: str, reason: str) -> None:
    with pytest.raises(OutputPathError) as raised:
        check_output_path(tmp_path / relative, "--report X")
    assert str(raised.value) == f"--report X: {reason.format(tmp=tmp_path)}"


def test_kept_puts_files_and_the_folder_back(tmp_path: Path) -> None:
    existing, created = tmp_path / "a.txt", tmp_path / "b.txt"
    existing.write_text("before")
    folder = tmp_path / "client"
    (folder / "pkg").mkdir(parents=True)
    (folder / "pkg" / "m.py").write_text("old")
    with pytest.raises(RuntimeError), kept([existing, created], folder):
        existing.write_text("after")
        created.write_text("new")
        (folder / "pkg" / "m.py").write_text("new")
        (folder / "extra.py").write_text("new")
        raise RuntimeError("a step failed")
    assert existing.read_text() == "before"
    assert not created.exists()
    assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")) == [
        "pkg",
        "pkg/m.py",
    ]
    assert (folder / "pkg" / "m.py").read_text() == "old"
