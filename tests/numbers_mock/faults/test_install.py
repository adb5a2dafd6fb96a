"""Installing faults: the unfaulted mock keeps its own pieces; faults compose in the order named."""

from __future__ import annotations

import pytest
from starlette.responses import Response

from numbers_mock import DEFAULT_ACCOUNTS, MockSettings, create_app
from numbers_mock.core.document import ApiDocument
from numbers_mock.core.replies import Reply, status_reply
from numbers_mock.faults import EditingRenderer, fault_variant, install_faults
from numbers_mock.faults.credentials import IgnoresCredentials
from numbers_mock.http.handlers import HANDLERS
from numbers_mock.http.pipeline import OperationEndpoint
from numbers_mock.http.rendering import Renderer

from .probes import faulty_mock, search_json

DOCUMENT = ApiDocument(MockSettings().spec_path)


def endpoints(faults: tuple[str, ...]) -> list[OperationEndpoint]:
    app = create_app(MockSettings(), fault_variant(faults))
    app.close()
    bound = [getattr(getattr(route, "endpoint", None), "__self__", None) for route in app.routes]
    return [owner for owner in bound if isinstance(owner, OperationEndpoint)]


def test_the_unfaulted_mock_keeps_its_own_pieces() -> None:
    served = endpoints(())
    assert len(served) == len(HANDLERS)
    for endpoint in served:
        assert endpoint.handler is HANDLERS[endpoint.operation.operation_id]
        assert type(endpoint.services.renderer) is Renderer
        assert type(endpoint.services.context.accounts).__name__ == "AccountBook"


def test_no_faults_returns_the_same_objects() -> None:
    services = endpoints(())[0].services
    assert install_faults((), DOCUMENT, DEFAULT_ACCOUNTS, services, HANDLERS) == (
        services,
        HANDLERS,
    )


def test_only_the_faulted_pieces_are_swapped() -> None:
    for endpoint in endpoints(("search-ignores-type", "auth-ignored")):
        faulted = endpoint.operation.operation_id == "getAvailableNumbers"
        assert (endpoint.handler is HANDLERS[endpoint.operation.operation_id]) is not faulted
        assert type(endpoint.services.renderer) is Renderer
        assert isinstance(endpoint.services.context.accounts, IgnoresCredentials)
    assert all(
        isinstance(endpoint.services.renderer, EditingRenderer)
        for endpoint in endpoints(("json-as-text-plain",))
    )


@pytest.mark.parametrize(
    ("faults", "count"),
    [
        # The fault named last wraps the others: its count is the one answered.
        (("count-one-short", "count-is-page-length"), 5),
        (("count-is-page-length", "count-one-short"), 4),
    ],
)
def test_faults_apply_in_the_order_named(faults: tuple[str, ...], count: int) -> None:
    with faulty_mock(faults) as client:
        assert search_json(client, size=5)["count"] == count


def test_editing_renderer_edits_replies_then_responses() -> None:
    seen: list[str] = []

    def reply_edit(operation_id: str, xml: bool, reply: Reply) -> Reply:
        seen.append(f"reply {operation_id} {xml} {reply.status}")
        return status_reply(404, "edited")

    def response_edit(operation_id: str, xml: bool, reply: Reply, response: Response) -> Response:
        seen.append(f"response {reply.status} {response.status_code}")
        return Response(b"edited", status_code=418)

    renderer = EditingRenderer(DOCUMENT, [reply_edit], [response_edit])
    response = renderer.render(status_reply(420, "method failed"), "buyANumber", False)
    assert (response.status_code, response.body) == (418, b"edited")
    assert seen == ["reply buyANumber False 420", "response 404 404"]
    # Answers outside the document's operations are never edited.
    assert renderer.render(status_reply(413, "too large"), None, False).status_code == 413
    assert len(seen) == 2
