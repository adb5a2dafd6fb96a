"""One exchange as the proxy saw it on the wire, and what was found in it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import parse_qs

from contract_tests.judging.registry import REGISTRY
from numbers_proxy.checks import Side

__all__ = ["Exchange", "Finding", "Note", "Request", "media_type_of"]

Fields = Mapping[str, Sequence[str]]


def media_type_of(content_type: str | None) -> str | None:
    """`application/json;charset=UTF-8` -> `application/json` (lower case); None when absent."""
    if not content_type:
        return None
    return content_type.split(";", 1)[0].strip().lower() or None


@dataclass(frozen=True)
class Request:
    """A request as the application sent it (headers lower-cased, the body as bytes)."""

    method: str
    path: str
    query_string: str
    headers: Mapping[str, str]
    body: bytes
    # The order the proxy received requests in: later state rules compare it with when an answer
    # that changed the account arrived.
    sequence: int = 0

    # Read once each (a frozen dataclass keeps a cached_property in its __dict__).
    @cached_property
    def query(self) -> dict[str, list[str]]:
        return parse_qs(self.query_string, keep_blank_values=True)

    @cached_property
    def form(self) -> dict[str, list[str]]:
        """The body's fields when it is form-encoded (else none)."""
        if media_type_of(self.headers.get("content-type")) != "application/x-www-form-urlencoded":
            return {}
        return parse_qs(self.body.decode("utf-8", "replace"), keep_blank_values=True)


@dataclass(frozen=True)
class Finding:
    """A rule the exchange broke: its check id, which side broke it, and how (already masked)."""

    check: str
    side: Side
    detail: str

    def __post_init__(self) -> None:
        # One vocabulary of checks: a finding under an id the registry does not declare is the
        # proxy's own bug, refused where it is made (as the harness's `Violation` refuses one).
        if self.check not in REGISTRY:
            raise ValueError(
                f"unknown check {self.check!r}: declare it in contract_tests/judging/registry.py"
            )


@dataclass(frozen=True)
class Note:
    """Something worth saying that is not a failure (a legacy form, an answer left unjudged)."""

    id: str
    detail: str


@dataclass
class Exchange:
    """A request, its answer and everything found: what one line of output and the reports show.

    `operation` is "METHOD /path" of the document, or the request's own when it names none.
    """

    request: Request
    operation: str
    status: int
    media_type: str | None
    content: bytes
    milliseconds: float
    # False when the answer was larger than the judge's cap: only its start is in `content`.
    complete: bool = True
    findings: list[Finding] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    # For the reports, set (masked) only when something was found: the request's target and form,
    # and the start of the answer.
    shown_target: str = ""
    shown_form: str = ""
    excerpt: str = ""
