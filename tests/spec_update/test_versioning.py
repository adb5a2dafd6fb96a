from __future__ import annotations

import pytest

from spec_update.changes import Bump
from spec_update.layout import REPO_ROOT, Layout
from spec_update.versioning import VersionError, bump_version, read_version, write_version

CONFIG = """# comment stays
project_name_override: numbers-api-client
package_version_override: 1.1.0
class_overrides:
  Response:
    class_name: ActionResponse
"""


def test_the_version_is_read_and_written_in_place() -> None:
    assert read_version(CONFIG) == "1.1.0"
    written = write_version(CONFIG, "2.0.0")
    assert written == CONFIG.replace("override: 1.1.0", "override: 2.0.0")
    assert read_version(written) == "2.0.0"


def test_quotes_are_kept() -> None:
    config = 'package_version_override: "1.2.3"\n'
    assert read_version(config) == "1.2.3"
    assert write_version(config, "1.2.4") == 'package_version_override: "1.2.4"\n'


def test_a_config_without_a_version_is_refused() -> None:
    with pytest.raises(VersionError, match="no `package_version_override"):
        read_version("project_name_override: x\n")


@pytest.mark.parametrize(
    ("bump", "expected"), [(Bump.MAJOR, "2.0.0"), (Bump.MINOR, "1.2.0"), (Bump.PATCH, "1.1.1")]
)
def test_bumps(bump: Bump, expected: str) -> None:
    assert bump_version("1.1.0", bump) == expected


def test_a_version_that_is_not_semver_is_refused() -> None:
    with pytest.raises(VersionError, match=r"not MAJOR\.MINOR\.PATCH"):
        bump_version("1.1", Bump.PATCH)


def test_the_generator_config_holds_the_client_version() -> None:
    layout = Layout(REPO_ROOT)
    version = read_version(layout.generator_config.read_text())
    assert f'version = "{version}"' in (layout.client / "pyproject.toml").read_text()
    assert f"\n## {version} (" in layout.changelog.read_text()
