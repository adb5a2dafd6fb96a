"""The vendored document against copies of it changed in one way each (the `mutate` functions
say how): the rule each change must get, and no other change to the API beside it (`count` of
them, when the change is in a shared component used in several places). The smallest pair per
rule is in fixtures/rules; these show the rules on the real document, references and all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from spec_update.changes import Change

Data = dict[str, Any]


def operation(data: Data, path: str, method: str) -> Data:
    found: Data = data["paths"][path][method]
    return found


def schema(data: Data, name: str) -> Data:
    found: Data = data["components"]["schemas"][name]
    return found


def parameter(data: Data, name: str) -> Data:
    found: Data = data["components"]["parameters"][name]
    return found


def remove_parameter_ref(data: Data, path: str, method: str, name: str) -> None:
    ref = {"$ref": f"#/components/parameters/{name}"}
    operation(data, path, method)["parameters"].remove(ref)


def add_query_parameter(data: Data, *, required: bool) -> None:
    operation(data, "/account/numbers", "get")["parameters"].append(
        {
            "name": "target_api_key",
            "in": "query",
            "required": required,
            "schema": {"type": "string"},
        }
    )


def add_property(data: Data, schema_name: str, name: str, *, required: bool = False) -> None:
    target = schema(data, schema_name)
    target["properties"][name] = {"type": "string"}
    if required:
        target.setdefault("required", []).append(name)


def remove_required_property(data: Data) -> None:
    details = schema(data, "number-details")
    del details["properties"]["msisdn"]
    details["required"].remove("msisdn")


def rename_property(data: Data) -> None:
    properties = schema(data, "ownednumber")["properties"]
    properties["mo_http_url"] = properties.pop("moHttpUrl")


def move_operation(data: Data) -> None:
    data["paths"]["/number/cancellation"] = data["paths"].pop("/number/cancel")


def add_operation(data: Data) -> None:
    transfer = dict(operation(data, "/number/cancel", "post"), operationId="transferANumber")
    data["paths"]["/number/transfer"] = {"post": transfer}


def responses(data: Data, path: str, method: str) -> Data:
    found: Data = operation(data, path, method)["responses"]
    return found


def content(data: Data, path: str, method: str, status: str) -> Data:
    found: Data = responses(data, path, method)[status]["content"]
    return found


def use_bearer_auth(data: Data) -> None:
    data["components"]["securitySchemes"]["basicAuth"] = {"type": "http", "scheme": "bearer"}


@dataclass(frozen=True)
class Case:
    mutate: Callable[[Data], None]
    rule: str
    where: str = ""
    count: int = 1


def set_key(getter: Callable[[Data], Data], **values: Any) -> Callable[[Data], None]:
    return lambda data: getter(data).update(values)


CASES = {
    # Operations
    "operation removed": Case(
        lambda d: d["paths"].pop("/number/cancel"), "operation-removed", "POST /number/cancel"
    ),
    "operation added": Case(add_operation, "operation-added", "POST /number/transfer"),
    "operation renamed (operationId)": Case(
        set_key(lambda d: operation(d, "/number/cancel", "post"), operationId="cancelNumber"),
        "operation-id-changed",
    ),
    "operation moved to another path": Case(
        move_operation, "operation-moved", "POST /number/cancel"
    ),
    "operation deprecated": Case(
        set_key(lambda d: operation(d, "/number/buy", "post"), deprecated=True),
        "operation-deprecated",
    ),
    # Parameters
    "optional parameter removed": Case(
        lambda d: remove_parameter_ref(d, "/number/search", "get", "pattern"),
        "request-parameter-removed",
        "GET /number/search query `pattern`",
    ),
    "required parameter removed": Case(
        lambda d: remove_parameter_ref(d, "/number/search", "get", "country"),
        "request-required-parameter-removed",
    ),
    "new required parameter": Case(
        lambda d: add_query_parameter(d, required=True), "new-required-request-parameter"
    ),
    "new optional parameter": Case(
        lambda d: add_query_parameter(d, required=False), "new-optional-request-parameter"
    ),
    "parameter renamed": Case(
        set_key(lambda d: parameter(d, "pattern"), name="number_pattern"),
        "request-parameter-renamed",
        count=2,
    ),
    "parameter became required": Case(
        set_key(lambda d: parameter(d, "application_id"), required=True),
        "request-parameter-became-required",
    ),
    "parameter became optional": Case(
        set_key(lambda d: parameter(d, "country"), required=False),
        "request-parameter-became-optional",
    ),
    "parameter deprecated": Case(
        set_key(lambda d: parameter(d, "has_application"), deprecated=True),
        "request-parameter-deprecated",
    ),
    "parameter serialisation changed": Case(
        set_key(lambda d: parameter(d, "type"), style="form", explode=False),
        "request-parameter-serialization-changed",
    ),
    "parameter default changed": Case(
        set_key(lambda d: parameter(d, "size")["schema"], default=25),
        "request-default-changed",
        count=2,
    ),
    # Enums and types, in requests and in responses
    "narrowed enum in a request": Case(
        lambda d: parameter(d, "type")["schema"]["enum"].remove("landline-toll-free"),
        "request-enum-value-removed",
    ),
    "widened enum in a request": Case(
        lambda d: parameter(d, "type")["schema"]["enum"].append("fax"), "request-enum-value-added"
    ),
    "narrowed enum in a response": Case(
        lambda d: schema(d, "number-limitation")["properties"]["type"]["enum"].remove("INBOUND"),
        "response-enum-value-removed",
        "response 200 (application/json, text/xml)",
        count=2,
    ),
    "widened enum in a response": Case(
        lambda d: schema(d, "number-limitation")["properties"]["type"]["enum"].append("BOTH"),
        "response-enum-value-added",
        count=2,
    ),
    "changed type of a parameter": Case(
        set_key(lambda d: parameter(d, "application_id")["schema"], type="integer"), "type-changed"
    ),
    "widened type of a parameter": Case(
        set_key(lambda d: parameter(d, "index")["schema"], type="number"),
        "request-type-widened",
        count=2,
    ),
    "tighter maximum on a parameter": Case(
        set_key(lambda d: parameter(d, "size")["schema"], maximum=50),
        "request-bound-narrowed",
        count=2,
    ),
    "changed type of a response field": Case(
        set_key(lambda d: schema(d, "inbound-numbers")["properties"]["count"], type="string"),
        "type-changed",
    ),
    "changed format of a response field": Case(
        set_key(lambda d: schema(d, "ownednumber")["properties"]["moHttpUrl"], format="uri"),
        "format-changed",
    ),
    "response field may now be null": Case(
        set_key(lambda d: schema(d, "ownednumber")["properties"]["msisdn"], nullable=True),
        "response-became-nullable",
    ),
    "keyword without a rule": Case(
        set_key(lambda d: schema(d, "ownednumber")["properties"]["features"], uniqueItems=True),
        "keyword-changed",
    ),
    # Fields of request bodies
    "request field removed": Case(
        lambda d: schema(d, "number-details-update")["properties"].pop("moHttpUrl"),
        "request-property-removed",
        "POST /number/update request body (application/x-www-form-urlencoded)",
    ),
    "required request field removed": Case(
        remove_required_property, "request-required-property-removed", count=2
    ),
    "new optional request field": Case(
        lambda d: add_property(d, "number-details", "reason"),
        "request-optional-property-added",
        count=2,
    ),
    "new required request field": Case(
        lambda d: add_property(d, "number-details", "reason", required=True),
        "request-required-property-added",
        count=2,
    ),
    "new required readOnly request field": Case(
        lambda d: schema(d, "number-details").update(
            properties={
                **schema(d, "number-details")["properties"],
                "id": {"type": "string", "readOnly": True},
            },
            required=[*schema(d, "number-details")["required"], "id"],
        ),
        "request-read-only-property-changed",
        count=2,
    ),
    "request field became required": Case(
        lambda d: schema(d, "number-details")["required"].append("target_api_key"),
        "request-property-became-required",
        count=2,
    ),
    "request body became optional": Case(
        set_key(lambda d: operation(d, "/number/buy", "post")["requestBody"], required=False),
        "request-body-became-optional",
    ),
    # Fields of responses
    "response field removed": Case(
        lambda d: schema(d, "ownednumber")["properties"].pop("app_id"),
        "response-property-removed",
        "GET /account/numbers response 200 (application/json, text/xml)",
    ),
    "new optional response field": Case(
        lambda d: add_property(d, "ownednumber", "voiceStatusCallback"),
        "response-optional-property-added",
    ),
    "new required response field": Case(
        lambda d: add_property(d, "inbound-numbers", "page", required=True),
        "response-required-property-added",
    ),
    "response field renamed": Case(rename_property, "property-renamed"),
    # Status codes and media types
    "error status added": Case(
        lambda d: responses(d, "/number/cancel", "post").update(
            {"420": responses(d, "/number/buy", "post")["420"]}
        ),
        "response-error-status-added",
        "POST /number/cancel response 420",
    ),
    "error status removed": Case(
        lambda d: responses(d, "/number/buy", "post").pop("420"), "response-error-status-removed"
    ),
    "success status removed": Case(
        lambda d: responses(d, "/number/buy", "post").pop("200"), "response-success-status-removed"
    ),
    "response media type removed": Case(
        lambda d: content(d, "/account/numbers", "get", "200").pop("text/xml"),
        "response-media-type-removed",
        "GET /account/numbers response 200 (text/xml)",
    ),
    "response media type added": Case(
        lambda d: content(d, "/account/numbers", "get", "200").update(
            {"application/xml": content(d, "/account/numbers", "get", "200")["text/xml"]}
        ),
        "response-media-type-added",
    ),
    # Security
    "one operation made anonymous": Case(
        set_key(lambda d: operation(d, "/number/search", "get"), security=[]),
        "security-requirement-relaxed",
        "GET /number/search security",
    ),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_each_kind_of_change_is_classified(
    case: Case, classify: Callable[[Callable[[Data], None]], list[Change]]
) -> None:
    changes = [change for change in classify(case.mutate) if change.location.operation]
    assert [c.rule for c in changes] == [case.rule] * case.count, changes
    assert all(case.where in c.describe() for c in changes), changes


def test_a_redefined_scheme_is_one_way_out_and_one_way_in(
    classify: Callable[[Callable[[Data], None]], list[Change]],
) -> None:
    changes = classify(use_bearer_auth)
    assert {(c.rule, c.message) for c in changes} == {
        (
            "security-requirement-removed",
            "authentication no longer accepted: HTTP basic (accepted now: HTTP bearer)",
        ),
        ("security-requirement-added", "authentication now accepted: HTTP bearer"),
    }
    assert len(changes) == 2 * 5  # every operation of the document


def test_the_legacy_query_key_shape_breaks_clients_and_servers(
    classify: Callable[[Callable[[Data], None]], list[Change]],
) -> None:
    def legacy(data: Data) -> None:
        data["components"]["securitySchemes"] = {
            "apiKey": {"type": "apiKey", "in": "query", "name": "api_key"},
            "apiSecret": {"type": "apiKey", "in": "query", "name": "api_secret"},
        }
        data["security"] = [{"apiKey": [], "apiSecret": []}]

    assert {(c.rule, c.message) for c in classify(legacy)} == {
        (
            "security-requirement-removed",
            "authentication no longer accepted: HTTP basic (accepted now: "
            "API key in query `api_key` + API key in query `api_secret`)",
        ),
        (
            "security-requirement-added",
            "authentication now accepted: "
            "API key in query `api_key` + API key in query `api_secret`",
        ),
    }


def test_a_request_media_type_replaced_is_reported_both_ways(
    classify: Callable[[Callable[[Data], None]], list[Change]],
) -> None:
    def to_json(data: Data) -> None:
        body = operation(data, "/number/buy", "post")["requestBody"]["content"]
        body["application/json"] = body.pop("application/x-www-form-urlencoded")

    assert {(c.rule, c.location.media_types) for c in classify(to_json)} == {
        ("request-media-type-removed", ("application/x-www-form-urlencoded",)),
        ("request-media-type-added", ("application/json",)),
    }


def test_identical_documents_have_no_changes(
    classify: Callable[[Callable[[Data], None]], list[Change]],
) -> None:
    assert classify(lambda data: None) == []


def test_documentation_only_changes_are_one_compatible_change(
    classify: Callable[[Callable[[Data], None]], list[Change]],
) -> None:
    def reword(data: Data) -> None:
        schema(data, "country")["description"] = "ISO 3166-1 alpha-2"
        data["info"]["x-metaTitle"] = "Numbers"

    changes = classify(reword)
    assert [c.rule for c in changes] == ["documentation-changed"]
    assert "#/components/schemas/country/description" in changes[0].message
    assert "#/info/x-metaTitle" in changes[0].message


def test_a_new_api_version_alone_is_compatible(
    classify: Callable[[Callable[[Data], None]], list[Change]],
) -> None:
    changes = classify(lambda data: data["info"].update(version="1.2.0"))
    assert [(c.rule, c.message) for c in changes] == [
        ("api-version-changed", "API version 1.1.0 → 1.2.0")
    ]
