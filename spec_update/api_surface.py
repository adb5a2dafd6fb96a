"""The public API of a generated client package, read from its source with `ast` (not imported).

Reading source means two trees of the same package (before and after regeneration) can be compared
in one process, and nothing in them runs.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Parameter:
    name: str
    kind: str  # "positional", "keyword" (keyword-only), "*args" or "**kwargs"
    annotation: str
    default: str | None  # None: the caller must pass it


@dataclass(frozen=True)
class Function:
    name: str
    parameters: tuple[Parameter, ...]
    returns: str
    is_async: bool


@dataclass(frozen=True)
class Attribute:
    """A class-level annotated attribute: an attrs field of a model or of the client."""

    name: str
    annotation: str
    default: str | None  # None: required by the constructor


@dataclass(frozen=True)
class Class:
    name: str
    bases: tuple[str, ...]
    attributes: dict[str, Attribute] = field(default_factory=dict)
    methods: dict[str, Function] = field(default_factory=dict)
    members: dict[str, str] = field(default_factory=dict)  # enum member name -> value


@dataclass(frozen=True)
class Module:
    name: str
    functions: dict[str, Function]
    classes: dict[str, Class]
    exports: tuple[str, ...] | None  # __all__, when the module declares it


ApiSurface = dict[str, Module]


def snapshot(package: Path) -> ApiSurface:
    """Every module of the package at `package`, by dotted name (package name included)."""
    surface: ApiSurface = {}
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package.parent).with_suffix("")
        parts = relative.parts[:-1] if relative.name == "__init__" else relative.parts
        if any(part.startswith("_") and part != "__init__" for part in parts[1:]):
            continue
        name = ".".join(parts)
        surface[name] = _module(name, ast.parse(path.read_text(encoding="utf-8"), str(path)))
    return surface


def _module(name: str, tree: ast.Module) -> Module:
    functions: dict[str, Function] = {}
    classes: dict[str, Class] = {}
    exports: tuple[str, ...] | None = None
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and _public(node.name):
            functions[node.name] = _function(node)
        elif isinstance(node, ast.ClassDef) and _public(node.name):
            classes[node.name] = _class(node)
        elif isinstance(node, ast.Assign) and _assigns(node, "__all__"):
            exports = _string_sequence(node.value)
    return Module(name, functions, classes, exports)


def _public(name: str) -> bool:
    return not name.startswith("_")


def _function(node: ast.FunctionDef | ast.AsyncFunctionDef) -> Function:
    arguments = node.args
    positional = [*arguments.posonlyargs, *arguments.args]
    # Defaults belong to the last positional parameters.
    padded: list[ast.expr | None] = [None] * (len(positional) - len(arguments.defaults))
    padded += arguments.defaults
    parameters = [
        _parameter(argument, "positional", default)
        for argument, default in zip(positional, padded, strict=True)
        if argument.arg not in {"self", "cls"}
    ]
    if arguments.vararg:
        parameters.append(_parameter(arguments.vararg, "*args", None))
    parameters += [
        _parameter(argument, "keyword", default)
        for argument, default in zip(arguments.kwonlyargs, arguments.kw_defaults, strict=True)
    ]
    if arguments.kwarg:
        parameters.append(_parameter(arguments.kwarg, "**kwargs", None))
    returns = ast.unparse(node.returns) if node.returns else ""
    is_async = isinstance(node, ast.AsyncFunctionDef)
    return Function(node.name, tuple(parameters), returns, is_async)


def _parameter(argument: ast.arg, kind: str, default: ast.expr | None) -> Parameter:
    annotation = ast.unparse(argument.annotation) if argument.annotation else ""
    shown = ast.unparse(default) if default is not None else None
    return Parameter(argument.arg, kind, annotation, shown)


def _class(node: ast.ClassDef) -> Class:
    bases = tuple(ast.unparse(base) for base in node.bases)
    is_enum = any(base.endswith("Enum") for base in bases)
    attributes: dict[str, Attribute] = {}
    methods: dict[str, Function] = {}
    members: dict[str, str] = {}
    for item in node.body:
        if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
            name = _attribute_name(item.target.id, item.value)
            if name is not None:
                default = _attribute_default(item.value)
                attributes[name] = Attribute(name, ast.unparse(item.annotation), default)
        elif isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef) and _public(item.name):
            methods[item.name] = _function(item)
        elif is_enum and isinstance(item, ast.Assign):
            for target in item.targets:
                if isinstance(target, ast.Name):
                    members[target.id] = ast.unparse(item.value)
    return Class(node.name, bases, attributes, methods, members)


def _attribute_name(name: str, value: ast.expr | None) -> str | None:
    """The public name of an attribute: private attrs fields are public through their alias."""
    if _public(name):
        return name
    alias = _keyword(value, "alias")
    if isinstance(alias, ast.Constant) and isinstance(alias.value, str):
        return alias.value
    return None


def _attribute_default(value: ast.expr | None) -> str | None:
    if value is None:
        return None
    if not _is_field_call(value):
        return ast.unparse(value)
    for keyword in ("default", "factory"):
        given = _keyword(value, keyword)
        if given is not None:
            return ast.unparse(given)
    if isinstance(_keyword(value, "init"), ast.Constant):
        return "(not in the constructor)"
    return None


def _is_field_call(value: ast.expr) -> bool:
    return isinstance(value, ast.Call) and ast.unparse(value.func).endswith("field")


def _keyword(value: ast.expr | None, name: str) -> ast.expr | None:
    if isinstance(value, ast.Call):
        for keyword in value.keywords:
            if keyword.arg == name:
                return keyword.value
    return None


def _assigns(node: ast.Assign, name: str) -> bool:
    return any(isinstance(target, ast.Name) and target.id == name for target in node.targets)


def _string_sequence(value: ast.expr) -> tuple[str, ...] | None:
    if isinstance(value, ast.Tuple | ast.List):
        items = [item.value for item in value.elts if isinstance(item, ast.Constant)]
        return tuple(str(item) for item in items)
    return None
