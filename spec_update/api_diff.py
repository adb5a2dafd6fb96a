"""What changed in the generated client's public API, classified for code that uses it.

This is the check on the document rules from the other side: whatever the rules say, a public
name that disappears or a parameter that becomes required makes the client's next version major.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spec_update.api_surface import ApiSurface, Attribute, Class, Function, Module
from spec_update.changes import A, B, C, Impact


@dataclass(frozen=True, order=True)
class ApiChange:
    where: str
    what: str
    impact: Impact

    def describe(self) -> str:
        return f"{self.where}: {self.what}"


def diff_surfaces(old: ApiSurface, new: ApiSurface) -> list[ApiChange]:
    changes: list[ApiChange] = []
    for name in sorted(old.keys() - new.keys()):
        changes.append(ApiChange(name, "module removed", B))
    for name in sorted(new.keys() - old.keys()):
        changes.append(ApiChange(name, "module added", A))
    for name in sorted(old.keys() & new.keys()):
        changes += _diff_module(old[name], new[name])
    return changes


def _diff_module(old: Module, new: Module) -> list[ApiChange]:
    changes = _diff_names(old.name, "function", old.functions.keys(), new.functions.keys())
    changes += _diff_names(old.name, "class", old.classes.keys(), new.classes.keys())
    for name in sorted(old.functions.keys() & new.functions.keys()):
        changes += _diff_function(f"{old.name}.{name}", old.functions[name], new.functions[name])
    for name in sorted(old.classes.keys() & new.classes.keys()):
        changes += _diff_class(f"{old.name}.{name}", old.classes[name], new.classes[name])
    if old.exports != new.exports:
        changes += _diff_names(old.name, "export", old.exports or (), new.exports or ())
    return changes


def _diff_names(where: str, kind: str, old: Iterable[str], new: Iterable[str]) -> list[ApiChange]:
    before, after = set(old), set(new)
    changes = [ApiChange(where, f"{kind} `{name}` removed", B) for name in sorted(before - after)]
    changes += [ApiChange(where, f"{kind} `{name}` added", A) for name in sorted(after - before)]
    return changes


def _diff_function(where: str, old: Function, new: Function) -> list[ApiChange]:
    changes: list[ApiChange] = []
    before = {parameter.name: parameter for parameter in old.parameters}
    after = {parameter.name: parameter for parameter in new.parameters}
    for name in sorted(before.keys() - after.keys()):
        changes.append(ApiChange(where, f"parameter `{name}` removed", B))
    for name in sorted(after.keys() - before.keys()):
        optional = after[name].default is not None or after[name].kind in {"*args", "**kwargs"}
        what = f"{'optional' if optional else 'required'} parameter `{name}` added"
        changes.append(ApiChange(where, what, A if optional else B))
    for name in sorted(before.keys() & after.keys()):
        was, now = before[name], after[name]
        if was.kind != now.kind:
            changes.append(ApiChange(where, f"parameter `{name}` became {now.kind}", B))
        if was.annotation != now.annotation:
            what = f"parameter `{name}` type {was.annotation} → {now.annotation}"
            changes.append(ApiChange(where, what, B))
        changes += _diff_default(where, f"parameter `{name}`", was.default, now.default)
    positional_before = [p.name for p in old.parameters if p.kind == "positional"]
    positional_after = [p.name for p in new.parameters if p.kind == "positional"]
    common = [name for name in positional_after if name in positional_before]
    if common != [name for name in positional_before if name in positional_after]:
        changes.append(ApiChange(where, "positional parameters reordered", B))
    if old.returns != new.returns:
        # Conservative: a return type that changes at all may no longer be what callers expect.
        changes.append(ApiChange(where, f"return type {old.returns} → {new.returns}", B))
    if old.is_async != new.is_async:
        changes.append(ApiChange(where, "became async" if new.is_async else "no longer async", B))
    return changes


def _diff_default(where: str, subject: str, was: str | None, now: str | None) -> list[ApiChange]:
    if was == now:
        return []
    if was is None:
        return [ApiChange(where, f"{subject} became optional (default {now})", A)]
    if now is None:
        return [ApiChange(where, f"{subject} became required", B)]
    return [ApiChange(where, f"{subject} default {was} → {now}", C)]


def _diff_class(where: str, old: Class, new: Class) -> list[ApiChange]:
    changes: list[ApiChange] = []
    if old.bases != new.bases:
        what = f"bases ({', '.join(old.bases)}) → ({', '.join(new.bases)})"
        changes.append(ApiChange(where, what, B))
    changes += _diff_attributes(where, old.attributes, new.attributes)
    changes += _diff_names(where, "method", old.methods.keys(), new.methods.keys())
    for name in sorted(old.methods.keys() & new.methods.keys()):
        changes += _diff_function(f"{where}.{name}", old.methods[name], new.methods[name])
    changes += _diff_names(where, "member", old.members.keys(), new.members.keys())
    for name in sorted(old.members.keys() & new.members.keys()):
        if old.members[name] != new.members[name]:
            what = f"member `{name}` value {old.members[name]} → {new.members[name]}"
            changes.append(ApiChange(where, what, B))
    return changes


def _diff_attributes(
    where: str, old: dict[str, Attribute], new: dict[str, Attribute]
) -> list[ApiChange]:
    changes = [
        ApiChange(where, f"field `{name}` removed", B) for name in sorted(old.keys() - new.keys())
    ]
    for name in sorted(new.keys() - old.keys()):
        # A field without a default is a new required constructor argument.
        optional = new[name].default is not None
        what = f"{'optional' if optional else 'required'} field `{name}` added"
        changes.append(ApiChange(where, what, A if optional else B))
    for name in sorted(old.keys() & new.keys()):
        was, now = old[name], new[name]
        if was.annotation != now.annotation:
            what = f"field `{name}` type {was.annotation} → {now.annotation}"
            changes.append(ApiChange(where, what, B))
        changes += _diff_default(where, f"field `{name}`", was.default, now.default)
    return changes
