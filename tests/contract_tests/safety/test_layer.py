"""The safety layer under every request: money rules, interrupt, deadline, size, circuit, 429."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable

import httpx
import pytest
import requests

from contract_tests.judging.violations import (
    ANSWER_WITHIN_DEADLINE,
    ANSWER_WITHIN_SIZE,
    NOT_THROTTLED,
    TARGET_ANSWERS,
    Violation,
)
from contract_tests.run.loading import load_schema
from contract_tests.run.options import HarnessOptions
from contract_tests.run.run_state import RunState, basic_authorization
from contract_tests.safety.layer import (
    GatedHttpxTransport,
    GatedRequestsTransport,
    GatedSession,
    HeldBack,
    Limits,
    RequestGate,
    RunStopped,
    gated_client_args,
    operation_of,
    retry_after_seconds,
)
from contract_tests.safety.purchases import PurchaseLedger
from contract_tests.safety.ratelimit import Rate
from tests.contract_tests import hostile
from tests.contract_tests.conftest import TlsTarget

Handler = Callable[[httpx.Request], httpx.Response]


def gate(
    *,
    deadline: float = 5.0,
    cap: int = 10_000,
    breaker: int = 3,
    rate: Rate | None = None,
    purchases: int = 1,
    protected: frozenset[str] = frozenset(),
) -> RequestGate:
    ledger = PurchaseLedger(
        embedded=False, allow_purchases=True, max_purchases=purchases, protected=protected
    )
    return RequestGate(Limits(deadline, cap, breaker, rate), ledger)


def ledger() -> PurchaseLedger:
    return PurchaseLedger(embedded=False, allow_purchases=False, max_purchases=0)


def client(run: RequestGate, handler: Handler) -> httpx.Client:
    transport = GatedHttpxTransport(run, inner=httpx.MockTransport(handler))
    return httpx.Client(base_url="http://t", transport=transport)


def ok(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json={})


def test_operations_are_told_by_method_and_path_under_any_base_path() -> None:
    assert operation_of("POST", "https://h/v1/number/buy") == "POST /number/buy"
    assert operation_of("post", "http://h/number/cancel/") == "POST /number/cancel"
    assert operation_of("GET", "http://h/account/numbers?size=1") == "GET /account/numbers"
    assert operation_of("GET", "http://h/number/buy") is None
    assert operation_of("GET", "http://h/number/search") == "GET /number/search"
    assert operation_of("GET", "http://h/number/searches") is None


def test_a_buy_is_booked_before_its_answer_and_the_cap_holds_on_the_wire() -> None:
    run = gate(purchases=1)
    with client(run, ok) as http:
        http.post("/number/buy", data={"country": "GB", "msisdn": "1"})
        with pytest.raises(HeldBack, match="purchase cap"):
            http.post("/number/buy", data={"country": "GB", "msisdn": "2"})
    assert [p.msisdn for p in run.ledger.outstanding()] == ["1"]
    assert run.counters.sent == 1


def test_a_buy_that_times_out_stays_possibly_made() -> None:
    run = gate(deadline=0.3)

    def slow(request: httpx.Request) -> httpx.Response:
        time.sleep(1.0)
        return httpx.Response(200, json={})

    started = time.monotonic()
    with client(run, slow) as http, pytest.raises(Violation) as raised:
        http.post("/number/buy", data={"country": "GB", "msisdn": "1"})
    assert time.monotonic() - started < 0.9
    assert raised.value.check == ANSWER_WITHIN_DEADLINE
    assert run.ledger.left_owned() == ["GB 1 (sent, no answer)"]


def test_a_successful_cancel_settles_a_purchase_and_a_refused_one_does_not() -> None:
    run = gate()
    statuses = iter([200, 420, 200])
    with client(run, lambda request: httpx.Response(next(statuses), json={})) as http:
        http.post("/number/buy", data={"country": "GB", "msisdn": "1"})
        http.post("/number/cancel", data={"country": "GB", "msisdn": "1"})
        assert run.ledger.outstanding()
        http.post("/number/cancel", data={"country": "GB", "msisdn": "1"})
    assert run.ledger.outstanding() == []


def test_protected_numbers_are_not_sent_a_cancel_or_update() -> None:
    run = gate(protected=frozenset({"7"}))
    with client(run, ok) as http:
        for path in ("/number/cancel", "/number/update"):
            with pytest.raises(HeldBack, match="owned before the run"):
                http.post(path, data={"country": "GB", "msisdn": "7"})
    assert run.counters.sent == 0


def test_after_stop_only_the_settlement_is_sent() -> None:
    run = gate()
    run.stop("interrupted")
    with client(run, ok) as http:
        for method, path in (("GET", "/number/search"), ("POST", "/number/buy")):
            with pytest.raises(RunStopped):
                http.request(method, path)
        run.settling = True
        assert http.get("/account/numbers").status_code == 200
        assert http.post("/number/cancel", data={"msisdn": "1"}).status_code == 200
        with pytest.raises(RunStopped):
            http.post("/number/update", data={"msisdn": "1"})
    assert issubclass(RunStopped, KeyboardInterrupt)


def test_an_answer_over_the_cap_is_refused_up_front_or_while_read() -> None:
    run = gate(cap=1024)

    def announced(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"Content-Length": "5000"}, content=b"x" * 5000)

    def streamed(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=iter([b"x" * 600, b"x" * 600]))

    for handler, said in ((announced, "announces 5000 bytes"), (streamed, "passed the 1024")):
        with client(run, handler) as http, pytest.raises(Violation, match=said) as raised:
            http.get("/number/search")
        assert raised.value.check == ANSWER_WITHIN_SIZE


def test_the_circuit_opens_after_dead_requests_in_a_row() -> None:
    run = gate(breaker=2)

    def dead(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused")

    with client(run, dead) as http:
        for _ in range(2):
            with pytest.raises(Violation) as raised:
                http.get("/number/search")
            assert raised.value.check == TARGET_ANSWERS
        assert run.tripped is not None and "2 requests in a row" in run.tripped
        with pytest.raises(Violation, match="not sent"):
            http.get("/number/search")
    assert run.counters.sent == 2


def test_an_answer_between_dead_requests_keeps_the_circuit_closed() -> None:
    run = gate(breaker=2)
    answers = iter([False, True, False, True])

    def sometimes(request: httpx.Request) -> httpx.Response:
        if not next(answers):
            raise httpx.ReadTimeout("slow")
        return httpx.Response(200, json={})

    with client(run, sometimes) as http:
        for _ in range(4):
            with contextlib.suppress(Violation):
                http.get("/number/search")
    assert run.tripped is None


def test_a_429_is_waited_out_and_retried() -> None:
    run = gate()
    statuses = iter([429, 200])
    seen: list[float] = []

    def throttled_once(request: httpx.Request) -> httpx.Response:
        seen.append(time.monotonic())
        return httpx.Response(next(statuses), headers={"Retry-After": "0.3"}, json={})

    with client(run, throttled_once) as http:
        assert http.get("/number/search").status_code == 200
    assert seen[1] - seen[0] >= 0.3
    assert run.counters.throttled == 1
    assert run.counters.throttle_wait == pytest.approx(0.3)
    assert not run.mostly_throttled


def test_requests_that_stay_throttled_open_the_circuit() -> None:
    run = gate(breaker=2)
    throttled = lambda request: httpx.Response(429, headers={"Retry-After": "0"}, json={})  # noqa: E731
    with client(run, throttled) as http:
        for _ in range(2):
            assert http.get("/number/search").status_code == 429
        with pytest.raises(Violation) as raised:
            http.get("/number/search")
    assert raised.value.check == NOT_THROTTLED
    # Two requests, each tried three times (two retries).
    assert run.counters.throttled == 6
    assert run.mostly_throttled


@pytest.mark.parametrize(
    ("value", "seconds"), [(None, 1.0), ("2", 2.0), ("1000", 30.0), ("soon", 1.0), ("-3", 0.0)]
)
def test_retry_after_is_read_and_capped(value: str | None, seconds: float) -> None:
    assert retry_after_seconds(value, cap=30.0) == seconds


def test_retry_after_as_a_date() -> None:
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT", cap=30.0) == 0.0


def test_the_rate_limit_paces_requests() -> None:
    run = gate(rate=Rate(20, 1.0))
    started = time.monotonic()
    with client(run, ok) as http:
        for _ in range(5):
            http.get("/number/search")
    assert time.monotonic() - started >= 4 / 20 * 0.9


def test_the_requests_session_goes_through_the_gate_and_reads_a_drip_within_the_deadline() -> None:
    run = gate(deadline=0.6, cap=1_000_000)
    with hostile.hostile_server(hostile.dripping) as server, GatedSession(run) as session:
        started = time.monotonic()
        with pytest.raises(Violation) as raised:
            session.get(f"{server.url}/number/search")
        assert time.monotonic() - started < 1.5
    assert raised.value.check == ANSWER_WITHIN_DEADLINE


def test_the_requests_session_books_buys_and_keeps_no_headers_of_its_own() -> None:
    run = gate()
    with hostile.hostile_server(hostile.always_throttled) as server, GatedSession(run) as session:
        assert dict(session.headers) == {}
        response = session.post(f"{server.url}/number/buy", data={"country": "GB", "msisdn": "5"})
    assert isinstance(response, requests.Response)
    assert response.status_code == 429
    assert [p.msisdn for p in run.ledger.outstanding()] == ["5"]


def test_every_request_of_a_routed_schema_uses_the_gate() -> None:
    run = gate()
    transport = GatedRequestsTransport(GatedSession(run))
    schema = load_schema(auth=("key", "secret"), transport=transport)
    assert schema.transport is transport
    with hostile.hostile_server(hostile.echo) as server:
        case = schema["/number/search"]["GET"].Case(query={"country": "GB"})
        response = case.call(base_url=server.url)
    assert response.status_code == 500
    assert run.counters.sent == 1
    # Another schema of the process is left alone.
    assert load_schema().transport is not transport


def test_past_the_cap_only_buys_that_cannot_buy_are_sent() -> None:
    run = gate(purchases=0)
    run.own_authorizations = frozenset({basic_authorization("key", "secret")})
    with client(run, ok) as http:
        with pytest.raises(HeldBack, match="purchase cap"):
            http.post("/number/buy", data={"country": "GB", "msisdn": "1"}, auth=("key", "secret"))
        # Without the run's credentials, with wrong ones, or with a malformed form: sent.
        http.post("/number/buy", data={"country": "GB", "msisdn": "2"})
        http.post("/number/buy", data={"country": "GB", "msisdn": "3"}, auth=("key", "wrong"))
        http.post("/number/buy", data={"country": "GB", "msisdn": "x"}, auth=("key", "secret"))
    assert run.counters.sent == 3
    # Each went through (this fake server buys anything): booked for the clean-up.
    assert sorted(p.msisdn for p in run.ledger.outstanding()) == ["2", "3", "x"]


def test_every_answer_is_recorded_as_exercised() -> None:
    run = gate()

    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.params.get("country") == "GB":
            return httpx.Response(200, json={"count": 1, "numbers": [{"msisdn": "1"}]})
        return httpx.Response(200, json={"count": 0})

    with client(run, answer) as http:
        http.get("/account/numbers", params={"country": "GB", "size": "10"})
        http.get("/account/numbers", params={"country": "US"})
    entry = run.exercised.by_label()["GET /account/numbers"]
    assert entry.statuses == {200: 2}
    assert entry.json_answers == 2
    # Judged on a non-empty answer: GB only; paging parameters are not filters.
    assert entry.judged == {"country": {"GB"}}


def test_the_run_s_clients_share_one_tls_context() -> None:
    # Each context reads the whole CA bundle; one per client cost a run seconds.
    run = gate()
    first = run.tls_context()
    assert run.tls_context() is first
    assert first.verify_mode.name == "CERT_REQUIRED"
    assert gate().tls_context() is not first


# The last request is an insecure one on purpose; the run says so once, in its header.
@pytest.mark.filterwarnings("ignore::urllib3.exceptions.InsecureRequestWarning")
def test_a_private_ca_is_trusted_by_both_http_stacks_when_given(tls_mock: TlsTarget) -> None:
    trusting = RequestGate(Limits(5.0, 10_000, 3, None, tls_verify=str(tls_mock.ca_file)), ledger())
    with GatedSession(trusting) as session:
        assert session.get(f"{tls_mock.url}/number/search").status_code == 401
    with httpx.Client(**gated_client_args(trusting)) as http:
        assert http.get(f"{tls_mock.url}/number/search").status_code == 401
    insecure = RequestGate(Limits(5.0, 10_000, 3, None, tls_verify=False), ledger())
    with GatedSession(insecure) as session:
        assert session.get(f"{tls_mock.url}/number/search").status_code == 401


def test_an_untrusted_certificate_names_the_ca_file_option(tls_mock: TlsTarget) -> None:
    default = RequestGate(Limits(5.0, 10_000, 3, None), ledger())
    with GatedSession(default) as session, pytest.raises(Violation) as raised:
        session.get(f"{tls_mock.url}/number/search")
    assert raised.value.check == TARGET_ANSWERS
    assert "pass --ca-file PATH" in str(raised.value)
    with httpx.Client(**gated_client_args(default)) as http, pytest.raises(Violation) as raised:
        http.get(f"{tls_mock.url}/number/search")
    assert "pass --ca-file PATH" in str(raised.value)


def test_the_last_exchange_names_the_account_a_request_was_sent_as() -> None:
    # Through the run's state, which tells the gate which account is which.
    options = HarnessOptions(
        target_url="http://t",
        api_key="primarykey",
        api_secret="primarysecret",
        allow_purchases=False,
        max_purchases=0,
        seed=1,
        other_api_key="otherkey1",
        other_api_secret="othersecret1",
    )
    gate = RunState.for_options(options).gate
    for key, secret, other in (
        ("primarykey", "primarysecret", False),
        ("otherkey1", "othersecret1", True),
    ):
        gate.send(
            "GET",
            "http://t/account/numbers?size=1",
            None,
            lambda deadline_at: 200,
            status_of=lambda status: status,
            header_of=lambda status, name: None,
            authorization=basic_authorization(key, secret),
            answer_of=lambda status: ("application/json", b"{}"),
            accept="application/json",
        )
        exchange = gate.last_exchange
        assert exchange is not None and exchange.answer is not None
        assert exchange.request.own_credentials and exchange.request.other_account is other
        assert exchange.request.accept == "application/json"
        assert exchange.answer.excerpt == "{}"
