"""The harness's contract summary, cut out of a run's terminal output."""

from __future__ import annotations

import re

# pytest's section line: `===== contract summary =====`. Matched as a whole line, because the
# words also appear in failure messages ("see the findings in the contract summary"), which pytest
# prints in full when CI is set.
SECTION = re.compile(r"^=+ contract summary =+$", re.MULTILINE)


def contract_summary(stdout: str) -> str:
    """Everything after the last contract summary section line (empty when there is none)."""
    headers = list(SECTION.finditer(stdout))
    return stdout[headers[-1].end() :] if headers else ""
