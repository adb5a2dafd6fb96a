from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.owned_number import OwnedNumber
from ..reprs import set_fields_repr
from ..types import UNSET, Unset

T = TypeVar("T", bound="InboundNumbers")


@_attrs_define
class InboundNumbers:
    """
    Attributes:
        count (int | Unset): The total amount of numbers owned by the account Example: 1.
        numbers (list[OwnedNumber] | Unset): A paginated array of numbers and their details
    """

    count: int | Unset = UNSET
    numbers: list[OwnedNumber] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    __repr__ = set_fields_repr

    def to_dict(self) -> dict[str, Any]:
        count = self.count

        numbers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.numbers, Unset):
            numbers = []
            for numbers_item_data in self.numbers:
                numbers_item = numbers_item_data.to_dict()
                numbers.append(numbers_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if count is not UNSET:
            field_dict["count"] = count
        if numbers is not UNSET:
            field_dict["numbers"] = numbers

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        count = d.pop("count", UNSET)

        _numbers = d.pop("numbers", UNSET)
        numbers: list[OwnedNumber] | Unset = UNSET
        if _numbers is not UNSET:
            numbers = []
            for numbers_item_data in _numbers:
                numbers_item = OwnedNumber.from_dict(numbers_item_data)

                numbers.append(numbers_item)

        inbound_numbers = cls(
            count=count,
            numbers=numbers,
        )

        inbound_numbers.additional_properties = d
        return inbound_numbers

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
