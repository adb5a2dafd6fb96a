"""The option values the toolkit's commands share, as argparse `type=` functions.

`numbers-mock`, `numbers-contract-proxy` and `python -m benchmarks` read ports, counts and
durations the same way and refuse them with the same words. Each raises
`argparse.ArgumentTypeError`, whose message argparse prints after the option's name
(`argument --port: not an integer: 'http'`). Standard library only: the proxy's extra does not
carry the mock's dependencies, and both products import this module.
"""

from __future__ import annotations

import argparse
from typing import NoReturn

__all__ = ["USAGE_ERROR", "OneLineParser", "integer", "non_negative", "port", "positive", "seconds"]

USAGE_ERROR = 2


class OneLineParser(argparse.ArgumentParser):
    """argparse's parser, but a mistake is one line (`PROG: error: ...`) without the usage block
    before it, and exit code 2 as argparse has it."""

    def error(self, message: str) -> NoReturn:
        lines = (line.strip() for line in message.splitlines())
        self.exit(USAGE_ERROR, f"{self.prog}: error: {' '.join(filter(None, lines))}\n")


def integer(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an integer: {text!r}") from None


def port(text: str) -> int:
    """A TCP port, 0 (any free port) included."""
    value = integer(text)
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"port must be between 0 and 65535, not {value}")
    return value


def positive(text: str) -> int:
    value = integer(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def non_negative(text: str) -> int:
    value = integer(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {value}")
    return value


def seconds(text: str) -> float:
    """A finite duration above zero ("nan" and "inf" parse as floats, and are refused)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not 0 < value < float("inf"):
        raise argparse.ArgumentTypeError(f"must be a positive number of seconds, not {text}")
    return value
