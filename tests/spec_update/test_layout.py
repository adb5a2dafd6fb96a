from __future__ import annotations

import json
from pathlib import Path

from spec_update.document import load_document
from spec_update.layout import REPO_ROOT, Layout


def test_paths_follow_the_root(tmp_path: Path) -> None:
    layout = Layout(tmp_path)
    assert layout.spec == tmp_path / "openapi" / "numbers-api.json"
    assert layout.provenance == tmp_path / "openapi" / "provenance.json"
    assert layout.generator_config == tmp_path / "generator" / "config.yaml"
    assert layout.changelog == tmp_path / "generator" / "CHANGELOG.md"
    assert layout.client_package == tmp_path / "generated_client" / "numbers_api_client"
    assert layout.relative(layout.spec) == "openapi/numbers-api.json"
    assert layout.relative(Path("/elsewhere/x.json")) == "/elsewhere/x.json"


def test_the_default_root_is_this_repository() -> None:
    assert Layout(REPO_ROOT).spec.is_file()
    assert (REPO_ROOT / "spec_update" / "layout.py").is_file()


def test_a_published_yaml_is_the_vendored_document_and_json_its_rendering(tmp_path: Path) -> None:
    layout = Layout(tmp_path)
    (tmp_path / "openapi").mkdir()
    layout.spec_json.write_text("{}")
    assert layout.spec == layout.spec_json
    layout.spec_for("yaml").write_text("openapi: 3.0.3\n")
    assert layout.spec == tmp_path / "openapi" / "numbers-api.yaml"
    assert layout.spec_json == tmp_path / "openapi" / "numbers-api.json"


def test_the_repository_json_is_its_published_document_or_a_rendering_of_it() -> None:
    """What the generator, the mock and the harness read says what was published."""
    layout = Layout(REPO_ROOT)
    published = load_document(layout.spec.read_bytes(), "published", validate=False)
    assert layout.spec_json.read_bytes() == published.as_json()
    provenance = json.loads(layout.provenance.read_text())
    assert provenance["file"] == layout.spec.name
    assert provenance["sha256"] == published.sha256
