"""The replay line: the user's options, no credentials, no paths, the run's seed."""

from __future__ import annotations

import shlex

from contract_tests.reporting.replay import (
    asked_verbose,
    given_arguments,
    replay_command,
)


def test_the_replay_names_the_selection_profile_and_seed() -> None:
    line = replay_command(["--rate-limit", "none"], 42, "quick", ["-k", "test_operation and buy"])
    assert shlex.split(line) == [
        "numbers-contract",
        "--rate-limit",
        "none",
        "-k",
        "test_operation and buy",
        "--hypothesis-profile=quick",
        "--hypothesis-seed",
        "42",
    ]
    # A profile the user gave is kept as given, not repeated.
    assert "--hypothesis-profile=quick" not in replay_command(["--hypothesis-profile=ci"], 1, "ci")


def test_verbose_is_asked_by_v_options_only() -> None:
    assert asked_verbose(["-v"]) and asked_verbose(["-vv"]) and asked_verbose(["--verbose"])
    assert not asked_verbose(["--target-url", "http://v"]) and not asked_verbose(["-x"])


def test_the_command_as_given_masks_credentials() -> None:
    arguments = [
        "/venv/lib/python3.11/site-packages/contract_tests",
        "-p",
        "no:cacheprovider",
        "--api-key",
        "thekey",
        "--api-secret=thesecret",
        "-k",
        "search",
    ]
    assert given_arguments(arguments) == [
        "--api-key",
        "***",
        "--api-secret=***",
        "-k",
        "search",
    ]
