"""Hypothesis strategies for requests: plausible and hostile query strings, bodies and headers."""

from __future__ import annotations

from urllib.parse import quote, urlencode

from hypothesis import strategies as st

from numbers_mock import OTHER_ACCOUNT, PRIMARY_ACCOUNT, SUBACCOUNT

texts = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=20)
NUMBERS = ("0", "1", "2", "3", "-1", "10", "100", "101", "1.5", " 5", "1e3", "9" * 25, "")
# Per field, values near its edges; any field may also get arbitrary text.
FIELD_VALUES: dict[str, tuple[str, ...]] = {
    "country": ("GB", "gb", "US", "DE", "ZZ", "GBR", "G", "1A", ""),
    "type": ("landline", "mobile-lvn", "landline-toll-free", "LANDLINE", "fax", ""),
    "features": ("SMS", "VOICE", "MMS", "SMS,VOICE", "SMS,MMS,VOICE", "VOICE,SMS", "sms", ""),
    "pattern": ("44", "1", "7400", "%", "_", "+44", ""),
    "search_pattern": NUMBERS,
    "size": NUMBERS,
    "index": NUMBERS,
    "application_id": ("app-1", ""),
    "has_application": ("true", "false", "TRUE", "yes", "0", "maybe", ""),
    "msisdn": ("441212340010", "447400120655", "12015550654", "+441212340010", "0", ""),
    "target_api_key": (
        SUBACCOUNT.api_key,
        PRIMARY_ACCOUNT.api_key,
        OTHER_ACCOUNT.api_key,
        "nobody",
        "",
    ),
    "app_id": ("app-1", ""),
    "moHttpUrl": ("https://example.com", ""),
    "moSmppSysType": ("inbound", ""),
    "voiceCallbackType": ("sip", "tel", "app", "vxml", ""),
    "voiceCallbackValue": ("sip:a@example.com", ""),
    "voiceStatusCallback": ("https://example.com", ""),
    "messagesCallbackType": ("app", "sms", ""),
    "messagesCallbackValue": ("app-1", ""),
    "api_key": (PRIMARY_ACCOUNT.api_key, OTHER_ACCOUNT.api_key),
    "api_secret": (PRIMARY_ACCOUNT.api_secret, "wrong"),
}
CONTENT_TYPES = (
    None,
    "application/x-www-form-urlencoded",
    "application/x-www-form-urlencoded; charset=utf-8",
    "Application/X-WWW-Form-Urlencoded;charset",
    "application/json",
    "text/plain",
    "multipart/form-data; boundary=x",
    "*/*",
)

known_pairs = st.sampled_from(sorted(FIELD_VALUES)).flatmap(
    lambda name: st.tuples(st.just(name), st.sampled_from(FIELD_VALUES[name]) | texts)
)
pairs = st.lists(known_pairs | st.tuples(texts, texts), max_size=8)
# Mostly-valid requests reach the deeper rules: a plausible country and msisdn, then more
# fields (repeated names included), in any order.
valid_start = st.tuples(
    st.tuples(st.just("country"), st.sampled_from(("GB", "US", "gb"))),
    st.tuples(st.just("msisdn"), st.sampled_from(FIELD_VALUES["msisdn"])),
)
mixed_pairs = st.tuples(valid_start, st.lists(known_pairs, max_size=6)).flatmap(
    lambda t: st.permutations([*t[0], *t[1]])
)
# Raw text keeps '=', '&', '%' and '+' as they are (so broken escapes like "%zz" get through) but
# escapes what an HTTP client refuses to put in a URL.
raw_queries = texts.map(lambda text: quote(text, safe="=&%+"))
query_strings = st.one_of(pairs.map(urlencode), mixed_pairs.map(urlencode), raw_queries)
form_bodies = st.one_of(
    pairs.map(lambda items: urlencode(items).encode()),
    mixed_pairs.map(lambda items: urlencode(items).encode()),
    st.binary(max_size=40),
    st.just(b""),
)
content_types = st.sampled_from(CONTENT_TYPES)
