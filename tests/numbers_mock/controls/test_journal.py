from __future__ import annotations

import pytest

from numbers_mock import PRIMARY_ACCOUNT, MockSettings, create_app
from numbers_mock.controls.journal import Journal

from ..conftest import AppClient, first_available


def test_bounded_oldest_first_and_filtered() -> None:
    journal = Journal(2)
    for status in (200, 401, 420):
        journal.record("GET", "/p", b"a=1", None, "op", "k" if status != 401 else None, status)
    entries = journal.entries()
    assert [entry["status"] for entry in entries] == [401, 420]
    assert [entry["status"] for entry in journal.entries(account="k")] == [420]
    assert journal.entries(operation="other") == []
    journal.clear()
    assert journal.entries() == []
    with pytest.raises(ValueError):
        Journal(0)


def test_credentials_are_masked_and_repeated_names_listed() -> None:
    journal = Journal(5)
    journal.record(
        "POST",
        "/number/buy",
        b"api_key=k&api_secret=s3cret&x=1&x=2",
        b"country=GB&api_secret=s3cret",
        "buyANumber",
        "k",
        200,
    )
    (entry,) = journal.entries()
    assert entry["query"] == {"api_key": "REDACTED", "api_secret": "REDACTED", "x": ["1", "2"]}
    assert entry["form"] == {"country": "GB", "api_secret": "REDACTED"}
    assert "s3cret" not in str(entry)
    assert entry["time"].endswith("Z")


def test_the_mock_journals_what_it_received(client: AppClient) -> None:
    number = first_available(client, country="GB")
    client.post("/number/buy", data={"country": "GB", "msisdn": number["msisdn"]})
    client.get("/account/numbers", params={"api_secret": "leak"}, auth=None)
    journal = client.get("/_mock/journal").json()
    assert journal["size"] == 1000
    search, buy, anonymous = journal["entries"]
    assert (search["operation"], search["status"], search["query"]["country"]) == (
        "getAvailableNumbers",
        200,
        "GB",
    )
    assert buy["form"] == {"country": "GB", "msisdn": number["msisdn"]}
    assert buy["account"] == PRIMARY_ACCOUNT.api_key
    assert (anonymous["account"], anonymous["status"]) == (None, 401)
    assert "leak" not in str(journal) and PRIMARY_ACCOUNT.api_secret not in str(journal)
    only_buys = client.get("/_mock/journal", params={"operation": "buyANumber"}).json()
    assert [entry["path"] for entry in only_buys["entries"]] == ["/number/buy"]
    assert client.request("DELETE", "/_mock/journal").status_code == 200
    assert client.get("/_mock/journal").json()["entries"] == []


def test_a_journal_can_be_off() -> None:
    app = create_app(MockSettings(journal_size=0))
    client = AppClient(app)
    try:
        client.get("/account/numbers")
        assert client.get("/_mock/journal").status_code == 404
    finally:
        client.close()
        app.close()
