"""Apply an OpenAPI Overlay 1.0 document to an OpenAPI document, with jsonpath-ng as the selector.

The Overlay Specification 1.0 has two actions: `update` merges an object into every node the
target selects (objects recursively, a selected array gets the value appended) and `remove`
deletes every selected node. One deliberate strictness: an action whose target selects nothing
is an error, so an overlay written for one version of a document cannot silently stop applying
to the next.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jsonpath_ng import DatumInContext, Fields, Index
from jsonpath_ng.exceptions import JSONPathError
from jsonpath_ng.ext.parser import parse

from numbers_openapi.documents import load_document

SUPPORTED_VERSIONS = frozenset({"1.0.0"})


class OverlayError(ValueError):
    """An overlay that is malformed, or whose action cannot be applied to the document."""


@dataclass(frozen=True)
class Action:
    """One overlay action: `update` a target with a value, or `remove` it."""

    target: str
    description: str = ""
    update: Any = None
    remove: bool = False


@dataclass(frozen=True)
class Overlay:
    """A parsed overlay document: its title and version, and its actions in order."""

    title: str
    version: str
    actions: tuple[Action, ...]


def load_overlay(path: Path) -> Overlay:
    """The overlay in `path` (JSON or YAML), checked against the Overlay 1.0 structure."""
    return parse_overlay(load_document(path), str(path))


def parse_overlay(raw: Mapping[str, Any], source: str = "overlay") -> Overlay:
    """The overlay held in `raw`, or OverlayError naming the first structural problem."""
    version = raw.get("overlay")
    if version not in SUPPORTED_VERSIONS:
        raise OverlayError(f"{source}: `overlay` must be one of {sorted(SUPPORTED_VERSIONS)}")
    info = raw.get("info")
    if not isinstance(info, Mapping) or not all(
        isinstance(info.get(key), str) for key in ("title", "version")
    ):
        raise OverlayError(f"{source}: `info` needs a string `title` and `version`")
    actions = raw.get("actions")
    if not isinstance(actions, list) or not actions:
        raise OverlayError(f"{source}: `actions` must be a non-empty list")
    return Overlay(
        title=info["title"],
        version=info["version"],
        actions=tuple(
            _parse_action(item, f"{source} action {n}") for n, item in enumerate(actions)
        ),
    )


def apply_overlay(document: Mapping[str, Any], overlay: Overlay) -> dict[str, Any]:
    """A copy of `document` with every action of `overlay` applied in order."""
    result: dict[str, Any] = copy.deepcopy(dict(document))
    for number, action in enumerate(overlay.actions):
        try:
            expression = parse(action.target)
        except JSONPathError as error:
            raise OverlayError(f"action {number}: target {action.target!r}: {error}") from None
        matches: list[DatumInContext] = expression.find(result)
        if not matches:
            raise OverlayError(
                f"action {number} ({action.description or action.target}): "
                f"target {action.target!r} selects nothing in the document"
            )
        for match in matches:
            if action.remove:
                _remove(match, number)
            else:
                _update(match.value, copy.deepcopy(action.update), number)
    return result


def _parse_action(item: Any, where: str) -> Action:
    if not isinstance(item, Mapping) or not isinstance(item.get("target"), str):
        raise OverlayError(f"{where}: needs a string `target`")
    remove = item.get("remove", False)
    if not isinstance(remove, bool):
        raise OverlayError(f"{where}: `remove` must be true or false")
    if not remove and "update" not in item:
        raise OverlayError(f"{where}: needs `update` or `remove: true`")
    description = item.get("description", "")
    if not isinstance(description, str):
        raise OverlayError(f"{where}: `description` must be a string")
    return Action(
        target=item["target"], description=description, update=item.get("update"), remove=remove
    )


def _update(node: Any, value: Any, number: int) -> None:
    if isinstance(node, list):
        node.append(value)
    elif isinstance(node, dict) and isinstance(value, Mapping):
        _merge(node, value)
    else:
        raise OverlayError(f"action {number}: `update` needs an object or array target")


def _merge(target: dict[str, Any], value: Mapping[str, Any]) -> None:
    """Merge `value` into `target`: objects recursively, anything else replaced."""
    for key, new in value.items():
        old = target.get(key)
        if isinstance(old, dict) and isinstance(new, Mapping):
            _merge(old, new)
        else:
            target[key] = new


def _remove(match: DatumInContext, number: int) -> None:
    parent = None if match.context is None else match.context.value
    path = match.path
    if isinstance(parent, dict) and isinstance(path, Fields) and len(path.fields) == 1:
        parent.pop(path.fields[0], None)
    elif isinstance(parent, list) and isinstance(path, Index):
        # Identity, not position: an earlier removal from the same list shifts the indices.
        for position, item in enumerate(parent):
            if item is match.value:
                del parent[position]
                break
    else:
        raise OverlayError(f"action {number}: cannot remove the document's root or {path}")
