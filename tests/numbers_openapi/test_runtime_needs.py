"""What runs (the mock, the harness, the client) reads the document and the overlay from
numbers_openapi, never from the build tool: each imports and runs with `generator` unimportable."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# A finder first on sys.meta_path that refuses `generator`, as if it were not installed.
BLOCK_GENERATOR = textwrap.dedent(
    """
    import sys
    from importlib.abc import MetaPathFinder

    class NoGenerator(MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name == "generator" or name.startswith("generator."):
                raise ModuleNotFoundError(f"No module named {name!r}")
            return None

    sys.meta_path.insert(0, NoGenerator())
    """
)

PROGRAMS = {
    "mock": """
        from numbers_mock import MockSettings, create_app
        from starlette.testclient import TestClient
        app = create_app(MockSettings(seed=1))
        with TestClient(app) as client:
            answer = client.post("/number/cancel", auth=("mockkey01", "mocksecret01"),
                                 data={"country": "GB", "msisdn": "1"})
        app.close()
        assert answer.status_code == 420, answer.status_code
    """,
    "harness": """
        import contract_tests.plugin
        from contract_tests.judging.document import judged_document
        from contract_tests.run.loading import load_schema
        assert "420" in judged_document()["paths"]["/number/cancel"]["post"]["responses"]
        load_schema(auth=("key", "secret"))
    """,
    "client": """
        import numbers_api_client
        from numbers_api_client.api.default import get_owned_numbers
    """,
}


@pytest.mark.parametrize("part", sorted(PROGRAMS))
def test_each_part_runs_without_the_generator(part: str) -> None:
    program = (
        BLOCK_GENERATOR
        + textwrap.dedent(PROGRAMS[part])
        + ("\nassert not [m for m in sys.modules if m.partition('.')[0] == 'generator']\n")
    )
    ran = subprocess.run(
        [sys.executable, "-c", program], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert ran.returncode == 0, ran.stderr[-2000:]


def test_the_block_does_block() -> None:
    ran = subprocess.run(
        [sys.executable, "-c", BLOCK_GENERATOR + "import generator.paths\n"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert ran.returncode != 0 and "No module named 'generator'" in ran.stderr
