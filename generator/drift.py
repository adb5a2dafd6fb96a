"""Compare a committed generated tree with a fresh generation and summarise the differences."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

DriftKind = Literal["added", "removed", "changed"]

# Things that appear in the committed folder through use (imports, installs, tools), not generation.
IGNORED_PARTS = frozenset({"__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache", "build"})
IGNORED_SUFFIXES = (".pyc", ".egg-info")
DIFF_LINES_PER_FILE = 20


@dataclass(frozen=True)
class FileDrift:
    """One file that differs, its kind relative to the fresh tree."""

    path: str
    kind: DriftKind
    diff: tuple[str, ...] = ()


def _files(root: Path) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if any(part in IGNORED_PARTS or part.endswith(IGNORED_SUFFIXES) for part in relative.parts):
            continue
        if path.is_file():
            files[relative.as_posix()] = path.read_bytes()
    return files


def _text_diff(path: str, committed: bytes, fresh: bytes) -> tuple[str, ...]:
    lines = difflib.unified_diff(
        committed.decode("utf-8", "replace").splitlines(),
        fresh.decode("utf-8", "replace").splitlines(),
        fromfile=f"committed/{path}",
        tofile=f"regenerated/{path}",
        lineterm="",
    )
    return tuple(lines)


def compare_trees(committed: Path, fresh: Path) -> list[FileDrift]:
    """Every file that differs between the committed tree and the fresh one, sorted by path."""
    old = _files(committed) if committed.is_dir() else {}
    new = _files(fresh)
    drifts: list[FileDrift] = []
    for path in sorted(old.keys() | new.keys()):
        if path not in new:
            drifts.append(FileDrift(path, "added"))
        elif path not in old:
            drifts.append(FileDrift(path, "removed"))
        elif old[path] != new[path]:
            drifts.append(FileDrift(path, "changed", _text_diff(path, old[path], new[path])))
    return drifts


def summarise(drifts: list[FileDrift], fix_command: str) -> str:
    """A readable report: one line a file, the start of each diff, and the command that fixes it."""
    if not drifts:
        return "generated_client/ matches a fresh regeneration."
    lines = [f"generated_client/ has drifted from the generator's output ({len(drifts)} file(s)):"]
    for drift in drifts:
        explanation = {
            "added": "exists only in the committed tree (hand-added?)",
            "removed": "missing from the committed tree",
            "changed": "differs from the regenerated file (hand-edited?)",
        }[drift.kind]
        lines.append(f"  {drift.kind:8} {drift.path}: {explanation}")
    for drift in drifts:
        if drift.diff:
            lines.append("")
            lines.extend(drift.diff[:DIFF_LINES_PER_FILE])
            if len(drift.diff) > DIFF_LINES_PER_FILE:
                lines.append(f"... {len(drift.diff) - DIFF_LINES_PER_FILE} more diff lines")
    lines.append("")
    lines.append(f"Fix: run `{fix_command}` and commit generated_client/.")
    return "\n".join(lines)
