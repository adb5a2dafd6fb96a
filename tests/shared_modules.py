"""What a module imports at its top level, for the tests of the modules the products share."""

from __future__ import annotations

import ast
import sys
from pathlib import Path


def top_level_imports(path: Path) -> set[str]:
    """The top-level packages `path` imports outside any function (the ones loaded with it)."""
    names: set[str] = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module.split(".")[0])
    return names


def beyond_the_standard_library(path: Path) -> set[str]:
    return top_level_imports(path) - set(sys.stdlib_module_names) - {"__future__"}
