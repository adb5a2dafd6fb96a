"""Replies rendered as HTTP responses: JSON by default, XML on request, shaped by the document."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from starlette.responses import Response

from numbers_mock.core.bodies import json_response
from numbers_mock.core.document import ApiDocument
from numbers_mock.core.replies import Reply
from numbers_mock.http.negotiation import JSON_MEDIA_TYPE, XML_MEDIA_TYPE
from numbers_mock.http.shapes import Projector, Shape, compile_shape, projector, to_xml

__all__ = ["XML_CONTENT_TYPE", "Renderer"]

# The live service's exact spelling (no space before charset).
XML_CONTENT_TYPE = "text/xml;charset=UTF-8"


class Renderer:
    """Renders replies of the document's operations; compiled shapes are cached per answer kind."""

    def __init__(self, document: ApiDocument) -> None:
        self._document = document
        self._shapes: dict[tuple[str, int, bool], tuple[Shape, Projector | None] | None] = {}

    def render(self, reply: Reply, operation_id: str | None, xml: bool) -> Response:
        """The response for `reply`; a body the document does not describe is always plain JSON."""
        shaped = None if operation_id is None else self._shape(operation_id, reply.status, xml)
        if shaped is None:
            response = json_response(reply.status, reply.body)
        else:
            shape, project = shaped
            if xml:
                response = Response(
                    to_xml(shape, reply.body),
                    status_code=reply.status,
                    headers={"content-type": XML_CONTENT_TYPE},
                )
            else:
                body = reply.body if project is None else project(reply.body)
                response = json_response(reply.status, body)
        if reply.headers:
            response.headers.update(reply.headers)
        return response

    def _shape(
        self, operation_id: str, status: int, xml: bool
    ) -> tuple[Shape, Projector | None] | None:
        key = (operation_id, status, xml)
        if key not in self._shapes:
            media_type = XML_MEDIA_TYPE if xml else JSON_MEDIA_TYPE
            schema = self._document.response_schema(operation_id, status, media_type)
            if schema is None:
                self._shapes[key] = None
            else:
                shape = compile_shape(schema, self._document.resolve, _component_name(schema))
                self._shapes[key] = (shape, projector(shape))
        return self._shapes[key]


def _component_name(schema: Mapping[str, Any]) -> str:
    ref = schema.get("$ref")
    return ref.rsplit("/", 1)[-1] if isinstance(ref, str) else "response"
