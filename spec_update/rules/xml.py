"""The XML a schema describes, as it is on the wire: its `xml` object with XML's defaults applied.

An element is named after its property, or after its component when it is a body's root; an
array's own name only matters when it is wrapped; attributes and wrapping are off unless set. So
`xml: {name: owned}` on a property called `owned` describes exactly what leaving it out did, and
is no change.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from spec_update.rules.common import is_true, show

COMPONENT = "#/components/schemas/"


class XmlNames(NamedTuple):
    """The names an element takes by default in the old and the new document (None: unknown,
    e.g. the root of a body whose schema is written inline)."""

    old: str | None = None
    new: str | None = None


def is_xml(media_type: str) -> bool:
    """`application/xml`, `text/xml`, `application/atom+xml; charset=utf-8`, ..."""
    base = media_type.split(";", 1)[0].strip().lower()
    return base.endswith("/xml") or base.endswith("+xml")


def default_name(ref: str | None, inherited: str | None) -> str | None:
    """A root element's default name: its component's, when it is a reference to one."""
    if inherited is None and ref is not None and ref.startswith(COMPONENT):
        return ref[len(COMPONENT) :].replace("~1", "/").replace("~0", "~")
    return inherited


def effective_xml(schema: dict[str, Any], name: str | None) -> dict[str, Any]:
    """What the schema's `xml` object means once XML's defaults are applied."""
    declared = schema.get("xml")
    xml = declared if isinstance(declared, dict) else {}
    wrapped = is_true(xml.get("wrapped"))
    is_array = schema.get("type") == "array"
    return {
        # An array that is not wrapped has no element of its own: its name is not used.
        "name": None if is_array and not wrapped else xml.get("name", name),
        "namespace": xml.get("namespace"),
        "prefix": xml.get("prefix"),
        "attribute": is_true(xml.get("attribute")),
        "wrapped": wrapped,
    }


def xml_difference(old: dict[str, Any], new: dict[str, Any], names: XmlNames) -> list[str]:
    """Each XML property that differs, as `key old → new`."""
    before, after = effective_xml(old, names.old), effective_xml(new, names.new)
    return [
        f"{key} {_shown(key, before, old)} → {_shown(key, after, new)}"
        for key in before
        if before[key] != after[key]
    ]


def _shown(key: str, xml: dict[str, Any], schema: dict[str, Any]) -> str:
    """One property of an effective `xml` object as a reader understands it: an unset one says
    why it has no value rather than `null`."""
    value = xml[key]
    if value is not None:
        return show(value)
    if key != "name":
        return "(none)"
    if schema.get("type") == "array" and not xml["wrapped"]:
        return "(no wrapping element)"
    # Only the root of a body written inline has no default name to show: XML names it as its
    # content says, which the document does not.
    return "(default)"
