"""XML answers read into JSON shape by the schemas' `xml` objects, and hostile XML refused."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contract_tests.judging.document import published_document, response_schema
from contract_tests.judging.xml_body import MAX_XML_BYTES, XmlBodyError, xml_to_json


def schema_for(path: str, method: str, status: int) -> dict[str, Any]:
    schema = response_schema(published_document(), path, method, status, "text/xml")
    assert schema is not None
    return schema


OWNED = schema_for("/account/numbers", "get", 200)
AVAILABLE = schema_for("/number/search", "get", 200)
ACTION = schema_for("/number/buy", "post", 200)
REFUSED = schema_for("/number/buy", "post", 420)

OWNED_PAGE = b"""<?xml version='1.0' encoding='UTF-8'?>
<inbound-numbers>
  <count>2</count>
  <numbers>
    <country>GB</country><msisdn>447700900000</msisdn><type>mobile-lvn</type>
    <features><feature>VOICE</feature><feature>SMS</feature></features>
    <limitations>
      <limitation feature="SMS" type="OUTBOUND" reach="INTERNATIONAL"/>
    </limitations>
    <app_id>aaaaaaaa-bbbb-cccc-dddd-0123456789ab</app_id>
  </numbers>
  <numbers>
    <country>US</country><msisdn>12015550123</msisdn>
    <features><feature>SMS</feature></features>
    <limitations/>
  </numbers>
</inbound-numbers>"""


def test_owned_page_reads_as_its_json_twin() -> None:
    assert xml_to_json(OWNED_PAGE, OWNED) == {
        "count": 2,
        "numbers": [
            {
                "country": "GB",
                "msisdn": "447700900000",
                "type": "mobile-lvn",
                "features": ["VOICE", "SMS"],
                "limitations": [{"feature": "SMS", "type": "OUTBOUND", "reach": "INTERNATIONAL"}],
                "app_id": "aaaaaaaa-bbbb-cccc-dddd-0123456789ab",
            },
            {"country": "US", "msisdn": "12015550123", "features": ["SMS"], "limitations": []},
        ],
    }


def test_available_numbers_keep_prices_as_strings() -> None:
    body = (
        b"<inbound-numbers><count>1234</count><numbers><msisdn>447700900001</msisdn>"
        b"<initialPrice>1.25</initialPrice><cost>0.80</cost></numbers></inbound-numbers>"
    )
    assert xml_to_json(body, AVAILABLE) == {
        "count": 1234,
        "numbers": [{"msisdn": "447700900001", "initialPrice": "1.25", "cost": "0.80"}],
    }


def test_empty_results_read_as_empty_objects() -> None:
    assert xml_to_json(b"<inbound-numbers />", OWNED) == {}
    assert xml_to_json(b"<inbound-numbers><count>0</count></inbound-numbers>", OWNED) == {
        "count": 0
    }


def test_error_code_stays_a_string() -> None:
    body = (
        b"<response><error-code>420</error-code>"
        b"<error-code-label>method failed</error-code-label></response>"
    )
    assert xml_to_json(body, REFUSED) == {"error-code": "420", "error-code-label": "method failed"}


@pytest.mark.parametrize("text", ["many", "1.5", "", " 2 numbers"])
def test_integer_text_that_is_not_an_integer_stays_text(text: str) -> None:
    body = f"<inbound-numbers><count>{text}</count></inbound-numbers>".encode()
    assert xml_to_json(body, OWNED) == {"count": text}


def test_integer_text_with_whitespace_is_an_integer() -> None:
    assert xml_to_json(b"<inbound-numbers><count> 7\n</count></inbound-numbers>", OWNED) == {
        "count": 7
    }


@pytest.mark.parametrize(
    ("body", "schema", "actual", "expected"),
    [
        (
            b"<numbers-list><count>1</count></numbers-list>",
            OWNED,
            "numbers-list",
            "inbound-numbers",
        ),
        (b"<inbound-numbers/>", ACTION, "inbound-numbers", "response"),
    ],
)
def test_a_wrong_root_is_an_error(
    body: bytes, schema: dict[str, Any], actual: str, expected: str
) -> None:
    with pytest.raises(XmlBodyError, match=f"root element is <{actual}>.*<{expected}>"):
        xml_to_json(body, schema)


def test_namespaces_are_ignored() -> None:
    body = b'<n:inbound-numbers xmlns:n="urn:x"><n:count>3</n:count></n:inbound-numbers>'
    assert xml_to_json(body, OWNED) == {"count": 3}


def test_undocumented_elements_are_kept_for_the_schema_to_judge() -> None:
    body = b"<response><error-code>200</error-code><debug>x</debug></response>"
    assert xml_to_json(body, ACTION) == {"error-code": "200", "debug": "x"}


def test_attributes_sent_as_elements_are_missing() -> None:
    # Found by the fault benchmark (`xml-limitations-as-elements`): read as undocumented elements,
    # <feature>SMS</feature> stood in for the required attribute feature="SMS".
    body = (
        b"<inbound-numbers><count>1</count><numbers><limitations><limitation>"
        b"<feature>SMS</feature><type>OUTBOUND</type><reach>DOMESTIC</reach>"
        b"</limitation></limitations></numbers></inbound-numbers>"
    )
    assert xml_to_json(body, OWNED) == {"count": 1, "numbers": [{"limitations": [{}]}]}


def test_repeated_scalar_elements_read_as_a_list() -> None:
    # So that the schema check sees the duplication instead of one of the values silently winning.
    body = b"<inbound-numbers><count>1</count><count>2</count></inbound-numbers>"
    assert xml_to_json(body, OWNED) == {"count": [1, 2]}


def test_without_a_schema_any_root_reads_generically() -> None:
    # An undocumented answer (a 400, say) still reads, for the checks that look at every body.
    body = b"<errors><country>Is required.</country></errors>"
    assert xml_to_json(body, {}) == {"country": "Is required."}


def test_malformed_xml_is_an_error() -> None:
    with pytest.raises(XmlBodyError, match="malformed XML"):
        xml_to_json(b"<inbound-numbers><count>1</inbound-numbers>", OWNED)


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<inbound-numbers><count>&lol9;</count></inbound-numbers>"""

EXTERNAL_DTD = b"""<?xml version="1.0"?>
<!DOCTYPE inbound-numbers SYSTEM "http://127.0.0.1:9/evil.dtd">
<inbound-numbers><count>1</count></inbound-numbers>"""


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(BILLION_LAUGHS, id="billion-laughs"),
        pytest.param(EXTERNAL_DTD, id="external-dtd"),
    ],
)
def test_hostile_xml_is_refused_quickly(body: bytes) -> None:
    started = time.monotonic()
    with pytest.raises(XmlBodyError, match="refused to parse hostile XML") as raised:
        xml_to_json(body, OWNED)
    assert time.monotonic() - started < 1.0
    assert "lollol" not in str(raised.value)


def test_external_entities_are_not_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("top-secret-contents")
    body = (
        f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
        "<inbound-numbers><count>&xxe;</count></inbound-numbers>"
    ).encode()
    with pytest.raises(XmlBodyError, match="refused to parse hostile XML") as raised:
        xml_to_json(body, OWNED)
    assert "top-secret-contents" not in str(raised.value)


def test_oversized_xml_is_refused_before_parsing() -> None:
    body = b"<inbound-numbers>" + b"<numbers/>" * (MAX_XML_BYTES // 10) + b"</inbound-numbers>"
    assert len(body) > MAX_XML_BYTES
    with pytest.raises(XmlBodyError, match="exceeds"):
        xml_to_json(body, OWNED)


# --- property: whatever owned list JSON the schema allows, its XML form reads back the same ---

_text = st.text(alphabet=st.characters(categories=["L", "N"]), min_size=1, max_size=12)
_limitation = st.fixed_dictionaries(
    {
        "feature": st.sampled_from(["MMS", "SMS", "VOICE"]),
        "type": st.sampled_from(["INBOUND", "OUTBOUND"]),
        "reach": st.sampled_from(["DOMESTIC", "INTERNATIONAL"]),
    }
)
_number = st.fixed_dictionaries(
    {},
    optional={
        "country": _text,
        "msisdn": st.from_regex(r"[1-9][0-9]{6,14}", fullmatch=True),
        "type": st.sampled_from(["landline", "mobile-lvn", "landline-toll-free"]),
        "features": st.lists(st.sampled_from(["SMS", "VOICE", "MMS"]), min_size=1, max_size=3),
        "limitations": st.lists(_limitation, max_size=3),
        "app_id": _text,
        "moHttpUrl": _text,
    },
)
_page = st.fixed_dictionaries(
    {}, optional={"count": st.integers(0, 10**6), "numbers": st.lists(_number, min_size=1)}
)


def _number_xml(number: dict[str, Any]) -> str:
    parts = []
    for name, value in number.items():
        if name == "features":
            items = "".join(f"<feature>{escape(v)}</feature>" for v in value)
            parts.append(f"<features>{items}</features>")
        elif name == "limitations":
            items = "".join(
                f'<limitation feature="{v["feature"]}" type="{v["type"]}" reach="{v["reach"]}"/>'
                for v in value
            )
            parts.append(f"<limitations>{items}</limitations>")
        else:
            parts.append(f"<{name}>{escape(str(value))}</{name}>")
    return "<numbers>" + "".join(parts) + "</numbers>"


@given(_page)
def test_owned_pages_round_trip(page: dict[str, Any]) -> None:
    body = "<inbound-numbers>"
    if "count" in page:
        body += f"<count>{page['count']}</count>"
    body += "".join(_number_xml(number) for number in page.get("numbers", []))
    body += "</inbound-numbers>"
    assert xml_to_json(body.encode(), OWNED) == page
