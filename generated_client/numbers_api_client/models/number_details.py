from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..reprs import set_fields_repr
from ..types import UNSET, Unset

T = TypeVar("T", bound="NumberDetails")


@_attrs_define
class NumberDetails:
    """
    Attributes:
        country (str): The two character country code in ISO 3166-1 alpha-2 format Example: GB.
        msisdn (str): An available inbound virtual number. Example: 447700900000.
        target_api_key (str | Unset): If you’d like to perform an action on a subaccount, provide the `api_key` of that
            account here. If you’d like to perform an action on your own account, you do not need to provide this field.
            Example: 1a2345b7.
    """

    country: str
    msisdn: str
    target_api_key: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    __repr__ = set_fields_repr

    def to_dict(self) -> dict[str, Any]:
        country = self.country

        msisdn = self.msisdn

        target_api_key = self.target_api_key

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "country": country,
                "msisdn": msisdn,
            }
        )
        if target_api_key is not UNSET:
            field_dict["target_api_key"] = target_api_key

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        country = d.pop("country")

        msisdn = d.pop("msisdn")

        target_api_key = d.pop("target_api_key", UNSET)

        number_details = cls(
            country=country,
            msisdn=msisdn,
            target_api_key=target_api_key,
        )

        number_details.additional_properties = d
        return number_details

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
