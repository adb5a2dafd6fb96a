"""`numbers-contract` runs pytest on the installed harness package with the user's options."""

from __future__ import annotations

import pytest

from contract_tests import cli


def test_the_harness_package_is_collected_with_the_options_after_it() -> None:
    arguments = cli.pytest_arguments(["--target-url", "http://127.0.0.1:9", "-x", "--", "--lf"])
    assert arguments[0] == str(cli.PACKAGE_DIR)
    assert (cli.PACKAGE_DIR / "conftest.py").is_file()
    assert (cli.PACKAGE_DIR / "run" / "schemathesis.toml").is_file()
    assert arguments[-3:] == ["--target-url=http://127.0.0.1:9", "-x", "--lf"]
    # No cache folder inside an installed (possibly read-only) package, nor in the current one.
    assert arguments[1:5] == ["-p", "no:cacheprovider", "-p", "no:benchmark"]


def test_main_returns_pytests_exit_code(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[list[str]] = []

    def fake_main(arguments: list[str]) -> int:
        seen.append(arguments)
        return 1

    monkeypatch.setattr(pytest, "main", fake_main)
    assert cli.main(["--", "--collect-only"]) == 1
    assert seen == [cli.pytest_arguments(["--", "--collect-only"])]


def test_a_mistake_is_one_line_and_exit_code_4(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(pytest, "main", lambda arguments: pytest.fail("pytest must not start"))
    assert cli.main(["--max-purchase", "3"]) == 4
    err = capsys.readouterr().err
    assert err.splitlines() == [
        "numbers-contract: error: unknown option --max-purchase: did you mean --max-purchases? "
        "(numbers-contract --help lists the options; pytest's go after --)"
    ]
