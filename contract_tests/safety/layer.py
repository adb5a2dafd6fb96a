"""The one safety layer every request of a run goes through, whoever sends it.

`RequestGate.send` wraps one request (a callable that sends it and reads the whole answer) and
keeps the harness's promises around it:

- **account changes**: a buy takes a slot in the purchase ledger before it is sent (no slot, not
  sent), a cancel or update naming a number owned before the run is not sent, and what the answer
  (or its absence) means for the ledger is booked whatever happens next;
- **interrupt**: once `stop` is called (the first Ctrl-C) nothing more is sent, except the settle
  step's listing and cancels (`settling`);
- **time**: the whole request (connect, send, the complete answer) must finish within
  `Limits.deadline`, measured here and not per read: the caller stops waiting at the deadline even
  while a server drips one byte at a time;
- **memory**: an answer over `Limits.max_answer_bytes` is cut off while it arrives (and refused up
  front when its Content-Length says so);
- **a dead target**: after `Limits.breaker_after` requests in a row without an answer, the
  circuit opens and every later request fails at once instead of waiting out its deadline;
- **rate**: requests wait for a token of `Limits.rate`; a 429 is waited out (`Retry-After`,
  capped) and retried, every 429 is counted, and `breaker_after` requests in a row that stay
  throttled after their retries open the circuit too.

Two adapters put it under the two HTTP stacks of a run: `GatedHttpxTransport` (the generated
client and the harness's own httpx calls) and `GatedSession` (schemathesis, which sends with
requests; `route_schema` makes every request of a schema, the checks' own probes included, use it).
"""

from __future__ import annotations

import ssl
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any, TypeVar
from urllib.parse import urlsplit

import httpx
import requests
from schemathesis import BaseSchema
from schemathesis.transport.requests import RequestsTransport

from contract_tests import internals
from contract_tests.judging.document import BUY, CANCEL, OWNED, SEARCH, UPDATE
from contract_tests.judging.forms import parse_form
from contract_tests.judging.violations import (
    ANSWER_WITHIN_DEADLINE,
    ANSWER_WITHIN_SIZE,
    NOT_THROTTLED,
    TARGET_ANSWERS,
    Violation,
)
from contract_tests.safety.purchases import PurchaseLedger, cannot_buy
from contract_tests.safety.ratelimit import Rate, TokenBucket
from contract_tests.tally.check_counts import CheckCounts
from contract_tests.tally.exercised import Exercised
from contract_tests.tally.findings import Exchange, SeenAnswer, SentRequest, excerpt_of, form_text
from contract_tests.tally.judged import AnswerKinds

T = TypeVar("T")
READ_CHUNK = 64 * 1024
# Without Retry-After, a 429 is waited out this long before the retry.
DEFAULT_RETRY_AFTER = 1.0
# Stands for credentials given some other way than a header (treated as the run's own).
OWN_AUTH_UNKNOWN = "<credentials given as an auth object>"


@dataclass(frozen=True)
class Limits:
    deadline: float
    max_answer_bytes: int
    breaker_after: int
    rate: Rate | None
    retries_on_429: int = 2
    max_retry_after: float = 30.0
    # Certificates: True checks them against the system's CAs, a path against that CA file
    # (`--ca-file`), False not at all (`--insecure`); for every request, whoever sends it.
    tls_verify: bool | str = True


class RunStopped(KeyboardInterrupt):
    """The run was interrupted: nothing more is sent (a KeyboardInterrupt: nothing catches it)."""


class HeldBack(RuntimeError):
    """The request would break the money rules and was not sent."""


class _DeadlineExceeded(Exception):
    pass


@dataclass
class GateCounters:
    sent: int = 0
    answers: int = 0
    throttled: int = 0
    throttle_wait: float = 0.0
    rate_wait: float = 0.0
    dead: int = 0


def operation_of(method: str, url: str) -> str | None:
    """The operation label a request belongs to, when it is one of the document's."""
    path = urlsplit(url).path.rstrip("/")
    for label in (BUY, CANCEL, UPDATE, OWNED, SEARCH):
        label_method, label_path = label.split(" ", 1)
        if method.upper() == label_method and path.endswith(label_path):
            return label
    return None


def retry_after_seconds(value: str | None, cap: float) -> float:
    if not value:
        return DEFAULT_RETRY_AFTER
    try:
        seconds = float(value)
    except ValueError:
        try:
            seconds = parsedate_to_datetime(value).timestamp() - time.time()
        except (TypeError, ValueError):
            seconds = DEFAULT_RETRY_AFTER
    return max(0.0, min(cap, seconds))


class RequestGate:
    def __init__(self, limits: Limits, ledger: PurchaseLedger) -> None:
        self.limits = limits
        self.ledger = ledger
        self.counters = GateCounters()
        self._bucket = TokenBucket(limits.rate) if limits.rate is not None else None
        self.stopped: str | None = None
        self.settling = False
        # Why the circuit is open (the target stopped answering, or only throttles), or None;
        # and the check that names it.
        self.tripped: str | None = None
        self._tripped_check = TARGET_ANSWERS
        self._dead_in_a_row = 0
        self._throttled_in_a_row = 0
        # The Authorization headers of the run's own accounts ("Basic ..."), set by the run state.
        self.own_authorizations: frozenset[str] = frozenset()
        # The second account's, among them (None without one): a finding's replay names its
        # variables.
        self.other_authorization: str | None = None
        self.exercised = Exercised()
        self.checks = CheckCounts()
        # The last request sent and its answer: what a finding of the harness's own tests shows
        # (the request that broke the rule is the last one the test sent).
        self.last_exchange: Exchange | None = None
        # Every final answer by whether it could be judged (`tally.judged`).
        self.answer_kinds = AnswerKinds()
        self._tls: ssl.SSLContext | None = None

    # --- state ----------------------------------------------------------------------------

    def is_own(self, authorization: str | None) -> bool:
        """Whether a request is sent as one of the run's accounts (unknown credentials: assumed so).

        Without `own_authorizations` (a gate made without credentials) every request counts as
        authorized: a buy is then only ever sent beyond the cap for a malformed form.
        """
        if not self.own_authorizations or authorization == OWN_AUTH_UNKNOWN:
            return True
        return authorization is not None and authorization.strip() in self.own_authorizations

    def stop(self, reason: str) -> None:
        self.stopped = reason

    def tls_context(self) -> ssl.SSLContext:
        """The one TLS context of the run's httpx clients, made as httpx makes it by default.

        httpx makes one per transport, and each reads the whole CA bundle (tens of milliseconds);
        the tests open dozens of clients in a run, each with its own transport.
        """
        if self._tls is None:
            self._tls = tls_context_for(self.limits.tls_verify)
        return self._tls

    @property
    def mostly_throttled(self) -> bool:
        return self.counters.answers > 0 and self.counters.throttled * 2 > self.counters.answers

    # --- sending --------------------------------------------------------------------------

    def send(
        self,
        method: str,
        url: str,
        body: Any,
        attempt: Callable[[float], T],
        status_of: Callable[[T], int],
        header_of: Callable[[T, str], str | None],
        *,
        authorization: str | None = None,
        answer_of: Callable[[T], tuple[str, bytes]] | None = None,
        accept: str = "",
    ) -> T:
        """Send one request through every rule above; `attempt(deadline_at)` sends it once.

        `authorization` is the request's Authorization header (None when it has none);
        `answer_of` gives an answer's content type and body, for the record of what was exercised.
        """
        label = operation_of(method, url)
        what = f"{method.upper()} {urlsplit(url).path}"
        self._admit(label, what)
        form = parse_form(body) if label in (BUY, CANCEL, UPDATE) else {}
        msisdn = next(iter(form.get("msisdn", [])), "")
        slot = None
        if label == BUY:
            slot = self.ledger.reserve(
                next(iter(form.get("country", [])), ""),
                msisdn,
                beyond_cap=cannot_buy(form, authorized=self.is_own(authorization)),
            )
            if slot is None:
                raise HeldBack(f"{what}: the purchase cap (--max-purchases) is reached: not sent")
        if label in (CANCEL, UPDATE) and not self.ledger.may_touch(form.get("msisdn", [])):
            raise HeldBack(f"{what}: names a number owned before the run: not sent")
        own = self.is_own(authorization)
        sent = SentRequest(
            method=method.upper(),
            url=url,
            form=form_text(body),
            accept=accept,
            own_credentials=own,
            authorization="" if own or authorization is None else authorization,
            other_account=authorization is not None
            and authorization.strip() == self.other_authorization,
        )
        retries = self.limits.retries_on_429
        while True:
            if not self.settling:
                self.last_exchange = Exchange(sent)
            answer = self._once(what, attempt)
            status = status_of(answer)
            if answer_of is not None and not self.settling:
                content_type, content = answer_of(answer)
                self.last_exchange = Exchange(
                    sent, SeenAnswer(status, content_type, excerpt_of(content))
                )
            if slot is not None:
                self.ledger.answered(slot, status)
            elif label == CANCEL and status == 200:
                self.ledger.record_cancel(msisdn)
            if label is not None and (status != 429 or retries == 0 or self.stopped is not None):
                # Only the document's operations: a probe with another method (a 405) judges
                # nothing of what a test is about.
                self.answer_kinds.record(status, own_credentials=self.is_own(authorization))
            if status != 429:
                self._throttled_in_a_row = 0
                if answer_of is not None and label is not None and not self.settling:
                    content_type, content = answer_of(answer)
                    self.exercised.record(label, url, form, status, content_type, content)
                return answer
            self.counters.throttled += 1
            if retries == 0 or self.stopped is not None:
                self._throttled_in_a_row += 1
                if self._throttled_in_a_row >= self.limits.breaker_after and not self.settling:
                    self._tripped_check = NOT_THROTTLED
                    self.tripped = (
                        f"{self._throttled_in_a_row} requests in a row were still answered 429 "
                        f"after {self.limits.retries_on_429} retries each"
                    )
                return answer
            retries -= 1
            pause = retry_after_seconds(
                header_of(answer, "Retry-After"), self.limits.max_retry_after
            )
            self.counters.throttle_wait += pause
            time.sleep(pause)
            # A buy keeps its slot through the retries: a 429 proves nothing either way.
            self._admit(label, what)

    def _admit(self, label: str | None, what: str) -> None:
        if self.stopped is not None and not (self.settling and label in (OWNED, CANCEL)):
            raise RunStopped(f"{what} not sent: {self.stopped}")
        if self.tripped is not None and not self.settling:
            raise Violation(
                self._tripped_check,
                f"{what} not sent: {self.tripped}; the rest of the run is skipped",
            )
        if self._bucket is not None:
            self.counters.rate_wait += self._bucket.acquire()

    def _once(self, what: str, attempt: Callable[[float], T]) -> T:
        deadline = self.limits.deadline
        self.counters.sent += 1
        try:
            answer = self._within(deadline, attempt)
        except Violation:
            self._dead_in_a_row = 0
            raise
        except (_DeadlineExceeded, httpx.TimeoutException, requests.Timeout):
            self._dead(what)
            raise Violation(
                ANSWER_WITHIN_DEADLINE,
                f"{what}: no complete answer within {deadline:g} s (--request-deadline)",
            ) from None
        except (httpx.TransportError, requests.RequestException, OSError) as exc:
            self._dead(what)
            raise Violation(
                TARGET_ANSWERS, f"{what}: no answer ({type(exc).__name__}: {exc}){tls_hint(exc)}"
            ) from None
        self._dead_in_a_row = 0
        self.counters.answers += 1
        return answer

    def _dead(self, what: str) -> None:
        self.counters.dead += 1
        self._dead_in_a_row += 1
        if self._dead_in_a_row >= self.limits.breaker_after and not self.settling:
            self._tripped_check = TARGET_ANSWERS
            self.tripped = (
                f"the target stopped answering ({self._dead_in_a_row} requests in a row got no "
                f"answer, the last {what})"
            )

    @staticmethod
    def _within(deadline: float, attempt: Callable[[float], T]) -> T:
        """Run `attempt` in a worker thread; stop waiting for it at the deadline.

        The caller (pytest's main thread) waits on an event, which Ctrl-C interrupts at once; the
        worker, abandoned at the deadline, ends by itself: `attempt` checks the deadline between
        reads, and each read times out soon after the deadline (`read_timeout`).
        """
        deadline_at = time.monotonic() + deadline
        outcome: dict[str, Any] = {}
        done = threading.Event()

        def run() -> None:
            try:
                outcome["answer"] = attempt(deadline_at)
            except BaseException as exc:  # handed to the caller, whatever it is
                outcome["error"] = exc
            finally:
                done.set()

        threading.Thread(target=run, name="contract-request", daemon=True).start()
        if not done.wait(deadline):
            raise _DeadlineExceeded
        if "error" in outcome:
            raise outcome["error"]
        answer: T = outcome["answer"]
        return answer


def tls_hint(error: BaseException) -> str:
    """What to do about a certificate the run does not trust (nothing for any other error)."""
    if "CERTIFICATE_VERIFY_FAILED" not in str(error):
        return ""
    return (
        ": the target's TLS certificate is not trusted; pass --ca-file PATH with the CA that "
        "signed it (or --insecure to check none)"
    )


def tls_context_for(verify: bool | str) -> ssl.SSLContext:
    """httpx's context for `verify` (True, False, or a CA file), made as httpx makes its own."""
    if isinstance(verify, str):
        return ssl.create_default_context(cafile=verify)
    return httpx.create_ssl_context(verify=verify)


def read_timeout(deadline: float) -> float:
    """The per-read timeout of the HTTP libraries: past the deadline, so the gate's clock decides.

    It only ends the abandoned worker of a request whose deadline has passed.
    """
    return deadline + 1.0


def read_capped(
    chunks: Iterator[bytes], declared: str | None, cap: int, deadline_at: float, what: str
) -> bytes:
    """The whole body, refused past `cap` bytes (up front when Content-Length says so)."""
    if declared is not None and declared.isdigit() and int(declared) > cap:
        raise Violation(
            ANSWER_WITHIN_SIZE,
            f"{what}: the answer announces {int(declared)} bytes, over the {cap}-byte cap "
            "(--max-answer-bytes); not read",
        )
    parts: list[bytes] = []
    total = 0
    for chunk in chunks:
        total += len(chunk)
        if total > cap:
            # Dropped before raising: the traceback keeps this frame (and a list it holds) alive
            # as long as Hypothesis keeps the failure.
            parts.clear()
            raise Violation(
                ANSWER_WITHIN_SIZE,
                f"{what}: the answer passed the {cap}-byte cap (--max-answer-bytes); "
                "reading stopped there",
            )
        if time.monotonic() > deadline_at:
            parts.clear()
            raise _DeadlineExceeded
        parts.append(chunk)
    return b"".join(parts)


class GatedHttpxTransport(httpx.BaseTransport):
    """An httpx transport that sends through the gate (for the generated client and plain httpx)."""

    def __init__(self, gate: RequestGate, inner: httpx.BaseTransport | None = None) -> None:
        self._gate = gate
        self._inner = inner if inner is not None else httpx.HTTPTransport(verify=gate.tls_context())

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()
        what = f"{request.method} {request.url.path}"

        def attempt(deadline_at: float) -> httpx.Response:
            raw = self._inner.handle_request(request)
            try:
                stream = raw.stream
                assert isinstance(stream, httpx.SyncByteStream)
                content = read_capped(
                    iter(stream),
                    raw.headers.get("content-length"),
                    self._gate.limits.max_answer_bytes,
                    deadline_at,
                    what,
                )
            finally:
                raw.close()
            return httpx.Response(
                raw.status_code,
                headers=raw.headers,
                content=content,
                request=request,
                extensions={k: v for k, v in raw.extensions.items() if k != "network_stream"},
            )

        return self._gate.send(
            request.method,
            str(request.url),
            request.content,
            attempt,
            status_of=lambda response: response.status_code,
            header_of=lambda response, name: response.headers.get(name),
            authorization=request.headers.get("Authorization"),
            answer_of=lambda response: (response.headers.get("content-type", ""), response.content),
            accept=request.headers.get("accept", ""),
        )

    def close(self) -> None:
        self._inner.close()


class GatedSession(requests.Session):
    """A requests session that sends through the gate (for schemathesis)."""

    def __init__(self, gate: RequestGate) -> None:
        super().__init__()
        # No headers of its own: schemathesis merges a session's headers over the generated ones
        # (requests' default `Accept: */*` would replace every case's Accept).
        self.headers.clear()
        self._gate = gate

    @property
    def tls_verify(self) -> bool | str:
        return self._gate.limits.tls_verify

    @property
    def gate(self) -> RequestGate:
        return self._gate

    def request(self, method: str | bytes, url: str | bytes, *args: Any, **kwargs: Any) -> Any:
        method_text = method.decode() if isinstance(method, bytes) else method
        url_text = url.decode() if isinstance(url, bytes) else url
        deadline = self._gate.limits.deadline
        kwargs["stream"] = True
        kwargs["timeout"] = read_timeout(deadline)
        # The run's TLS choice, over schemathesis' own (which knows nothing of `--ca-file`).
        kwargs["verify"] = self._gate.limits.tls_verify
        what = f"{method_text.upper()} {urlsplit(url_text).path}"

        def attempt(deadline_at: float) -> requests.Response:
            response = requests.Session.request(self, method_text, url_text, *args, **kwargs)
            try:
                response._content = read_capped(
                    _read1_chunks(response),
                    response.headers.get("Content-Length"),
                    self._gate.limits.max_answer_bytes,
                    deadline_at,
                    what,
                )
            finally:
                response.close()
            return response

        # schemathesis passes the query apart (`params`): the gate's record needs the whole URL.
        full_url = (
            requests.Request(method_text, url_text, params=kwargs.get("params")).prepare().url
        )
        return self._gate.send(
            method_text,
            full_url or url_text,
            kwargs.get("data") if kwargs.get("data") is not None else kwargs.get("json"),
            attempt,
            status_of=lambda response: response.status_code,
            header_of=lambda response, name: response.headers.get(name),
            authorization=_authorization(self.headers, kwargs),
            answer_of=lambda response: (
                response.headers.get("Content-Type", ""),
                response.content or b"",
            ),
            accept=_header(self.headers, kwargs, "accept") or "",
        )


def _header(session_headers: Mapping[str, Any], kwargs: Mapping[str, Any], name: str) -> str | None:
    """The value of header `name` a requests call will send (its own headers over the session's)."""
    for headers in (kwargs.get("headers") or {}, session_headers):
        for key, value in headers.items():
            if str(key).lower() == name:
                return str(value)
    return None


def _authorization(session_headers: Mapping[str, Any], kwargs: Mapping[str, Any]) -> str | None:
    """The Authorization a requests call will send; an `auth=` argument counts as the run's own
    (the safe side: such a buy is held back at the cap)."""
    if kwargs.get("auth") is not None:
        return None if not kwargs["auth"] else OWN_AUTH_UNKNOWN
    return _header(session_headers, kwargs, "authorization")


def _read1_chunks(response: requests.Response) -> Iterator[bytes]:
    # One socket read at a time (`read` would wait to fill a whole chunk): the deadline is checked
    # between reads even when a server drips.
    while chunk := response.raw.read1(READ_CHUNK, decode_content=True):
        yield chunk


class GatedRequestsTransport(RequestsTransport):
    """Schemathesis' requests transport, always sending through one `GatedSession`.

    Schemathesis' own probes (`ignored_auth` re-sends a case without credentials) pass no session;
    they get this one too, which carries no credentials of its own.
    """

    def __init__(self, session: GatedSession) -> None:
        super().__init__()
        # The serializers are registered on schemathesis' transport; share them.
        self._serializers = internals.requests_serializers()
        self._session = session

    @property
    def session(self) -> GatedSession:
        """The gated session (a check that sends a request of its own uses it too)."""
        return self._session

    def send(self, case: Any, *, session: requests.Session | None = None, **kwargs: Any) -> Any:
        # Also what schemathesis writes into a failure's curl command (`--insecure`).
        kwargs.setdefault("verify", self._session.tls_verify)
        return super().send(case, session=session or self._session, **kwargs)


def route_schema(schema: BaseSchema, transport: GatedRequestsTransport) -> None:
    """Make every request of `schema` (its cases and its checks' probes) go through `transport`.

    Schemathesis picks the transport through a read-only property of the schema; a subclass of the
    schema's own class with that property overridden changes it for this schema alone.
    """
    base = type(schema)
    routed: type[BaseSchema] = type(
        f"Gated{base.__name__}", (base,), {"transport": property(lambda _self: transport)}
    )
    schema.__class__ = routed


def gated_client_args(gate: RequestGate) -> Mapping[str, Any]:
    """`httpx.Client` arguments that put the gate under it."""
    deadline = gate.limits.deadline
    return {
        "transport": GatedHttpxTransport(gate),
        "timeout": httpx.Timeout(read_timeout(deadline)),
    }
