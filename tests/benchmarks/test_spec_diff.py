"""The spec diff benchmark's parts that need neither npm nor the baseline: commands, extraction
from an npm tarball, and the figures."""

from __future__ import annotations

import io
import json
import sys
import tarfile
from pathlib import Path

import pytest

from benchmarks.__main__ import build_parser
from benchmarks.spec_diff import (
    SpecDiffSpeed,
    baseline_script,
    extract_documents,
    our_command,
    pack_command,
    report,
)


def tarball(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, content in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))
    return buffer.getvalue()


def test_the_documents_come_out_of_the_npm_tarball(tmp_path: Path) -> None:
    packed = tarball(
        {
            "package/generated/ghes-3.17.json": b'{"paths": {}}',
            "package/generated/ghes-3.18.json": b'{"paths": {"/a": {}}}',
            "package/generated/ghes-3.18.deref.json": b"{}",
        }
    )
    _, new = extract_documents(packed, ["ghes-3.17", "ghes-3.18"], tmp_path)
    assert json.loads(new.read_bytes()) == {"paths": {"/a": {}}}
    assert sorted(path.name for path in tmp_path.iterdir()) == ["ghes-3.17.json", "ghes-3.18.json"]
    with pytest.raises(RuntimeError, match=r"has no generated/ghes-9\.json"):
        extract_documents(packed, ["ghes-9"], tmp_path)


def test_the_commands() -> None:
    assert pack_command("23.0.2", Path("/t")) == [
        "npm",
        "pack",
        "@octokit/openapi@23.0.2",
        "--pack-destination",
        "/t",
    ]
    assert our_command(Path("a"), Path("b")) == [
        sys.executable,
        "-m",
        "spec_update",
        "diff",
        "a",
        "b",
        "--format",
        "json",
    ]
    assert baseline_script(Path("pkg"), Path("a"), Path("b"))[-3:] == ["pkg", "a", "b"]


def test_the_figures_and_their_report() -> None:
    figures = SpecDiffSpeed("x 17", "x 18", (11.0, 11.1), (631, 639), 2.5, 50.0, 70, 70, 3, "abc")
    assert figures.ratio == 0.05
    assert figures.within_target
    text = report(figures)
    assert "| `python -m spec_update diff` (ours) | 2.50 | 70 |" in text
    assert "Ratio ours / baseline: 0.050 (20.0 times faster); within the 5 s target." in text


def test_the_spec_kind_and_its_options() -> None:
    args = build_parser().parse_args(["spec", "--runs", "2", "--cache", "docs"])
    assert (args.kind, args.runs, args.old, args.new, str(args.cache)) == (
        "spec",
        2,
        "ghes-3.17",
        "ghes-3.18",
        "docs",
    )
