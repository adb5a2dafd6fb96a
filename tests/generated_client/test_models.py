"""numbers_api_client.models: enums match the document; models round-trip (property-based)."""

from __future__ import annotations

import json
from enum import Enum
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numbers_api_client.api.default import update_a_number
from numbers_api_client.models import (
    AccountUnauthorized,
    ActionFailed,
    ActionResponse,
    AvailableNumber,
    AvailableNumbers,
    GetAvailableNumbersFeatures,
    GetAvailableNumbersSearchPattern,
    GetAvailableNumbersType,
    GetOwnedNumbersSearchPattern,
    InboundNumbers,
    NumberDetails,
    NumberDetailsUpdate,
    NumberDetailsUpdateMessagesCallbackType,
    NumberDetailsUpdateVoiceCallbackType,
    NumberLimitation,
    NumberLimitationFeature,
    NumberLimitationReach,
    NumberLimitationType,
    OwnedNumber,
    Unauthorized,
)
from numbers_api_client.types import UNSET, Unset

from .support import FakeNumbersApi, form_fields, property_names, resolve, schema, spec

# Attribute of NumberDetailsUpdate -> field name on the wire, as the document spells it.
UPDATE_WIRE_NAMES = {
    "country": "country",
    "msisdn": "msisdn",
    "app_id": "app_id",
    "mo_http_url": "moHttpUrl",
    "mo_smpp_sys_type": "moSmppSysType",
    "voice_callback_type": "voiceCallbackType",
    "voice_callback_value": "voiceCallbackValue",
    "voice_status_callback": "voiceStatusCallback",
    "messages_callback_type": "messagesCallbackType",
    "messages_callback_value": "messagesCallbackValue",
}


def parameter_enum(name: str) -> list[Any]:
    enum: list[Any] = resolve({"$ref": f"#/components/parameters/{name}"})["schema"]["enum"]
    return enum


def features_enum() -> list[Any]:
    for parameter in spec()["paths"]["/number/search"]["get"]["parameters"]:
        if parameter.get("name") == "features":
            enum: list[Any] = parameter["schema"]["enum"]
            return enum
    raise LookupError("features")


ENUMS = [
    pytest.param(NumberLimitationFeature, schema("number-limitation")["properties"]["feature"]),
    pytest.param(NumberLimitationType, schema("number-limitation")["properties"]["type"]),
    pytest.param(NumberLimitationReach, schema("number-limitation")["properties"]["reach"]),
    pytest.param(
        NumberDetailsUpdateVoiceCallbackType,
        schema("number-details-update")["properties"]["voiceCallbackType"],
    ),
    pytest.param(
        NumberDetailsUpdateMessagesCallbackType,
        schema("number-details-update")["properties"]["messagesCallbackType"],
    ),
    pytest.param(GetAvailableNumbersType, {"enum": parameter_enum("type")}),
    pytest.param(GetAvailableNumbersSearchPattern, {"enum": parameter_enum("search_pattern")}),
    pytest.param(GetOwnedNumbersSearchPattern, {"enum": parameter_enum("search_pattern")}),
    pytest.param(GetAvailableNumbersFeatures, {"enum": features_enum()}),
]


@pytest.mark.parametrize(("enum", "node"), ENUMS)
def test_enum_values_are_the_documents(enum: type[Enum], node: dict[str, Any]) -> None:
    assert sorted(member.value for member in enum) == sorted(node["enum"])
    assert all(str(member) == str(member.value) for member in enum)


def test_update_wire_names_are_the_documents() -> None:
    assert set(UPDATE_WIRE_NAMES.values()) == property_names("number-details-update")


def test_unknown_fields_of_an_answer_are_kept() -> None:
    parsed = OwnedNumber.from_dict(
        {"msisdn": "447700900000", "messagesCallbackType": "app", "x": 1}
    )

    assert parsed.additional_properties == {"x": 1}
    assert parsed["x"] == 1
    assert parsed.to_dict() == {"msisdn": "447700900000", "messagesCallbackType": "app", "x": 1}


# Form and JSON bodies are UTF-8: lone surrogates cannot be encoded by any client.
texts = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=30)


def optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.just(UNSET), strategy)


limitations = st.builds(
    NumberLimitation,
    feature=st.sampled_from(NumberLimitationFeature),
    type_=st.sampled_from(NumberLimitationType),
    reach=st.sampled_from(NumberLimitationReach),
)
features = optional(st.lists(st.sampled_from(["SMS", "VOICE", "MMS"]), max_size=3))

owned_numbers = st.builds(
    OwnedNumber,
    country=optional(texts),
    msisdn=optional(texts),
    mo_http_url=optional(texts),
    type_=optional(texts),
    features=features,
    limitations=optional(st.lists(limitations, max_size=3)),
    messages_callback_type=optional(texts),
    messages_callback_value=optional(texts),
    voice_callback_type=optional(texts),
    voice_callback_value=optional(texts),
    app_id=optional(texts),
)
available_numbers = st.builds(
    AvailableNumber,
    country=optional(texts),
    msisdn=optional(texts),
    type_=optional(texts),
    initial_price=optional(texts),
    cost=optional(texts),
    features=features,
    limitations=optional(st.lists(limitations, max_size=3)),
)
counts = optional(st.integers(min_value=0, max_value=10**9))
error_bodies = {"error_code": optional(texts), "error_code_label": optional(texts)}

number_details_updates = st.builds(
    NumberDetailsUpdate,
    country=texts,
    msisdn=texts,
    app_id=optional(texts),
    mo_http_url=optional(texts),
    mo_smpp_sys_type=optional(texts),
    voice_callback_type=optional(st.sampled_from(NumberDetailsUpdateVoiceCallbackType)),
    voice_callback_value=optional(texts),
    voice_status_callback=optional(texts),
    messages_callback_type=optional(st.sampled_from(NumberDetailsUpdateMessagesCallbackType)),
    messages_callback_value=optional(texts),
)

# (strategy, schema name) for every model with properties in the document.
MODELS: list[tuple[st.SearchStrategy[Any], str]] = [
    (owned_numbers, "ownednumber"),
    (available_numbers, "availablenumber"),
    (
        st.builds(
            InboundNumbers, count=counts, numbers=optional(st.lists(owned_numbers, max_size=3))
        ),
        "inbound-numbers",
    ),
    (
        st.builds(
            AvailableNumbers,
            count=counts,
            numbers=optional(st.lists(available_numbers, max_size=3)),
        ),
        "available-numbers",
    ),
    (limitations, "number-limitation"),
    (
        st.builds(NumberDetails, country=texts, msisdn=texts, target_api_key=optional(texts)),
        "number-details",
    ),
    (number_details_updates, "number-details-update"),
    (st.builds(ActionResponse, **error_bodies), "response"),
    (st.builds(ActionFailed, **error_bodies), "response420"),
    (st.builds(Unauthorized, **error_bodies), "unauthorized"),
    (st.builds(AccountUnauthorized, **error_bodies), "account-unauthorized"),
]

models_with_schema = st.sampled_from(MODELS).flatmap(
    lambda pair: st.tuples(pair[0], st.just(pair[1]))
)


@settings(max_examples=300)
@given(models_with_schema)
def test_models_round_trip_through_json(model_and_schema: tuple[Any, str]) -> None:
    model, schema_name = model_and_schema

    wire = json.loads(json.dumps(model.to_dict()))

    assert set(wire) <= property_names(schema_name)
    assert type(model).from_dict(wire) == model


@given(number_details_updates)
def test_update_form_carries_exactly_the_set_fields(body: NumberDetailsUpdate) -> None:
    fake_api = FakeNumbersApi()

    update_a_number.sync_detailed(client=fake_api.client(), body=body)

    expected = {
        wire_name: [str(getattr(body, attribute))]
        for attribute, wire_name in UPDATE_WIRE_NAMES.items()
        if not isinstance(getattr(body, attribute), Unset)
    }
    assert form_fields(fake_api.last) == expected


def test_a_repr_shows_only_the_fields_that_are_set() -> None:
    number = OwnedNumber(msisdn="447700900000", country="GB")
    assert repr(number) == "OwnedNumber(country='GB', msisdn='447700900000')"
    page = InboundNumbers.from_dict({"count": 1, "numbers": [{"msisdn": "447700900000"}]})
    assert repr(page) == "InboundNumbers(count=1, numbers=[OwnedNumber(msisdn='447700900000')])"


def test_a_repr_shows_additional_properties_only_when_there_are_some() -> None:
    assert repr(NumberDetails(country="GB", msisdn="44")) == (
        "NumberDetails(country='GB', msisdn='44')"
    )
    unknown = OwnedNumber.from_dict({"msisdn": "44", "colour": "blue"})
    assert repr(unknown) == "OwnedNumber(msisdn='44', additional_properties={'colour': 'blue'})"


@settings(max_examples=200)
@given(models_with_schema)
def test_every_models_repr_names_each_set_field_and_no_unset_one(
    model_and_schema: tuple[Any, str],
) -> None:
    model, _ = model_and_schema
    shown = repr(model)
    assert shown.startswith(f"{type(model).__name__}(")
    assert "Unset" not in shown
    for field in attrs.fields(type(model)):
        value = getattr(model, field.name)
        if not isinstance(value, Unset) and value != {}:
            assert f"{field.name}={value!r}" in shown


@pytest.mark.parametrize("enum", [GetAvailableNumbersSearchPattern, GetOwnedNumbersSearchPattern])
def test_search_pattern_members_are_named_for_what_they_do(enum: type[Enum]) -> None:
    # The document's description: 0 starts with, 1 contains, 2 ends with the pattern.
    assert {member.name: member.value for member in enum} == {
        "STARTS_WITH": 0,
        "CONTAINS": 1,
        "ENDS_WITH": 2,
    }
