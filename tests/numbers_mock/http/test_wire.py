"""Wire rules: the legacy query shape of buy, cancel and update, repeated names, ASCII numbers."""

from __future__ import annotations

import pytest

from numbers_mock import PRIMARY_ACCOUNT, TEST_APPLICATION_IDS, MockApp
from numbers_mock.core.replies import Rejected
from numbers_mock.http.wire import FORM_MEDIA_TYPE, REPEATED, WireRules

from ..conftest import FORM, AppClient, first_available, owned

LEGACY_CREDENTIALS = f"api_key={PRIMARY_ACCOUNT.api_key}&api_secret={PRIMARY_ACCOUNT.api_secret}"
FORM_ONLY = WireRules(frozenset(), takes_form=True)


def test_rules_come_from_the_document(app: MockApp) -> None:
    from numbers_mock.core.document import ApiDocument

    document = ApiDocument(app.settings.spec_path)
    search = WireRules.for_operation(document, "getAvailableNumbers")
    assert {"size", "index", "search_pattern"} <= search.integer_parameters
    assert not search.takes_form
    assert WireRules.for_operation(document, "buyANumber").takes_form


def test_query_fields_fill_an_empty_form_and_a_body_field_wins() -> None:
    query = [("country", "GB"), ("msisdn", "1"), ("api_key", "k"), ("api_secret", "s")]
    assert FORM_ONLY.read_form(query, b"", None) == (b"country=GB&msisdn=1", FORM_MEDIA_TYPE)
    body, content_type = FORM_ONLY.read_form(query, b"msisdn=2", FORM)
    assert (body, content_type) == (b"msisdn=2&country=GB", FORM)
    # A body of another type is left to validation (415); so is an operation without a form.
    assert FORM_ONLY.read_form(query, b"{}", "application/json") == (b"{}", "application/json")
    no_form = WireRules(frozenset(), takes_form=False)
    assert no_form.read_form(query, b"", None) == (b"", None)


@pytest.mark.parametrize(
    "pairs", [[("msisdn", "A"), ("msisdn", "B")], [("size", "1"), ("x", ""), ("size", "1")]]
)
def test_a_repeated_query_name_is_refused(pairs: list[tuple[str, str]]) -> None:
    with pytest.raises(Rejected) as caught:
        WireRules(frozenset(), takes_form=False).check_query(pairs)
    assert caught.value.reply.status == 400
    assert REPEATED in caught.value.reply.body.values()


def test_a_repeated_form_field_is_refused() -> None:
    with pytest.raises(Rejected) as caught:
        FORM_ONLY.read_form([], b"country=GB&msisdn=A&msisdn=B", FORM)
    assert caught.value.reply.body == {"msisdn": REPEATED}


@pytest.mark.parametrize("value", ["\u0661\u0660\u0660", " 5", "1_0", "5 ", "", "0x10", "\uff15"])
def test_integers_are_ascii_digits(value: str) -> None:
    rules = WireRules(frozenset({"size"}), takes_form=False)
    with pytest.raises(Rejected) as caught:
        rules.check_query([("size", value)])
    assert caught.value.reply.body == {"size": "Must be an integer."}


@pytest.mark.parametrize("value", ["10", "-3", "+4", "007"])
def test_ascii_integers_pass(value: str) -> None:
    WireRules(frozenset({"size"}), takes_form=False).check_query([("size", value)])


def test_legacy_buy_update_and_cancel(anonymous: AppClient) -> None:
    credentials = {"api_key": PRIMARY_ACCOUNT.api_key, "api_secret": PRIMARY_ACCOUNT.api_secret}
    number = first_available(anonymous, country="GB", **credentials)
    legacy = f"country=GB&msisdn={number['msisdn']}&{LEGACY_CREDENTIALS}"
    headers = {"content-type": FORM}
    bought = anonymous.post(f"/number/buy?{legacy}", headers=headers)
    assert bought.status_code == 200, bought.text
    assert bought.json()["error-code"] == "200"
    app_id = TEST_APPLICATION_IDS[0]
    update = f"{legacy}&app_id={app_id}"
    assert anonymous.post(f"/number/update?{update}", headers=headers).status_code == 200
    listed = owned(anonymous, **credentials)
    assert listed["numbers"][0]["app_id"] == app_id
    # No content type at all, as some clients send an empty POST: still read from the query.
    assert anonymous.post(f"/number/cancel?{legacy}").status_code == 200
    assert owned(anonymous, **credentials) == {}


def test_a_body_field_wins_over_the_query(client: AppClient) -> None:
    first = first_available(client, country="GB")
    response = client.post(
        "/number/buy?country=GB&msisdn=440000000000", data={"msisdn": first["msisdn"]}
    )
    assert response.status_code == 200, response.text
    assert [n["msisdn"] for n in owned(client)["numbers"]] == [first["msisdn"]]


def test_repeated_parameters_change_nothing(client: AppClient, app: MockApp) -> None:
    before = app.store.snapshot()
    first = first_available(client, country="GB")
    form = f"country=GB&msisdn={first['msisdn']}&msisdn=440000000000"
    response = client.post("/number/buy", content=form, headers={"content-type": FORM})
    assert (response.status_code, response.json()) == (400, {"msisdn": REPEATED})
    query = client.get("/number/search?country=GB&size=1&size=100")
    assert (query.status_code, query.json()) == (400, {"size": REPEATED})
    assert app.store.snapshot() == before


def test_unicode_digits_are_not_a_page_size(client: AppClient) -> None:
    response = client.get("/number/search", params={"country": "GB", "size": "\u0661\u0660\u0660"})
    assert (response.status_code, response.json()) == (400, {"size": "Must be an integer."})


def test_a_bad_webhook_url_is_400_and_nothing_is_stored(client: AppClient, app: MockApp) -> None:
    number = first_available(client, country="GB")
    form = {"country": "GB", "msisdn": number["msisdn"]}
    assert client.post("/number/buy", data=form).status_code == 200
    before = app.store.snapshot()
    for field, url in (("moHttpUrl", "not a url"), ("voiceStatusCallback", "https://x/\x07")):
        response = client.post("/number/update", data={**form, field: url, "app_id": "abc"})
        assert response.status_code == 400, response.text
        assert response.json() == {field: "Must be an absolute http or https URL."}
    assert app.store.snapshot() == before


def test_an_iso_country_without_numbers_is_empty_and_a_non_iso_one_400(client: AppClient) -> None:
    assert client.get("/number/search", params={"country": "AQ"}).json() == {
        "count": 0,
        "numbers": [],
    }
    assert client.get("/account/numbers", params={"country": "PN"}).json() == {}
    for code in ("XK", "AC", "TA"):
        response = client.get("/number/search", params={"country": code})
        assert response.status_code == 400, code
