from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.number_limitation import NumberLimitation
from ..reprs import set_fields_repr
from ..types import UNSET, Unset

T = TypeVar("T", bound="OwnedNumber")


@_attrs_define
class OwnedNumber:
    """
    Attributes:
        country (str | Unset): The two character country code in ISO 3166-1 alpha-2 format Example: GB.
        msisdn (str | Unset): An available inbound virtual number. Example: 447700900000.
        mo_http_url (str | Unset): The URL of the webhook endpoint that handles inbound messages Example:
            https://example.com/webhooks/inbound-sms.
        type_ (str | Unset): The type of number: `landline`, `landline-toll-free` or `mobile-lvn` Example: mobile-lvn.
        features (list[str] | Unset): The capabilities of the number: `SMS` or `VOICE` or `SMS,VOICE` or `SMS,MMS` or
            `VOICE,MMS` or `SMS,MMS,VOICE` Example: ['VOICE', 'SMS', 'MMS'].
        limitations (list[NumberLimitation] | Unset):  Example: [{'feature': 'SMS', 'type': 'OUTBOUND', 'reach':
            'INTERNATIONAL'}, {'feature': 'VOICE', 'type': 'OUTBOUND', 'reach': 'DOMESTIC'}].
        messages_callback_type (str | Unset): The messages webhook type: always `app` Example: app.
        messages_callback_value (str | Unset): An Application ID Example: aaaaaaaa-bbbb-cccc-dddd-0123456789ab.
        voice_callback_type (str | Unset): The voice webhook type: `sip`, `tel`, or `app` Example: app.
        voice_callback_value (str | Unset): A SIP URI, telephone number or Application ID Example: aaaaaaaa-bbbb-cccc-
            dddd-0123456789ab.
        app_id (str | Unset): The application ID linked to that number Example: 1ded6eee-e2ec-4d61-8c71-e2b2ece17d1b.
    """

    country: str | Unset = UNSET
    msisdn: str | Unset = UNSET
    mo_http_url: str | Unset = UNSET
    type_: str | Unset = UNSET
    features: list[str] | Unset = UNSET
    limitations: list[NumberLimitation] | Unset = UNSET
    messages_callback_type: str | Unset = UNSET
    messages_callback_value: str | Unset = UNSET
    voice_callback_type: str | Unset = UNSET
    voice_callback_value: str | Unset = UNSET
    app_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    __repr__ = set_fields_repr

    def to_dict(self) -> dict[str, Any]:
        country = self.country

        msisdn = self.msisdn

        mo_http_url = self.mo_http_url

        type_ = self.type_

        features: list[str] | Unset = UNSET
        if not isinstance(self.features, Unset):
            features = self.features

        limitations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.limitations, Unset):
            limitations = []
            for limitations_item_data in self.limitations:
                limitations_item = limitations_item_data.to_dict()
                limitations.append(limitations_item)

        messages_callback_type = self.messages_callback_type

        messages_callback_value = self.messages_callback_value

        voice_callback_type = self.voice_callback_type

        voice_callback_value = self.voice_callback_value

        app_id = self.app_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if country is not UNSET:
            field_dict["country"] = country
        if msisdn is not UNSET:
            field_dict["msisdn"] = msisdn
        if mo_http_url is not UNSET:
            field_dict["moHttpUrl"] = mo_http_url
        if type_ is not UNSET:
            field_dict["type"] = type_
        if features is not UNSET:
            field_dict["features"] = features
        if limitations is not UNSET:
            field_dict["limitations"] = limitations
        if messages_callback_type is not UNSET:
            field_dict["messagesCallbackType"] = messages_callback_type
        if messages_callback_value is not UNSET:
            field_dict["messagesCallbackValue"] = messages_callback_value
        if voice_callback_type is not UNSET:
            field_dict["voiceCallbackType"] = voice_callback_type
        if voice_callback_value is not UNSET:
            field_dict["voiceCallbackValue"] = voice_callback_value
        if app_id is not UNSET:
            field_dict["app_id"] = app_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        country = d.pop("country", UNSET)

        msisdn = d.pop("msisdn", UNSET)

        mo_http_url = d.pop("moHttpUrl", UNSET)

        type_ = d.pop("type", UNSET)

        features = cast(list[str], d.pop("features", UNSET))

        _limitations = d.pop("limitations", UNSET)
        limitations: list[NumberLimitation] | Unset = UNSET
        if _limitations is not UNSET:
            limitations = []
            for limitations_item_data in _limitations:
                limitations_item = NumberLimitation.from_dict(limitations_item_data)

                limitations.append(limitations_item)

        messages_callback_type = d.pop("messagesCallbackType", UNSET)

        messages_callback_value = d.pop("messagesCallbackValue", UNSET)

        voice_callback_type = d.pop("voiceCallbackType", UNSET)

        voice_callback_value = d.pop("voiceCallbackValue", UNSET)

        app_id = d.pop("app_id", UNSET)

        owned_number = cls(
            country=country,
            msisdn=msisdn,
            mo_http_url=mo_http_url,
            type_=type_,
            features=features,
            limitations=limitations,
            messages_callback_type=messages_callback_type,
            messages_callback_value=messages_callback_value,
            voice_callback_type=voice_callback_type,
            voice_callback_value=voice_callback_value,
            app_id=app_id,
        )

        owned_number.additional_properties = d
        return owned_number

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
