"""JSON and XML answers: content types, and XML read back equal to the JSON answer."""

from __future__ import annotations

from typing import Any
from xml.etree import ElementTree

import pytest

from numbers_mock import MockApp

from ..conftest import AppClient, buy, first_available

XML = {"accept": "text/xml"}
JSON_TYPE = "application/json;charset=UTF-8"
XML_TYPE = "text/xml;charset=UTF-8"


def read_list(text: bytes) -> dict[str, Any]:
    """An `inbound-numbers` XML answer in JSON shape, read by the document's rules by hand."""
    root = ElementTree.fromstring(text)
    assert root.tag == "inbound-numbers"
    result: dict[str, Any] = {}
    count = root.find("count")
    if count is not None:
        result["count"] = int(count.text or "")
        result["numbers"] = []
    for element in root.findall("numbers"):
        number: dict[str, Any] = {}
        for child in element:
            if child.tag == "features":
                number["features"] = [feature.text for feature in child.findall("feature")]
            elif child.tag == "limitations":
                number["limitations"] = [dict(item.attrib) for item in child.findall("limitation")]
            else:
                assert len(child) == 0 and not child.attrib
                number[child.tag] = child.text or ""
        result["numbers"].append(number)
    return result


def read_status(text: bytes, root_name: str) -> dict[str, str]:
    root = ElementTree.fromstring(text)
    assert root.tag == root_name
    return {child.tag: child.text or "" for child in root}


def both(client: AppClient, method: str, path: str, **kwargs: Any) -> tuple[Any, Any]:
    as_json = client.request(method, path, **kwargs)
    as_xml = client.request(method, path, headers=XML, **kwargs)
    assert as_json.status_code == as_xml.status_code
    assert as_json.headers["content-type"] == JSON_TYPE
    assert as_xml.headers["content-type"] == XML_TYPE
    assert as_xml.content.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    return as_json, as_xml


@pytest.mark.parametrize(
    "params",
    [
        {"country": "GB", "size": "100"},
        {"country": "US", "features": "SMS,MMS", "size": "3", "index": "2"},
        {"country": "GB", "pattern": "0000000"},
        {"country": "GB", "index": "50"},
    ],
)
def test_search_xml_equals_json(client: AppClient, params: dict[str, str]) -> None:
    as_json, as_xml = both(client, "GET", "/number/search", params=params)
    parsed = read_list(as_xml.content)
    assert parsed == as_json.json()
    # A page past the end (index 50) is `{}` in both.
    numbers = zip(parsed.get("numbers", []), as_json.json().get("numbers", []), strict=True)
    for from_xml, from_json in numbers:
        assert list(from_xml) == list(from_json)  # the same field order, the schema's


def test_owned_list_xml_equals_json(client: AppClient) -> None:
    empty_json, empty_xml = both(client, "GET", "/account/numbers")
    assert empty_json.json() == {} == read_list(empty_xml.content)
    for number in client.get("/number/search", params={"country": "CA", "size": 4}).json()[
        "numbers"
    ]:
        buy(client, number)
        form = {"country": "CA", "msisdn": number["msisdn"], "app_id": "a&<b>", "moHttpUrl": ""}
        client.post("/number/update", data=form)
    as_json, as_xml = both(client, "GET", "/account/numbers", params={"size": 3})
    assert as_json.json()["count"] == 4
    assert read_list(as_xml.content) == as_json.json()


@pytest.mark.parametrize(
    ("method", "path", "root"),
    [
        ("GET", "/account/numbers", "inbound-numbers"),
        ("GET", "/number/search", "inbound-numbers"),
        ("POST", "/number/buy", "response"),
        ("POST", "/number/cancel", "response"),
        ("POST", "/number/update", "response"),
    ],
)
def test_401_roots_follow_the_schemas(app: MockApp, method: str, path: str, root: str) -> None:
    anonymous = AppClient(app, auth=None)
    try:
        as_json, as_xml = both(anonymous, method, path)
    finally:
        anonymous.close()
    assert as_json.status_code == 401
    assert (
        read_status(as_xml.content, root)
        == as_json.json()
        == {
            "error-code": "401",
            "error-code-label": "authentication failed",
        }
    )


def test_success_and_refusal_bodies(client: AppClient) -> None:
    number = first_available(client, "AU")
    form = {"country": "AU", "msisdn": number["msisdn"]}
    bought = client.post("/number/buy", data=form, headers=XML)
    assert bought.headers["content-type"] == XML_TYPE
    assert read_status(bought.content, "response") == {
        "error-code": "200",
        "error-code-label": "success",
    }
    # Cancel does not list 420 in the document; its refusal still has buy's 420 shape.
    client.post("/number/cancel", data=form)
    as_json, as_xml = both(client, "POST", "/number/cancel", data=form)
    assert as_json.status_code == 420
    assert (
        read_status(as_xml.content, "response")
        == as_json.json()
        == {
            "error-code": "420",
            "error-code-label": "method failed",
        }
    )


def test_errors_outside_the_document_stay_json(client: AppClient) -> None:
    response = client.get("/number/search", headers=XML)
    assert response.status_code == 400
    assert response.headers["content-type"] == JSON_TYPE
    assert response.json() == {"country": "Is required."}


def test_application_xml_is_answered_as_text_xml(client: AppClient) -> None:
    response = client.get(
        "/number/search", params={"country": "GB"}, headers={"accept": "application/xml"}
    )
    assert response.headers["content-type"] == XML_TYPE
    assert read_list(response.content)["count"] == 24
