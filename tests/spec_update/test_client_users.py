"""The toolkit's code that imports the client, type-checked on a new client: which files are
checked, that the new client is the one analysed, and that only what it adds is reported."""

from __future__ import annotations

import subprocess
from pathlib import Path

from spec_update.client_users import (
    ClientUsersRun,
    Diagnostic,
    added,
    check_client_users,
    find_client_users,
)
from tests.file_trees import write_tree

STRICT = "[tool.mypy]\nstrict = true\n"
# An optional package that is missing: mypy says so with the current client and the new one alike.
USE = """\
import not_installed_anywhere
from numbers_api_client import lookup

def answer() -> int:
    return lookup(7)
"""
# The words of an import, in strings only.
MENTIONS = 'NAME = "numbers_api_client"\nRUN = """\nimport numbers_api_client\n"""\n'
OLD_CLIENT = "def lookup(number: int) -> int:\n    return number\n"
# The new client's lookup needs a key; its own mistake (a str returned) is not the toolkit's.
NEW_CLIENT = 'def lookup(number: int, *, key: str) -> int:\n    return "no"\n'


def client(folder: Path, source: str) -> Path:
    return write_tree(folder, {"numbers_api_client/__init__.py": source})


def skipped(root: Path) -> tuple[Path, Path]:
    return root / "generated_client", root / "tests" / "generated_client"


def test_the_files_that_import_the_client_outside_it_and_its_tests(tmp_path: Path) -> None:
    root = write_tree(
        tmp_path,
        {
            "app/uses.py": "from numbers_api_client import AuthenticatedClient\n",
            "app/later.py": "def f() -> None:\n    import numbers_api_client.api as api\n",
            "app/mentions.py": MENTIONS,
            "app/other.py": "import numbers_api_client_extra\n",
            "generated_client/numbers_api_client/api.py": "from numbers_api_client import x\n",
            "tests/generated_client/test_api.py": "import numbers_api_client\n",
            "tests/test_app.py": "import numbers_api_client\n",
            ".nox/lint/lib/site.py": "import numbers_api_client\n",
            "env/pyvenv.cfg": "home = /usr/bin\n",
            "env/lib/site.py": "import numbers_api_client\n",
            "build/lib/app/uses.py": "from numbers_api_client import AuthenticatedClient\n",
        },
    )
    assert find_client_users(root, skipped(root)) == (
        "app/later.py",
        "app/uses.py",
        "tests/test_app.py",
    )


def test_a_git_checkout_lists_its_tracked_and_new_files_but_not_ignored_ones(
    tmp_path: Path,
) -> None:
    root = write_tree(
        tmp_path,
        {
            ".gitignore": "scratch/\n",
            "app/tracked.py": "import numbers_api_client\n",
            "app/gone.py": "import numbers_api_client\n",
            "app/new.py": "import numbers_api_client\n",
            "scratch/ignored.py": "import numbers_api_client\n",
        },
    )
    subprocess.run(["git", "init", "--quiet"], cwd=root, check=True)
    subprocess.run(
        ["git", "add", ".gitignore", "app/tracked.py", "app/gone.py"], cwd=root, check=True
    )
    (root / "app" / "gone.py").unlink()
    assert find_client_users(root, skipped(root)) == ("app/new.py", "app/tracked.py")


def test_only_the_errors_the_new_client_adds_are_reported(tmp_path: Path) -> None:
    root = write_tree(
        tmp_path / "repo", {"pyproject.toml": STRICT, "app/__init__.py": "", "app/use.py": USE}
    )
    current = client(root / "generated_client", OLD_CLIENT)
    new = client(tmp_path / "new", NEW_CLIENT)
    run = check_client_users(root, current, new, skipped=skipped(root))
    assert (run.ran, run.problem, run.files) == (True, "", ("app/use.py",))
    assert run.new_errors == (
        'app/use.py:5: Missing named argument "key" for "lookup"  [call-arg]',
    )
    assert run.broken_files == ("app/use.py",)
    assert run.summary().startswith(
        "1 new type error(s) in 1 file(s); checked the 1 file(s) that import the client ("
    )


def test_errors_the_current_client_causes_already_are_not_reported(tmp_path: Path) -> None:
    # Had the installed client been analysed instead of the current one (it has no `lookup`), the
    # call's missing key would be new.
    root = write_tree(
        tmp_path / "repo", {"pyproject.toml": STRICT, "app/__init__.py": "", "app/use.py": USE}
    )
    current = client(root / "generated_client", NEW_CLIENT)
    run = check_client_users(
        root, current, client(tmp_path / "new", NEW_CLIENT), skipped=skipped(root)
    )
    assert (run.ran, run.problem, run.new_errors) == (True, "", ())
    assert run.summary().startswith("no new type error in the 1 file(s) that import the client (")


def test_errors_are_compared_without_their_lines_and_counted() -> None:
    before = [Diagnostic("a.py", 3, "m"), Diagnostic("a.py", 9, "n")]
    after = [Diagnostic("a.py", 4, "m"), Diagnostic("a.py", 5, "m"), Diagnostic("b.py", 9, "n")]
    assert added(before, after) == ("a.py:5: m", "b.py:9: n")


def test_without_mypy_the_summary_is_one_line(tmp_path: Path) -> None:
    run = check_client_users(
        tmp_path, tmp_path, tmp_path, skipped=(), checker="no_type_checker_here"
    )
    assert run == ClientUsersRun(ran=False)
    assert run.summary() == "not run: mypy is not installed (`nox -s update-spec` installs it)"


def test_a_run_over_its_time_limit_is_stopped(tmp_path: Path) -> None:
    root = write_tree(tmp_path / "repo", {"pyproject.toml": STRICT, "app/use.py": USE})
    current = client(root / "generated_client", OLD_CLIENT)
    run = check_client_users(root, current, current, skipped=skipped(root), limit=0.01)
    assert run.problem == "no result within 0.01 s"
    assert run.summary() == "could not finish: no result within 0.01 s"


def test_no_file_importing_the_client_is_no_run(tmp_path: Path) -> None:
    root = write_tree(tmp_path, {"app/use.py": "import json\n"})
    run = check_client_users(root, root, root, skipped=())
    assert (run.ran, run.files, run.new_errors) == (True, (), ())
    assert run.summary() == "no file outside the client imports numbers_api_client"
