"""The routes under `/_mock/`, for application tests: outside the document's paths, no credentials.

- `GET /_mock/health`: `{"status":"ok"}` once the app serves requests;
- `POST /_mock/reset`: the state as at start (inventory, balances), scripts, rate-limit buckets and
  journal forgotten; `{"reset":"ok"}`;
- `GET|POST|DELETE /_mock/scripts`: list, set (a JSON object: `operation`, `count`, `account`,
  and `status` or `delay_ms`) or clear (`?account=KEY` for one account's) scripted answers;
- `GET|DELETE /_mock/journal`: read (`?account=KEY`, `?operation=ID`) or clear the journal;
- `GET /_mock/balances`: what each account with a balance has left.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from numbers_mock.controls.panel import Controls
from numbers_mock.controls.scripts import Script, ScriptError
from numbers_mock.core.bodies import json_response, read_body
from numbers_mock.core.replies import Rejected, status_reply
from numbers_mock.state.balances import Balances

__all__ = ["AdminRoutes"]

_MAX_SCRIPT_BYTES = 4096


class AdminRoutes:
    """The `/_mock/` routes of one app."""

    def __init__(
        self,
        reset: Callable[[], None],
        controls: Controls,
        balances: Balances,
        account_keys: Sequence[str],
        operations: Sequence[str],
    ) -> None:
        self._reset = reset
        self._controls = controls
        self._balances = balances
        self._account_keys = tuple(account_keys)
        self._operations = tuple(operations)

    def routes(self) -> list[BaseRoute]:
        """The Starlette routes."""
        return [
            Route("/_mock/health", self.health, methods=["GET"]),
            Route("/_mock/reset", self.reset, methods=["POST"]),
            Route("/_mock/scripts", self.list_scripts, methods=["GET"]),
            Route("/_mock/scripts", self.add_script, methods=["POST"]),
            Route("/_mock/scripts", self.clear_scripts, methods=["DELETE"]),
            Route("/_mock/journal", self.read_journal, methods=["GET"]),
            Route("/_mock/journal", self.clear_journal, methods=["DELETE"]),
            Route("/_mock/balances", self.read_balances, methods=["GET"]),
        ]

    async def health(self, request: Request) -> Response:
        return json_response(200, {"status": "ok"})

    async def reset(self, request: Request) -> Response:
        self._reset()
        return json_response(200, {"reset": "ok"})

    async def list_scripts(self, request: Request) -> Response:
        return json_response(200, {"scripts": self._controls.scripts.pending()})

    async def add_script(self, request: Request) -> Response:
        try:
            raw = await read_body(request, _MAX_SCRIPT_BYTES)
        except Rejected as rejected:
            return json_response(rejected.reply.status, rejected.reply.body)
        try:
            data = json.loads(raw)
        except (ValueError, UnicodeDecodeError):
            return json_response(400, {"body": "Must be a JSON object."})
        try:
            script = Script.from_json(data, self._operations)
        except ScriptError as error:
            return json_response(400, error.fields)
        self._controls.scripts.add(script)
        return json_response(201, script.as_json())

    async def clear_scripts(self, request: Request) -> Response:
        cleared = self._controls.scripts.clear(request.query_params.get("account"))
        return json_response(200, {"cleared": cleared})

    async def read_journal(self, request: Request) -> Response:
        journal = self._controls.journal
        if journal is None:
            return _status(404, "the journal is off (--journal-size 0)")
        entries = journal.entries(
            request.query_params.get("account"), request.query_params.get("operation")
        )
        return json_response(200, {"size": journal.size, "entries": entries})

    async def clear_journal(self, request: Request) -> Response:
        if self._controls.journal is not None:
            self._controls.journal.clear()
        return json_response(200, {"cleared": "ok"})

    async def read_balances(self, request: Request) -> Response:
        balances = {}
        for key in self._account_keys:
            left = self._balances.of(key)
            if left is not None:
                balances[key] = f"{left:.2f}"
        return json_response(200, {"balances": balances})


def _status(status: int, label: str) -> Response:
    reply = status_reply(status, label)
    return json_response(reply.status, reply.body)
