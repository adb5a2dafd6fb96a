"""Helpers for the generated client's tests: the overlaid document, real bodies, a fake service."""

from __future__ import annotations

import asyncio
import json
import os
from collections.abc import Coroutine
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any, TypeVar
from urllib.parse import parse_qs

import httpx
from numbers_api_client import AuthenticatedClient, Client
from numbers_api_client.api.default import (
    buy_a_number,
    cancel_a_number,
    get_available_numbers,
    get_owned_numbers,
    update_a_number,
)
from numbers_api_client.models import NumberDetails, NumberDetailsUpdate
from numbers_api_client.retries import Retries
from numbers_api_client.types import Response

from numbers_openapi.undocumented import applied_document

BASE_URL = "https://rest.nexmo.com"
API_KEY = "abcd1234"
# Distinctive so that a leak into a repr cannot be a coincidence.
API_SECRET = "Zx9-secret-Qw7"

# Bodies the real service answers, as captured from the live API.
REAL_CONTENT_TYPE = "application/json;charset=UTF-8"
REAL_SUCCESS: dict[str, Any] = {"error-code": "200", "error-code-label": "success"}
REAL_AUTH_FAILED: dict[str, Any] = {
    "error-code": "401",
    "error-code-label": "authentication failed",
}
REAL_METHOD_FAILED: dict[str, Any] = {"error-code": "420", "error-code-label": "method failed"}
REAL_EMPTY_BARE: dict[str, Any] = {}
REAL_EMPTY_COUNTED: dict[str, Any] = {"count": 0, "numbers": []}
REAL_FIELD_ERRORS: dict[str, Any] = {"country": "Is required."}

# Retries as the client makes them by default, with waits of milliseconds so that tests never
# sleep for seconds.
QUICK_RETRIES = Retries(backoff_seconds=0.001, max_wait_seconds=0.005, total_wait_seconds=0.05)

T = TypeVar("T")


# Names the document the client under test was generated from, when it is not the vendored one:
# an update runs these tests on the new client before the new document is vendored
# (spec_update.client_tests).
DOCUMENT_VARIABLE = "NUMBERS_CLIENT_TESTS_DOCUMENT"


@cache
def spec() -> dict[str, Any]:
    """The vendored OpenAPI document (or the one DOCUMENT_VARIABLE names) with
    numbers_openapi/overlay.yaml applied: what the client is generated from."""
    named = os.environ.get(DOCUMENT_VARIABLE)
    return applied_document(Path(named) if named else None)


def resolve(node: dict[str, Any]) -> dict[str, Any]:
    """Follow a local `$ref` (repeatedly) to the node it names."""
    while "$ref" in node:
        target: Any = spec()
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def schema(name: str) -> dict[str, Any]:
    """The component schema called `name`."""
    return resolve({"$ref": f"#/components/schemas/{name}"})


def property_names(name: str) -> set[str]:
    """The property names of a component schema, spelled as the document spells them."""
    return set(schema(name)["properties"])


def example_of(node: dict[str, Any]) -> Any:
    """An instance built from the document's `example` values (objects from their properties)."""
    node = resolve(node)
    if "example" in node:
        return node["example"]
    if node.get("type") == "object":
        return {key: example_of(value) for key, value in node["properties"].items()}
    if node.get("type") == "array":
        return [example_of(node["items"])]
    raise LookupError(f"no example for {node}")


def schema_example(name: str) -> dict[str, Any]:
    """The example instance of a component schema, as a fresh dict."""
    value = example_of(schema(name))
    assert isinstance(value, dict)
    copied: dict[str, Any] = json.loads(json.dumps(value))
    return copied


def parameter_example(name: str) -> Any:
    """The `example` of a shared query parameter."""
    return resolve({"$ref": f"#/components/parameters/{name}"})["example"]


def form_fields(request: httpx.Request) -> dict[str, list[str]]:
    """The fields of a form-encoded request body, empty values kept."""
    return parse_qs(request.content.decode("ascii"), keep_blank_values=True, strict_parsing=True)


def query_fields(request: httpx.Request) -> dict[str, list[str]]:
    """The query parameters of a request, empty values kept."""
    return parse_qs(request.url.query.decode("ascii"), keep_blank_values=True)


def await_(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run one coroutine to completion on a fresh event loop."""
    return asyncio.run(coroutine)


@dataclass
class FakeNumbersApi:
    """An in-process stand-in for the service: answers every request with one canned response."""

    status: int = 200
    body: bytes = b"{}"
    content_type: str = REAL_CONTENT_TYPE
    requests: list[httpx.Request] = field(default_factory=list)

    def answer(self, status: int, payload: Any) -> None:
        """Answer from now on with `status` and `payload` serialised as the real service does."""
        self.status = status
        self.body = json.dumps(payload, separators=(",", ":")).encode()
        self.content_type = REAL_CONTENT_TYPE

    def answer_raw(self, status: int, body: bytes, content_type: str) -> None:
        """Answer from now on with arbitrary bytes."""
        self.status = status
        self.body = body
        self.content_type = content_type

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return httpx.Response(
            self.status, content=self.body, headers={"Content-Type": self.content_type}
        )

    @property
    def last(self) -> httpx.Request:
        """The only request made so far (a test making one call expects exactly one)."""
        assert len(self.requests) == 1, self.requests
        return self.requests[0]

    def client(
        self,
        *,
        raise_on_unexpected_status: bool = False,
        api_key: str = API_KEY,
        api_secret: str = API_SECRET,
        retries: Retries | None = QUICK_RETRIES,
    ) -> AuthenticatedClient:
        """An AuthenticatedClient wired to this fake (retrying as by default, but quickly)."""
        return AuthenticatedClient(
            base_url=BASE_URL,
            api_key=api_key,
            api_secret=api_secret,
            raise_on_unexpected_status=raise_on_unexpected_status,
            retries=retries,
            httpx_args={"transport": httpx.MockTransport(self.handle)},
        )

    def anonymous_client(self) -> Client:
        """A Client (no credentials) wired to this fake."""
        return Client(base_url=BASE_URL, httpx_args={"transport": httpx.MockTransport(self.handle)})


def invoke(
    module: ModuleType,
    client: AuthenticatedClient | Client,
    *,
    use_async: bool,
    detailed: bool,
    **kwargs: Any,
) -> Any:
    """Call `sync`, `sync_detailed`, `asyncio` or `asyncio_detailed` of an endpoint module."""
    if use_async:
        coroutine_function = module.asyncio_detailed if detailed else module.asyncio
        return await_(coroutine_function(client=client, **kwargs))
    function = module.sync_detailed if detailed else module.sync
    return function(client=client, **kwargs)


@dataclass(frozen=True)
class Operation:
    """One operation of the document and the generated module that calls it."""

    operation_id: str
    method: str
    path: str
    module: ModuleType
    arguments: dict[str, Any]

    def detailed(self, client: AuthenticatedClient | Client, *, use_async: bool) -> Response[Any]:
        response: Response[Any] = invoke(
            self.module, client, use_async=use_async, detailed=True, **self.arguments
        )
        return response

    def parsed(self, client: AuthenticatedClient | Client, *, use_async: bool) -> Any:
        return invoke(self.module, client, use_async=use_async, detailed=False, **self.arguments)

    def documented_statuses(self) -> set[int]:
        return {int(code) for code in spec()["paths"][self.path][self.method]["responses"]}

    def statuses_with_a_body(self) -> set[int]:
        """The documented statuses whose answer has a JSON body."""
        responses = spec()["paths"][self.path][self.method]["responses"]
        return {int(code) for code, answer in responses.items() if "content" in answer}

    def response_schema(self, status: int) -> str:
        """The name of the component schema the document gives for a JSON answer."""
        answer = spec()["paths"][self.path][self.method]["responses"][str(status)]
        reference: str = answer["content"]["application/json"]["schema"]["$ref"]
        return reference.rsplit("/", 1)[1]


OPERATIONS: tuple[Operation, ...] = (
    Operation("getOwnedNumbers", "get", "/account/numbers", get_owned_numbers, {}),
    Operation(
        "getAvailableNumbers", "get", "/number/search", get_available_numbers, {"country": "GB"}
    ),
    Operation(
        "buyANumber",
        "post",
        "/number/buy",
        buy_a_number,
        {"body": NumberDetails(country="GB", msisdn="447700900000")},
    ),
    Operation(
        "cancelANumber",
        "post",
        "/number/cancel",
        cancel_a_number,
        {"body": NumberDetails(country="GB", msisdn="447700900000")},
    ),
    Operation(
        "updateANumber",
        "post",
        "/number/update",
        update_a_number,
        {"body": NumberDetailsUpdate(country="GB", msisdn="447700900000")},
    ),
)
