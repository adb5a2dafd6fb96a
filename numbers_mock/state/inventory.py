"""The pool of available numbers, generated deterministically from a seed.

Every number is valid for its country and type according to `phonenumbers`: candidates are made by
varying the last digits of the library's example number for that country and type, and kept only
when the library says they are valid and of the wanted type. The same seed (and the same pinned
`phonenumbers` metadata) always gives the same inventory.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import phonenumbers
from phonenumbers import PhoneNumberType

__all__ = [
    "COUNTRIES",
    "FEATURE_SETS",
    "NUMBER_TYPES",
    "InventoryNumber",
    "Limitation",
    "generate_inventory",
]

COUNTRIES = ("GB", "US", "CA", "DE", "FR", "NL", "ES", "IT", "SE", "AU", "BE", "IE")

# API type -> phonenumbers types accepted for it. North American numbers cannot be told apart
# (FIXED_LINE_OR_MOBILE), so there such a number may stand for either a landline or a mobile.
NUMBER_TYPES: Mapping[str, tuple[int, ...]] = {
    "mobile-lvn": (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE),
    "landline": (PhoneNumberType.FIXED_LINE, PhoneNumberType.FIXED_LINE_OR_MOBILE),
    "landline-toll-free": (PhoneNumberType.TOLL_FREE,),
}

# The feature combinations the document lists for `features` (a test keeps the two in step).
FEATURE_SETS: tuple[tuple[str, ...], ...] = (
    ("SMS",),
    ("VOICE",),
    ("SMS", "VOICE"),
    ("MMS",),
    ("SMS", "MMS"),
    ("VOICE", "MMS"),
    ("SMS", "MMS", "VOICE"),
)

# One more than the feature combinations: every combination exists for every country and type.
NUMBERS_PER_KIND = len(FEATURE_SETS) + 1
_VARIED_DIGITS = 4
_MAX_ATTEMPTS = 2_000
_MONTHLY_COST_CENTS = {
    "mobile-lvn": (60, 150),
    "landline": (40, 120),
    "landline-toll-free": (200, 900),
}


@dataclass(frozen=True)
class Limitation:
    """A restriction on one feature of a number (`number-limitation` in the document)."""

    feature: str
    type: str
    reach: str

    def as_json(self) -> dict[str, str]:
        """The JSON form of the limitation."""
        return {"feature": self.feature, "type": self.type, "reach": self.reach}


@dataclass(frozen=True)
class InventoryNumber:
    """One number of the pool with everything the search answer shows about it."""

    msisdn: str
    country: str
    type: str
    features: tuple[str, ...]
    limitations: tuple[Limitation, ...]
    cost: str
    initial_price: str

    def as_json(self) -> dict[str, Any]:
        """The number as an `availablenumber` of the document."""
        return {
            "country": self.country,
            "msisdn": self.msisdn,
            "type": self.type,
            "initialPrice": self.initial_price,
            "cost": self.cost,
            "features": list(self.features),
            "limitations": [limitation.as_json() for limitation in self.limitations],
        }


def generate_inventory(seed: int) -> list[InventoryNumber]:
    """The whole pool for `seed`, sorted by msisdn."""
    numbers = []
    # North American mobiles and landlines share one example number, so their candidates can meet.
    taken: set[str] = set()
    for country in COUNTRIES:
        for number_type in NUMBER_TYPES:
            # `random` hashes a string seed with SHA-512: no dependence on PYTHONHASHSEED.
            rng = random.Random(f"{seed}:{country}:{number_type}")
            msisdns = _msisdns(rng, country, number_type, taken)
            offset = rng.randrange(len(FEATURE_SETS))
            for position, msisdn in enumerate(msisdns):
                features = FEATURE_SETS[(offset + position) % len(FEATURE_SETS)]
                numbers.append(_number(rng, msisdn, country, number_type, features))
    return sorted(numbers, key=lambda number: number.msisdn)


def _msisdns(rng: random.Random, country: str, number_type: str, taken: set[str]) -> list[str]:
    wanted = NUMBER_TYPES[number_type]
    example = phonenumbers.example_number_for_type(country, wanted[0])
    if example is None:
        raise LookupError(f"phonenumbers has no {number_type} example for {country}")
    base = str(example.national_number)
    found: list[str] = []
    for _ in range(_MAX_ATTEMPTS):
        digits = "".join(rng.choice("0123456789") for _ in range(_VARIED_DIGITS))
        candidate = phonenumbers.PhoneNumber(
            country_code=example.country_code,
            national_number=int(base[:-_VARIED_DIGITS] + digits),
            italian_leading_zero=example.italian_leading_zero,
        )
        msisdn = phonenumbers.format_number(candidate, phonenumbers.PhoneNumberFormat.E164)[1:]
        if (
            msisdn not in taken
            and phonenumbers.is_valid_number_for_region(candidate, country)
            and phonenumbers.number_type(candidate) in wanted
        ):
            found.append(msisdn)
            taken.add(msisdn)
            if len(found) == NUMBERS_PER_KIND:
                return found
    raise LookupError(f"could not find {NUMBERS_PER_KIND} {number_type} numbers for {country}")


def _number(
    rng: random.Random, msisdn: str, country: str, number_type: str, features: tuple[str, ...]
) -> InventoryNumber:
    low, high = _MONTHLY_COST_CENTS[number_type]
    cost = _euros(rng.randint(low, high))
    initial_price = cost if rng.random() < 0.3 else "0.00"
    limitations = tuple(
        Limitation(
            feature, rng.choice(("INBOUND", "OUTBOUND")), rng.choice(("DOMESTIC", "INTERNATIONAL"))
        )
        for feature in features
        if rng.random() < 0.25
    )
    return InventoryNumber(msisdn, country, number_type, features, limitations, cost, initial_price)


def _euros(cents: int) -> str:
    return f"{cents // 100}.{cents % 100:02d}"
