"""The benchmark targets start from one seeded state, whatever fault the server has."""

from __future__ import annotations

import sys
from pathlib import Path

import httpx
import pytest

from benchmarks.targets import APPLICATION, OTHER, PRIMARY, run_server, seed_state
from numbers_mock import MockSettings, create_app
from numbers_mock.state.queries import NumberQuery


def test_the_seeded_state_is_what_a_real_account_would_have(tmp_path: Path) -> None:
    database = tmp_path / "seeded.sqlite3"
    seed_state(database)
    app = create_app(MockSettings(database=database))
    try:
        mine = app.store.list_owned(PRIMARY[0], NumberQuery(size=100))
        theirs = app.store.list_owned(OTHER[0], NumberQuery(size=100))
        linked = app.store.list_owned(PRIMARY[0], NumberQuery(has_application=True, size=100))
        by_app = app.store.list_owned(PRIMARY[0], NumberQuery(application_id=APPLICATION))
    finally:
        app.close()
    assert mine.count == 6 and {n["country"] for n in mine.numbers} == {"GB", "US"}
    assert theirs.count == 3
    assert linked.count == 3
    assert by_app.count == 2


def test_a_server_that_does_not_start_is_reported_with_its_output() -> None:
    command = [sys.executable, "-c", "import sys; print('no such option: ' + sys.argv[-1])"]
    with (
        pytest.raises(RuntimeError, match=r"did not start:\nno such option: [0-9]+"),
        run_server(command),
    ):
        pass


def test_a_started_server_answers_and_is_stopped_at_the_end() -> None:
    with run_server([sys.executable, "-m", "numbers_mock", "--log-level", "critical"]) as server:
        assert httpx.get(f"{server.url}/_mock/health").json() == {"status": "ok"}
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{server.url}/_mock/health")


def test_without_owned_numbers_no_account_owns_anything(tmp_path: Path) -> None:
    database = tmp_path / "empty.sqlite3"
    seed_state(database, owned_before=False)
    app = create_app(MockSettings(database=database))
    try:
        mine = app.store.list_owned(PRIMARY[0], NumberQuery(size=100))
        theirs = app.store.list_owned(OTHER[0], NumberQuery(size=100))
        offered = app.store.search_available(NumberQuery(country="GB", size=10))
    finally:
        app.close()
    assert (mine.count, theirs.count) == (0, 0)
    # The inventory is there to buy from.
    assert offered.count > 0
