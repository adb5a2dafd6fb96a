"""The `numbers-contract` line that replays a run or one of its tests, from any folder.

Built from the options the user gave (`run.options.user_arguments`: no credentials, which are
read from the environment again, no reports and no test selection), with the test's own `-k`
selection and the run's seed.
"""

from __future__ import annotations

import shlex
from collections.abc import Sequence

COMMAND = "numbers-contract"
# Options whose value is a credential: never repeated, the environment gives them again.
CREDENTIAL_OPTIONS = frozenset(
    {"--api-key", "--api-secret", "--other-api-key", "--other-api-secret"}
)
# The plugins `numbers-contract` switches off in front of the user's options
# (contract_tests/command/arguments.py), each as `-p NAME`.
COMMAND_PLUGINS_OFF = ("no:cacheprovider", "no:benchmark")
VERBOSE_OPTIONS = frozenset({"-v", "--verbose"})


def given_arguments(arguments: Sequence[str], mask: str = "***") -> list[str]:
    """The command line as the user gave it (what `numbers-contract` adds left out), the values of
    credential options masked: the run record's `command`."""
    given: list[str] = []
    mask_next = False
    for index, argument in enumerate(arguments):
        if mask_next:
            given.append(mask)
            mask_next = False
            continue
        name = argument.split("=", 1)[0]
        if name in CREDENTIAL_OPTIONS:
            mask_next = "=" not in argument
            given.append(name if mask_next else f"{name}={mask}")
            continue
        if index == 0 and argument.rstrip("/").endswith("contract_tests") and "/" in argument:
            continue  # the installed package's folder, which `numbers-contract` puts first
        following = arguments[index + 1] if index + 1 < len(arguments) else None
        if (argument == "-p" and following in COMMAND_PLUGINS_OFF) or (
            index > 0 and arguments[index - 1] == "-p" and argument in COMMAND_PLUGINS_OFF
        ):
            continue
        given.append(argument)
    return given


def asked_verbose(arguments: Sequence[str]) -> bool:
    """Whether the user asked for pytest's verbose output (`-v`, `-vv`, `--verbose`): then
    tracebacks and Hypothesis' own advice are shown as pytest prints them."""
    return any(
        argument in VERBOSE_OPTIONS or (argument.startswith("-v") and set(argument[1:]) == {"v"})
        for argument in arguments
    )


def replay_command(
    options: Sequence[str], seed: int, profile: str, selection: Sequence[str] = ()
) -> str:
    """`numbers-contract OPTIONS [-k EXPR] [--hypothesis-profile P] --hypothesis-seed N`."""
    parts = [COMMAND, *options, *selection]
    if not any(part.split("=", 1)[0] == "--hypothesis-profile" for part in options):
        parts.append(f"--hypothesis-profile={profile}")
    parts += ["--hypothesis-seed", str(seed)]
    return shlex.join(parts)
