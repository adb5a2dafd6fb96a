from __future__ import annotations

from collections import defaultdict

import phonenumbers

from numbers_mock import default_spec_path
from numbers_mock.core.document import ApiDocument
from numbers_mock.state.inventory import (
    COUNTRIES,
    FEATURE_SETS,
    NUMBER_TYPES,
    generate_inventory,
)

INVENTORY = generate_inventory(0)
DOCUMENT = ApiDocument(default_spec_path())


def test_same_seed_same_inventory_other_seed_other_inventory() -> None:
    assert generate_inventory(0) == INVENTORY
    assert generate_inventory(1) != INVENTORY
    assert [n.msisdn for n in INVENTORY] == sorted(n.msisdn for n in INVENTORY)


def test_size_and_uniqueness() -> None:
    assert 200 <= len(INVENTORY) <= 500
    assert len({number.msisdn for number in INVENTORY}) == len(INVENTORY)
    assert len(COUNTRIES) >= 10


def test_every_number_is_valid_for_its_country_and_type() -> None:
    for number in INVENTORY:
        parsed = phonenumbers.parse("+" + number.msisdn)
        assert phonenumbers.is_valid_number_for_region(parsed, number.country), number
        assert phonenumbers.number_type(parsed) in NUMBER_TYPES[number.type], number
        assert phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164) == (
            "+" + number.msisdn
        )


def test_types_and_feature_sets_are_the_documents() -> None:
    parameters = DOCUMENT.raw["components"]["parameters"]
    assert set(NUMBER_TYPES) == set(parameters["type"]["schema"]["enum"])
    search = DOCUMENT.operation("getAvailableNumbers")["parameters"]
    features = next(p for p in search if p.get("name") == "features")["schema"]["enum"]
    assert [",".join(f) for f in FEATURE_SETS] == features


def test_every_type_and_feature_set_in_several_countries() -> None:
    countries: dict[object, set[str]] = defaultdict(set)
    for number in INVENTORY:
        countries[number.type].add(number.country)
        countries[number.features].add(number.country)
        countries[(number.type, number.features)].add(number.country)
    for kind in [*NUMBER_TYPES, *FEATURE_SETS]:
        assert countries[kind] == set(COUNTRIES), kind
    for number_type in NUMBER_TYPES:
        for features in FEATURE_SETS:
            assert len(countries[(number_type, features)]) >= 3


def test_prices_and_limitations() -> None:
    limited = [number for number in INVENTORY if number.limitations]
    assert 0 < len(limited) < len(INVENTORY)
    for number in INVENTORY:
        for price in (number.cost, number.initial_price):
            units, cents = price.split(".")
            assert units.isdigit() and len(cents) == 2 and cents.isdigit()
        assert float(number.cost) > 0
        for limitation in number.limitations:
            assert limitation.feature in number.features
            assert limitation.type in ("INBOUND", "OUTBOUND")
            assert limitation.reach in ("DOMESTIC", "INTERNATIONAL")
