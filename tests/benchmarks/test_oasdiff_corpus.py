"""Judging oasdiff's labelled examples (benchmarks.oasdiff_corpus): verdicts, disagreements,
their written reasons, documents read at their commits, and the labels kept in the repository."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml

from benchmarks.oasdiff_corpus import (
    LABELS,
    CorpusError,
    Disagreement,
    judge_pair,
    load_labels,
)
from benchmarks.oasdiff_report import summary
from spec_update.levels import BREAKING, COMPATIBLE
from spec_update.rules.catalog import BEYOND_RULES
from tests.benchmarks.oasdiff_samples import TODAY, document, make_corpus, pair, write_labels


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return make_corpus(tmp_path)


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
