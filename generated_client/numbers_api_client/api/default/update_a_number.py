from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.action_failed import ActionFailed
from ...models.action_response import ActionResponse
from ...models.field_errors import FieldErrors
from ...models.number_details_update import NumberDetailsUpdate
from ...models.unauthorized import Unauthorized
from ...retries import raise_if_gave_up
from ...types import Response, status_from_code


def _get_kwargs(
    *,
    body: NumberDetailsUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/number/update",
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ActionFailed | ActionResponse | FieldErrors | Unauthorized | None:
    if response.status_code == 200:
        response_200 = ActionResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = FieldErrors.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Unauthorized.from_dict(response.json())

        return response_401

    if response.status_code == 420:
        response_420 = ActionFailed.from_dict(response.json())

        return response_420

    if response.status_code == 429:
        return None

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ActionFailed | ActionResponse | FieldErrors | Unauthorized]:
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
    body: NumberDetailsUpdate,
) -> Response[ActionFailed | ActionResponse | FieldErrors | Unauthorized]:
    """Update a number

     Change the behaviour of a number that you own.

    Args:
        body (NumberDetailsUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ActionFailed | ActionResponse | FieldErrors | Unauthorized]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: NumberDetailsUpdate,
) -> ActionFailed | ActionResponse | FieldErrors | Unauthorized | None:
    """Update a number

     Change the behaviour of a number that you own.

    Args:
        body (NumberDetailsUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ActionFailed | ActionResponse | FieldErrors | Unauthorized
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: NumberDetailsUpdate,
) -> Response[ActionFailed | ActionResponse | FieldErrors | Unauthorized]:
    """Update a number

     Change the behaviour of a number that you own.

    Args:
        body (NumberDetailsUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ActionFailed | ActionResponse | FieldErrors | Unauthorized]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: NumberDetailsUpdate,
) -> ActionFailed | ActionResponse | FieldErrors | Unauthorized | None:
    """Update a number

     Change the behaviour of a number that you own.

    Args:
        body (NumberDetailsUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ActionFailed | ActionResponse | FieldErrors | Unauthorized
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
