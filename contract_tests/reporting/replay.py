"""The `numbers-contract` line that replays a run or one of its tests, from any folder.

Built from the options the user gave (`user_arguments`), without credentials (they are read from
the environment again), without paths (the installed command finds its own tests) and without the
user's own test selection or seed (the replay names its own).
"""

from __future__ import annotations

import shlex
from collections.abc import Sequence

COMMAND = "numbers-contract"
# Options whose value is a credential: never repeated, the environment gives them again.
CREDENTIAL_OPTIONS = frozenset(
    {"--api-key", "--api-secret", "--other-api-key", "--other-api-secret"}
)
# Options the replay sets itself.
REPLACED_OPTIONS = frozenset({"--hypothesis-seed", "-k"})
# Options taking a value as the next argument, among those dropped above.
_DROPPED_WITH_VALUE = CREDENTIAL_OPTIONS | REPLACED_OPTIONS
# What `numbers-contract` adds in front of the user's options (contract_tests/cli.py).
_COMMAND_PREFIX = ("-p", "no:cacheprovider")
VERBOSE_OPTIONS = frozenset({"-v", "--verbose"})


def user_arguments(arguments: Sequence[str]) -> list[str]:
    """The options of a command line as the user gave them, without credentials, paths, seed or
    `-k` selection: what a replay repeats.

    `arguments` is pytest's invocation (`config.invocation_params.args`): through `numbers-contract`
    it starts with the package's folder and `-p no:cacheprovider`; through pytest, with
    `contract_tests` or a test's path.
    """
    kept: list[str] = []
    skip_next = False
    for index, argument in enumerate(arguments):
        if skip_next:
            skip_next = False
            continue
        name = argument.split("=", 1)[0]
        if name in _DROPPED_WITH_VALUE:
            skip_next = "=" not in argument
            continue
        if name.startswith("-k") and name != "-k" and not name.startswith("--"):
            continue  # "-kEXPR"
        if (
            argument == _COMMAND_PREFIX[0]
            and tuple(arguments[index : index + 2]) == _COMMAND_PREFIX
        ):
            skip_next = True
            continue
        if not argument.startswith("-") and _is_path(argument):
            continue
        kept.append(argument)
    return kept


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
        if tuple(arguments[index : index + 2]) == _COMMAND_PREFIX or (
            index > 0 and tuple(arguments[index - 1 : index + 1]) == _COMMAND_PREFIX
        ):
            continue
        given.append(argument)
    return given


def _is_path(argument: str) -> bool:
    """A positional argument naming tests (the harness's folder, a module, a node id), as opposed
    to the value of an option given as two arguments ("--target-url URL")."""
    path = argument.split("::", 1)[0].rstrip("/")
    return "::" in argument or path.endswith(".py") or path.rsplit("/", 1)[-1] == "contract_tests"


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
