"""One summary change for all documentation differences (descriptions, examples, x- keys).

Documentation is compared in the documents as written, so text in a shared component counts once,
where it is written, and not once for every place that refers to it.
"""

from __future__ import annotations

from typing import Any

from spec_update.changes import Change
from spec_update.doc_keys import NAME_MAPS, is_doc_key
from spec_update.rules.common import Context, show
from spec_update.rules.metadata import DOCUMENT

SHOWN_PLACES = 5


SHOWN_CHARACTERS = 40
Place = tuple[str, Any, Any]


def diff_documentation(ctx: Context) -> list[Change]:
    places = _walk(ctx.old.data, ctx.new.data, "#", names=False)
    if not places:
        return []
    shown = ", ".join(
        f"{pointer} {_short(old)} → {_short(new)}" for pointer, old, new in places[:SHOWN_PLACES]
    )
    more = f" and {len(places) - SHOWN_PLACES} more" if len(places) > SHOWN_PLACES else ""
    what = f"documentation changed in {len(places)} place(s): {shown}{more}"
    return [ctx.change("documentation-changed", DOCUMENT, what)]


def _short(value: Any) -> str:
    if value is None:
        return "(none)"
    text = show(value)
    return text if len(text) <= SHOWN_CHARACTERS else text[: SHOWN_CHARACTERS - 1] + "…"


def _walk(old: Any, new: Any, pointer: str, *, names: bool) -> list[Place]:
    """(JSON pointer, old, new) of the documentation keys that differ; `names` as in
    strip_docs."""
    if old == new:
        return []
    if isinstance(old, dict) and isinstance(new, dict):
        places = []
        for key in sorted(old.keys() | new.keys(), key=str):
            child = f"{pointer}/{str(key).replace('~', '~0').replace('/', '~1')}"
            if pointer == "#/info" and key == "title":
                continue  # api-title-changed reports it
            if not names and isinstance(key, str) and is_doc_key(key):
                if old.get(key) != new.get(key):
                    places.append((child, old.get(key), new.get(key)))
            elif key in old and key in new:
                places += _walk(old[key], new[key], child, names=not names and key in NAME_MAPS)
        return places
    if isinstance(old, list) and isinstance(new, list):
        return [
            place
            for index, (before, after) in enumerate(zip(old, new, strict=False))
            for place in _walk(before, after, f"{pointer}/{index}", names=False)
        ]
    return []
