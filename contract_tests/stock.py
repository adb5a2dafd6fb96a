"""Give the embedded mock's account something to show before fuzzing: owned numbers, linked or not.

A fresh account owns nothing, so fuzzing the owned list would only ever judge empty pages; and the
filters by application need numbers linked to one (by `app_id`, or the deprecated `app` callbacks).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from numbers_api_client.api.default import get_available_numbers, update_a_number
from numbers_api_client.models import (
    AvailableNumbers,
    NumberDetailsUpdate,
    NumberDetailsUpdateMessagesCallbackType,
    NumberDetailsUpdateVoiceCallbackType,
)

from contract_tests import account
from contract_tests.target import Target

APPLICATION = "aaaaaaaa-bbbb-cccc-dddd-0123456789ab"
OTHER_APPLICATION = "bbbbbbbb-bbbb-cccc-dddd-0123456789ab"
# (country, how many to own, how many more to leave available for aimed buys)
STOCK_PLAN = (("GB", 4, 3), ("US", 2, 2))


@dataclass(frozen=True)
class Stocked:
    """What `stock_mock` left on the account."""

    owned: tuple[tuple[str, str], ...]
    spare: tuple[tuple[str, str], ...]
    # msisdn -> the application it is linked to, however it was linked.
    links: dict[str, str]

    @property
    def numbers(self) -> tuple[tuple[str, str], ...]:
        """Every number fuzzed buys, cancels and updates may aim at (owned or not)."""
        return self.owned + self.spare


def stock_mock(target: Target) -> Stocked:
    """Reset the mock and own a few numbers: linked by `app_id`, by each old callback, or not."""
    assert target.embedded, "stocking buys numbers: the embedded mock only"
    target.reset()
    client = target.client()
    owned: list[tuple[str, str]] = []
    spare: list[tuple[str, str]] = []
    for country, to_own, to_spare in STOCK_PLAN:
        search = partial(
            get_available_numbers.sync_detailed,
            client=client,
            country=country,
            size=to_own + to_spare,
        )
        page = account.parsed(search, f"stocking: searching {country}").parsed
        assert isinstance(page, AvailableNumbers), f"searching {country} on the mock failed"
        numbers = [(country, str(n.msisdn)) for n in page.numbers or []]
        for number in numbers[:to_own]:
            status = account.buy(client, *number)
            assert status == 200, f"stocking: buying {number[1]} answered {status}"
        owned += numbers[:to_own]
        spare += numbers[to_own:]
    (gb1, msisdn1), (gb2, msisdn2), (gb3, msisdn3) = owned[:3]
    links = (
        NumberDetailsUpdate(country=gb1, msisdn=msisdn1, app_id=APPLICATION),
        NumberDetailsUpdate(
            country=gb2,
            msisdn=msisdn2,
            voice_callback_type=NumberDetailsUpdateVoiceCallbackType.APP,
            voice_callback_value=APPLICATION,
        ),
        NumberDetailsUpdate(
            country=gb3,
            msisdn=msisdn3,
            messages_callback_type=NumberDetailsUpdateMessagesCallbackType.APP,
            messages_callback_value=OTHER_APPLICATION,
            mo_http_url="https://example.com/webhooks/inbound-sms",
        ),
    )
    for update in links:
        status = int(update_a_number.sync_detailed(client=client, body=update).status_code)
        assert status == 200, f"stocking: linking {update.msisdn} answered {status}"
    return Stocked(
        owned=tuple(owned),
        spare=tuple(spare),
        links={msisdn1: APPLICATION, msisdn2: APPLICATION, msisdn3: OTHER_APPLICATION},
    )
