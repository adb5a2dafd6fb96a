from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from numbers_mock import StoreError
from numbers_mock.state.inventory import generate_inventory
from numbers_mock.state.queries import NumberQuery
from numbers_mock.state.store import NumberStore

INVENTORY = generate_inventory(0)


@pytest.fixture
def store() -> Iterator[NumberStore]:
    number_store = NumberStore(None, 0)
    yield number_store
    number_store.close()


def msisdns(store: NumberStore, **filters: object) -> list[str]:
    page = store.search_available(NumberQuery(size=100, **filters))  # type: ignore[arg-type]
    return [number["msisdn"] for number in page.numbers]


def test_search_everything_paged(store: NumberStore) -> None:
    first = store.search_available(NumberQuery(size=7))
    assert first.count == len(INVENTORY)
    assert [n["msisdn"] for n in first.numbers] == [n.msisdn for n in INVENTORY[:7]]
    third = store.search_available(NumberQuery(size=7, index=3))
    assert [n["msisdn"] for n in third.numbers] == [n.msisdn for n in INVENTORY[14:21]]
    assert store.search_available(NumberQuery(index=10**30)).numbers == []
    assert store.search_available(NumberQuery(index=10**30)).count == len(INVENTORY)


def test_search_filters(store: NumberStore) -> None:
    expected = [n.msisdn for n in INVENTORY if n.country == "DE" and n.type == "landline"]
    assert msisdns(store, country="DE", type="landline") == expected
    wanted = {"SMS", "MMS"}
    expected = [n.msisdn for n in INVENTORY if wanted <= set(n.features)]
    page = store.search_available(NumberQuery(size=100, features=frozenset(wanted)))
    assert page.count == len(expected)
    assert [n["msisdn"] for n in page.numbers] == expected[:100]


@pytest.mark.parametrize(
    ("mode", "pattern", "keep"),
    [
        (0, "4420", lambda m: m.startswith("4420")),
        (1, "555", lambda m: "555" in m),
        (2, "00", lambda m: m.endswith("00")),
        (2, "1" * 30, lambda m: False),
        (1, "5%5", lambda m: False),
        (0, "4_", lambda m: False),
    ],
)
def test_search_pattern(store: NumberStore, mode: int, pattern: str, keep: object) -> None:
    expected = [n.msisdn for n in INVENTORY if keep(n.msisdn)]  # type: ignore[operator]
    page = store.search_available(NumberQuery(size=100, pattern=pattern, search_pattern=mode))
    assert page.count == len(expected)
    assert [n["msisdn"] for n in page.numbers] == expected[:100]


def test_available_number_fields(store: NumberStore) -> None:
    number = store.search_available(NumberQuery(size=1)).numbers[0]
    assert number == INVENTORY[0].as_json()


def test_buy_cancel_cycle(store: NumberStore) -> None:
    number = INVENTORY[0]
    assert store.buy("alice", number.country, number.msisdn)
    assert not store.buy("alice", number.country, number.msisdn)
    assert not store.buy("bob", number.country, number.msisdn)
    assert store.owner_of(number.msisdn) == "alice"
    assert number.msisdn not in msisdns(store)
    assert store.list_owned("alice", NumberQuery()).count == 1
    assert store.list_owned("bob", NumberQuery()).count == 0
    assert not store.cancel("bob", number.country, number.msisdn)
    assert store.cancel("alice", number.country, number.msisdn)
    assert not store.cancel("alice", number.country, number.msisdn)
    assert number.msisdn in msisdns(store)


def test_country_must_match(store: NumberStore) -> None:
    number = INVENTORY[0]
    other = "GB" if number.country != "GB" else "DE"
    assert not store.buy("alice", other, number.msisdn)
    assert not store.buy("alice", number.country, "0000")
    assert store.owner_of(number.msisdn) is None


def test_update_merges_and_empty_removes(store: NumberStore) -> None:
    number = INVENTORY[0]
    assert not store.update("alice", number.country, number.msisdn, {"app_id": "a"})
    store.buy("alice", number.country, number.msisdn)
    assert store.update("alice", number.country, number.msisdn, {"app_id": "a", "moHttpUrl": "u"})
    assert store.update("alice", number.country, number.msisdn, {"moHttpUrl": ""})
    (listed,) = store.list_owned("alice", NumberQuery()).numbers
    assert listed["app_id"] == "a" and "moHttpUrl" not in listed
    assert not store.update("bob", number.country, number.msisdn, {"app_id": "b"})


def test_settings_are_forgotten_on_cancel(store: NumberStore) -> None:
    number = INVENTORY[0]
    store.buy("alice", number.country, number.msisdn)
    store.update("alice", number.country, number.msisdn, {"app_id": "a"})
    store.cancel("alice", number.country, number.msisdn)
    store.buy("bob", number.country, number.msisdn)
    (listed,) = store.list_owned("bob", NumberQuery()).numbers
    assert "app_id" not in listed


def test_owned_filters(store: NumberStore) -> None:
    gb = [n for n in INVENTORY if n.country == "GB"][:3]
    for number in gb:
        store.buy("alice", number.country, number.msisdn)
    store.update("alice", "GB", gb[0].msisdn, {"app_id": "app-1"})
    store.update("alice", "GB", gb[1].msisdn, {"app_id": "app-2"})

    def owned(**filters: object) -> list[str]:
        page = store.list_owned("alice", NumberQuery(**filters))  # type: ignore[arg-type]
        return [n["msisdn"] for n in page.numbers]

    assert owned(application_id="app-2") == [gb[1].msisdn]
    assert owned(has_application=True) == [gb[0].msisdn, gb[1].msisdn]
    assert owned(has_application=False) == [gb[2].msisdn]
    assert owned(country="DE") == []
    assert owned(pattern=gb[2].msisdn[-4:], search_pattern=2) == [gb[2].msisdn]


def test_reset(store: NumberStore) -> None:
    before = store.snapshot()
    store.buy("alice", INVENTORY[0].country, INVENTORY[0].msisdn)
    assert store.snapshot() != before
    store.reset()
    assert store.snapshot() == before


def test_file_database_survives_and_remembers_its_seed(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    first = NumberStore(path, 3)
    number = first.search_available(NumberQuery(size=1)).numbers[0]
    assert first.buy("alice", number["country"], number["msisdn"])
    first.close()
    second = NumberStore(path, 3)
    assert second.owner_of(number["msisdn"]) == "alice"
    second.close()
    with pytest.raises(StoreError, match="made from seed 3, not seed 4"):
        NumberStore(path, 4)


def test_unusable_database(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="cannot open"):
        NumberStore(tmp_path / "missing-dir" / "db.sqlite3", 0)
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"not a database" * 100)
    with pytest.raises(StoreError, match="cannot use"):
        NumberStore(garbage, 0)


def test_concurrent_buyers_on_one_file_exactly_one_wins(tmp_path: Path) -> None:
    # Separate connections (as separate server processes would have): the guarded UPDATE decides.
    path = tmp_path / "race.sqlite3"
    NumberStore(path, 0).close()
    stores = [NumberStore(path, 0) for _ in range(8)]
    number = INVENTORY[5]
    barrier = threading.Barrier(len(stores))
    results: dict[int, bool] = {}

    def attempt(index: int) -> None:
        barrier.wait()
        results[index] = stores[index].buy(f"buyer{index}", number.country, number.msisdn)

    threads = [threading.Thread(target=attempt, args=(i,)) for i in range(len(stores))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    winners = [index for index, won in results.items() if won]
    assert len(results) == len(stores) and len(winners) == 1
    assert stores[0].owner_of(number.msisdn) == f"buyer{winners[0]}"
    for store in stores:
        store.close()


def test_deprecated_app_callbacks_link_an_application(store: NumberStore) -> None:
    numbers = [n for n in INVENTORY if n.country == "FR"][:5]
    for number in numbers:
        store.buy("alice", "FR", number.msisdn)
    links = [
        {"app_id": "app-1"},
        {"messagesCallbackType": "app", "messagesCallbackValue": "app-2"},
        {"voiceCallbackType": "app", "voiceCallbackValue": "app-1"},
        # Not links: a SIP callback, and a value without its `app` type.
        {"voiceCallbackType": "sip", "voiceCallbackValue": "app-1"},
        {"messagesCallbackValue": "app-1"},
    ]
    for number, settings in zip(numbers, links, strict=True):
        store.update("alice", "FR", number.msisdn, settings)
    msisdns = [number.msisdn for number in numbers]

    def owned(**filters: object) -> list[str]:
        page = store.list_owned("alice", NumberQuery(**filters))  # type: ignore[arg-type]
        return [n["msisdn"] for n in page.numbers]

    assert owned(has_application=True) == msisdns[:3]
    assert owned(has_application=False) == msisdns[3:]
    assert owned(application_id="app-1") == [msisdns[0], msisdns[2]]
    assert owned(application_id="app-2") == [msisdns[1]]
