"""The sessions noxfile.py declares, and the command each passes its arguments (`nox -s NAME --
ARGS`) to, read from the noxfile's source without importing nox.

Shared by the tests that check what the READMEs say against the noxfile.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _session_name(function: ast.FunctionDef) -> str | None:
    """The name `function` is a nox session under, or None when it is not one."""
    for decorator in function.decorator_list:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        if ast.unparse(target) != "nox.session":
            continue
        if isinstance(decorator, ast.Call):
            for keyword in decorator.keywords:
                if keyword.arg == "name" and isinstance(keyword.value, ast.Constant):
                    return str(keyword.value.value)
        return function.name
    return None


def _posargs_command(function: ast.FunctionDef) -> tuple[str, ...] | None:
    """The literal words of the `session.run(...)` call that is given `session.posargs`: the
    command (with its fixed leading arguments) a session's `-- ARGS` go to."""
    for node in ast.walk(function):
        if not (isinstance(node, ast.Call) and ast.unparse(node.func) == "session.run"):
            continue
        if not any("session.posargs" in ast.unparse(argument) for argument in node.args):
            continue
        words: list[str] = []
        for argument in node.args:
            if not (isinstance(argument, ast.Constant) and isinstance(argument.value, str)):
                break
            words.append(argument.value)
        return tuple(words)
    return None


def session_commands(noxfile: Path = ROOT / "noxfile.py") -> dict[str, tuple[str, ...] | None]:
    """Every session's name, with the command its `-- ARGS` are passed to (None: it takes none).

    e.g. `{"mock": ("numbers-mock",), "spec-diff": ("python", "-m", "spec_update", "diff"), ...}`
    """
    tree = ast.parse(noxfile.read_text())
    sessions: dict[str, tuple[str, ...] | None] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef):
            name = _session_name(node)
            if name is not None:
                sessions[name] = _posargs_command(node)
    return sessions


def nox_sessions() -> set[str]:
    """Session names declared in noxfile.py."""
    return set(session_commands())
