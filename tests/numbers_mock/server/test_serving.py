"""Real sockets: serving any ASGI app in a thread, concurrent purchases, restarts on a file."""

from __future__ import annotations

import socket
import threading
from pathlib import Path

import httpx
import pytest
from starlette.types import Receive, Scope, Send

from numbers_mock import MockSettings, create_app, serve_in_thread
from numbers_mock.server.serving import listening_socket

from ..conftest import OTHER, PRIMARY, SUBACCOUNT


async def plain_asgi_app(scope: Scope, receive: Receive, send: Send) -> None:
    """Not a Starlette app and no lifespan support: serve_in_thread must run it all the same."""
    if scope["type"] != "http":
        return
    await send({"type": "http.response.start", "status": 418, "headers": [(b"x-path", b"yes")]})
    await send({"type": "http.response.body", "body": scope["path"].encode()})


def test_serves_any_asgi_app_and_stops() -> None:
    with serve_in_thread(plain_asgi_app) as url:
        assert url.startswith("http://127.0.0.1:")
        port = int(url.rsplit(":", 1)[1])
        response = httpx.get(f"{url}/teapot")
        assert (response.status_code, response.text) == (418, "/teapot")
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{url}/teapot", timeout=2)
    # The port is free again once the context exits.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", port))


def test_port_in_use_fails_in_the_caller() -> None:
    with serve_in_thread(plain_asgi_app) as url:
        port = int(url.rsplit(":", 1)[1])
        with pytest.raises(OSError), serve_in_thread(plain_asgi_app, port=port):
            pass


def test_concurrent_purchases_of_one_number_exactly_one_succeeds() -> None:
    app = create_app()
    try:
        with serve_in_thread(app) as url:
            number = httpx.get(
                f"{url}/number/search", params={"country": "GB", "size": 1}, auth=PRIMARY
            ).json()["numbers"][0]
            buyers = [PRIMARY, SUBACCOUNT, OTHER] * 4
            barrier = threading.Barrier(len(buyers))
            statuses: list[int] = []

            def attempt(auth: tuple[str, str]) -> None:
                with httpx.Client(base_url=url, auth=auth, timeout=10) as client:
                    client.get("/_mock/health")  # connect before the race starts
                    barrier.wait()
                    form = {"country": "GB", "msisdn": number["msisdn"]}
                    statuses.append(client.post("/number/buy", data=form).status_code)

            threads = [threading.Thread(target=attempt, args=(auth,)) for auth in buyers]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
        assert sorted(statuses) == [200] + [420] * (len(buyers) - 1)
        assert app.store.owner_of(number["msisdn"]) in {PRIMARY[0], SUBACCOUNT[0], OTHER[0]}
    finally:
        app.close()


def test_state_survives_a_restart_on_a_file_database(tmp_path: Path) -> None:
    settings = MockSettings(database=tmp_path / "numbers.sqlite3", seed=5)
    first = create_app(settings)
    with serve_in_thread(first) as url, httpx.Client(base_url=url, auth=PRIMARY) as client:
        number = client.get("/number/search", params={"country": "DE", "size": 1}).json()[
            "numbers"
        ][0]
        form = {"country": "DE", "msisdn": number["msisdn"]}
        assert client.post("/number/buy", data=form).status_code == 200
        assert client.post("/number/update", data={**form, "app_id": "kept"}).status_code == 200
    first.close()

    second = create_app(settings)
    try:
        with serve_in_thread(second) as url, httpx.Client(base_url=url, auth=PRIMARY) as client:
            (listed,) = client.get("/account/numbers").json()["numbers"]
            assert (listed["msisdn"], listed["app_id"]) == (number["msisdn"], "kept")
            search = client.get("/number/search", params={"country": "DE", "size": 100}).json()
            assert number["msisdn"] not in [n["msisdn"] for n in search["numbers"]]
    finally:
        second.close()


def test_listening_socket_binds_or_raises() -> None:
    with listening_socket("127.0.0.1", 0) as held:
        port = held.getsockname()[1]
        assert port > 0
        with pytest.raises(OSError):
            listening_socket("127.0.0.1", port).close()
