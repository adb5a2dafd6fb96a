from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..reprs import set_fields_repr
from ..types import UNSET, Unset

T = TypeVar("T", bound="ActionResponse")


@_attrs_define
class ActionResponse:
    """
    Attributes:
        error_code (str | Unset): The status code of the response. `200` indicates a successful request. Example: 200.
        error_code_label (str | Unset): The status code description Example: success.
    """

    error_code: str | Unset = UNSET
    error_code_label: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    __repr__ = set_fields_repr

    def to_dict(self) -> dict[str, Any]:
        error_code = self.error_code

        error_code_label = self.error_code_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if error_code is not UNSET:
            field_dict["error-code"] = error_code
        if error_code_label is not UNSET:
            field_dict["error-code-label"] = error_code_label

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        error_code = d.pop("error-code", UNSET)

        error_code_label = d.pop("error-code-label", UNSET)

        action_response = cls(
            error_code=error_code,
            error_code_label=error_code_label,
        )

        action_response.additional_properties = d
        return action_response

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
