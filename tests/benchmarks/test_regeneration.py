"""The two generations compared: ours and a bare one, each into its own folder."""

from __future__ import annotations

from pathlib import Path

from benchmarks.regeneration import Regeneration, bare_command, our_command


def test_ours_uses_the_generator_and_bare_uses_no_config_or_templates() -> None:
    ours = our_command(Path("/tmp/a"))
    assert ours[1:] == ["-m", "generator", "--output", "/tmp/a"]
    bare = bare_command(Path("/tmp/b"))
    assert bare[1:4] == ["-m", "openapi_python_client", "generate"]
    assert "--config" not in bare and "--custom-template-path" not in bare
    assert bare[-1] == "/tmp/b"


def test_the_ratio_is_ours_over_bare() -> None:
    assert Regeneration(3.0, 2.0, 5).ratio == 1.5
