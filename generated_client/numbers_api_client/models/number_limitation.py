from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.number_limitation_feature import NumberLimitationFeature
from ..models.number_limitation_reach import NumberLimitationReach
from ..models.number_limitation_type import NumberLimitationType
from ..reprs import set_fields_repr

T = TypeVar("T", bound="NumberLimitation")


@_attrs_define
class NumberLimitation:
    """
    Attributes:
        feature (NumberLimitationFeature):  Example: SMS.
        type_ (NumberLimitationType):  Example: OUTBOUND.
        reach (NumberLimitationReach):  Example: INTERNATIONAL.
    """

    feature: NumberLimitationFeature
    type_: NumberLimitationType
    reach: NumberLimitationReach
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    __repr__ = set_fields_repr

    def to_dict(self) -> dict[str, Any]:
        feature = self.feature.value

        type_ = self.type_.value

        reach = self.reach.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "feature": feature,
                "type": type_,
                "reach": reach,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        feature = NumberLimitationFeature(d.pop("feature"))

        type_ = NumberLimitationType(d.pop("type"))

        reach = NumberLimitationReach(d.pop("reach"))

        number_limitation = cls(
            feature=feature,
            type_=type_,
            reach=reach,
        )

        number_limitation.additional_properties = d
        return number_limitation

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
