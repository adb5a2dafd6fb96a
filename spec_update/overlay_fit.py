"""Whether the generator's overlay still fits a new document, checked before anything is generated.

The overlay (numbers_openapi/overlay.yaml) adds what the real service does beyond its document.
When a new document documents it itself, an action is redundant; when the new document no longer has
what an action aims at or refers to, the action cannot apply, and openapi-python-client would fail
deep inside with a message about its own internals. Each action is applied in order to the new
document, with the generator's own overlay functions, and every misfit is named with its fix.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jsonpath_ng.ext.parser import parse

from numbers_openapi.documents import DocumentError
from numbers_openapi.overlay import Action, Overlay, OverlayError, apply_overlay, load_overlay
from spec_update.errors import UpdateError
from spec_update.view import pointer_target, refs_in

REMOVE = "remove the action: the new document now documents it"
RETARGET = "retarget the action at where the new document has this, or remove it"
# What a reference names, by the section of components it points into.
KINDS = {
    "schemas": "schema",
    "responses": "response",
    "parameters": "parameter",
    "examples": "example",
    "requestBodies": "request body",
    "headers": "header",
    "securitySchemes": "security scheme",
    "links": "link",
    "callbacks": "callback",
    "pathItems": "path item",
}


@dataclass(frozen=True)
class Misfit:
    """One action that does not fit the new document, and what to do about it."""

    number: int
    action: Action
    problem: str
    fix: str

    def describe(self, overlay: str) -> str:
        name = self.action.description.split(".")[0].strip() or self.action.target
        return (
            f"{overlay}, action {self.number} ({name}; target {self.action.target}): "
            f"{self.problem}. Fix: {self.fix}."
        )


class OverlayDoesNotFit(UpdateError):
    """The overlay cannot be applied as it is to the new document."""

    def __init__(self, overlay: str, misfits: list[Misfit]) -> None:
        self.misfits = misfits
        lines = [f"{overlay} does not fit the new document:"]
        lines += [f"- {misfit.describe(overlay)}" for misfit in misfits]
        super().__init__("\n".join(lines))


def check_overlay(path: Path, document: dict[str, Any], shown_as: str) -> None:
    """Raise OverlayDoesNotFit naming every action of the overlay at `path` that does not fit
    `document`; `shown_as`: the overlay's name in messages (its path in the repository)."""
    try:
        overlay = load_overlay(path)
    except (DocumentError, OverlayError) as error:
        raise UpdateError(f"{shown_as} cannot be read: {error}") from None
    misfits = misfits_of(overlay, document)
    if misfits:
        raise OverlayDoesNotFit(shown_as, misfits)


def misfits_of(overlay: Overlay, document: dict[str, Any]) -> list[Misfit]:
    """Every action that does not fit, each judged on the document as the actions before it
    leave it (a later action may rely on what an earlier one adds)."""
    current = copy.deepcopy(document)
    misfits: list[Misfit] = []
    for number, action in enumerate(overlay.actions):
        targets = _select(action.target, current)
        if targets is None:
            misfits.append(Misfit(number, action, "its target is not a valid JSONPath", RETARGET))
            continue
        if not targets:
            problem = "its target selects nothing in the new document"
            misfits.append(Misfit(number, action, problem, RETARGET))
            continue
        documented = _already_documented(action, targets)
        if documented:
            problem = f"the new document already has {documented} wherever it adds it"
            misfits.append(Misfit(number, action, problem, REMOVE))
        try:
            applied = apply_overlay(current, Overlay(overlay.title, overlay.version, (action,)))
        except OverlayError as error:
            misfits.append(Misfit(number, action, f"it cannot be applied ({error})", RETARGET))
            continue
        missing = [ref for ref in _refs(action.update) if pointer_target(applied, ref) is None]
        if missing:
            # The target is there: what is gone is something the action's value refers to.
            problem = (
                f"its value refers to {', '.join(f'`{ref}`' for ref in missing)}, "
                "which the new document no longer has (its target is there)"
            )
            misfits.append(Misfit(number, action, problem, add_referenced(missing)))
        current = applied
    return misfits


def add_referenced(missing: list[str]) -> str:
    """The fix for an action whose value refers to what the new document no longer has."""
    what = f"that {_kind(missing[0])}" if len(missing) == 1 else "them"
    return (
        f"add {what} in an earlier action of the overlay, or point the action's references at "
        "what the new document has instead, or remove the action"
    )


def _kind(ref: str) -> str:
    parts = ref.split("/")
    if len(parts) == 4 and parts[:2] == ["#", "components"]:
        return KINDS.get(parts[2], "component")
    return "part of the document"


def _select(target: str, document: dict[str, Any]) -> list[Any] | None:
    """The nodes the target selects (with the selector the overlay itself uses)."""
    try:
        return [match.value for match in parse(target).find(document)]
    except Exception:  # jsonpath-ng raises JSONPathError, and plain Exceptions on some syntax
        return None


def _already_documented(action: Action, targets: list[Any]) -> str:
    """The keys the action adds that every target already has ("" when one is new somewhere)."""
    if action.remove or not isinstance(action.update, dict) or not action.update:
        return ""
    if not all(isinstance(target, dict) for target in targets):
        return ""
    if all(key in target for key in action.update for target in targets):
        return ", ".join(f"`{key}`" for key in action.update)
    return ""


def _refs(value: Any) -> list[str]:
    return list(dict.fromkeys(ref for ref in refs_in(value) if ref.startswith("#")))
