"""The configured schema: credentials and seed applied, Accept chosen, known deviations dropped."""

from __future__ import annotations

from schemathesis.core.failures import Failure
from schemathesis.core.result import Ok
from schemathesis.openapi.checks import UndefinedStatusCode

from contract_tests.document import BUY, CANCEL, OWNED, SEARCH, UPDATE
from contract_tests.loading import (
    ACCEPT_CHOICES,
    CONFIG_PATH,
    REAL_COUNTRIES,
    is_known_deviation,
    load_config,
    load_schema,
    with_accept,
    with_country,
)


def undocumented(label: str, status: int) -> UndefinedStatusCode:
    return UndefinedStatusCode(
        operation=label,
        status_code=status,
        defined_status_codes=["200", "401"],
        allowed_status_codes=[200, 401],
        message="",
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
    assert "400" in checks.positive_data_acceptance.expected_statuses
    assert "420" in checks.negative_data_rejection.expected_statuses
    assert checks.max_response_time.limit == 10.0
    # Every built-in check stays on.
    for name in ("status_code_conformance", "ignored_auth", "response_schema_conformance"):
        assert checks.get_by_name(name=name).enabled


def test_the_real_service_statuses_are_known_deviations() -> None:
    assert is_known_deviation(SEARCH, undocumented(SEARCH, 400))
    assert is_known_deviation(BUY, undocumented(BUY, 400))
    assert is_known_deviation(CANCEL, undocumented(CANCEL, 420))
    assert is_known_deviation(UPDATE, undocumented(UPDATE, 420))


def test_other_undocumented_statuses_are_findings() -> None:
    assert not is_known_deviation(SEARCH, undocumented(SEARCH, 420))
    assert not is_known_deviation(SEARCH, undocumented(SEARCH, 404))
    assert not is_known_deviation(CANCEL, undocumented(CANCEL, 500))
    assert not is_known_deviation(SEARCH, Failure(operation=SEARCH, message="other"))


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
