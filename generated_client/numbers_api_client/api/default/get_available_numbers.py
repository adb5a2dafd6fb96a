from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.account_unauthorized import AccountUnauthorized
from ...models.available_number import AvailableNumber
from ...models.available_numbers import AvailableNumbers
from ...models.field_errors import FieldErrors
from ...models.get_available_numbers_features import GetAvailableNumbersFeatures
from ...models.get_available_numbers_search_pattern import GetAvailableNumbersSearchPattern
from ...models.get_available_numbers_type import GetAvailableNumbersType
from ...paging import MAX_PAGE_SIZE, PageFailed, check_page_size
from ...retries import raise_if_gave_up
from ...types import UNSET, Response, Unset, status_from_code


def _get_kwargs(
    *,
    country: str,
    type_: GetAvailableNumbersType | Unset = UNSET,
    pattern: str | Unset = UNSET,
    search_pattern: GetAvailableNumbersSearchPattern | Unset = GetAvailableNumbersSearchPattern.STARTS_WITH,
    features: GetAvailableNumbersFeatures | Unset = UNSET,
    size: int | Unset = 10,
    index: int | Unset = 1,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["country"] = country

    json_type_: str | Unset = UNSET
    if not isinstance(type_, Unset):
        json_type_ = type_.value

    params["type"] = json_type_

    params["pattern"] = pattern

    json_search_pattern: int | Unset = UNSET
    if not isinstance(search_pattern, Unset):
        json_search_pattern = search_pattern.value

    params["search_pattern"] = json_search_pattern

    json_features: str | Unset = UNSET
    if not isinstance(features, Unset):
        json_features = features.value

    params["features"] = json_features

    params["size"] = size

    params["index"] = index

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/number/search",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AccountUnauthorized | AvailableNumbers | FieldErrors | None:
    if response.status_code == 200:
        response_200 = AvailableNumbers.from_dict(response.json())

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
) -> Response[AccountUnauthorized | AvailableNumbers | FieldErrors]:
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
    country: str,
    type_: GetAvailableNumbersType | Unset = UNSET,
    pattern: str | Unset = UNSET,
    search_pattern: GetAvailableNumbersSearchPattern | Unset = GetAvailableNumbersSearchPattern.STARTS_WITH,
    features: GetAvailableNumbersFeatures | Unset = UNSET,
    size: int | Unset = 10,
    index: int | Unset = 1,
) -> Response[AccountUnauthorized | AvailableNumbers | FieldErrors]:
    """Search available numbers

     Retrieve inbound numbers that are available for the specified country.

    Args:
        country (str): The two character country code in ISO 3166-1 alpha-2 format Example: GB.
        type_ (GetAvailableNumbersType | Unset):
        pattern (str | Unset):
        search_pattern (GetAvailableNumbersSearchPattern | Unset):  Default:
            GetAvailableNumbersSearchPattern.STARTS_WITH.
        features (GetAvailableNumbersFeatures | Unset):
        size (int | Unset):  Default: 10.
        index (int | Unset):  Default: 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountUnauthorized | AvailableNumbers | FieldErrors]
    """

    kwargs = _get_kwargs(
        country=country,
        type_=type_,
        pattern=pattern,
        search_pattern=search_pattern,
        features=features,
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
    country: str,
    type_: GetAvailableNumbersType | Unset = UNSET,
    pattern: str | Unset = UNSET,
    search_pattern: GetAvailableNumbersSearchPattern | Unset = GetAvailableNumbersSearchPattern.STARTS_WITH,
    features: GetAvailableNumbersFeatures | Unset = UNSET,
    size: int | Unset = 10,
    index: int | Unset = 1,
) -> AccountUnauthorized | AvailableNumbers | FieldErrors | None:
    """Search available numbers

     Retrieve inbound numbers that are available for the specified country.

    Args:
        country (str): The two character country code in ISO 3166-1 alpha-2 format Example: GB.
        type_ (GetAvailableNumbersType | Unset):
        pattern (str | Unset):
        search_pattern (GetAvailableNumbersSearchPattern | Unset):  Default:
            GetAvailableNumbersSearchPattern.STARTS_WITH.
        features (GetAvailableNumbersFeatures | Unset):
        size (int | Unset):  Default: 10.
        index (int | Unset):  Default: 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountUnauthorized | AvailableNumbers | FieldErrors
    """

    return sync_detailed(
        client=client,
        country=country,
        type_=type_,
        pattern=pattern,
        search_pattern=search_pattern,
        features=features,
        size=size,
        index=index,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    country: str,
    type_: GetAvailableNumbersType | Unset = UNSET,
    pattern: str | Unset = UNSET,
    search_pattern: GetAvailableNumbersSearchPattern | Unset = GetAvailableNumbersSearchPattern.STARTS_WITH,
    features: GetAvailableNumbersFeatures | Unset = UNSET,
    size: int | Unset = 10,
    index: int | Unset = 1,
) -> Response[AccountUnauthorized | AvailableNumbers | FieldErrors]:
    """Search available numbers

     Retrieve inbound numbers that are available for the specified country.

    Args:
        country (str): The two character country code in ISO 3166-1 alpha-2 format Example: GB.
        type_ (GetAvailableNumbersType | Unset):
        pattern (str | Unset):
        search_pattern (GetAvailableNumbersSearchPattern | Unset):  Default:
            GetAvailableNumbersSearchPattern.STARTS_WITH.
        features (GetAvailableNumbersFeatures | Unset):
        size (int | Unset):  Default: 10.
        index (int | Unset):  Default: 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountUnauthorized | AvailableNumbers | FieldErrors]
    """

    kwargs = _get_kwargs(
        country=country,
        type_=type_,
        pattern=pattern,
        search_pattern=search_pattern,
        features=features,
        size=size,
        index=index,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    country: str,
    type_: GetAvailableNumbersType | Unset = UNSET,
    pattern: str | Unset = UNSET,
    search_pattern: GetAvailableNumbersSearchPattern | Unset = GetAvailableNumbersSearchPattern.STARTS_WITH,
    features: GetAvailableNumbersFeatures | Unset = UNSET,
    size: int | Unset = 10,
    index: int | Unset = 1,
) -> AccountUnauthorized | AvailableNumbers | FieldErrors | None:
    """Search available numbers

     Retrieve inbound numbers that are available for the specified country.

    Args:
        country (str): The two character country code in ISO 3166-1 alpha-2 format Example: GB.
        type_ (GetAvailableNumbersType | Unset):
        pattern (str | Unset):
        search_pattern (GetAvailableNumbersSearchPattern | Unset):  Default:
            GetAvailableNumbersSearchPattern.STARTS_WITH.
        features (GetAvailableNumbersFeatures | Unset):
        size (int | Unset):  Default: 10.
        index (int | Unset):  Default: 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountUnauthorized | AvailableNumbers | FieldErrors
    """

    return (
        await asyncio_detailed(
            client=client,
            country=country,
            type_=type_,
            pattern=pattern,
            search_pattern=search_pattern,
            features=features,
            size=size,
            index=index,
        )
    ).parsed


def _page_items(
    response: Response[AccountUnauthorized | AvailableNumbers | FieldErrors], index: int
) -> list[AvailableNumber]:
    page = response.parsed
    if not isinstance(page, AvailableNumbers):
        raise PageFailed(index, response.status_code, page, response.content)
    # The service answers a page past the end with `{}`: no `numbers` at all.
    return [] if isinstance(page.numbers, Unset) else page.numbers


def iterate_all(
    *,
    client: AuthenticatedClient | Client,
    country: str,
    type_: GetAvailableNumbersType | Unset = UNSET,
    pattern: str | Unset = UNSET,
    search_pattern: GetAvailableNumbersSearchPattern | Unset = GetAvailableNumbersSearchPattern.STARTS_WITH,
    features: GetAvailableNumbersFeatures | Unset = UNSET,
    page_size: int = MAX_PAGE_SIZE,
) -> Iterator[AvailableNumber]:
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
                country=country,
                type_=type_,
                pattern=pattern,
                search_pattern=search_pattern,
                features=features,
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
    country: str,
    type_: GetAvailableNumbersType | Unset = UNSET,
    pattern: str | Unset = UNSET,
    search_pattern: GetAvailableNumbersSearchPattern | Unset = GetAvailableNumbersSearchPattern.STARTS_WITH,
    features: GetAvailableNumbersFeatures | Unset = UNSET,
    page_size: int = MAX_PAGE_SIZE,
) -> AsyncIterator[AvailableNumber]:
    """Like `iterate_all`, asynchronously: `async for item in aiterate_all(...)`."""
    size = check_page_size(page_size)
    index = 1
    while True:
        items = _page_items(
            await asyncio_detailed(
                client=client,
                country=country,
                type_=type_,
                pattern=pattern,
                search_pattern=search_pattern,
                features=features,
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
