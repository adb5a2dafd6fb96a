from __future__ import annotations

from pathlib import Path

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
