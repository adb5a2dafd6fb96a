"""The generated client's README: its code type-checks as written, and its samples run against
the mock."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mypy import api as mypy_api
from numbers_api_client import AuthenticatedClient

from generator.paths import OUTPUT_DIR
from numbers_mock import PRIMARY_ACCOUNT, create_app, serve_in_thread

README = (OUTPUT_DIR / "README.md").read_text()
MOCK_KEY, MOCK_SECRET = PRIMARY_ACCOUNT.auth
# The sections whose samples talk to the service, in the README's order.
RUN_SECTIONS = ("Refusals are typed", "Refusals as exceptions", "Paging", "Retries")


def python_blocks(text: str) -> list[str]:
    """Every ```python block of `text`, in order."""
    return re.findall(r"```python\n(.*?)```", text, flags=re.DOTALL)


def sample_under(heading: str) -> str:
    """The first Python sample of the README section titled `heading`."""
    section = README.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]
    blocks = python_blocks(section)
    assert blocks, heading
    return blocks[0]


def test_the_readme_has_no_publishing_boilerplate_and_says_what_functions_return() -> None:
    assert "Building / publishing" not in README
    assert "uv publish" not in README
    assert "a `Request`" not in README
    returned = README.split("\n## What the functions return\n", 1)[1].split("\n## ", 1)[0]
    for told in ("`sync(", "`sync_detailed(", "`types.Response`", "`None`", "`asyncio`"):
        assert told in returned


def test_the_readme_code_type_checks_strictly(tmp_path: Path) -> None:
    # The blocks in order are one user's script: each may use what an earlier one defined.
    script = tmp_path / "readme_code.py"
    script.write_text("\n\n".join(python_blocks(README)))
    assert len(python_blocks(README)) >= 6
    out, err, status = mypy_api.run(
        [
            "--strict",
            "--no-incremental",
            "--cache-dir",
            str(tmp_path / "mypy-cache"),
            "--config-file",
            "",
            str(script),
        ]
    )
    assert status == 0, out + err
    assert "Success" in out


def test_the_readme_code_with_a_type_error_fails_the_check(tmp_path: Path) -> None:
    # The check above can fail: the same code with one wrong use of an answer does.
    wrong = "\n\n".join(python_blocks(README)).replace(
        "print(response.status_code, response.parsed.count)",
        "print(response.status_code, response.parsed.count + 'x')",
    )
    assert "+ 'x'" in wrong
    script = tmp_path / "readme_code.py"
    script.write_text(wrong)
    out, _, status = mypy_api.run(
        [
            "--strict",
            "--no-incremental",
            "--cache-dir",
            str(tmp_path / "c"),
            "--config-file",
            "",
            str(script),
        ]
    )
    assert status == 1
    assert "Unsupported operand types" in out


def test_the_samples_run_against_the_mock(capsys: pytest.CaptureFixture[str]) -> None:
    app = create_app()
    printed: dict[str, list[str]] = {}
    try:
        with serve_in_thread(app) as base_url:
            namespace: dict[str, object] = {
                "client": AuthenticatedClient(
                    base_url=base_url, api_key=MOCK_KEY, api_secret=MOCK_SECRET
                )
            }
            # The imports of the README's first sample, which the others use.
            exec(sample_under("Usage").split("\n\n", 1)[0], namespace)
            for heading in RUN_SECTIONS:
                code = (
                    sample_under(heading)
                    .replace("https://rest.nexmo.com", base_url)
                    .replace("YOUR_API_KEY", MOCK_KEY)
                    .replace("YOUR_API_SECRET", MOCK_SECRET)
                )
                exec(compile(code, f"README.md ({heading})", "exec"), namespace)
                printed[heading] = capsys.readouterr().out.splitlines()
    finally:
        app.close()

    # The sample's number is not the account's: the cancel is refused with 420.
    assert printed["Refusals are typed"] == ["refused: method failed"]
    # Nor is the one to buy (the mock refuses numbers it does not offer) : Refused, with the body.
    [refusal] = printed["Refusals as exceptions"]
    assert refusal.startswith('refused: 420 {"error-code":"420"')
    # The owned GB numbers, then the mock's GB numbers starting with 44 (each with its cost).
    lines = printed["Paging"]
    assert any(re.fullmatch(r"44\d+ \S+", line) for line in lines)
    assert all(re.fullmatch(r"\d+( \S+)?", line) for line in lines)
    assert printed["Retries"] == []
