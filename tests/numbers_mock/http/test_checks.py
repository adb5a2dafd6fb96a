from __future__ import annotations

import pytest

from numbers_mock.core.replies import Rejected
from numbers_mock.http.checks import check_request
from numbers_mock.http.validation import ValidatedRequest
from numbers_mock.state.values import URL_FIELDS


def test_country_is_upper_cased() -> None:
    checked = check_request(ValidatedRequest({"country": "gb", "size": 1}, {"country": "de"}))
    assert checked.params == {"country": "GB", "size": 1}
    assert checked.body == {"country": "DE"}


@pytest.mark.parametrize("country", ["ZZ", "1A", "G ", "ÅB", "XX"])
def test_unknown_countries_are_refused(country: str) -> None:
    with pytest.raises(Rejected) as caught:
        check_request(ValidatedRequest({"country": country}, {}))
    assert caught.value.reply.status == 400
    assert set(caught.value.reply.body) == {"country"}


def test_size_and_index_count_from_one() -> None:
    with pytest.raises(Rejected) as caught:
        check_request(ValidatedRequest({"size": 0, "index": -3}, {}))
    assert caught.value.reply.body == {
        "size": "Must be at least 1.",
        "index": "Must be at least 1.",
    }
    assert check_request(ValidatedRequest({"size": 1, "index": 1}, {})).params["index"] == 1


@pytest.mark.parametrize("country", ["AQ", "BV", "GS", "HM", "PN", "TF", "UM", "aq"])
def test_every_assigned_iso_code_passes(country: str) -> None:
    checked = check_request(ValidatedRequest({"country": country}, {}))
    assert checked.params["country"] == country.upper()


@pytest.mark.parametrize(
    "country", ["AC", "TA", "XK", "UK", "EU", "QM", "AA", "\u017fe", "\uff27B"]
)
def test_codes_outside_iso_3166_1_or_ascii_are_refused(country: str) -> None:
    with pytest.raises(Rejected) as caught:
        check_request(ValidatedRequest({"country": country}, {}))
    assert caught.value.reply.body == {
        "country": "Must be a two-letter ISO 3166-1 alpha-2 country code."
    }


@pytest.mark.parametrize(
    "url",
    [
        "not a url",
        "https://example.com/\x01hook",
        "ftp://example.com/",
        "https://",
        "/relative/path",
        "https://example.com:port/",
        "https://ex\u00e4mple.com/",
        "https://example.com/" + "a" * 2048,
    ],
)
@pytest.mark.parametrize("field", URL_FIELDS)
def test_webhook_fields_must_be_urls(field: str, url: str) -> None:
    with pytest.raises(Rejected) as caught:
        check_request(ValidatedRequest({}, {"country": "GB", "msisdn": "1", field: url}))
    assert caught.value.reply.body == {field: "Must be an absolute http or https URL."}


@pytest.mark.parametrize(
    "url", ["", "https://example.com/webhooks/inbound-sms", "http://127.0.0.1:8080/a?b=c"]
)
def test_webhook_urls_and_the_empty_removal_pass(url: str) -> None:
    body = {"country": "GB", "msisdn": "1", "moHttpUrl": url}
    assert check_request(ValidatedRequest({}, body)).body == body
