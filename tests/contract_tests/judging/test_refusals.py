"""The 400 oracle: each rule, and the embedded mock refusing exactly what the oracle allows."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contract_tests.judging.refusals import ISO_COUNTRIES, refusal_reasons
from numbers_mock import create_app
from tests.numbers_mock.conftest import AppClient

SEARCH = "GET /number/search"
OWNED = "GET /account/numbers"
UPDATE = "POST /number/update"
FEATURES = ("SMS", "VOICE", "SMS,VOICE", "MMS", "SMS,MMS", "VOICE,MMS", "SMS,MMS,VOICE")


def test_valid_searches_have_no_reason_to_be_refused() -> None:
    assert refusal_reasons(SEARCH, {"country": ["GB"], "features": ["SMS,VOICE"]}, {}) == []
    assert refusal_reasons(SEARCH, {"country": ["gb"], "size": ["100"], "index": ["1"]}, {}) == []
    assert refusal_reasons(OWNED, {}, {}) == []


@pytest.mark.parametrize(
    ("label", "query", "form", "reason"),
    [
        (SEARCH, {"country": ["ZZ"]}, {}, "not an assigned ISO 3166-1 alpha-2 code"),
        (SEARCH, {"country": ["\u017fE"]}, {}, "not an assigned ISO 3166-1 alpha-2 code"),
        (SEARCH, {"country": ["GB"], "size": ["0"]}, {}, "size=0 is below 1"),
        (SEARCH, {"country": ["GB"], "index": ["-1"]}, {}, "index=-1 is below 1"),
        (SEARCH, {"country": ["GB"], "size": ["\u0661"]}, {}, "not written in ASCII digits"),
        (SEARCH, {"country": ["GB", "US"]}, {}, "given 2 times in the query"),
        (OWNED, {"application_id": [""]}, {}, "application_id= is sent empty"),
        (UPDATE, {}, {"country": ["GB"], "msisdn": ["1"], "moHttpUrl": ["nope"]}, "http(s) URL"),
    ],
)
def test_each_rule_gives_its_reason(
    label: str, query: dict[str, list[str]], form: dict[str, list[str]], reason: str
) -> None:
    reasons = refusal_reasons(label, query, form)
    assert any(reason in text for text in reasons), reasons


def test_an_empty_webhook_removes_it_and_is_fine() -> None:
    form = {"country": ["GB"], "msisdn": ["1"], "moHttpUrl": [""]}
    assert refusal_reasons(UPDATE, {}, form) == []


def test_the_oracle_knows_the_countries_of_the_inventory() -> None:
    assert {"GB", "US", "DE", "FR", "CA", "AU"} <= ISO_COUNTRIES
    assert not {"ZZ", "AA", "XK", "QM"} & ISO_COUNTRIES


@pytest.fixture(scope="module")
def mock() -> Iterator[AppClient]:
    app = create_app()
    client = AppClient(app)
    yield client
    client.close()
    app.close()


countries = st.one_of(
    st.sampled_from(sorted(ISO_COUNTRIES)),
    st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcz", min_size=2, max_size=2),
)
searches = st.fixed_dictionaries(
    {"country": countries},
    optional={
        "features": st.sampled_from(FEATURES),
        "size": st.integers(-2, 100).map(str),
        "index": st.integers(-2, 5).map(str),
        "pattern": st.sampled_from(["", "44", "1"]),
        "search_pattern": st.sampled_from(["0", "1", "2"]),
    },
)
webhooks = st.sampled_from(["", "https://example.com/in", "not a url", "ftp://x.io", "http://h:1/"])


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=searches)
def test_the_mock_refuses_a_search_with_400_exactly_when_the_oracle_allows(
    mock: AppClient, query: dict[str, str]
) -> None:
    response = mock.get("/number/search", params=query)
    reasons = refusal_reasons(SEARCH, {name: [value] for name, value in query.items()}, {})
    assert (response.status_code == 400) == bool(reasons), (response.text, reasons)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(country=countries, webhook=webhooks)
def test_the_mock_refuses_an_update_with_400_exactly_when_the_oracle_allows(
    mock: AppClient, country: str, webhook: str
) -> None:
    form = {"country": country, "msisdn": "447700900000", "moHttpUrl": webhook}
    response = mock.post(
        "/number/update",
        content=urlencode(form),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    reasons = refusal_reasons(UPDATE, {}, {name: [value] for name, value in form.items()})
    assert (response.status_code == 400) == bool(reasons), (response.text, reasons)
