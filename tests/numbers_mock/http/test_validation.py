from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from starlette.datastructures import QueryParams

from numbers_mock import default_spec_path
from numbers_mock.core.document import ApiDocument
from numbers_mock.core.replies import Rejected
from numbers_mock.http.validation import RequestValidator


def test_operations_that_cannot_be_compiled_are_validated_by_openapi_core(tmp_path: Path) -> None:
    raw: dict[str, Any] = json.loads(default_spec_path().read_text(encoding="utf-8"))
    content = raw["paths"]["/number/buy"]["post"]["requestBody"]["content"]
    content["application/json"] = content["application/x-www-form-urlencoded"]
    path = tmp_path / "variant.json"
    path.write_text(json.dumps(raw), encoding="utf-8")

    validator = RequestValidator(ApiDocument(path))

    assert "buyANumber" not in validator.compiled_operations
    assert "cancelANumber" in validator.compiled_operations

    def buy(body: bytes) -> Any:
        return validator.validate(
            "buyANumber",
            method="post",
            path="/number/buy",
            query=QueryParams(""),
            headers={},
            content_type="application/json",
            body=body,
        )

    # The new document is enforced as it is: a JSON body is now accepted, and validated.
    assert buy(b'{"country": "GB", "msisdn": "1"}').body == {"country": "GB", "msisdn": "1"}
    with pytest.raises(Rejected) as caught:
        buy(b'{"country": "GB"}')
    assert caught.value.reply.body == {"msisdn": "Is required."}
