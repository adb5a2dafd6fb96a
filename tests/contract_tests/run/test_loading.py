"""The configured schema: credentials and seed applied, Accept chosen, known deviations dropped."""

from __future__ import annotations

import requests
from schemathesis import Response
from schemathesis.core.failures import ServerError
from schemathesis.core.result import Ok
from schemathesis.openapi.checks import RejectedPositiveData, UndefinedStatusCode

from contract_tests.judging.document import BUY, CANCEL, OWNED, SEARCH, UPDATE
from contract_tests.run.loading import (
    ACCEPT_CHOICES,
    CONFIG_PATH,
    REAL_COUNTRIES,
    is_justified_refusal,
    is_repeat_of_server_error,
    load_config,
    load_schema,
    with_accept,
    with_country,
)
from numbers_openapi.undocumented import undocumented_statuses


def undocumented(label: str, status: int) -> UndefinedStatusCode:
    return UndefinedStatusCode(
        operation=label,
        status_code=status,
        defined_status_codes=["200", "401"],
        allowed_status_codes=[200, 401],
        message="",
    )


def answer(status: int, url: str, body: str | None = None) -> Response:
    request = requests.Request("POST" if body else "GET", url, data=body).prepare()
    return Response(
        status_code=status, headers={}, content=b"{}", request=request, elapsed=0.0, verify=True
    )


def rejected(label: str, status: int) -> RejectedPositiveData:
    return RejectedPositiveData(
        operation=label, message="", status_code=status, allowed_statuses=["2xx"]
    )


def test_the_schema_holds_the_five_operations() -> None:
    schema = load_schema()
    results = list(schema.get_all_operations())
    labels = {result.ok().label for result in results if isinstance(result, Ok)}
    assert len(results) == 5
    assert labels == {OWNED, SEARCH, BUY, CANCEL, UPDATE}


def test_credentials_and_seed_are_applied_before_collection() -> None:
    schema = load_schema(seed=42, auth=("k", "s"))
    assert schema.config.auth_for() == ("k", "s")
    assert schema.config.seed == 42


def test_the_config_file_sets_the_real_service_statuses() -> None:
    assert CONFIG_PATH.name == "schemathesis.toml"
    checks = load_config().projects.default.checks
    assert "420" in checks.positive_data_acceptance.expected_statuses
    # 400 is the oracle's to justify (refusals.py), never accepted wholesale.
    assert "400" not in checks.positive_data_acceptance.expected_statuses
    assert "420" in checks.negative_data_rejection.expected_statuses
    assert checks.max_response_time.limit == 10.0
    # Every built-in check stays on.
    for name in ("status_code_conformance", "ignored_auth", "response_schema_conformance"):
        assert checks.get_by_name(name=name).enabled


def documented_statuses(label: str) -> set[int]:
    method, path = label.split(" ", 1)
    operation = load_schema().raw_schema["paths"][path][method.lower()]
    return {int(code) for code in operation["responses"]}


def test_the_statuses_the_overlay_adds_are_documented_but_429() -> None:
    added = undocumented_statuses()
    for label in (OWNED, SEARCH, BUY, CANCEL, UPDATE):
        assert added.for_label(label) - {429} <= documented_statuses(label)
        assert 429 not in documented_statuses(label)
    assert 400 in documented_statuses(SEARCH)
    assert 420 in documented_statuses(CANCEL) and 420 in documented_statuses(UPDATE)
    # Not a status the overlay adds there: still a finding.
    assert 420 not in documented_statuses(SEARCH)


def test_a_server_error_is_reported_once() -> None:
    crashed = answer(500, "http://127.0.0.1/number/search?country=GB")
    assert is_repeat_of_server_error(undocumented(SEARCH, 500), crashed)
    assert is_repeat_of_server_error(rejected(SEARCH, 500), crashed)
    assert not is_repeat_of_server_error(ServerError(operation=SEARCH, status_code=500), crashed)
    refused = answer(404, "http://127.0.0.1/number/search?country=GB")
    assert not is_repeat_of_server_error(undocumented(SEARCH, 404), refused)


def test_the_oracle_decides_which_400_to_valid_data_is_a_finding() -> None:
    unknown_country = answer(400, "http://127.0.0.1/number/search?country=ZZ")
    known = answer(400, "http://127.0.0.1/number/search?country=GB&features=SMS%2CVOICE")
    assert is_justified_refusal(SEARCH, rejected(SEARCH, 400), unknown_country)
    assert not is_justified_refusal(SEARCH, rejected(SEARCH, 400), known)
    bad_url = answer(400, "http://127.0.0.1/number/update", "country=GB&msisdn=1&moHttpUrl=nope")
    assert is_justified_refusal(UPDATE, rejected(UPDATE, 400), bad_url)
    good_url = answer(
        400, "http://127.0.0.1/number/update", "country=GB&msisdn=1&moHttpUrl=https%3A%2F%2Fa.io"
    )
    assert not is_justified_refusal(UPDATE, rejected(UPDATE, 400), good_url)


def test_with_accept_sets_the_header() -> None:
    operation = load_schema()["/number/search"]["GET"]
    case = with_accept(operation.Case(query={"country": "GB"}), "text/xml")
    assert case.headers["Accept"] == "text/xml"
    assert ACCEPT_CHOICES == ("application/json", "text/xml")


def test_with_country_replaces_the_country_where_the_case_has_one() -> None:
    schema = load_schema()
    search = schema["/number/search"]["GET"].Case(query={"country": "Zz", "size": 5})
    assert with_country(search, "GB").query == {"country": "GB", "size": 5}
    buy = schema["/number/buy"]["POST"].Case(body={"country": "Zz", "msisdn": "1"})
    assert with_country(buy, "US").body == {"country": "US", "msisdn": "1"}
    owned = schema["/account/numbers"]["GET"].Case(query={"size": 5})
    assert with_country(owned, "GB").query == {"size": 5}
    assert set(REAL_COUNTRIES) >= {"GB", "US"}
