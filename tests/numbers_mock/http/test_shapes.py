from __future__ import annotations

from xml.etree import ElementTree

from numbers_mock import default_spec_path
from numbers_mock.core.document import ApiDocument
from numbers_mock.http.shapes import Shape, compile_shape, project, to_xml

DOCUMENT = ApiDocument(default_spec_path())


def shape_of(component: str) -> Shape:
    return compile_shape({"$ref": f"#/components/schemas/{component}"}, DOCUMENT.resolve, component)


def test_list_shape_follows_the_xml_objects() -> None:
    shape = shape_of("inbound-numbers")
    assert shape.name == "inbound-numbers"
    properties = dict(shape.properties)
    numbers = properties["numbers"]
    assert (numbers.kind, numbers.wrapped) == ("array", False)
    assert numbers.items is not None and numbers.items.name == "numbers"
    number = dict(numbers.items.properties)
    assert (number["features"].wrapped, number["features"].items) == (
        True,
        Shape("feature", "scalar"),
    )
    limitation = number["limitations"].items
    assert limitation is not None and limitation.name == "limitation"
    assert all(field.attribute for _, field in limitation.properties)


def test_project_keeps_only_declared_properties_in_schema_order() -> None:
    value = {
        "numbers": [{"msisdn": "1", "country": "GB", "moSmppSysType": "x", "app_id": None}],
        "count": 1,
        "extra": True,
    }
    projected = project(shape_of("inbound-numbers"), value)
    assert projected == {"count": 1, "numbers": [{"country": "GB", "msisdn": "1"}]}
    assert list(projected) == ["count", "numbers"]


def test_xml_document() -> None:
    value = {
        "count": 2,
        "numbers": [
            {
                "country": "GB",
                "msisdn": "447700900001",
                "features": ["SMS", "VOICE"],
                "limitations": [{"feature": "SMS", "type": "OUTBOUND", "reach": "DOMESTIC"}],
            },
            {"country": "GB", "msisdn": "447700900002", "features": [], "limitations": []},
        ],
    }
    text = to_xml(shape_of("inbound-numbers"), value)
    assert text.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    root = ElementTree.fromstring(text)
    assert root.tag == "inbound-numbers"
    assert root.findtext("count") == "2"
    first, second = root.findall("numbers")
    assert [f.text for f in first.findall("features/feature")] == ["SMS", "VOICE"]
    assert first.find("limitations/limitation").attrib == {  # type: ignore[union-attr]
        "feature": "SMS",
        "type": "OUTBOUND",
        "reach": "DOMESTIC",
    }
    assert second.find("features") is not None and len(second.find("features")) == 0  # type: ignore[arg-type]


def test_xml_text_is_always_well_formed() -> None:
    shape = shape_of("response")
    text = to_xml(shape, {"error-code": "200", "error-code-label": "a<b&c\x00\x1f\ud800"})
    label = ElementTree.fromstring(text).findtext("error-code-label")
    assert label == "a<b&c\ufffd\ufffd\ufffd"


def test_booleans_and_free_form_objects() -> None:
    shape = Shape("root", "object")
    assert project(shape, {"a": 1}) == {"a": 1}
    root = ElementTree.fromstring(to_xml(shape, {"flag": True, "none": None}))
    assert root.findtext("flag") == "true"
    assert root.find("none") is None


def test_a_shared_part_is_projected_once_and_plain_parts_every_time() -> None:
    from numbers_mock.core.replies import SharedMapping
    from numbers_mock.http.shapes import Shape, projector

    shape = Shape("n", "object", properties=(("a", Shape("a", "scalar")),))
    project = projector(shape)
    assert project is not None
    shared = SharedMapping(a=1, b=2)
    first = project(shared)
    assert first == {"a": 1}
    assert project(shared) is first
    assert project(SharedMapping(a=3)) == {"a": 3}  # another part, its own projection
    plain = {"a": 1, "b": 2}
    assert project(plain) == {"a": 1}
    assert project(plain) is not project(plain)
