"""The client's tests run on a new client: which ran, which failed, and that it is the new one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from spec_update.client_tests import DOCUMENT_VARIABLE, run_client_tests


def make_client(folder: Path, answer: int) -> Path:
    package = folder / "numbers_api_client"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(f"ANSWER = {answer}\n")
    return folder


def make_suite(tmp_path: Path, modules: dict[str, str]) -> tuple[Path, Path]:
    """A checkout's root and its tests/generated_client holding `modules` (name: source)."""
    root = tmp_path / "repo"
    tests = root / "tests" / "generated_client"
    tests.mkdir(parents=True)
    (root / "tests" / "__init__.py").write_text("")
    (tests / "__init__.py").write_text("")
    for name, source in modules.items():
        (tests / name).write_text(source)
    return root, tests


def test_failures_are_named_and_the_new_client_is_the_one_tested(tmp_path: Path) -> None:
    root, tests = make_suite(
        tmp_path,
        {
            "test_answer.py": "import numbers_api_client\n\n"
            "def test_answer():\n    assert numbers_api_client.ANSWER == 42\n\n"
            "def test_other():\n    assert True\n"
        },
    )
    passing = run_client_tests(root, tests, make_client(tmp_path / "good", 42))
    assert (passing.ran, passing.passed, passing.failed, passing.problem) == (True, 2, (), "")
    failing = run_client_tests(root, tests, make_client(tmp_path / "bad", 41))
    assert failing.passed == 1
    assert failing.failed == ("tests/generated_client/test_answer.py::test_answer",)
    assert failing.summary().startswith("1 passed, 1 failed on the new client (")


def test_a_checkout_without_the_suite_says_so(tmp_path: Path) -> None:
    run = run_client_tests(tmp_path, tmp_path / "tests" / "generated_client", tmp_path)
    assert not run.ran
    assert run.summary() == "not run: this checkout has no tests/generated_client"


def test_a_suite_over_its_time_limit_is_stopped(tmp_path: Path) -> None:
    tests = tmp_path / "tests" / "generated_client"
    tests.mkdir(parents=True)
    (tests / "test_slow.py").write_text("import time\n\ndef test_slow():\n    time.sleep(30)\n")
    run = run_client_tests(tmp_path, tests, make_client(tmp_path / "c", 1), limit=2)
    assert run.problem == "no result within 2 s"


def test_a_module_that_cannot_be_imported_is_named_and_the_others_still_run(
    tmp_path: Path,
) -> None:
    root, tests = make_suite(
        tmp_path,
        {
            "test_gone.py": "from numbers_api_client import Gone\n",
            "test_kept.py": "def test_kept():\n    assert True\n",
        },
    )

    run = run_client_tests(root, tests, make_client(tmp_path / "client", 42))

    assert run.passed == 1
    [collection] = run.failed
    assert collection.startswith("tests/generated_client/test_gone.py could not be collected: ")
    assert "ImportError: cannot import name 'Gone'" in collection


def test_the_suite_reads_the_new_document_it_is_named(tmp_path: Path) -> None:
    root, tests = make_suite(
        tmp_path,
        {
            "test_document.py": "import os\n\ndef test_document():\n"
            f"    assert os.environ[{DOCUMENT_VARIABLE!r}].endswith('new.json')\n"
        },
    )
    client = make_client(tmp_path / "client", 42)

    named = run_client_tests(root, tests, client, document=tmp_path / "new.json")
    unnamed = run_client_tests(root, tests, client)

    assert (named.passed, named.failed) == (1, ())
    assert unnamed.passed == 0


def test_the_client_tests_read_the_document_the_variable_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from numbers_openapi import document_path
    from tests.generated_client import support

    data = json.loads(document_path().read_text(encoding="utf-8"))
    data["info"]["title"] = "Renamed upstream"
    new = tmp_path / "new.json"
    new.write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setenv(DOCUMENT_VARIABLE, str(new))

    assert support.spec.__wrapped__()["info"]["title"] == "Renamed upstream"
