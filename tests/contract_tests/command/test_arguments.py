"""`numbers-contract`'s parser: the harness's options only, one line per mistake."""

from __future__ import annotations

import pytest

from contract_tests.command.arguments import (
    PACKAGE_DIR,
    CommandError,
    build_parser,
    pytest_arguments,
)
from contract_tests.run.options import OPTIONS


def mistake(*argv: str) -> str:
    with pytest.raises(CommandError) as caught:
        pytest_arguments(argv)
    message = str(caught.value)
    assert "\n" not in message
    return message


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--max-purchase", "3"], "unknown option --max-purchase: did you mean --max-purchases?"),
        (["--rate-limt=none"], "unknown option --rate-limt: did you mean --rate-limit?"),
        (["--hypothesis-profile", "thoro"], "'thoro' is not a profile: did you mean thorough?"),
        (["--rate-limit", "5/sec"], "did you mean 5/s?"),
        (["--rate-limit", "10/min"], "did you mean 10/m?"),
        (["--max-purchases", "-1"], "--max-purchases must be a whole number, 0 or more"),
        (["--max-purchases", "two"], "got 'two' (e.g. --max-purchases 2)"),
        (["--target-url", "htp://numbers.example"], "did you mean http://numbers.example?"),
        (["--target-url", "numbers.example"], "did you mean https://numbers.example?"),
        (["--target-url", "localhost:8000"], "did you mean http://localhost:8000?"),
        (["--breaker-after", "0"], "--breaker-after must be a whole number, 1 or more"),
        (["--request-deadline", "soon"], "--request-deadline must be a number"),
        (["search"], "unexpected argument 'search'"),
        (
            ["-n", "2"],
            "unknown option -n (numbers-contract --help lists the options; pytest's go "
            "after --, as in numbers-contract -- -n)",
        ),
    ],
)
def test_each_mistake_names_the_nearest_valid_choice(argv: list[str], expected: str) -> None:
    assert expected in mistake(*argv)


def test_abbreviations_are_not_guessed() -> None:
    # argparse would take `--max-purch` for `--max-purchases`; a money option must be spelt out.
    assert "did you mean --max-purchases?" in mistake("--max-purch", "3")


def test_options_become_pytests_and_the_rest_is_passed_on_as_it_is() -> None:
    arguments = pytest_arguments(
        [
            "--target-url",
            "https://numbers.example",
            "--allow-purchases",
            "--rate-limit",
            "none",
            "-k",
            "search",
            "--junit-xml",
            "out.xml",
            "--",
            "-n",
            "2",
            "--max-purchase",
        ]
    )
    assert arguments[5:] == [
        "--target-url=https://numbers.example",
        "--allow-purchases",
        "-k",
        "search",
        "--rate-limit=none",
        "--junit-xml=out.xml",
        "-n",
        "2",
        # After `--` nothing is checked: pytest says what it makes of it.
        "--max-purchase",
    ]


def test_the_help_is_one_screen_of_the_harnesss_options_in_groups() -> None:
    text = build_parser().format_help()
    lines = text.splitlines()
    assert len(lines) <= 60
    for option in OPTIONS:
        assert option.name in text
    for group in ("target and credentials", "purchases", "limits", "TLS", "reports"):
        assert f"\n{group}" in text
    assert "Anything after -- goes to pytest" in text
    # pytest's own options are not listed.
    assert "--capture" not in text and "--lf" not in text.replace("-- --lf", "")


def test_the_readme_shows_the_help_as_it_is() -> None:
    readme = (PACKAGE_DIR / "README.md").read_text(encoding="utf-8")
    shown = readme.split("Its `--help`:\n\n```text\n", 1)[1].split("\n```", 1)[0]
    assert shown == build_parser().format_help().rstrip()
