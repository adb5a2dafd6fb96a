"""The generated client's README: its paging, retry and refusal samples run against the mock."""

from __future__ import annotations

import ast
import asyncio
import re

import pytest
from numbers_api_client import AuthenticatedClient

from generator.paths import OUTPUT_DIR
from numbers_mock import PRIMARY_ACCOUNT, create_app, serve_in_thread

README = (OUTPUT_DIR / "README.md").read_text()
MOCK_KEY, MOCK_SECRET = PRIMARY_ACCOUNT.auth


def sample_under(heading: str) -> str:
    """The first Python sample of the README section titled `heading`."""
    section = README.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]
    found = re.search(r"```python\n(.*?)```", section, flags=re.DOTALL)
    assert found, heading
    return found.group(1)


def test_the_readme_shows_refusals_paging_and_retries() -> None:
    for heading in ("Refusals are typed", "Paging", "Retries"):
        assert sample_under(heading)


def test_the_samples_run_against_the_mock(capsys: pytest.CaptureFixture[str]) -> None:
    app = create_app()
    try:
        with serve_in_thread(app) as base_url:
            namespace: dict[str, object] = {
                "client": AuthenticatedClient(
                    base_url=base_url, api_key=MOCK_KEY, api_secret=MOCK_SECRET
                )
            }
            for heading in ("Refusals are typed", "Paging", "Retries"):
                code = (
                    sample_under(heading)
                    .replace("https://rest.nexmo.com", base_url)
                    .replace("YOUR_API_KEY", MOCK_KEY)
                    .replace("YOUR_API_SECRET", MOCK_SECRET)
                )
                compiled = compile(
                    code, f"README.md ({heading})", "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
                )
                result = eval(compiled, namespace)
                if result is not None:  # a sample with `async for` compiles to a coroutine
                    asyncio.run(result)
    finally:
        app.close()

    printed = capsys.readouterr().out.splitlines()
    # The sample's number is not the account's: the cancel is refused with 420.
    assert printed[0] == "refused: method failed"
    # The search walked the mock's GB numbers starting with 44 (each with its cost).
    assert len(printed) > 1
    assert all(re.fullmatch(r"44\d+( \S+)?", line) for line in printed[1:])
