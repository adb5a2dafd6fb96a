"""Bodies on the wire: a request's read within a size limit, a JSON answer in the service's style.

Shared by the document's operations (`http/`) and the `/_mock/` routes (`controls/admin.py`).
"""

from __future__ import annotations

import json
from typing import Any

from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response

from numbers_mock.core.replies import Rejected, status_reply

__all__ = ["JSON_CONTENT_TYPE", "json_response", "read_body"]

# The live service's exact spelling (no space before charset).
JSON_CONTENT_TYPE = "application/json;charset=UTF-8"


# Built once: json.dumps with options builds a new encoder on every call. ensure_ascii (the
# default) keeps a stored lone surrogate encodable instead of failing the response.
_ENCODER = json.JSONEncoder(separators=(",", ":"))


def json_response(status: int, body: Any) -> Response:
    """A compact JSON response with the service's content type."""
    content = _ENCODER.encode(body).encode("ascii")
    return Response(content, status_code=status, headers={"content-type": JSON_CONTENT_TYPE})


async def read_body(request: Request, limit: int) -> bytes:
    """The whole body, or `Rejected` with 413 as soon as it is known to exceed `limit` bytes."""
    too_large = Rejected(status_reply(413, f"request body larger than {limit} bytes"))
    declared = request.headers.get("content-length", "")
    # isascii: "²" is a digit to str.isdigit but not to int().
    if declared.isascii() and declared.isdigit() and int(declared) > limit:
        raise too_large
    chunks: list[bytes] = []
    size = 0
    try:
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise too_large
            chunks.append(chunk)
    except ClientDisconnect:
        # Nobody is left to read the answer; answering keeps the disconnect out of the error log.
        raise Rejected(status_reply(400, "client disconnected")) from None
    return b"".join(chunks)
