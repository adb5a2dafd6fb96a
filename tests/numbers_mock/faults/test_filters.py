"""Lists that ignore a filter: the filter is dropped, nothing else is."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ..conftest import OTHER, AppClient
from .probes import bought, buy, faulty_mock, first_available, owned_msisdns, search_json


@pytest.fixture
def ignoring_country() -> Iterator[AppClient]:
    with faulty_mock(["owned-ignores-country"]) as client:
        yield client


def test_the_owned_list_ignoring_country_lists_every_country(
    ignoring_country: AppClient,
) -> None:
    gb, us = bought(ignoring_country, country="GB"), bought(ignoring_country, country="US")
    everything = sorted([gb["msisdn"], us["msisdn"]])
    assert sorted(owned_msisdns(ignoring_country, country="US")) == everything
    assert sorted(owned_msisdns(ignoring_country, country="GB")) == everything


def test_the_owned_list_ignoring_country_keeps_the_other_filters(
    ignoring_country: AppClient,
) -> None:
    gb, us = bought(ignoring_country, country="GB"), bought(ignoring_country, country="US")
    assert owned_msisdns(ignoring_country, country="US", pattern=gb["msisdn"]) == [gb["msisdn"]]
    # Another account's number stays out, and search still filters by country.
    theirs = first_available(ignoring_country, country="US")
    assert buy(ignoring_country, theirs, auth=OTHER) == 200
    assert theirs["msisdn"] not in owned_msisdns(ignoring_country, country="US")
    assert us["msisdn"] in owned_msisdns(ignoring_country, country="GB")
    searched = search_json(ignoring_country, country="US")["numbers"]
    assert {number["country"] for number in searched} == {"US"}
