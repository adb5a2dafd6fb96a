"""contract_tests/README.md's checks table is the registry's: every check, in its order, with its
rule and source, and nothing else. A check added to `judging/registry.py` without its row fails
here, and the failure prints the table to paste."""

from __future__ import annotations

import re

from contract_tests.command.arguments import PACKAGE_DIR
from contract_tests.judging.registry import REGISTRY, Check

TABLE_HEADER = "| check | rule | source |\n| --- | --- | --- |\n"
ROW = re.compile(r"\| `(?P<id>[a-z_]+)` \| (?P<rule>.*) \| (?P<source>[^|]+) \|")


def source_label(source: str) -> str:
    """A source as the table names it: up to its explanation, if it has one."""
    return source.split(":", 1)[0]


def row_of(check: Check) -> str:
    return f"| `{check.id}` | {check.rule} | {source_label(check.source)} |"


def expected_table() -> str:
    return TABLE_HEADER + "\n".join(row_of(check) for check in REGISTRY.values())


def readme_rows() -> list[str]:
    """The rows of the README's checks table: the lines after its header, up to the first that is
    not a row."""
    readme = (PACKAGE_DIR / "README.md").read_text(encoding="utf-8")
    assert readme.count(TABLE_HEADER) == 1, "the README has no checks table, or more than one"
    rows = []
    for line in readme.split(TABLE_HEADER, 1)[1].splitlines():
        if not line.startswith("|"):
            break
        rows.append(line)
    return rows


def test_the_readme_lists_exactly_the_registrys_checks() -> None:
    listed = []
    for line in readme_rows():
        match = ROW.fullmatch(line)
        assert match is not None, f"not a row of the checks table: {line!r}"
        listed.append(match["id"])
    missing = [check_id for check_id in REGISTRY if check_id not in listed]
    unknown = [check_id for check_id in listed if check_id not in REGISTRY]
    assert (missing, unknown) == ([], []), (
        f"README table: missing {missing}, not in the registry {unknown}; "
        f"the table from the registry:\n{expected_table()}"
    )
    assert listed == list(REGISTRY), f"in the registry's order:\n{expected_table()}"


def test_each_row_says_what_the_registry_says() -> None:
    expected = [row_of(check) for check in REGISTRY.values()]
    differing = [
        (shown, row) for shown, row in zip(readme_rows(), expected, strict=False) if shown != row
    ]
    assert differing == [], f"rows that differ (README, registry): {differing}"
