"""A model's repr that shows only the fields that are set.

Generated models default every optional field to `UNSET`; attrs' own repr would show each of
them as `<numbers_api_client.types.Unset object at 0x...>`. Every model sets
`__repr__ = set_fields_repr`, so `OwnedNumber(msisdn='447700900000', country='GB')` reads as it
would be written. This module is copied into the generated package by the generator.
"""

from __future__ import annotations

import attrs

from .types import Unset

__all__ = ["set_fields_repr"]


def set_fields_repr(self: attrs.AttrsInstance) -> str:
    """`Model(field=value, ...)` over the fields that are set, then any additional properties."""
    shown = []
    for field in attrs.fields(type(self)):
        value = getattr(self, field.name)
        if isinstance(value, Unset) or (field.name == "additional_properties" and not value):
            continue
        shown.append(f"{field.name}={value!r}")
    return f"{type(self).__name__}({', '.join(shown)})"
