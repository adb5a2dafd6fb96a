"""Walking pages: the rules, and the walk itself against small in-memory servers."""

from __future__ import annotations

import json

import httpx
import pytest

from contract_tests.judging.paging import MAX_PAGES, Walk, judge, walk
from contract_tests.judging.redaction import Redactor
from contract_tests.judging.violations import ANSWER_IS_JSON, Violation

REDACTOR = Redactor.for_credentials("thekey01", "thesecret0123")


def pool_server(
    numbers: list[str],
    *,
    page_size_cap: int | None = None,
    repeat_first: bool = False,
    count_is_page_length: bool = False,
) -> httpx.Client:
    """A list endpoint over `numbers` (optionally broken), as an in-process httpx client."""

    def handle(request: httpx.Request) -> httpx.Response:
        size = int(request.url.params["size"])
        index = int(request.url.params["index"])
        if page_size_cap is not None:
            size = page_size_cap
        start = (index - 1) * size if not repeat_first else 0
        chunk = numbers[start : start + size]
        count = len(chunk) if count_is_page_length else len(numbers)
        body = {"count": count, "numbers": [{"msisdn": m} for m in chunk]}
        return httpx.Response(200, content=json.dumps(body))

    return httpx.Client(transport=httpx.MockTransport(handle), base_url="http://pool")


NUMBERS = [f"4477009{i:05d}" for i in range(23)]


def test_a_correct_list_walks_clean() -> None:
    with pool_server(NUMBERS) as http:
        result = walk(http, "/list", {}, 5, REDACTOR)
    assert result.problems == []
    assert result.complete
    assert result.msisdns == NUMBERS
    assert result.page_lengths == [5, 5, 5, 5, 3]


def test_a_full_last_page_is_confirmed_by_an_empty_one() -> None:
    with pool_server(NUMBERS[:20]) as http:
        result = walk(http, "/list", {}, 5, REDACTOR)
    assert result.problems == []
    assert result.page_lengths == [5, 5, 5, 5, 0]


def test_a_count_that_is_only_the_page_length_is_reported() -> None:
    # Found by the fault benchmark (`count-is-page-length`): the walk used to stop once `count`
    # numbers came, so a count of 5 ended it after one page of 5 and looked right.
    with pool_server(NUMBERS, count_is_page_length=True) as http:
        result = walk(http, "/list", {}, 5, REDACTOR)
    assert result.msisdns == NUMBERS
    assert "count changed while paging: [5, 5, 5, 5, 3]" in result.problems


def test_pages_larger_than_size_are_reported() -> None:
    with pool_server(NUMBERS, page_size_cap=7) as http:
        result = walk(http, "/list", {}, 5, REDACTOR)
    assert any("a page held more than size=5" in problem for problem in result.problems)


def test_repeated_numbers_are_reported() -> None:
    with pool_server(NUMBERS, repeat_first=True) as http:
        result = walk(http, "/list", {}, 5, REDACTOR)
    assert any("more than one page" in problem for problem in result.problems)


def test_a_failing_page_stops_the_walk() -> None:
    client = httpx.Client(
        transport=httpx.MockTransport(lambda request: httpx.Response(500, text="boom")),
        base_url="http://pool",
    )
    with client as http:
        result = walk(http, "/list", {}, 5, REDACTOR)
    assert result.problems == ["page 1 answered 500: 'boom'"]


@pytest.mark.parametrize(
    ("body", "said"),
    [
        (b"", "an empty body"),
        (b"\xff\xfe{}", "not UTF-8"),
        (b"<numbers/>", "not JSON"),
        (b"thesecret0123 {", "not JSON"),
    ],
)
def test_a_page_that_is_not_json_is_a_named_finding(body: bytes, said: str) -> None:
    client = httpx.Client(
        transport=httpx.MockTransport(lambda request: httpx.Response(200, content=body)),
        base_url="http://pool",
    )
    with client as http, pytest.raises(Violation) as raised:
        walk(http, "/list", {}, 5, REDACTOR)
    assert raised.value.check == ANSWER_IS_JSON
    assert said in raised.value.detail
    assert "thesecret" not in raised.value.detail


def test_judge_reports_count_changes_short_pages_and_totals() -> None:
    result = Walk(size=2, counts=[5, 6], msisdns=["1", "2", "3"], page_lengths=[1, 2])
    result.complete = True
    problems = judge(result)
    assert "count changed while paging: [5, 6]" in problems
    assert "pages [1] were short although later pages followed" in problems
    assert not any("paging to the end" in problem for problem in problems)

    total = Walk(size=2, counts=[5, 5], msisdns=["1", "2", "3"], page_lengths=[2, 1])
    total.complete = True
    assert judge(total) == ["count=5, but paging to the end returned 3 numbers"]


def test_a_walk_is_bounded() -> None:
    endless = httpx.Client(
        transport=httpx.MockTransport(
            lambda request: httpx.Response(
                200,
                content=json.dumps(
                    {"count": 10**9, "numbers": [{"msisdn": request.url.params["index"]}]}
                ),
            )
        ),
        base_url="http://pool",
    )
    with endless as http:
        result = walk(http, "/list", {}, 1, REDACTOR)
    assert len(result.page_lengths) == MAX_PAGES
    assert not result.complete
    assert result.problems == []
