"""Where the files an update reads and writes live, below a repository root.

The vendored document keeps the format it was published in: `openapi/numbers-api.json`, or
`openapi/numbers-api.yaml` beside a JSON rendering of it in `openapi/numbers-api.json`, which is
what the generator, the mock and the contract harness read (a test checks the two agree).
Everything is relative to a root so that tests can run a whole update in a copy of the repository.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from spec_update.document import JSON, YAML

REPO_ROOT = Path(__file__).resolve().parent.parent
STEM = "numbers-api"
SUFFIXES = {JSON: ".json", YAML: ".yaml"}


@dataclass(frozen=True)
class Layout:
    """The paths of one checkout of the repository."""

    root: Path

    @property
    def openapi(self) -> Path:
        return self.root / "openapi"

    @property
    def spec_json(self) -> Path:
        """The document as JSON: the published bytes, or a rendering of a published YAML."""
        return self.spec_for(JSON)

    @property
    def spec(self) -> Path:
        """The vendored document as it was published (YAML when there is a YAML one)."""
        published = self.spec_for(YAML)
        return published if published.is_file() else self.spec_json

    def spec_for(self, kind: str) -> Path:
        return self.openapi / f"{STEM}{SUFFIXES[kind]}"

    @property
    def provenance(self) -> Path:
        return self.openapi / "provenance.json"

    @property
    def generator_config(self) -> Path:
        return self.root / "generator" / "config.yaml"

    @property
    def changelog(self) -> Path:
        return self.root / "generator" / "CHANGELOG.md"

    @property
    def overlay(self) -> Path:
        """The overlay the generator applies to the document: the one place that locates it."""
        return self.root / "numbers_openapi" / "overlay.yaml"

    @property
    def pyproject(self) -> Path:
        """The toolkit's project file, whose requirement on the client follows its major version."""
        return self.root / "pyproject.toml"

    @property
    def constraints(self) -> Path:
        return self.root / "constraints.txt"

    @property
    def client_tests(self) -> Path:
        """The generated client's own test suite, run on a new client before it is written."""
        return self.root / "tests" / "generated_client"

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
