"""The toolkit's requirement on its own generated client, moved with the client's major version.

pyproject.toml asks for `numbers-api-client>=X.0.0,<X+1` (the harness drives targets through the
client). An update that makes the client's version major rewrites that requirement in the same
change, and a pin in constraints.txt if there is one, so that the toolkit and the new client still
install together. Edited as text, so that the files' comments and layout stay.
"""

from __future__ import annotations

import re

from spec_update.errors import UpdateError

CLIENT = "numbers-api-client"
# `"numbers-api-client>=2.0.0,<3"`, quoted as in a dependency list of pyproject.toml.
RANGE = re.compile(
    r'"numbers-api-client\s*>=\s*(?P<low>\d+\.\d+\.\d+)\s*,\s*<\s*(?P<high>\d+(?:\.\d+)*)"'
)
ANY_MENTION = re.compile(r'"numbers-api-client\b[^"]*"')
PIN = re.compile(r"^numbers-api-client\s*==\s*\S+[ \t]*$", re.MULTILINE | re.IGNORECASE)


class RequirementError(UpdateError):
    """pyproject.toml asks for the client in a form this module cannot move."""


def major(version: str) -> int:
    return int(version.split(".", 1)[0])


def moved_requirement(pyproject: str, new_version: str) -> str:
    """`pyproject` asking for the client's major version of `new_version`, from `new_version` on.

    Every mention must be a `>=X.Y.Z,<N` range: another form is refused rather than left to fail
    at install time.
    """
    for mention in ANY_MENTION.finditer(pyproject):
        if not RANGE.fullmatch(mention.group(0)):
            raise RequirementError(
                f"pyproject.toml asks for {mention.group(0)}: update-spec can only move a "
                f'requirement written "{CLIENT}>=X.Y.Z,<N"'
            )
    wanted = f'"{CLIENT}>={new_version},<{major(new_version) + 1}"'
    return RANGE.sub(wanted, pyproject)


def moved_pin(constraints: str, new_version: str) -> str:
    """constraints.txt with a pin of the client, if it has one, at `new_version`."""
    return PIN.sub(f"{CLIENT}=={new_version}", constraints)
