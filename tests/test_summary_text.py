"""tests.summary_text: the summary is found by its section line, not by its words."""

from __future__ import annotations

from tests.summary_text import contract_summary

OUTPUT = """\
=============================== contract summary ===============================
operation  cases
lifecycle  3
=========================== short test summary info ============================
FAILED test_lifecycle - [formats_conform] ... (see the findings in the contract summary)
"""


def test_the_summary_is_cut_at_its_section_line_not_at_its_words() -> None:
    summary = contract_summary(OUTPUT)
    assert summary.splitlines()[1:3] == ["operation  cases", "lifecycle  3"]


def test_no_section_line_is_no_summary() -> None:
    assert contract_summary("see the findings in the contract summary") == ""
