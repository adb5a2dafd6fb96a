"""The command `python -m benchmarks oasdiff` (benchmarks.oasdiff, told by
benchmarks.oasdiff_report): its report, its exit codes, one line for a missing document."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.benchmarks.oasdiff_samples import make_corpus, pair, write_labels


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return make_corpus(tmp_path / "corpus")


def run_command(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "benchmarks.oasdiff", *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_command_reports_and_exits_by_whether_every_difference_has_a_reason(
    corpus: Path, tmp_path: Path
) -> None:
    explained = write_labels(
        tmp_path / "explained.json",
        pair("removed.yaml", "breaking"),
        pair("renamed.yaml", "not-breaking"),
    )
    done = run_command(corpus, "--labels", explained, "--json", tmp_path / "out.json")

    assert done.returncode == 0, done.stderr
    assert "2 pairs; 0 refused as not OpenAPI 3; of the others 1 breaking and 1 not" in done.stdout
    assert "Missed: 0 of 1; false alarms: 1 of 1" in done.stdout
    assert "`operation-id-changed`" in done.stdout
    figures = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert figures["summary"]["false_alarms"] == 1

    unexplained = write_labels(tmp_path / "bad.json", pair("described.yaml", "breaking"))
    done = run_command(corpus, "--labels", unexplained)
    assert done.returncode == 1
    assert "**no written reason**" in done.stdout


def test_a_missing_document_is_one_line(corpus: Path, tmp_path: Path) -> None:
    labels = write_labels(tmp_path / "l.json", pair("absent.yaml", "breaking"))

    done = run_command(corpus, "--labels", labels)

    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert "absent.yaml" in done.stderr and "oasdiff checkout" in done.stderr


def test_the_benchmarks_command_runs_it_as_oasdiff(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from benchmarks.__main__ import main

    labels = write_labels(tmp_path / "l.json", pair("removed.yaml", "breaking"))

    assert main(["oasdiff", str(corpus), "--labels", str(labels)]) == 0
    assert "Missed: 0 of 1" in capsys.readouterr().out
