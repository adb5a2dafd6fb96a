from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.number_limitation import NumberLimitation
from ..reprs import set_fields_repr
from ..types import UNSET, Unset

T = TypeVar("T", bound="AvailableNumber")


@_attrs_define
class AvailableNumber:
    """
    Attributes:
        country (str | Unset): The two character country code in ISO 3166-1 alpha-2 format Example: GB.
        msisdn (str | Unset): An available inbound virtual number. Example: 447700900000.
        type_ (str | Unset): The type of number: `landline`, `landline-toll-free` or `mobile-lvn` Example: mobile-lvn.
        initial_price (str | Unset): The initial setup fee for this number, in Euros Example: 1.25.
        cost (str | Unset): The monthly rental cost for this number, in Euros Example: 1.25.
        features (list[str] | Unset): The capabilities of the number: `SMS` or `VOICE` or `SMS,VOICE` or `SMS,MMS` or
            `VOICE,MMS` or `SMS,MMS,VOICE` Example: ['VOICE', 'SMS', 'MMS'].
        limitations (list[NumberLimitation] | Unset):  Example: [{'feature': 'SMS', 'type': 'OUTBOUND', 'reach':
            'INTERNATIONAL'}, {'feature': 'VOICE', 'type': 'OUTBOUND', 'reach': 'DOMESTIC'}].
    """

    country: str | Unset = UNSET
    msisdn: str | Unset = UNSET
    type_: str | Unset = UNSET
    initial_price: str | Unset = UNSET
    cost: str | Unset = UNSET
    features: list[str] | Unset = UNSET
    limitations: list[NumberLimitation] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    __repr__ = set_fields_repr

    def to_dict(self) -> dict[str, Any]:
        country = self.country

        msisdn = self.msisdn

        type_ = self.type_

        initial_price = self.initial_price

        cost = self.cost

        features: list[str] | Unset = UNSET
        if not isinstance(self.features, Unset):
            features = self.features

        limitations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.limitations, Unset):
            limitations = []
            for limitations_item_data in self.limitations:
                limitations_item = limitations_item_data.to_dict()
                limitations.append(limitations_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if country is not UNSET:
            field_dict["country"] = country
        if msisdn is not UNSET:
            field_dict["msisdn"] = msisdn
        if type_ is not UNSET:
            field_dict["type"] = type_
        if initial_price is not UNSET:
            field_dict["initialPrice"] = initial_price
        if cost is not UNSET:
            field_dict["cost"] = cost
        if features is not UNSET:
            field_dict["features"] = features
        if limitations is not UNSET:
            field_dict["limitations"] = limitations

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        country = d.pop("country", UNSET)

        msisdn = d.pop("msisdn", UNSET)

        type_ = d.pop("type", UNSET)

        initial_price = d.pop("initialPrice", UNSET)

        cost = d.pop("cost", UNSET)

        features = cast(list[str], d.pop("features", UNSET))

        _limitations = d.pop("limitations", UNSET)
        limitations: list[NumberLimitation] | Unset = UNSET
        if _limitations is not UNSET:
            limitations = []
            for limitations_item_data in _limitations:
                limitations_item = NumberLimitation.from_dict(limitations_item_data)

                limitations.append(limitations_item)

        available_number = cls(
            country=country,
            msisdn=msisdn,
            type_=type_,
            initial_price=initial_price,
            cost=cost,
            features=features,
            limitations=limitations,
        )

        available_number.additional_properties = d
        return available_number

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
