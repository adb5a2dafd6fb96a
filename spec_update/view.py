"""Two versions of the document, read with their `$ref`s followed on demand, and compared fast.

Nothing is inlined: a reference is followed when a rule reaches it, and two pieces that are equal
as data (a comparison done in C) and whose references all point at unchanged components are equal
without a walk. Whether a component is unchanged is decided once per pair of references. On a
document of 11 MB this is what keeps a diff within seconds: only the parts that changed are walked
in Python.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from spec_update.doc_keys import NAME_MAPS, is_doc_key

# A `"$ref": "..."` pair in the JSON text of a node (json.dumps writes exactly this form; a
# document as published may space it otherwise).
_REF = re.compile(r'"\$ref"\s*:\s*("(?:[^"\\]|\\.)*")')
MAX_CHAIN = 64


class View:
    """One document, with its local references followed on demand."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self._targets: dict[str, Any] = {}

    def target(self, ref: str) -> Any:
        """What a local `#/...` reference points at, or None (external, or pointing at nothing)."""
        if ref not in self._targets:
            self._targets[ref] = pointer_target(self.data, ref)
        return self._targets[ref]

    def deref(self, node: Any) -> Any:
        """`node`, or what its chain of references ends at; a reference that leads nowhere is
        returned as it is (and compares by its text)."""
        for _ in range(MAX_CHAIN):
            ref = ref_of(node)
            if ref is None:
                return node
            found = self.target(ref)
            if found is None:
                return node
            node = found
        return node

    def mapping(self, node: Any) -> dict[str, Any]:
        """`node` dereferenced, if that is a mapping; an empty one otherwise (null, a list...)."""
        found = self.deref(node)
        return found if isinstance(found, dict) else {}

    def sequence(self, node: Any) -> list[Any]:
        found = self.deref(node)
        return found if isinstance(found, list) else []


def ref_of(node: Any) -> str | None:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            return ref
    return None


def pointer_target(document: Any, ref: str) -> Any:
    """The node a local JSON pointer (`#/a/b`) names, or None."""
    if ref == "#":
        return document
    if not ref.startswith("#/"):
        return None
    node = document
    for token in ref[2:].split("/"):
        key = token.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict) and key in node:
            node = node[key]
        elif isinstance(node, list) and key.isdigit() and int(key) < len(node):
            node = node[int(key)]
        else:
            return None
    return node


def refs_in(node: Any, *, text: str | None = None) -> Iterator[str]:
    """Every `$ref` string anywhere inside `node` (found in its JSON text, at C speed; `text`:
    that text, when the node was parsed from it)."""
    if text is None:
        text = json.dumps(node, default=str)
    for match in _REF.finditer(text):
        literal = match.group(1)
        # Most references have nothing to unescape: spare them the JSON parser.
        yield json.loads(literal) if "\\" in literal else literal[1:-1]


class Comparison:
    """Whether pieces of the old and the new document mean the same, documentation aside."""

    def __init__(self, old: View, new: View) -> None:
        self.old, self.new = old, new
        self._same: dict[tuple[str, str], bool] = {}
        self._journal: list[tuple[str, str]] = []
        self._refs: dict[int, tuple[str, ...]] = {}

    def same(self, old: Any, new: Any) -> bool:
        """Equal as data, and every reference inside points at a component that is unchanged:
        a cheap test that never walks in Python what is equal."""
        if old is new and old is None:
            return True
        if old != new:
            return False
        if not isinstance(old, dict | list):
            return True
        return all(self.same_ref(ref, ref) for ref in self._refs_of(old))

    def same_ref(self, old_ref: str, new_ref: str) -> bool:
        key = (old_ref, new_ref)
        known = self._same.get(key)
        if known is not None:
            return known
        # Assumed equal while being compared, so that a recursive schema ends; if it turns out
        # to differ, what was decided under that assumption is forgotten.
        self._same[key] = True
        start = len(self._journal)
        self._journal.append(key)
        old_target, new_target = self.old.target(old_ref), self.new.target(new_ref)
        if old_target is None or new_target is None:
            result = old_target is None and new_target is None and old_ref == new_ref
        else:
            result = self.equivalent(old_target, new_target)
        if not result:
            for decided in self._journal[start + 1 :]:
                self._same.pop(decided, None)
            del self._journal[start + 1 :]
        self._same[key] = result
        return result

    def equivalent(self, old: Any, new: Any, *, names: bool = False) -> bool:
        """The same meaning: documentation keys ignored (except in maps of author-chosen names,
        `names`), references followed."""
        if self.same(old, new):
            return True
        old_ref, new_ref = ref_of(old), ref_of(new)
        if old_ref is not None and new_ref is not None and len(old) == 1 and len(new) == 1:
            return self.same_ref(old_ref, new_ref)
        if old_ref is not None or new_ref is not None:
            old_target, new_target = self.old.deref(old), self.new.deref(new)
            if (old_ref is not None and old_target is old) or (
                new_ref is not None and new_target is new
            ):
                return False  # a reference to nowhere only equals itself, tested above
            return self.equivalent(old_target, new_target, names=names)
        if isinstance(old, dict) and isinstance(new, dict):
            old_keys = {key for key in old if names or not is_doc_key(key)}
            new_keys = {key for key in new if names or not is_doc_key(key)}
            if old_keys != new_keys:
                return False
            return all(
                self.equivalent(old[key], new[key], names=not names and key in NAME_MAPS)
                for key in old_keys
            )
        if isinstance(old, list) and isinstance(new, list):
            return len(old) == len(new) and all(
                self.equivalent(a, b) for a, b in zip(old, new, strict=True)
            )
        return bool(old == new)

    def _refs_of(self, node: dict[str, Any] | list[Any]) -> tuple[str, ...]:
        found = self._refs.get(id(node))
        if found is None:
            found = tuple(dict.fromkeys(refs_in(node)))
            self._refs[id(node)] = found
        return found
