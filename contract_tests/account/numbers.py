"""An account's numbers, read and changed through the generated client.

The harness's own bookkeeping (what the account owned before the run, cancelling what it bought)
goes through the same client the lifecycle test exercises: a client that cannot do these is itself a
finding.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from numbers_api_client import AuthenticatedClient
from numbers_api_client.api.default import buy_a_number, cancel_a_number, get_owned_numbers
from numbers_api_client.models import InboundNumbers, NumberDetails, OwnedNumber

from contract_tests.judging.redaction import Redactor
from contract_tests.judging.semantics import MAX_PAGE_SIZE
from contract_tests.judging.violations import ANSWER_IS_JSON, OWNED_LIST_ANSWERS, Violation

T = TypeVar("T")

# Bounds a listing, so a server that never stops paging cannot hold the run forever.
MAX_PAGES = 1000
# How the service refuses a buy or cancel it will not make.
REFUSED = 420


class AccountError(Violation):
    """The target answered an account request in a way the harness cannot continue from."""

    def __init__(self, detail: str) -> None:
        super().__init__(OWNED_LIST_ANSWERS, detail)


# What the generated models raise on an answer that breaks the document: a missing required field
# (KeyError), a value outside an enum or a body that is not JSON (ValueError), a wrong type.
PARSE_ERRORS = (KeyError, ValueError, TypeError, AttributeError)


def parsed(call: Callable[[], T], what: str) -> T:
    """`call()` (a generated-client call), with a body the client cannot read made a finding."""
    try:
        return call()
    except PARSE_ERRORS as exc:
        raise Violation(
            ANSWER_IS_JSON,
            f"{what}: the answer does not fit the document's model ({type(exc).__name__}: {exc})",
        ) from None


def owned_numbers(client: AuthenticatedClient, redactor: Redactor) -> list[OwnedNumber]:
    """Every number the account owns, read page by page (largest pages, so fewest requests)."""
    owned: list[OwnedNumber] = []
    for index in range(1, MAX_PAGES + 1):
        try:
            response = get_owned_numbers.sync_detailed(
                client=client, size=MAX_PAGE_SIZE, index=index
            )
        except PARSE_ERRORS as exc:
            # A traceback from inside the client would hide what is wrong: the answer.
            raise AccountError(
                f"listing owned numbers (page {index}): the answer does not fit the document's "
                f"model ({type(exc).__name__}: {exc})"
            ) from None
        page = response.parsed
        if response.status_code != 200 or not isinstance(page, InboundNumbers):
            raise AccountError(
                f"listing owned numbers (page {index}) answered {int(response.status_code)}: "
                f"{redactor.excerpt(response.content)!r}"
            )
        numbers = page.numbers or []
        owned.extend(numbers)
        total = page.count if isinstance(page.count, int) else len(owned)
        if not numbers or len(owned) >= total:
            return owned
    raise AccountError(f"owned numbers did not end within {MAX_PAGES} pages")


def cancel(client: AuthenticatedClient, country: str, msisdn: str) -> int:
    """Cancel one number; the HTTP status the target answered."""
    response = parsed(
        lambda: cancel_a_number.sync_detailed(
            client=client, body=NumberDetails(country=country, msisdn=msisdn)
        ),
        f"cancelling {msisdn}",
    )
    return int(response.status_code)


def buy(client: AuthenticatedClient, country: str, msisdn: str) -> int:
    """Buy one number; the HTTP status the target answered."""
    response = parsed(
        lambda: buy_a_number.sync_detailed(
            client=client, body=NumberDetails(country=country, msisdn=msisdn)
        ),
        f"buying {msisdn}",
    )
    return int(response.status_code)


def isolation_violations(
    other: AuthenticatedClient, country: str, msisdn: str, redactor: Redactor
) -> list[str]:
    """How another account can see or touch a number this account owns (none is right).

    It must not list the number, and buying or cancelling it must be refused with 420. On a real
    target a broken service could let the other account's buy through: that is the finding.
    """
    problems = []
    if msisdn in {str(number.msisdn) for number in owned_numbers(other, redactor)}:
        problems.append(f"another account's owned list shows {msisdn}, owned by this account")
    status = buy(other, country, msisdn)
    if status != REFUSED:
        problems.append(f"another account buying {msisdn} answered {status} (expected 420)")
    status = cancel(other, country, msisdn)
    if status != REFUSED:
        problems.append(f"another account cancelling {msisdn} answered {status} (expected 420)")
    return problems
