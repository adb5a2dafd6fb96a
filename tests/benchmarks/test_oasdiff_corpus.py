"""The comparison with oasdiff's labelled examples, on a small corpus laid out like oasdiff's
(the real one stays in an oasdiff checkout): verdicts, disagreements, their written reasons, the
exit codes, and the labels kept in the repository."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from benchmarks.oasdiff_corpus import (
    LABELS,
    CorpusError,
    Disagreement,
    LabelledPair,
    judge_pair,
    load_labels,
    summary,
)
from spec_update.levels import BREAKING, COMPATIBLE
from spec_update.rules.catalog import BEYOND_RULES

TODAY = __import__("datetime").date(2026, 1, 1)


def document(operation_id: str = "listThings", *, extra_path: bool = True) -> dict[str, Any]:
    paths: dict[str, Any] = {
        "/things": {
            "get": {
                "operationId": operation_id,
                "responses": {"200": {"description": "the things"}},
            }
        }
    }
    if extra_path:
        paths["/other"] = {
            "get": {"operationId": "other", "responses": {"200": {"description": "ok"}}}
        }
    return {"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": paths}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    data = tmp_path / "data" / "checker"
    data.mkdir(parents=True)
    documents = {
        "base.yaml": document(),
        "removed.yaml": document(extra_path=False),
        "renamed.yaml": document("fetchThings"),
        "described.yaml": {**document(), "info": {"title": "t", "version": "2"}},
    }
    for name, content in documents.items():
        (data / name).write_text(yaml.safe_dump(content), encoding="utf-8")
    return tmp_path


def pair(revision: str, verdict: str, **more: str) -> LabelledPair:
    return LabelledPair(
        example=f"{revision} {verdict}",
        base="data/checker/base.yaml",
        revision=f"data/checker/{revision}",
        verdict=verdict,
        **more,
    )


def write_labels(path: Path, *pairs: LabelledPair) -> Path:
    path.write_text(json.dumps({"pairs": [p.__dict__ for p in pairs]}), encoding="utf-8")
    return path


def test_a_removed_operation_is_breaking_as_oasdiff_says(corpus: Path) -> None:
    result = judge_pair(corpus, pair("removed.yaml", "breaking"), TODAY)

    assert result.level is BREAKING
    assert result.disagreement is Disagreement.NONE
    assert result.reasons == ()


def test_a_renamed_operation_id_is_a_false_alarm_with_the_rules_reason(corpus: Path) -> None:
    result = judge_pair(corpus, pair("renamed.yaml", "not-breaking"), TODAY)

    assert result.disagreement is Disagreement.FALSE_ALARM
    assert result.deciding_rules == ("operation-id-changed",)
    assert result.reasons and "generated function" in result.reasons[0]


def test_a_miss_without_a_reason_is_counted_unexplained(corpus: Path) -> None:
    result = judge_pair(corpus, pair("described.yaml", "breaking"), TODAY)

    assert result.level is COMPATIBLE
    assert result.disagreement is Disagreement.MISSED
    assert result.reasons == ()
    assert summary([result])["unexplained"] == 1


def test_a_labels_named_difference_is_the_reason(corpus: Path) -> None:
    result = judge_pair(corpus, pair("described.yaml", "breaking", differs="x-sunset"), TODAY)

    assert result.reasons == (f"`x-sunset`: {BEYOND_RULES['x-sunset']}",)


def test_an_invalid_document_is_compared_and_said_to_be_invalid(corpus: Path) -> None:
    broken = document(extra_path=False)
    broken["paths"]["/things"]["get"]["responses"] = {"200": {}}  # a response needs a description
    (corpus / "data" / "checker" / "broken.yaml").write_text(yaml.safe_dump(broken), "utf-8")

    result = judge_pair(corpus, pair("broken.yaml", "breaking"), TODAY)

    assert "not a valid OpenAPI document" in result.invalid
    assert result.level is BREAKING


def test_a_document_that_is_not_openapi_3_is_refused_not_fatal(corpus: Path) -> None:
    text = (corpus / "data" / "checker" / "removed.yaml").read_text(encoding="utf-8")
    (corpus / "data" / "checker" / "typo.yaml").write_text(text.replace("openapi:", "penapi:"))

    result = judge_pair(corpus, pair("typo.yaml", "breaking"), TODAY)

    assert result.disagreement is Disagreement.REFUSED
    assert "not an OpenAPI 3 document" in result.refused
    assert summary([result])["refused"] == 1 and summary([result])["unexplained"] == 0


def test_labels_with_an_unknown_verdict_or_reason_are_refused(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="verdict 'maybe'"):
        load_labels(write_labels(tmp_path / "a.json", pair("x.yaml", "maybe")))
    with pytest.raises(CorpusError, match="not in BEYOND_RULES"):
        load_labels(write_labels(tmp_path / "b.json", pair("x.yaml", "breaking", differs="no")))


def run_command(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "benchmarks.oasdiff_corpus", *map(str, args)],
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


def test_the_kept_labels_are_well_formed() -> None:
    pairs = load_labels(LABELS)

    assert {p.verdict for p in pairs} == {"breaking", "not-breaking"}
    assert len({(p.base, p.revision, p.config) for p in pairs}) == len(pairs)
    assert all(p.base != p.revision for p in pairs)


def git(root: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


def test_documents_are_read_at_the_recorded_commits_of_a_git_checkout(corpus: Path) -> None:
    git(corpus, "init", "-q")
    git(corpus, "add", "-A")
    git(corpus, "commit", "-q", "-m", "corpus")
    commit = git(corpus, "rev-parse", "HEAD")
    # The working tree moves on: the revision no longer removes anything.
    base = corpus / "data" / "checker" / "base.yaml"
    (corpus / "data" / "checker" / "removed.yaml").write_text(base.read_text("utf-8"), "utf-8")
    labelled = pair("removed.yaml", "breaking", source=f"oasdiff/oasdiff@{commit},{commit}")

    assert judge_pair(corpus, labelled, TODAY).level is BREAKING
    assert judge_pair(corpus, labelled, TODAY, at_commits=False).level is COMPATIBLE

    missing = pair("removed.yaml", "breaking", source="oasdiff/oasdiff@" + "0" * 40)
    with pytest.raises(CorpusError, match="--working-tree"):
        judge_pair(corpus, missing, TODAY)


def test_the_benchmarks_command_runs_it_as_oasdiff(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from benchmarks.__main__ import main

    labels = write_labels(tmp_path / "l.json", pair("removed.yaml", "breaking"))

    assert main(["oasdiff", str(corpus), "--labels", str(labels)]) == 0
    assert "Missed: 0 of 1" in capsys.readouterr().out
