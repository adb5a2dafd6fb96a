"""Pairs of documents, one per kind of change, with the classification each must get.

Every pair is the vendored document and a copy changed in one way (the `mutate` functions say
how); `where` and `what` pick the expected change out of the report, and no other change to the
API may be reported beside the expected ones (`count` of them, when the change is in a shared
component used in several places).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from spec_update.changes import Change, Impact

B, A, C = Impact.BREAKING, Impact.ADDITIVE, Impact.COMPATIBLE
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
    where: str
    what: str
    client: Impact
    server: Impact
    count: int = 1


CASES = {
    # Operations
    "operation removed": Case(
        lambda d: d["paths"].pop("/number/cancel"), "POST /number/cancel", "operation removed", B, C
    ),
    "operation added": Case(add_operation, "POST /number/transfer", "operation added", A, B),
    "operation renamed (operationId)": Case(
        lambda d: operation(d, "/number/cancel", "post").update(operationId="cancelNumber"),
        "POST /number/cancel",
        "operationId cancelANumber → cancelNumber",
        B,
        C,
    ),
    "operation moved to another path": Case(
        move_operation, "POST /number/cancel", "moved to POST /number/cancellation", B, B
    ),
    "operation deprecated": Case(
        lambda d: operation(d, "/number/buy", "post").update(deprecated=True),
        "POST /number/buy",
        "deprecated",
        C,
        C,
    ),
    # Parameters
    "optional parameter removed": Case(
        lambda d: remove_parameter_ref(d, "/number/search", "get", "pattern"),
        "GET /number/search",
        "query parameter `pattern` removed",
        B,
        C,
    ),
    "required parameter removed": Case(
        lambda d: remove_parameter_ref(d, "/number/search", "get", "country"),
        "GET /number/search",
        "query parameter `country` removed",
        B,
        B,
    ),
    "new required parameter": Case(
        lambda d: add_query_parameter(d, required=True),
        "GET /account/numbers",
        "required query parameter `target_api_key` added",
        B,
        B,
    ),
    "new optional parameter": Case(
        lambda d: add_query_parameter(d, required=False),
        "GET /account/numbers",
        "optional query parameter `target_api_key` added",
        A,
        A,
    ),
    "parameter renamed": Case(
        lambda d: parameter(d, "pattern").update(name="number_pattern"),
        "",
        "query parameter `pattern` renamed to `number_pattern`",
        B,
        B,
        count=2,
    ),
    "parameter became required": Case(
        lambda d: parameter(d, "application_id").update(required=True),
        "GET /account/numbers query parameter `application_id`",
        "became required",
        B,
        C,
    ),
    "parameter became optional": Case(
        lambda d: parameter(d, "country").update(required=False),
        "GET /number/search query parameter `country`",
        "became optional",
        A,
        B,
    ),
    "parameter deprecated": Case(
        lambda d: parameter(d, "has_application").update(deprecated=True),
        "GET /account/numbers query parameter `has_application`",
        "deprecated",
        C,
        C,
    ),
    "parameter serialisation changed": Case(
        lambda d: parameter(d, "type").update(style="form", explode=False),
        "GET /number/search query parameter `type`",
        "serialisation changed (`explode`)",
        B,
        B,
    ),
    # Enums and types, in requests and in responses
    "narrowed enum in a request": Case(
        lambda d: parameter(d, "type")["schema"]["enum"].remove("landline-toll-free"),
        "GET /number/search query parameter `type`",
        'enum values removed: "landline-toll-free"',
        B,
        C,
    ),
    "widened enum in a request": Case(
        lambda d: parameter(d, "type")["schema"]["enum"].append("fax"),
        "GET /number/search query parameter `type`",
        'enum values added: "fax"',
        A,
        B,
    ),
    "narrowed enum in a response": Case(
        lambda d: schema(d, "number-limitation")["properties"]["type"]["enum"].remove("INBOUND"),
        "response 200 (application/json, text/xml)",
        'enum values removed: "INBOUND"',
        C,
        B,
        count=2,
    ),
    "widened enum in a response": Case(
        lambda d: schema(d, "number-limitation")["properties"]["type"]["enum"].append("BOTH"),
        "response 200 (application/json, text/xml)",
        'enum values added: "BOTH"',
        B,
        C,
        count=2,
    ),
    "changed type of a parameter": Case(
        lambda d: parameter(d, "application_id")["schema"].update(type="integer"),
        "GET /account/numbers query parameter `application_id`",
        "type string → integer",
        B,
        B,
    ),
    "widened type of a parameter": Case(
        lambda d: parameter(d, "index")["schema"].update(type="number"),
        "query parameter `index`",
        "type integer → number",
        C,
        B,
        count=2,
    ),
    "tighter maximum on a parameter": Case(
        lambda d: parameter(d, "size")["schema"].update(maximum=50),
        "query parameter `size`",
        "maximum 100 → 50",
        B,
        C,
        count=2,
    ),
    "changed type of a response field": Case(
        lambda d: schema(d, "inbound-numbers")["properties"]["count"].update(type="string"),
        "GET /account/numbers response 200",
        "`count` type integer → string",
        B,
        B,
    ),
    "changed format of a response field": Case(
        lambda d: schema(d, "ownednumber")["properties"]["moHttpUrl"].update(format="uri"),
        "GET /account/numbers response 200",
        "`numbers[].moHttpUrl` format url → uri",
        B,
        B,
    ),
    "response field may now be null": Case(
        lambda d: schema(d, "ownednumber")["properties"]["msisdn"].update(nullable=True),
        "GET /account/numbers response 200",
        "`numbers[].msisdn` may now be null",
        B,
        C,
    ),
    "keyword without a rule": Case(
        lambda d: schema(d, "ownednumber")["properties"]["features"].update(uniqueItems=True),
        "GET /account/numbers response 200",
        "`numbers[].features` `uniqueItems` changed (no rule for it: assumed breaking)",
        B,
        B,
    ),
    # Fields of request bodies
    "request field removed": Case(
        lambda d: schema(d, "number-details-update")["properties"].pop("moHttpUrl"),
        "POST /number/update (application/x-www-form-urlencoded)",
        "field `moHttpUrl` removed",
        B,
        C,
    ),
    "required request field removed": Case(
        remove_required_property,
        "(application/x-www-form-urlencoded)",
        "field `msisdn` removed",
        B,
        B,
        count=2,
    ),
    "new optional request field": Case(
        lambda d: add_property(d, "number-details", "reason"),
        "(application/x-www-form-urlencoded)",
        "optional field `reason` added",
        A,
        A,
        count=2,
    ),
    "new required request field": Case(
        lambda d: add_property(d, "number-details", "reason", required=True),
        "(application/x-www-form-urlencoded)",
        "required field `reason` added",
        B,
        B,
        count=2,
    ),
    "request field became required": Case(
        lambda d: schema(d, "number-details")["required"].append("target_api_key"),
        "(application/x-www-form-urlencoded)",
        "field `target_api_key` became required",
        B,
        C,
        count=2,
    ),
    "request body became optional": Case(
        lambda d: operation(d, "/number/buy", "post")["requestBody"].update(required=False),
        "POST /number/buy",
        "request body became optional",
        A,
        B,
    ),
    # Fields of responses
    "response field removed": Case(
        lambda d: schema(d, "ownednumber")["properties"].pop("app_id"),
        "GET /account/numbers response 200 (application/json, text/xml)",
        "field `numbers[].app_id` removed",
        B,
        C,
    ),
    "new optional response field": Case(
        lambda d: add_property(d, "ownednumber", "voiceStatusCallback"),
        "GET /account/numbers response 200 (application/json, text/xml)",
        "optional field `numbers[].voiceStatusCallback` added",
        A,
        C,
    ),
    "new required response field": Case(
        lambda d: add_property(d, "inbound-numbers", "page", required=True),
        "GET /account/numbers response 200",
        "required field `page` added",
        A,
        B,
    ),
    "response field renamed": Case(
        rename_property,
        "GET /account/numbers response 200",
        "field `numbers[].moHttpUrl` renamed to `mo_http_url`",
        B,
        B,
    ),
    # Status codes and media types
    "status code added": Case(
        lambda d: responses(d, "/number/cancel", "post").update(
            {"420": responses(d, "/number/buy", "post")["420"]}
        ),
        "POST /number/cancel",
        "response status 420 added",
        B,
        C,
    ),
    "status code removed": Case(
        lambda d: responses(d, "/number/buy", "post").pop("420"),
        "POST /number/buy",
        "response status 420 removed",
        C,
        B,
    ),
    "response media type removed": Case(
        lambda d: content(d, "/account/numbers", "get", "200").pop("text/xml"),
        "GET /account/numbers response 200",
        "media type `text/xml` removed",
        C,
        B,
    ),
    "response media type added": Case(
        lambda d: content(d, "/account/numbers", "get", "200").update(
            {"application/xml": content(d, "/account/numbers", "get", "200")["text/xml"]}
        ),
        "GET /account/numbers response 200",
        "media type `application/xml` added",
        B,
        C,
    ),
    # Security
    "security requirement now anonymous on one operation": Case(
        lambda d: operation(d, "/number/search", "get").update(security=[]),
        "GET /number/search",
        "authentication now accepted: no authentication",
        A,
        B,
        count=2,
    ),
    "security scheme redefined": Case(
        use_bearer_auth,
        "all operations",
        "authentication no longer accepted: HTTP basic",
        B,
        C,
        count=2,
    ),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_each_kind_of_change_is_classified(
    case: Case, classify: Callable[[Callable[[Data], None]], list[Change]]
) -> None:
    changes = [change for change in classify(case.mutate) if change.where != "document"]
    expected = [c for c in changes if case.where in c.where and case.what in c.what]
    assert expected, f"no change {case.what!r} at {case.where!r} in {changes}"
    assert [(c.client, c.server) for c in expected] == [(case.client, case.server)] * len(expected)
    assert len(changes) == case.count, changes


def test_a_redefined_scheme_is_one_way_out_and_one_way_in(
    classify: Callable[[Callable[[Data], None]], list[Change]],
) -> None:
    changes = classify(use_bearer_auth)
    assert [(c.where, c.what, c.client, c.server) for c in changes] == [
        ("all operations", "authentication no longer accepted: HTTP basic", B, C),
        ("all operations", "authentication now accepted: HTTP bearer", A, B),
    ]


def test_the_legacy_query_key_shape_breaks_clients_and_servers(
    classify: Callable[[Callable[[Data], None]], list[Change]],
) -> None:
    def legacy(data: Data) -> None:
        data["components"]["securitySchemes"] = {
            "apiKey": {"type": "apiKey", "in": "query", "name": "api_key"},
            "apiSecret": {"type": "apiKey", "in": "query", "name": "api_secret"},
        }
        data["security"] = [{"apiKey": [], "apiSecret": []}]

    whats = {c.what: (c.client, c.server) for c in classify(legacy)}
    assert whats == {
        "authentication no longer accepted: HTTP basic": (B, C),
        "authentication now accepted: API key in query `api_key` + API key in query `api_secret`": (
            A,
            B,
        ),
    }


def test_a_request_media_type_replaced_is_reported_both_ways(
    classify: Callable[[Callable[[Data], None]], list[Change]],
) -> None:
    def to_json(data: Data) -> None:
        body = operation(data, "/number/buy", "post")["requestBody"]["content"]
        body["application/json"] = body.pop("application/x-www-form-urlencoded")

    changes = classify(to_json)
    assert {(c.what, c.client, c.server) for c in changes} == {
        ("media type `application/x-www-form-urlencoded` removed", B, C),
        ("media type `application/json` added", A, B),
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
    assert len(changes) == 1
    assert (changes[0].client, changes[0].server) == (C, C)
    assert "#/components/schemas/country/description" in changes[0].what
    assert "#/info/x-metaTitle" in changes[0].what


def test_a_new_api_version_alone_is_compatible(
    classify: Callable[[Callable[[Data], None]], list[Change]],
) -> None:
    changes = classify(lambda data: data["info"].update(version="1.2.0"))
    assert [(c.what, c.client, c.server) for c in changes] == [("API version 1.1.0 → 1.2.0", C, C)]
