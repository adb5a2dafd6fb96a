"""The report of the comparison (benchmarks.oasdiff_report): the table of verdicts, the counts,
and a reason for each disagreement, or the mark that it has none."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.oasdiff_corpus import Disagreement, judge_pair
from benchmarks.oasdiff_report import as_json, report, summary
from tests.benchmarks.oasdiff_samples import TODAY, make_corpus, pair


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return make_corpus(tmp_path)


def test_a_may_break_where_oasdiff_warns_has_oasdiffs_warn_for_reason(corpus: Path) -> None:
    result = judge_pair(corpus, pair("pattern.yaml", "breaking"), TODAY)

    assert result.disagreement is Disagreement.MILDER
    assert result.reasons == (
        "`pattern-changed`: may-break, as oasdiff's WARN for `request-parameter-pattern-changed`, "
        "`request-property-pattern-changed`, `response-property-pattern-changed`",
    )


def test_the_table_counts_each_verdict_against_ours(corpus: Path) -> None:
    results = [
        judge_pair(corpus, pair(name, verdict), TODAY)
        for name, verdict in [
            ("removed.yaml", "breaking"),
            ("pattern.yaml", "breaking"),
            ("described.yaml", "breaking"),
            ("renamed.yaml", "not-breaking"),
            ("described.yaml", "not-breaking"),
        ]
    ]

    text = report(results)

    assert "| breaking | 1 | 1 | 1 |" in text
    assert "| not-breaking | 1 | 0 | 1 |" in text
    assert "Missed: 1 of 3; false alarms: 1 of 2; milder (may-break): 1" in text
    assert text.count("**no written reason**") == 1
    figures = summary(results)
    assert (figures["missed"], figures["unexplained"]) == (1, 1)
    assert [p["disagreement"] for p in as_json(results)["pairs"]] == [
        "agrees",
        "milder",
        "missed",
        "false alarm",
        "agrees",
    ]
