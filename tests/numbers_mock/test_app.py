"""The app as a whole: routes from the document, admin routes, errors before serving."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest

from numbers_mock import (
    DocumentError,
    MockApp,
    MockSettings,
    StoreError,
    create_app,
    default_spec_path,
)

from .conftest import AppClient, buy, first_available


def test_unknown_path_and_method_get_json_bodies(client: AppClient) -> None:
    missing = client.get("/number/nowhere")
    assert (missing.status_code, missing.json()) == (
        404,
        {"error-code": "404", "error-code-label": "not found"},
    )
    wrong = client.request("DELETE", "/number/buy")
    assert wrong.status_code == 405
    assert wrong.headers["allow"] == "POST"
    assert wrong.json()["error-code"] == "405"


def test_head_is_served_like_get(client: AppClient) -> None:
    response = client.request("HEAD", "/number/search", params={"country": "GB"})
    assert response.status_code == 200
    assert response.content == b""


def test_health(client: AppClient) -> None:
    assert client.get("/_mock/health").json() == {"status": "ok"}


def test_reset_endpoint_and_method(app: MockApp, client: AppClient) -> None:
    before = app.store.snapshot()
    assert buy(client, first_available(client)).status_code == 200
    assert client.get("/_mock/reset").status_code == 405
    assert app.store.snapshot() != before
    response = AppClient(app, auth=None).post("/_mock/reset")
    assert (response.status_code, response.json()) == (200, {"reset": "ok"})
    assert app.store.snapshot() == before
    buy(client, first_available(client))
    app.reset()
    assert app.store.snapshot() == before


def test_missing_document_is_refused_before_serving(tmp_path: Path) -> None:
    database = tmp_path / "state.sqlite3"
    with pytest.raises(DocumentError, match="not found"):
        create_app(MockSettings(spec_path=tmp_path / "none.json", database=database))
    assert not database.exists()


def test_database_of_another_seed_is_refused(tmp_path: Path) -> None:
    database = tmp_path / "state.sqlite3"
    create_app(MockSettings(database=database, seed=1)).close()
    with pytest.raises(StoreError, match="seed"):
        create_app(MockSettings(database=database, seed=2))


def test_routes_follow_the_document(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    raw: dict[str, Any] = json.loads(default_spec_path().read_text(encoding="utf-8"))
    del raw["paths"]["/number/update"]
    raw["paths"]["/number/port"] = {
        "post": {"operationId": "portANumber", "responses": {"200": {"description": "OK"}}}
    }
    path = tmp_path / "variant.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="numbers_mock"):
        app = create_app(MockSettings(spec_path=path, overlay_path=None))
    assert "portANumber" in caplog.text
    client = AppClient(app)
    try:
        assert (
            client.post("/number/update", data={"country": "GB", "msisdn": "1"}).status_code == 404
        )
        assert client.post("/number/port").status_code == 404
        assert client.get("/number/search", params={"country": "GB"}).status_code == 200
    finally:
        client.close()
        app.close()
