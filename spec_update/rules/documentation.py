"""One summary change for all documentation differences (descriptions, examples, x- keys).

Documentation is compared in the documents as written, so text in a shared component counts once,
where it is written, and not once for every place that refers to it. Items of a list are paired by
what they are where they say it (a parameter by its name and place, a tag by its name, a server
by its URL, a reference by its target), by position otherwise: moving a parameter changes no
description.
"""

from __future__ import annotations

from typing import Any

from spec_update.changes import Change, Place
from spec_update.doc_keys import NAME_MAPS, is_doc_key
from spec_update.rules.common import Context, show
from spec_update.rules.metadata import DOCUMENT

SHOWN_PLACES = 5


SHOWN_CHARACTERS = 40


def diff_documentation(ctx: Context) -> list[Change]:
    found = _walk(ctx.old.data, ctx.new.data, Place("#", "#"), names=False)
    if not found:
        return []
    shown = ", ".join(
        f"{place.new} {_short(old)} → {_short(new)}" for place, old, new in found[:SHOWN_PLACES]
    )
    more = f" and {len(found) - SHOWN_PLACES} more" if len(found) > SHOWN_PLACES else ""
    what = f"documentation changed in {len(found)} place(s): {shown}{more}"
    change = ctx.change("documentation-changed", DOCUMENT, what)
    return [change.with_places(tuple(place for place, _, _ in found))]


def _short(value: Any) -> str:
    if value is None:
        return "(none)"
    text = show(value)
    return text if len(text) <= SHOWN_CHARACTERS else text[: SHOWN_CHARACTERS - 1] + "…"


Found = tuple[Place, Any, Any]


def _walk(old: Any, new: Any, place: Place, *, names: bool) -> list[Found]:
    """(place, old, new) of the documentation keys that differ; `names` as in strip_docs."""
    if old == new:
        return []
    if isinstance(old, dict) and isinstance(new, dict):
        found: list[Found] = []
        for key in sorted(old.keys() | new.keys(), key=str):
            child = place.child(str(key), str(key))
            if place.new == "#/info" and key == "title":
                continue  # api-title-changed reports it
            if not names and isinstance(key, str) and is_doc_key(key):
                if old.get(key) != new.get(key):
                    found.append((child, old.get(key), new.get(key)))
            elif key in old and key in new:
                found += _walk(old[key], new[key], child, names=not names and key in NAME_MAPS)
        return found
    if isinstance(old, list) and isinstance(new, list):
        return [
            item
            for before, after in _pairs(old, new)
            for item in _walk(
                old[before], new[after], place.child(str(before), str(after)), names=False
            )
        ]
    return []


def _pairs(old: list[Any], new: list[Any]) -> list[tuple[int, int]]:
    """The (old index, new index) of the items that are the same item in both lists: by identity
    where an item has one that is unique in both lists, the others by their order."""
    old_ids, new_ids = _identities(old), _identities(new)
    pairs = [(index, new_ids[key]) for key, index in old_ids.items() if key in new_ids]
    rest_old = [index for index, item in enumerate(old) if _identity(item) not in old_ids]
    rest_new = [index for index, item in enumerate(new) if _identity(item) not in new_ids]
    pairs += zip(rest_old, rest_new, strict=False)
    return sorted(pairs, key=lambda pair: pair[1])


Identity = tuple[str, ...]


def _identities(items: list[Any]) -> dict[Identity, int]:
    """The index of each item by its identity, for the identities that only one item has."""
    seen: dict[Identity, list[int]] = {}
    for index, item in enumerate(items):
        key = _identity(item)
        if key is not None:
            seen.setdefault(key, []).append(index)
    return {key: indexes[0] for key, indexes in seen.items() if len(indexes) == 1}


def _identity(item: Any) -> Identity | None:
    """What makes a list item the same item in another version of the list (None: nothing but
    its position)."""
    if not isinstance(item, dict):
        return None
    ref, name, where, url = item.get("$ref"), item.get("name"), item.get("in"), item.get("url")
    if isinstance(ref, str):
        return ("$ref", ref)
    if isinstance(name, str) and isinstance(where, str):
        return ("parameter", name, where)
    if isinstance(name, str):
        return ("name", name)
    if isinstance(url, str):
        return ("url", url)
    return None
