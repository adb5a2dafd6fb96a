"""The toolkit's code that imports the client, type-checked against the new client.

The client's own tests (client_tests.py) say what a new client breaks inside it; the harness, the
benchmarks and the tests written against the client can break too, and only a type checker sees it
before they run. The files that import the client (outside the client and its tests) are checked by
mypy, with the repository's own configuration, twice in child processes: against the current
client and against the new one, each first on MYPYPATH (searched before installed packages) and
each with a cache of its own. Only the errors the new client adds are reported: errors are
compared by file and message without their line, so that what the environment causes either way
(an optional package missing) cancels out.
"""

from __future__ import annotations

import ast
import importlib.util
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from spec_update.bounded import last_line, run_bounded

TIME_LIMIT_SECONDS = 120.0
CLIENT_PACKAGE = "numbers_api_client"
CHECKER = "mypy"
# Folders that hold no code of the toolkit (besides dot-folders and virtualenvs).
NOT_SOURCE = frozenset({"build", "dist", "__pycache__"})
# `path:line: error: message`, with the columns some configurations add after the line.
ERROR = re.compile(r"^(?P<path>.+?):(?P<line>\d+)(?::\d+)*: error: (?P<message>.*)$")


@dataclass(frozen=True)
class Diagnostic:
    """One error as mypy reported it; two runs' errors are the same when path and message are."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass(frozen=True)
class ClientUsersRun:
    """What the type checker said of the toolkit's code on the new client. `ran` is False when
    mypy is not installed; `problem` when a run could not finish."""

    ran: bool
    new_errors: tuple[str, ...] = field(default_factory=tuple)
    files: tuple[str, ...] = field(default_factory=tuple)
    seconds: float = 0.0
    problem: str = ""

    @property
    def broken_files(self) -> tuple[str, ...]:
        """The files with a new error, in the order of the errors."""
        return tuple(dict.fromkeys(error.split(":", 1)[0] for error in self.new_errors))

    def summary(self) -> str:
        if not self.ran:
            return f"not run: {CHECKER} is not installed (`nox -s update-spec` installs it)"
        if self.problem:
            return f"could not finish: {self.problem}"
        if not self.files:
            return f"no file outside the client imports {CLIENT_PACKAGE}"
        checked = f"{len(self.files)} file(s) that import the client"
        timing = f"({self.seconds:.1f} s)"
        if not self.new_errors:
            return f"no new type error in the {checked} {timing}"
        return (
            f"{len(self.new_errors)} new type error(s) in {len(self.broken_files)} file(s); "
            f"checked the {checked} {timing}"
        )


def find_client_users(
    root: Path, skipped: Sequence[Path], package: str = CLIENT_PACKAGE
) -> tuple[str, ...]:
    """The Python files under `root` (paths relative to it) that import `package`, outside the
    folders `skipped`: tracked or new files of a git checkout, every file otherwise."""
    pattern = re.compile(rf"^\s*(from|import)\s+{re.escape(package)}\b", re.MULTILINE)
    left_out = [folder.resolve().relative_to(root.resolve()).parts for folder in skipped]
    found = []
    for relative in sorted(_python_files(root)):
        parts = Path(relative).parts
        if any(part.startswith(".") or part in NOT_SOURCE for part in parts[:-1]):
            continue
        if any(parts[: len(folder)] == folder for folder in left_out):
            continue
        text = (root / relative).read_text(encoding="utf-8", errors="replace")
        # The pattern is quick; the syntax tree tells an import from the same words in a string.
        if pattern.search(text) and _imports(text, package):
            found.append(relative)
    return tuple(found)


def check_client_users(
    root: Path,
    current: Path,
    new: Path,
    *,
    skipped: Sequence[Path],
    package: str = CLIENT_PACKAGE,
    limit: float = TIME_LIMIT_SECONDS,
    checker: str = CHECKER,
) -> ClientUsersRun:
    """Type-check the files of `root` that import `package` against the client project at
    `current` and at `new` (each a folder holding the package), and keep what `new` adds."""
    if importlib.util.find_spec(checker) is None:
        return ClientUsersRun(ran=False)
    files = find_client_users(root, skipped, package)
    if not files:
        return ClientUsersRun(ran=True)
    started = time.monotonic()
    # Both runs at once: each spends its time in its own process.
    with ThreadPoolExecutor(max_workers=2) as pool:
        runs = [
            pool.submit(_type_check, root, files, client, checker, limit)
            for client in (current, new)
        ]
        (before, before_problem), (after, after_problem) = (run.result() for run in runs)
    seconds = time.monotonic() - started
    problem = before_problem or after_problem
    if problem:
        return ClientUsersRun(ran=True, files=files, seconds=seconds, problem=problem)
    # The client's own files are the generator's concern (the drift check, `nox -s lint`).
    clients = (current.resolve(), new.resolve())
    ours = [e for e in after if not any(_inside(root / e.path, c) for c in clients)]
    ours.sort(key=lambda error: (error.path, error.line))
    return ClientUsersRun(ran=True, new_errors=added(before, ours), files=files, seconds=seconds)


def added(before: Sequence[Diagnostic], after: Sequence[Diagnostic]) -> tuple[str, ...]:
    """The errors of `after` that `before` does not have, as many times as it has them fewer:
    compared by path and message, their lines left out."""
    left = Counter((error.path, error.message) for error in before)
    new = []
    for error in after:
        key = (error.path, error.message)
        if left[key] > 0:
            left[key] -= 1
        else:
            new.append(str(error))
    return tuple(new)


def read_errors(output: str) -> list[Diagnostic]:
    """The errors of mypy's output (its notes only explain an error, and say nothing new)."""
    errors = []
    for line in output.splitlines():
        match = ERROR.match(line)
        if match:
            errors.append(Diagnostic(match["path"], int(match["line"]), match["message"]))
    return errors


def _type_check(
    root: Path, files: Sequence[str], client: Path, checker: str, limit: float
) -> tuple[list[Diagnostic], str]:
    """(errors, problem) of one run of the checker over `files` with `client` first."""
    config = root / "pyproject.toml"
    with tempfile.TemporaryDirectory(prefix="spec-update-mypy-") as cache:
        command = [sys.executable, "-m", checker, "--cache-dir", cache]
        command += ["--config-file", str(config)] if config.is_file() else []
        command += ["--no-pretty", "--no-color-output", "--no-error-summary", *files]
        # The only search path mypy puts before the installed packages: this client, no other.
        variables = {"MYPYPATH": str(client.resolve())}
        result = run_bounded(command, cwd=root, variables=variables, limit=limit)
    if result is None:
        return [], f"no result within {limit:g} s"
    # 0: no error, 1: errors found; anything else: mypy itself could not check the files.
    if result.returncode not in (0, 1):
        return [], f"{checker} stopped (exit {result.returncode}): {last_line(result)}"
    return read_errors(result.stdout), ""


def _inside(path: Path, folder: Path) -> bool:
    return path.resolve().is_relative_to(folder)


def _imports(text: str, package: str) -> bool:
    """Whether the module's code (not a string in it) imports `package` or a module of it.
    A file that does not parse is left out: mypy would stop at it in both runs alike."""
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return False
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        if any(name == package or name.startswith(f"{package}.") for name in names):
            return True
    return False


def _python_files(root: Path) -> Iterator[str]:
    if (root / ".git").exists():
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", "*.py"],
            cwd=root,
            capture_output=True,
            text=True,
            check=False,
        )
        if listed.returncode == 0:
            # --cached also lists files deleted from the working tree.
            yield from (p for p in listed.stdout.split("\0") if p and (root / p).is_file())
            return
    for folder, subfolders, names in os.walk(root):
        # Dot-folders (.venv, .nox, .git) and virtualenvs hold no code of the toolkit.
        subfolders[:] = [
            name
            for name in subfolders
            if not name.startswith(".") and not (Path(folder) / name / "pyvenv.cfg").exists()
        ]
        for name in names:
            if name.endswith(".py"):
                yield (Path(folder) / name).relative_to(root).as_posix()
