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
from typing import Any
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as safe_et  # type: ignore[import-untyped, unused-ignore]
from defusedxml import DefusedXmlException  # type: ignore[import-untyped, unused-ignore]

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


def _children(element: Element, name: str) -> list[Element]:
    return [child for child in element if _local_name(child.tag) == name]


def _is_object(schema: Mapping[str, Any]) -> bool:
    return schema.get("type") == "object" or "properties" in schema


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
    properties: Mapping[str, Any] = schema.get("properties", {})
    known_elements: set[str] = set()
    attributes: set[str] = set()
    for name, property_schema in properties.items():
        xml = _xml(property_schema)
        xml_name = xml.get("name", name)
        if xml.get("attribute"):
            attributes.add(xml_name)
            if xml_name in element.attrib:
                result[name] = _scalar(element.attrib[xml_name], property_schema)
            continue
        known_elements.add(xml_name)
        if property_schema.get("type") == "array":
            value = _array_value(element, xml_name, property_schema)
            if value is not None:
                result[name] = value
            continue
        children = _children(element, xml_name)
        if len(children) == 1:
            result[name] = _element_value(children[0], property_schema)
        elif children:
            # A repeated scalar element: keep all of them so the schema check sees a list, not a
            # scalar.
            result[name] = [_element_value(child, property_schema) for child in children]
    # Undocumented elements are kept (as text) rather than dropped: the schema decides if they may
    # exist. An element named like an attribute is not that attribute: kept under the property's
    # name it would pass for it, so it is left out and a required attribute shows up as missing.
    for child in element:
        tag = _local_name(child.tag)
        if tag not in known_elements and tag not in attributes and tag not in result:
            result[tag] = child.text or ""
    return result


def _array_value(element: Element, xml_name: str, schema: Mapping[str, Any]) -> list[Any] | None:
    items: Mapping[str, Any] = schema.get("items", {})
    if _xml(schema).get("wrapped"):
        wrappers = _children(element, xml_name)
        if not wrappers:
            return None
        item_name = _xml(items).get("name", xml_name)
        return [_element_value(child, items) for child in _children(wrappers[0], item_name)]
    item_name = _xml(items).get("name", xml_name)
    children = _children(element, item_name)
    # An empty unwrapped array leaves no trace in XML, so absence reads as "not present".
    return [_element_value(child, items) for child in children] if children else None


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
