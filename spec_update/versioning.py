"""The client package's own version: read from and written to the generator's configuration.

The version lives in generator/config.yaml (`package_version_override`), an input of the generator,
so that `python -m generator --check` still proves generated_client/ is exactly its output.
"""

from __future__ import annotations

import re

from spec_update.changes import Bump
from spec_update.errors import UpdateError

# Edited as text, not through a YAML library, so that the file's comments and layout stay.
VERSION_LINE = re.compile(
    r"^(?P<key>package_version_override:[ \t]*)"
    r"(?P<quote>[\"']?)(?P<version>[^\"'\s]+)(?P=quote)[ \t]*$",
    re.MULTILINE,
)
SEMVER = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")


class VersionError(UpdateError):
    """The generator configuration has no usable client version."""


def read_version(config: str) -> str:
    match = VERSION_LINE.search(config)
    if match is None:
        raise VersionError("generator/config.yaml has no `package_version_override: X.Y.Z` line")
    return match["version"]


def write_version(config: str, version: str) -> str:
    read_version(config)
    return VERSION_LINE.sub(
        lambda match: f"{match['key']}{match['quote']}{version}{match['quote']}", config, count=1
    )


def bump_version(version: str, bump: Bump) -> str:
    match = SEMVER.match(version)
    if match is None:
        raise VersionError(f"client version {version!r} is not MAJOR.MINOR.PATCH")
    major, minor, patch = (int(part) for part in match.groups())
    if bump is Bump.MAJOR:
        return f"{major + 1}.0.0"
    if bump is Bump.MINOR:
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"
