"""Read an XML answer into the JSON shape its schema describes, by the schemas' `xml` objects.

Schemathesis validates JSON answers only; with this reading, the same JSON Schema check covers the
`text/xml` answers the document lists too. The OpenAPI `xml` rules applied here:

- the root element is named by the schema's `xml.name` (a different root is an error, not a guess);
- a property is a child element named by its `xml.name` or, failing that, by the property name;
- `xml.attribute: true` properties are attributes of the element (the `limitation` fields);
- an array with `xml.wrapped: true` is one wrapper element holding one element per item, named by
  the items' `xml.name` (`<features><feature>SMS</feature></features>`); an unwrapped array is a run
  of repeated elements (`<numbers>..</numbers><numbers>..</numbers>`);
- scalar text is typed by the schema: `integer` text becomes an int (so `count` is checked as a
  number), everything else stays a string. Text that does not fit its type is kept as text, so the
  schema check reports it instead of this reader hiding it.

Answers are untrusted: parsing goes through defusedxml with DTDs forbidden (no entity expansion, no
external entities) and a size cap.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as safe_et  # type: ignore[import-untyped, unused-ignore]
from defusedxml import DefusedXmlException  # type: ignore[import-untyped, unused-ignore]

from contract_tests.judging.compiled import DERIVED

# A full page (100 numbers with every field) is about 100 KiB; anything far larger is hostile or
# broken.
MAX_XML_BYTES = 2 * 1024 * 1024
_INTEGER = re.compile(r"-?\d+")
_NUMBER = re.compile(r"-?\d+(\.\d+)?([eE][-+]?\d+)?")


class XmlBodyError(ValueError):
    """An XML answer that cannot be read as its schema describes (or should not be read at all)."""


def xml_to_json(content: bytes, schema: Mapping[str, Any]) -> Any:
    """Parse `content` safely and map it to JSON shape by `schema` (a resolved schema)."""
    if len(content) > MAX_XML_BYTES:
        raise XmlBodyError(f"XML body of {len(content)} bytes exceeds the {MAX_XML_BYTES}-byte cap")
    try:
        root = safe_et.fromstring(content, forbid_dtd=True)
    except DefusedXmlException as exc:
        raise XmlBodyError(f"refused to parse hostile XML: {type(exc).__name__}: {exc}") from None
    except safe_et.ParseError as exc:
        raise XmlBodyError(f"malformed XML: {exc}") from None
    expected_root = _xml(schema).get("name")
    actual_root = _local_name(root.tag)
    if isinstance(expected_root, str) and actual_root != expected_root:
        raise XmlBodyError(
            f"XML root element is <{actual_root}>, the schema names it <{expected_root}>"
        )
    return _element_value(root, schema)


def _xml(schema: Mapping[str, Any]) -> Mapping[str, Any]:
    value = schema.get("xml")
    return value if isinstance(value, Mapping) else {}


def _local_name(tag: str) -> str:
    # Namespaces play no part in this API; compare local names only.
    return tag.rsplit("}", 1)[-1]


def _by_name(element: Element) -> dict[str, list[Element]]:
    """The element's children by local name, each name's in document order (one pass over them,
    where looking each property up among all children again cost most of the reading)."""
    children: dict[str, list[Element]] = {}
    for child in element:
        children.setdefault(_local_name(child.tag), []).append(child)
    return children


def _is_object(schema: Mapping[str, Any]) -> bool:
    return schema.get("type") == "object" or "properties" in schema


@dataclass(frozen=True)
class _Field:
    """A property of an object schema, as XML carries it."""

    name: str
    schema: Mapping[str, Any]
    # Its attribute's or element's name (`xml.name`, or the property's).
    xml_name: str
    attribute: bool
    array: bool
    wrapped: bool
    items: Mapping[str, Any]
    # An array's item elements' name.
    item_name: str


@dataclass(frozen=True)
class _ObjectPlan:
    """How an object schema's properties read from XML: found once per schema (`compiled.py`)."""

    fields: tuple[_Field, ...]
    elements: frozenset[str]
    attributes: frozenset[str]


def _object_plan(schema: Mapping[str, Any]) -> _ObjectPlan:
    fields = []
    properties: Mapping[str, Any] = schema.get("properties", {})
    for name, property_schema in properties.items():
        xml = _xml(property_schema)
        xml_name = xml.get("name", name)
        items: Mapping[str, Any] = property_schema.get("items", {})
        fields.append(
            _Field(
                name=name,
                schema=property_schema,
                xml_name=xml_name,
                attribute=bool(xml.get("attribute")),
                array=property_schema.get("type") == "array",
                wrapped=bool(xml.get("wrapped")),
                items=items,
                item_name=_xml(items).get("name", xml_name) if isinstance(items, Mapping) else "",
            )
        )
    return _ObjectPlan(
        tuple(fields),
        frozenset(f.xml_name for f in fields if not f.attribute),
        frozenset(f.xml_name for f in fields if f.attribute),
    )


_NO_PROPERTIES = _ObjectPlan((), frozenset(), frozenset())


def _element_value(element: Element, schema: Mapping[str, Any]) -> Any:
    # Without a type to go by (an undocumented answer), an element with children is an object.
    if _is_object(schema) or ("type" not in schema and len(element)):
        return _object_value(element, schema)
    if schema.get("type") == "array":
        items = schema.get("items", {})
        return [_element_value(child, items) for child in element]
    return _scalar(element.text or "", schema)


def _object_value(element: Element, schema: Mapping[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    # A schema without properties (an undocumented answer's `{}`) has nothing worth keeping.
    plan = DERIVED.of(schema, _object_plan) if schema.get("properties") else _NO_PROPERTIES
    children = _by_name(element)
    for field in plan.fields:
        if field.attribute:
            if field.xml_name in element.attrib:
                result[field.name] = _scalar(element.attrib[field.xml_name], field.schema)
            continue
        if field.array:
            value = _array_value(children, field)
            if value is not None:
                result[field.name] = value
            continue
        found = children.get(field.xml_name, [])
        if len(found) == 1:
            result[field.name] = _element_value(found[0], field.schema)
        elif found:
            # A repeated scalar element: keep all of them so the schema check sees a list, not a
            # scalar.
            result[field.name] = [_element_value(child, field.schema) for child in found]
    # Undocumented elements are kept (as text) rather than dropped: the schema decides if they may
    # exist. An element named like an attribute is not that attribute: kept under the property's
    # name it would pass for it, so it is left out and a required attribute shows up as missing.
    # (The first of a repeated one, in document order: `children` keeps the order names first
    # appear in.)
    for tag, named in children.items():
        if tag not in plan.elements and tag not in plan.attributes and tag not in result:
            result[tag] = named[0].text or ""
    return result


def _array_value(children: Mapping[str, list[Element]], field: _Field) -> list[Any] | None:
    if field.wrapped:
        wrappers = children.get(field.xml_name)
        if not wrappers:
            return None
        return [
            _element_value(child, field.items)
            for child in wrappers[0]
            if _local_name(child.tag) == field.item_name
        ]
    named = children.get(field.item_name)
    # An empty unwrapped array leaves no trace in XML, so absence reads as "not present".
    return [_element_value(child, field.items) for child in named] if named else None


def _scalar(text: str, schema: Mapping[str, Any]) -> Any:
    kind = schema.get("type")
    stripped = text.strip()
    if kind == "integer" and _INTEGER.fullmatch(stripped):
        return int(stripped)
    if kind == "number" and _NUMBER.fullmatch(stripped):
        return float(stripped)
    if kind == "boolean" and stripped in ("true", "false"):
        return stripped == "true"
    return text
