"""The option values the commands share: what each accepts, and the one line it refuses with."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

import pytest

import numbers_arguments
from numbers_arguments import (
    USAGE_ERROR,
    OneLineParser,
    integer,
    non_negative,
    port,
    positive,
    seconds,
)
from tests.shared_modules import beyond_the_standard_library, top_level_imports


@pytest.mark.parametrize(
    ("parse", "text", "value"),
    [
        (integer, "-3", -3),
        (port, "0", 0),
        (port, "65535", 65535),
        (positive, "1", 1),
        (non_negative, "0", 0),
        (seconds, "0.25", 0.25),
        (seconds, "1e3", 1000.0),
    ],
)
def test_accepted(parse: Callable[[str], float], text: str, value: float) -> None:
    assert parse(text) == value


@pytest.mark.parametrize(
    ("parse", "text", "message"),
    [
        (integer, "1.5", "not an integer: '1.5'"),
        (port, "http", "not an integer: 'http'"),
        (port, "65536", "port must be between 0 and 65535, not 65536"),
        (port, "-1", "port must be between 0 and 65535, not -1"),
        (positive, "0", "must be at least 1, not 0"),
        (positive, "x", "not an integer: 'x'"),
        (non_negative, "-1", "must be 0 or more, not -1"),
        (seconds, "soon", "not a number of seconds: 'soon'"),
        (seconds, "0", "must be a positive number of seconds, not 0"),
        (seconds, "-2", "must be a positive number of seconds, not -2"),
        (seconds, "inf", "must be a positive number of seconds, not inf"),
        (seconds, "nan", "must be a positive number of seconds, not nan"),
    ],
)
def test_refused_with_one_clear_message(
    parse: Callable[[str], float], text: str, message: str
) -> None:
    with pytest.raises(argparse.ArgumentTypeError) as refused:
        parse(text)
    assert str(refused.value) == message


def test_argparse_prints_the_message_after_the_option() -> None:
    parser = argparse.ArgumentParser(prog="probe", exit_on_error=False)
    parser.add_argument("--port", type=port)
    with pytest.raises(argparse.ArgumentError, match=r"^argument --port: not an integer: 'http'$"):
        parser.parse_args(["--port", "http"])


def test_it_imports_only_the_standard_library() -> None:
    path = Path(numbers_arguments.__file__)
    assert "argparse" in top_level_imports(path)
    assert beyond_the_standard_library(path) == set()


def test_a_mistake_is_one_line_without_the_usage_block(capsys: pytest.CaptureFixture[str]) -> None:
    parser = OneLineParser(prog="numbers-thing")
    parser.add_argument("--port", type=port)
    parser.add_argument("--name", required=True)

    with pytest.raises(SystemExit) as stopped:
        parser.parse_args(["--port", "x"])

    assert stopped.value.code == USAGE_ERROR == 2
    assert capsys.readouterr().err == (
        "numbers-thing: error: argument --port: not an integer: 'x'\n"
    )
