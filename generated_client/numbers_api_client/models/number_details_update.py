from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.number_details_update_messages_callback_type import NumberDetailsUpdateMessagesCallbackType
from ..models.number_details_update_voice_callback_type import NumberDetailsUpdateVoiceCallbackType
from ..reprs import set_fields_repr
from ..types import UNSET, Unset

T = TypeVar("T", bound="NumberDetailsUpdate")


@_attrs_define
class NumberDetailsUpdate:
    """
    Attributes:
        country (str): The two character country code in ISO 3166-1 alpha-2 format Example: GB.
        msisdn (str): An available inbound virtual number. Example: 447700900000.
        app_id (str | Unset): The Application that will handle inbound traffic to this number. Example: aaaaaaaa-bbbb-
            cccc-dddd-0123456789abc.
        mo_http_url (str | Unset): An URL-encoded URI to the webhook endpoint that handles inbound messages. Your
            webhook endpoint must be active before you make this request. Vonage makes a `GET` request to the endpoint and
            checks that it returns a `200 OK` response. Set this parameter's value to an empty string to remove the webhook.
            Example: https://example.com/webhooks/inbound-sms.
        mo_smpp_sys_type (str | Unset): The associated system type for your SMPP client Example: inbound.
        voice_callback_type (NumberDetailsUpdateVoiceCallbackType | Unset): Specify whether inbound voice calls on your
            number are forwarded
            to a SIP or a telephone number.  This must be used with the
            `voiceCallbackValue` parameter. If set, `sip` or `tel` are
            prioritized over the Voice capability in your Application.

            *Note: The `app` value is deprecated and will be removed in future.*
             Example: tel.
        voice_callback_value (str | Unset): A SIP URI or telephone number. Must be used with the `voiceCallbackType`
            parameter. Example: 447700900000.
        voice_status_callback (str | Unset): A webhook URI for Vonage to send a request to when a call ends Example:
            https://example.com/webhooks/status.
        messages_callback_type (NumberDetailsUpdateMessagesCallbackType | Unset): <strong>DEPRECATED</strong> - We
            recommend that you use `app_id` instead.

            Specifies the Messages webhook type (always `app`) associated with this
            number and must be used with the `messagesCallbackValue` parameter.
             Example: app.
        messages_callback_value (str | Unset): <strong>DEPRECATED</strong> - We recommend that you use `app_id` instead.

            Specifies the Application ID of your Messages application.
            It must be used with the `messagesCallbackType` parameter.
             Example: aaaaaaaa-bbbb-cccc-dddd-0123456789ab.
    """

    country: str
    msisdn: str
    app_id: str | Unset = UNSET
    mo_http_url: str | Unset = UNSET
    mo_smpp_sys_type: str | Unset = UNSET
    voice_callback_type: NumberDetailsUpdateVoiceCallbackType | Unset = UNSET
    voice_callback_value: str | Unset = UNSET
    voice_status_callback: str | Unset = UNSET
    messages_callback_type: NumberDetailsUpdateMessagesCallbackType | Unset = UNSET
    messages_callback_value: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    __repr__ = set_fields_repr

    def to_dict(self) -> dict[str, Any]:
        country = self.country

        msisdn = self.msisdn

        app_id = self.app_id

        mo_http_url = self.mo_http_url

        mo_smpp_sys_type = self.mo_smpp_sys_type

        voice_callback_type: str | Unset = UNSET
        if not isinstance(self.voice_callback_type, Unset):
            voice_callback_type = self.voice_callback_type.value

        voice_callback_value = self.voice_callback_value

        voice_status_callback = self.voice_status_callback

        messages_callback_type: str | Unset = UNSET
        if not isinstance(self.messages_callback_type, Unset):
            messages_callback_type = self.messages_callback_type.value

        messages_callback_value = self.messages_callback_value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "country": country,
                "msisdn": msisdn,
            }
        )
        if app_id is not UNSET:
            field_dict["app_id"] = app_id
        if mo_http_url is not UNSET:
            field_dict["moHttpUrl"] = mo_http_url
        if mo_smpp_sys_type is not UNSET:
            field_dict["moSmppSysType"] = mo_smpp_sys_type
        if voice_callback_type is not UNSET:
            field_dict["voiceCallbackType"] = voice_callback_type
        if voice_callback_value is not UNSET:
            field_dict["voiceCallbackValue"] = voice_callback_value
        if voice_status_callback is not UNSET:
            field_dict["voiceStatusCallback"] = voice_status_callback
        if messages_callback_type is not UNSET:
            field_dict["messagesCallbackType"] = messages_callback_type
        if messages_callback_value is not UNSET:
            field_dict["messagesCallbackValue"] = messages_callback_value

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        country = d.pop("country")

        msisdn = d.pop("msisdn")

        app_id = d.pop("app_id", UNSET)

        mo_http_url = d.pop("moHttpUrl", UNSET)

        mo_smpp_sys_type = d.pop("moSmppSysType", UNSET)

        _voice_callback_type = d.pop("voiceCallbackType", UNSET)
        voice_callback_type: NumberDetailsUpdateVoiceCallbackType | Unset
        if isinstance(_voice_callback_type, Unset):
            voice_callback_type = UNSET
        else:
            voice_callback_type = NumberDetailsUpdateVoiceCallbackType(_voice_callback_type)

        voice_callback_value = d.pop("voiceCallbackValue", UNSET)

        voice_status_callback = d.pop("voiceStatusCallback", UNSET)

        _messages_callback_type = d.pop("messagesCallbackType", UNSET)
        messages_callback_type: NumberDetailsUpdateMessagesCallbackType | Unset
        if isinstance(_messages_callback_type, Unset):
            messages_callback_type = UNSET
        else:
            messages_callback_type = NumberDetailsUpdateMessagesCallbackType(_messages_callback_type)

        messages_callback_value = d.pop("messagesCallbackValue", UNSET)

        number_details_update = cls(
            country=country,
            msisdn=msisdn,
            app_id=app_id,
            mo_http_url=mo_http_url,
            mo_smpp_sys_type=mo_smpp_sys_type,
            voice_callback_type=voice_callback_type,
            voice_callback_value=voice_callback_value,
            voice_status_callback=voice_status_callback,
            messages_callback_type=messages_callback_type,
            messages_callback_value=messages_callback_value,
        )

        number_details_update.additional_properties = d
        return number_details_update

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
