"""numbers_api_client paging: `iterate_all`/`aiterate_all` of the two list operations."""

from __future__ import annotations

import inspect
import json
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

import httpx
import pytest
from numbers_api_client import AuthenticatedClient
from numbers_api_client.api.default import get_available_numbers, get_owned_numbers
from numbers_api_client.models import GetOwnedNumbersSearchPattern
from numbers_api_client.paging import MAX_PAGE_SIZE, PageFailed, check_page_size

from .support import API_KEY, API_SECRET, BASE_URL, QUICK_RETRIES, REAL_AUTH_FAILED, await_

LIST_MODULES = [
    pytest.param(get_owned_numbers, id="owned"),
    pytest.param(get_available_numbers, id="available"),
]
# What each list operation needs besides the paging: search requires a country.
REQUIRED_FILTERS: dict[str, dict[str, Any]] = {
    get_owned_numbers.__name__: {},
    get_available_numbers.__name__: {"country": "GB"},
}
TOTALS = [0, 1, 100, 101, 250]


def msisdn(n: int) -> str:
    return f"4477009{n:05d}"


@dataclass
class PagedService:
    """A list endpoint holding `total` numbers, answering a page past the end with `{}` as the
    service does, and recording each page asked for."""

    total: int
    count: int | None = None  # what the answers claim as `count` (the truth when None)
    pages: list[dict[str, str]] = field(default_factory=list)

    def handle(self, request: httpx.Request) -> httpx.Response:
        query = dict(request.url.params)
        self.pages.append(query)
        size, index = int(query["size"]), int(query["index"])
        first = (index - 1) * size
        numbers = [
            {"country": "GB", "msisdn": msisdn(n), "type": "mobile-lvn"}
            for n in range(first, min(first + size, self.total))
        ]
        body: dict[str, Any] = {}
        if numbers:
            body = {"count": self.total if self.count is None else self.count, "numbers": numbers}
        return httpx.Response(200, content=json.dumps(body).encode(), headers=JSON)

    def client(self) -> AuthenticatedClient:
        return client_on(self.handle)


JSON = {"Content-Type": "application/json;charset=UTF-8"}


def client_on(handler: Callable[[httpx.Request], httpx.Response]) -> AuthenticatedClient:
    return AuthenticatedClient(
        base_url=BASE_URL,
        api_key=API_KEY,
        api_secret=API_SECRET,
        retries=QUICK_RETRIES,
        httpx_args={"transport": httpx.MockTransport(handler)},
    )


def walk(
    module: ModuleType, client: AuthenticatedClient, use_async: bool, **filters: Any
) -> list[Any]:
    """Every item `iterate_all` (or `aiterate_all`) yields, in order."""
    arguments = {**REQUIRED_FILTERS[module.__name__], **filters}
    if not use_async:
        return list(module.iterate_all(client=client, **arguments))

    async def collect() -> list[Any]:
        items: AsyncIterator[Any] = module.aiterate_all(client=client, **arguments)
        return [item async for item in items]

    return await_(collect())


@pytest.mark.parametrize("module", LIST_MODULES)
@pytest.mark.parametrize("total", TOTALS)
def test_every_number_comes_once_in_order(module: ModuleType, total: int, use_async: bool) -> None:
    service = PagedService(total)

    numbers = walk(module, service.client(), use_async)

    assert [number.msisdn for number in numbers] == [msisdn(n) for n in range(total)]


@pytest.mark.parametrize("module", LIST_MODULES)
@pytest.mark.parametrize(
    ("total", "indices"),
    [(0, ["1"]), (1, ["1"]), (100, ["1", "2"]), (101, ["1", "2"]), (250, ["1", "2", "3"])],
)
def test_pages_of_100_until_a_short_page_or_the_empty_answer_past_the_end(
    module: ModuleType, total: int, indices: list[str], use_async: bool
) -> None:
    service = PagedService(total)

    walk(module, service.client(), use_async)

    assert [page["index"] for page in service.pages] == indices
    assert {page["size"] for page in service.pages} == {"100"}


@pytest.mark.parametrize("module", LIST_MODULES)
@pytest.mark.parametrize("claimed", [0, 1, 1000])
def test_the_count_is_not_trusted(module: ModuleType, claimed: int, use_async: bool) -> None:
    """A count that says fewer (or far more) than there are neither ends nor prolongs the walk."""
    service = PagedService(150, count=claimed)

    numbers = walk(module, service.client(), use_async)

    assert len(numbers) == 150
    assert [page["index"] for page in service.pages] == ["1", "2"]


@pytest.mark.parametrize("module", LIST_MODULES)
def test_a_smaller_page_size_is_asked_for(module: ModuleType, use_async: bool) -> None:
    service = PagedService(25)

    numbers = walk(module, service.client(), use_async, page_size=10)

    assert len(numbers) == 25
    assert [(page["index"], page["size"]) for page in service.pages] == [
        ("1", "10"),
        ("2", "10"),
        ("3", "10"),
    ]


def test_an_empty_list_with_a_zero_count_ends_the_walk(use_async: bool) -> None:
    def empty(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=b'{"count":0,"numbers":[]}', headers=JSON)

    assert walk(get_owned_numbers, client_on(empty), use_async) == []


def test_the_filters_are_sent_with_every_page(use_async: bool) -> None:
    service = PagedService(150)

    walk(
        get_owned_numbers,
        service.client(),
        use_async,
        country="GB",
        pattern="4477",
        search_pattern=GetOwnedNumbersSearchPattern.CONTAINS,
        has_application=False,
    )

    assert len(service.pages) == 2
    for page in service.pages:
        assert page["country"] == "GB"
        assert page["pattern"] == "4477"
        assert page["search_pattern"] == "1"
        assert page["has_application"] == "false"


@pytest.mark.parametrize("module", LIST_MODULES)
def test_the_filters_are_those_of_the_one_page_function(module: ModuleType) -> None:
    one_page = inspect.signature(module.sync_detailed).parameters
    expected = {name: p for name, p in one_page.items() if name not in ("size", "index")}
    for function in (module.iterate_all, module.aiterate_all):
        parameters = dict(inspect.signature(function).parameters)
        page_size = parameters.pop("page_size")
        assert page_size.default == MAX_PAGE_SIZE
        assert parameters == expected


def test_a_refused_page_raises_page_failed(use_async: bool) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        return httpx.Response(401, content=json.dumps(REAL_AUTH_FAILED).encode(), headers=JSON)

    with pytest.raises(PageFailed) as caught:
        walk(get_owned_numbers, client_on(refuse), use_async)

    assert caught.value.index == 1
    assert caught.value.status_code == 401
    assert caught.value.parsed is not None
    assert "page 1" in str(caught.value) and "401" in str(caught.value)


@pytest.mark.parametrize("page_size", [0, -1, 101])
def test_a_page_size_the_service_refuses_is_rejected_before_any_request(page_size: int) -> None:
    service = PagedService(5)

    with pytest.raises(ValueError, match="between 1 and 100"):
        walk(get_owned_numbers, service.client(), False, page_size=page_size)
    assert service.pages == []
    assert check_page_size(100) == 100
