"""Answers shaped by the document's schemas: the same walk gives the JSON and the XML form.

A schema is compiled once into a `Shape` tree (refs resolved, `xml` objects read). Rendering then
keeps only the properties the schema declares, in the schema's order, so the document alone decides
what an answer shows.

The OpenAPI `xml` rules applied:

- an element is named by its schema's `xml.name` (after following `$ref`) or else by the property
  name; the root is named by the schema's `xml.name` (`inbound-numbers`, `response`);
- `xml.attribute: true` properties become attributes (the `limitation` fields);
- `xml.wrapped: true` arrays get one wrapper element holding one element per item
  (`<features><feature>SMS</feature></features>`, `<limitations><limitation .../></limitations>`);
- arrays without `wrapped` are a run of repeated elements named like the items. `numbers` is such an
  array and its items (`ownednumber`, `availablenumber`) carry no `xml.name`, so, as the OpenAPI
  specification prescribes for unwrapped arrays, each item is an element named after the property:
  `<inbound-numbers><count>2</count><numbers>...</numbers><numbers>...</numbers></inbound-numbers>`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal
from xml.etree import ElementTree

from numbers_mock.core.replies import SharedMapping

__all__ = ["Projector", "Shape", "compile_shape", "project", "projector", "to_xml"]

Kind = Literal["object", "array", "scalar"]
Resolver = Callable[[Mapping[str, Any]], Mapping[str, Any]]
Projector = Callable[[Any], Any]

# Characters XML 1.0 cannot carry at all; stored values (set through update) may contain them.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class Shape:
    """One schema node, reduced to what rendering needs."""

    name: str
    kind: Kind
    attribute: bool = False
    wrapped: bool = False
    properties: tuple[tuple[str, Shape], ...] = ()
    items: Shape | None = None


def compile_shape(schema: Mapping[str, Any], resolve: Resolver, name: str) -> Shape:
    """Compile `schema` (`$ref`s followed by `resolve`); `name` stands in for a missing xml.name."""
    schema = resolve(schema)
    xml: Mapping[str, Any] = schema.get("xml") or {}
    own_name = str(xml.get("name", name))
    if schema.get("type") == "array" or "items" in schema:
        items = compile_shape(schema.get("items") or {}, resolve, name)
        return Shape(own_name, "array", wrapped=bool(xml.get("wrapped")), items=items)
    if schema.get("type") == "object" or "properties" in schema:
        properties = tuple(
            (key, compile_shape(sub, resolve, key))
            for key, sub in (schema.get("properties") or {}).items()
        )
        return Shape(own_name, "object", properties=properties)
    return Shape(own_name, "scalar", attribute=bool(xml.get("attribute")))


def project(shape: Shape, value: Any) -> Any:
    """`value` reduced to what `shape` declares (absent and None properties dropped), for JSON."""
    project_value = projector(shape)
    return value if project_value is None else project_value(value)


def projector(shape: Shape) -> Projector | None:
    """`project` for one shape as a function, built once; None when there is nothing to drop.

    Scalars and arrays of scalars pass through untouched (JSON needs no copy of them); only
    objects, and arrays of objects, have anything the document may not declare.
    """
    if shape.kind == "array" and shape.items is not None:
        project_item = projector(shape.items)
        if project_item is None:
            return None
        return lambda value: [project_item(i) for i in value] if _is_list(value) else value
    if shape.kind != "object" or not shape.properties:
        return None
    fields = tuple((key, projector(sub)) for key, sub in shape.properties)
    # Projections of shared parts (SharedMapping), by id; the part is kept with its projection,
    # so its id cannot be taken by another object while the entry lives.
    shared: dict[int, tuple[SharedMapping, dict[str, Any]]] = {}

    def project_fields(value: Mapping[str, Any]) -> dict[str, Any]:
        return {
            key: item if sub is None else sub(item)
            for key, sub in fields
            if (item := value.get(key)) is not None
        }

    def project_object(value: Any) -> Any:
        if type(value) is SharedMapping:
            known = shared.get(id(value))
            if known is not None and known[0] is value:
                return known[1]
            projected = project_fields(value)
            shared[id(value)] = (value, projected)
            return projected
        if not isinstance(value, dict | Mapping):
            return value
        return project_fields(value)

    return project_object


def to_xml(shape: Shape, value: Any) -> bytes:
    """`value` as an XML document whose root element is named by `shape`."""
    root = ElementTree.Element(shape.name)
    _fill(root, shape, value)
    document: bytes = ElementTree.tostring(root, encoding="UTF-8", xml_declaration=True)
    return document


def _fill(element: ElementTree.Element, shape: Shape, value: Any) -> None:
    if shape.kind == "object" and isinstance(value, Mapping):
        declared = shape.properties or tuple((str(key), Shape(str(key), "scalar")) for key in value)
        for key, sub in declared:
            if value.get(key) is not None:
                _add_property(element, sub, value[key])
    elif shape.kind == "array" and shape.items is not None and _is_list(value):
        for item in value:
            _add_element(element, shape.items, item)
    else:
        element.text = _text(value)


def _add_property(parent: ElementTree.Element, shape: Shape, value: Any) -> None:
    if shape.attribute:
        parent.set(shape.name, _text(value))
    elif shape.kind == "array" and shape.items is not None and _is_list(value):
        holder = ElementTree.SubElement(parent, shape.name) if shape.wrapped else parent
        for item in value:
            _add_element(holder, shape.items, item)
    else:
        _add_element(parent, shape, value)


def _add_element(parent: ElementTree.Element, shape: Shape, value: Any) -> None:
    _fill(ElementTree.SubElement(parent, shape.name), shape, value)


def _text(value: Any) -> str:
    text = ("true" if value else "false") if isinstance(value, bool) else str(value)
    return _NOT_XML.sub("\ufffd", text)


def _is_list(value: Any) -> bool:
    # The concrete types first: the Sequence ABC check is slow, and this runs per array rendered.
    if isinstance(value, list | tuple):
        return True
    return isinstance(value, Sequence) and not isinstance(value, str | bytes)
