"""What the paging helpers of the list operations share: the page size and the page that failed.

Each list operation's module has `iterate_all` and `aiterate_all`, generated beside its one-page
functions with the same typed filters. They ask for pages of `page_size` (at most 100, the
service's largest) from index 1 on, and stop after the first page with fewer items than asked
for, an empty one, or `{}` (how the service answers a page past the end). The total `count` is
never used to stop: a count that is stale or missing cannot end a walk early or make it run on.
This module is copied into the generated package by the generator.
"""

from __future__ import annotations

__all__ = ["MAX_PAGE_SIZE", "PageFailed", "check_page_size"]

MAX_PAGE_SIZE = 100


class PageFailed(Exception):
    """A page was answered with something other than a page (e.g. 401 or 400).

    Attributes:
        index: The 1-based index of the page.
        status_code: The answer's status.
        parsed: The answer as the one-page function parses it (None when it does not).
        content: The answer's body.
    """

    def __init__(self, index: int, status_code: int, parsed: object, content: bytes) -> None:
        self.index = index
        self.status_code = status_code
        self.parsed = parsed
        self.content = content
        super().__init__(f"page {index} was answered with HTTP {status_code}, not a page")


def check_page_size(page_size: int) -> int:
    """`page_size` if the service accepts it (1 to 100), else ValueError."""
    if not 1 <= page_size <= MAX_PAGE_SIZE:
        raise ValueError(f"page_size must be between 1 and {MAX_PAGE_SIZE}, not {page_size}")
    return page_size
