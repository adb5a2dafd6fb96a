"""Where the files an update reads and writes live, below a repository root.

Everything is relative to a root so that tests can run a whole update in a copy of the repository.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Layout:
    """The paths of one checkout of the repository."""

    root: Path

    @property
    def spec(self) -> Path:
        return self.root / "openapi" / "numbers-api.json"

    @property
    def provenance(self) -> Path:
        return self.root / "openapi" / "provenance.json"

    @property
    def generator_config(self) -> Path:
        return self.root / "generator" / "config.yaml"

    @property
    def changelog(self) -> Path:
        return self.root / "generator" / "CHANGELOG.md"

    @property
    def client(self) -> Path:
        return self.root / "generated_client"

    @property
    def client_package(self) -> Path:
        return self.client / "numbers_api_client"

    def relative(self, path: Path) -> str:
        """`path` as shown to people: relative to the root when it is inside it."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return str(path)
