"""The shape of the code: imports go one way, and every rule id is written out where it is made."""

from __future__ import annotations

import ast
from pathlib import Path

from spec_update.rules.catalog import BY_ID

PACKAGE = Path(__file__).resolve().parents[2] / "spec_update"
RULES = PACKAGE / "rules"
# Modules below the rules: they compare documents and must not reach up into the rules.
BELOW_THE_RULES = ("view.py", "doc_keys.py", "refs.py", "levels.py", "document.py")


def imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_the_modules_below_the_rules_do_not_import_them() -> None:
    for name in BELOW_THE_RULES:
        reached = {
            module for module in imported(PACKAGE / name) if module.startswith("spec_update")
        }
        assert not any(module.startswith("spec_update.rules") for module in reached), name


def test_the_rule_modules_import_the_view_not_the_other_way_round() -> None:
    assert "spec_update.view" in imported(RULES / "common.py")
    assert "spec_update.rules.common" not in imported(PACKAGE / "view.py")


def string_literals(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }


def test_every_rule_id_is_written_out_in_a_module_that_emits_it() -> None:
    emitting = [path for path in sorted(RULES.glob("*.py")) if path.name != "catalog.py"]
    literals = set().union(*(string_literals(path) for path in emitting))
    assert sorted(set(BY_ID) - literals) == []


def test_no_rule_id_is_built_at_run_time() -> None:
    """The id given to `ctx.change` is a literal or a name, never an f-string or a sum."""
    for path in sorted(RULES.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "change"
                and node.args
            ):
                first = node.args[0]
                assert not isinstance(first, ast.JoinedStr | ast.BinOp), (
                    f"{path.name}:{node.lineno}"
                )
