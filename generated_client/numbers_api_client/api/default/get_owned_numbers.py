from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.account_unauthorized import AccountUnauthorized
from ...models.field_errors import FieldErrors
from ...models.get_owned_numbers_search_pattern import GetOwnedNumbersSearchPattern
from ...models.inbound_numbers import InboundNumbers
from ...models.owned_number import OwnedNumber
from ...paging import MAX_PAGE_SIZE, PageFailed, check_page_size
from ...retries import raise_if_gave_up
from ...types import UNSET, Response, Unset, status_from_code


def _get_kwargs(
    *,
    application_id: str | Unset = UNSET,
    has_application: bool | Unset = UNSET,
    country: str | Unset = UNSET,
    pattern: str | Unset = UNSET,
    search_pattern: GetOwnedNumbersSearchPattern | Unset = GetOwnedNumbersSearchPattern.STARTS_WITH,
    size: int | Unset = 10,
    index: int | Unset = 1,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["application_id"] = application_id

    params["has_application"] = has_application

    params["country"] = country

    params["pattern"] = pattern

    json_search_pattern: int | Unset = UNSET
    if not isinstance(search_pattern, Unset):
        json_search_pattern = search_pattern.value

    params["search_pattern"] = json_search_pattern

    params["size"] = size

    params["index"] = index

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/account/numbers",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AccountUnauthorized | FieldErrors | InboundNumbers | None:
    if response.status_code == 200:
        response_200 = InboundNumbers.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = FieldErrors.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = AccountUnauthorized.from_dict(response.json())

        return response_401

    if response.status_code == 429:
        return None

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AccountUnauthorized | FieldErrors | InboundNumbers]:
    raise_if_gave_up(response)
    return Response(
        status_code=status_from_code(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    application_id: str | Unset = UNSET,
    has_application: bool | Unset = UNSET,
    country: str | Unset = UNSET,
    pattern: str | Unset = UNSET,
    search_pattern: GetOwnedNumbersSearchPattern | Unset = GetOwnedNumbersSearchPattern.STARTS_WITH,
    size: int | Unset = 10,
    index: int | Unset = 1,
) -> Response[AccountUnauthorized | FieldErrors | InboundNumbers]:
    """List the numbers you own

     Retrieve all the inbound numbers associated with your Vonage account.

    Args:
        application_id (str | Unset):
        has_application (bool | Unset):
        country (str | Unset): The two character country code in ISO 3166-1 alpha-2 format
            Example: GB.
        pattern (str | Unset):
        search_pattern (GetOwnedNumbersSearchPattern | Unset):  Default:
            GetOwnedNumbersSearchPattern.STARTS_WITH.
        size (int | Unset):  Default: 10.
        index (int | Unset):  Default: 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountUnauthorized | FieldErrors | InboundNumbers]
    """

    kwargs = _get_kwargs(
        application_id=application_id,
        has_application=has_application,
        country=country,
        pattern=pattern,
        search_pattern=search_pattern,
        size=size,
        index=index,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    application_id: str | Unset = UNSET,
    has_application: bool | Unset = UNSET,
    country: str | Unset = UNSET,
    pattern: str | Unset = UNSET,
    search_pattern: GetOwnedNumbersSearchPattern | Unset = GetOwnedNumbersSearchPattern.STARTS_WITH,
    size: int | Unset = 10,
    index: int | Unset = 1,
) -> AccountUnauthorized | FieldErrors | InboundNumbers | None:
    """List the numbers you own

     Retrieve all the inbound numbers associated with your Vonage account.

    Args:
        application_id (str | Unset):
        has_application (bool | Unset):
        country (str | Unset): The two character country code in ISO 3166-1 alpha-2 format
            Example: GB.
        pattern (str | Unset):
        search_pattern (GetOwnedNumbersSearchPattern | Unset):  Default:
            GetOwnedNumbersSearchPattern.STARTS_WITH.
        size (int | Unset):  Default: 10.
        index (int | Unset):  Default: 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountUnauthorized | FieldErrors | InboundNumbers
    """

    return sync_detailed(
        client=client,
        application_id=application_id,
        has_application=has_application,
        country=country,
        pattern=pattern,
        search_pattern=search_pattern,
        size=size,
        index=index,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    application_id: str | Unset = UNSET,
    has_application: bool | Unset = UNSET,
    country: str | Unset = UNSET,
    pattern: str | Unset = UNSET,
    search_pattern: GetOwnedNumbersSearchPattern | Unset = GetOwnedNumbersSearchPattern.STARTS_WITH,
    size: int | Unset = 10,
    index: int | Unset = 1,
) -> Response[AccountUnauthorized | FieldErrors | InboundNumbers]:
    """List the numbers you own

     Retrieve all the inbound numbers associated with your Vonage account.

    Args:
        application_id (str | Unset):
        has_application (bool | Unset):
        country (str | Unset): The two character country code in ISO 3166-1 alpha-2 format
            Example: GB.
        pattern (str | Unset):
        search_pattern (GetOwnedNumbersSearchPattern | Unset):  Default:
            GetOwnedNumbersSearchPattern.STARTS_WITH.
        size (int | Unset):  Default: 10.
        index (int | Unset):  Default: 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountUnauthorized | FieldErrors | InboundNumbers]
    """

    kwargs = _get_kwargs(
        application_id=application_id,
        has_application=has_application,
        country=country,
        pattern=pattern,
        search_pattern=search_pattern,
        size=size,
        index=index,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    application_id: str | Unset = UNSET,
    has_application: bool | Unset = UNSET,
    country: str | Unset = UNSET,
    pattern: str | Unset = UNSET,
    search_pattern: GetOwnedNumbersSearchPattern | Unset = GetOwnedNumbersSearchPattern.STARTS_WITH,
    size: int | Unset = 10,
    index: int | Unset = 1,
) -> AccountUnauthorized | FieldErrors | InboundNumbers | None:
    """List the numbers you own

     Retrieve all the inbound numbers associated with your Vonage account.

    Args:
        application_id (str | Unset):
        has_application (bool | Unset):
        country (str | Unset): The two character country code in ISO 3166-1 alpha-2 format
            Example: GB.
        pattern (str | Unset):
        search_pattern (GetOwnedNumbersSearchPattern | Unset):  Default:
            GetOwnedNumbersSearchPattern.STARTS_WITH.
        size (int | Unset):  Default: 10.
        index (int | Unset):  Default: 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountUnauthorized | FieldErrors | InboundNumbers
    """

    return (
        await asyncio_detailed(
            client=client,
            application_id=application_id,
            has_application=has_application,
            country=country,
            pattern=pattern,
            search_pattern=search_pattern,
            size=size,
            index=index,
        )
    ).parsed


def _page_items(
    response: Response[AccountUnauthorized | FieldErrors | InboundNumbers], index: int
) -> list[OwnedNumber]:
    page = response.parsed
    if not isinstance(page, InboundNumbers):
        raise PageFailed(index, response.status_code, page, response.content)
    # The service answers a page past the end with `{}`: no `numbers` at all.
    return [] if isinstance(page.numbers, Unset) else page.numbers


def iterate_all(
    *,
    client: AuthenticatedClient | Client,
    application_id: str | Unset = UNSET,
    has_application: bool | Unset = UNSET,
    country: str | Unset = UNSET,
    pattern: str | Unset = UNSET,
    search_pattern: GetOwnedNumbersSearchPattern | Unset = GetOwnedNumbersSearchPattern.STARTS_WITH,
    page_size: int = MAX_PAGE_SIZE,
) -> Iterator[OwnedNumber]:
    """Every item of every page matching the filters (the same as the one-page functions take).

    Asks for pages of `page_size` (1 to 100) from index 1 on and stops after a page with fewer
    items than asked for, an empty page or `{}`; the answers' `count` is not relied on.

    Raises:
        PageFailed: If a page is answered with anything but a page (e.g. 401, 400).
        RetriesExhausted: If a page stays throttled or unavailable through the client's retries.
        ValueError: If `page_size` is not between 1 and 100.
    """
    size = check_page_size(page_size)
    index = 1
    while True:
        items = _page_items(
            sync_detailed(
                client=client,
                application_id=application_id,
                has_application=has_application,
                country=country,
                pattern=pattern,
                search_pattern=search_pattern,
                size=size,
                index=index,
            ),
            index,
        )
        yield from items
        if len(items) < size:
            return
        index += 1


async def aiterate_all(
    *,
    client: AuthenticatedClient | Client,
    application_id: str | Unset = UNSET,
    has_application: bool | Unset = UNSET,
    country: str | Unset = UNSET,
    pattern: str | Unset = UNSET,
    search_pattern: GetOwnedNumbersSearchPattern | Unset = GetOwnedNumbersSearchPattern.STARTS_WITH,
    page_size: int = MAX_PAGE_SIZE,
) -> AsyncIterator[OwnedNumber]:
    """Like `iterate_all`, asynchronously: `async for item in aiterate_all(...)`."""
    size = check_page_size(page_size)
    index = 1
    while True:
        items = _page_items(
            await asyncio_detailed(
                client=client,
                application_id=application_id,
                has_application=has_application,
                country=country,
                pattern=pattern,
                search_pattern=search_pattern,
                size=size,
                index=index,
            ),
            index,
        )
        for item in items:
            yield item
        if len(items) < size:
            return
        index += 1
