"""The update's child processes: variables added to the environment, the time limit, the line that
says why a child stopped."""

from __future__ import annotations

import sys
from pathlib import Path

from spec_update.bounded import last_line, run_bounded


def test_the_child_sees_the_variables_and_the_rest_of_the_environment(tmp_path: Path) -> None:
    script = "import os; print(os.environ['ADDED'], 'PATH' in os.environ)"

    result = run_bounded(
        [sys.executable, "-c", script], cwd=tmp_path, variables={"ADDED": "yes"}, limit=30
    )

    assert result is not None
    assert result.stdout.split() == ["yes", "True"]


def test_a_child_over_its_limit_is_stopped(tmp_path: Path) -> None:
    command = [sys.executable, "-c", "import time; time.sleep(30)"]

    assert run_bounded(command, cwd=tmp_path, variables={}, limit=0.5) is None


def test_the_last_line_is_where_the_child_says_why(tmp_path: Path) -> None:
    script = "import sys; print('working'); sys.exit('error: no such thing')"
    result = run_bounded([sys.executable, "-c", script], cwd=tmp_path, variables={}, limit=30)

    assert result is not None
    assert last_line(result) == "error: no such thing"
    silent = run_bounded([sys.executable, "-c", "pass"], cwd=tmp_path, variables={}, limit=30)
    assert silent is not None and last_line(silent) == "no output"
