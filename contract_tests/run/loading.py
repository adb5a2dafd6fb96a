"""Load the vendored document (overlaid) as a schemathesis schema, with the harness's hooks on it.

The hooks are registered on this schema only (not globally), so importing the harness does not
change how any other schemathesis schema in the process behaves.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import hypothesis.strategies as st
import schemathesis
from schemathesis import BaseSchema, CheckResult, HookContext, Response
from schemathesis.config import SchemathesisConfig
from schemathesis.core.failures import Failure, ResponseTimeExceeded, ServerError
from schemathesis.engine import Status
from schemathesis.openapi.checks import RejectedPositiveData

from contract_tests.judging import refusals
from contract_tests.judging.document import ACCOUNT_CHANGING_OPERATIONS, judged_document
from contract_tests.run import (
    checks,  # noqa: F401  (registers the XML deserializer and the checks)
    enum_candidates,
)
from contract_tests.run.check_switches import skip_in_schema
from contract_tests.run.checks import XML_MEDIA_TYPES, media_type, sent_form, sent_query
from contract_tests.run.run_state import Stock
from contract_tests.run.schemathesis_types import AnyCase
from contract_tests.safety.layer import GatedRequestsTransport, route_schema
from contract_tests.tally.check_counts import CheckCounts
from contract_tests.tally.findings import (
    Exchange,
    Finding,
    SeenAnswer,
    SentRequest,
    excerpt_of,
    form_text,
)
from contract_tests.tally.stats import RunStats

CONFIG_PATH = Path(__file__).resolve().parent / "schemathesis.toml"
JSON = "application/json"
IGNORED_AUTH = "ignored_auth"
XML = "text/xml"
# Countries with numbers for sale on the real service (and in the mock's inventory).
REAL_COUNTRIES = ("GB", "US", "DE", "FR", "CA", "AU")
# Hypothesis picks per case, and shrinks towards the first: a failure that JSON shows is reported in
# JSON.
ACCEPT_CHOICES = (JSON, XML)


def load_config(path: Path = CONFIG_PATH) -> SchemathesisConfig:
    return SchemathesisConfig.from_path(path)


def load_schema(
    *,
    seed: int | None = None,
    auth: tuple[str, str] | None = None,
    config: SchemathesisConfig | None = None,
    stats: RunStats | None = None,
    stock: Stock | None = None,
    transport: GatedRequestsTransport | None = None,
    skipped: frozenset[str] = frozenset(),
) -> BaseSchema:
    """The document, configured by schemathesis.toml, with Accept choice, deviations and tallying
    hooks.

    `seed` and `auth` must be known here: schemathesis builds its coverage cases (and applies auth
    to them) while pytest collects, before any fixture runs.
    """
    # Before schemathesis builds the coverage cases (at collection): see `enum_candidates`.
    enum_candidates.install()
    config = config if config is not None else load_config()
    if seed is not None:
        config.update(seed=seed, max_failures=None)
    # The overlaid document (`document.judged_document`): the statuses the overlay adds
    # (400 everywhere, 420 on cancel and update) are documented there, so `status_code_conformance`
    # accepts them and their bodies are schema-checked; a 429 is not, and never passes.
    schema = schemathesis.openapi.from_dict(judged_document(), config=config)
    skip_in_schema(schema, skipped)
    if transport is not None:
        # Every request of this schema, the checks' probes included, goes through the run's gate.
        route_schema(schema, transport)
    stats = stats if stats is not None else RunStats()
    stock = stock if stock is not None else Stock()
    if auth is not None:
        # Through the config rather than per call, so schemathesis knows the credentials are
        # deliberate: `ignored_auth` then probes without them and with wrong ones.
        schema.config.update(basic_auth=auth)
    # Fuzzing cases get their Accept from Hypothesis; schemathesis builds the examples and coverage
    # cases without Hypothesis' help, so those alternate, in a fixed order per operation: a seed
    # replays them whichever operations are built, and in whichever order (`deferred_coverage`
    # builds an operation's coverage cases when its test runs, and a replay selects one test).
    turns: defaultdict[str, itertools.count[int]] = defaultdict(itertools.count)

    def map_case(context: HookContext, case: AnyCase) -> AnyCase:
        turn = next(turns[case.operation.label])
        return with_accept(case, ACCEPT_CHOICES[turn % len(ACCEPT_CHOICES)])

    schema.hook("map_case")(map_case)
    schema.hook("flatmap_case")(choose_accept)
    # Before the stock: an aimed case keeps the country of the number it aims at.
    schema.hook("flatmap_case")(aim_at_real_country)

    def aim_at_stocked(context: HookContext, case: AnyCase) -> st.SearchStrategy[AnyCase]:
        return aim_at_stock(stock, context, case)

    schema.hook("flatmap_case")(aim_at_stocked)
    schema.hook("filter_failure")(keep_failure)

    gate = transport.session.gate if transport is not None else None

    def after_validate(
        context: HookContext, case: AnyCase, response: Response, results: list[CheckResult]
    ) -> None:
        if gate is None:
            record_results(stats, case, response, results)
        else:
            record_results(
                stats,
                case,
                response,
                results,
                counts=gate.checks,
                last_exchange=lambda: gate.last_exchange,
            )

    schema.hook("after_validate")(after_validate)
    return schema


def with_accept(case: AnyCase, accept: str) -> AnyCase:
    case.headers["Accept"] = accept
    return case


def choose_accept(context: HookContext, case: AnyCase) -> st.SearchStrategy[AnyCase]:
    """Ask for JSON or XML, as Hypothesis chooses: the XML answers get checked too."""
    return st.sampled_from(ACCEPT_CHOICES).map(lambda accept: with_accept(case, accept))


def with_country(case: AnyCase, country: str) -> AnyCase:
    """`case` with its `country` (in the query or in the form) replaced."""
    if isinstance(case.query, dict) and "country" in case.query:
        case.query = {**case.query, "country": country}
    elif isinstance(case.body, dict) and "country" in case.body:
        case.body = {**case.body, "country": country}
    return case


def aim_at_real_country(context: HookContext, case: AnyCase) -> st.SearchStrategy[AnyCase]:
    """Now and then (as Hypothesis chooses), give a valid case a country the service sells in.

    The document takes any two characters for a country, and a service refuses the ones it does
    not know with 400 before anything else. Without this, nearly every fuzzed search, buy, cancel
    and update would stop at that refusal, and what lies behind it (results, filters, the handling
    of the other fields) would never be fuzzed. Safe on a real account: a random `msisdn` in a real
    country names no number the account could buy (and buys stay capped by the purchase guard).
    """
    meta = case.meta
    has_country = (isinstance(case.query, dict) and "country" in case.query) or (
        isinstance(case.body, dict) and "country" in case.body
    )
    # Only valid cases: a real country in a negative case could make it valid, and wrong.
    if not has_country or meta is None or not meta.generation.mode.is_positive:
        return st.just(case)
    real = st.sampled_from(REAL_COUNTRIES).map(lambda country: with_country(case, country))
    return st.one_of(st.just(case), real)


def with_number(case: AnyCase, number: tuple[str, str]) -> AnyCase:
    country, msisdn = number
    current = case.body if isinstance(case.body, dict) else {}
    body = {key: value for key, value in current.items() if key != "target_api_key"}
    case.body = {**body, "country": country, "msisdn": msisdn}
    return case


def aim_at_stock(stock: Stock, context: HookContext, case: AnyCase) -> st.SearchStrategy[AnyCase]:
    """Now and then (as Hypothesis chooses), point a valid account change at a real number."""
    meta = case.meta
    if (
        not stock.numbers
        or case.operation.label not in ACCOUNT_CHANGING_OPERATIONS
        or meta is None
        # Only valid cases: a valid msisdn in a negative case would make it valid, and wrong.
        or not meta.generation.mode.is_positive
        or not isinstance(case.body, dict)
    ):
        return st.just(case)
    aimed = st.sampled_from(stock.numbers).map(lambda number: with_number(case, number))
    return st.one_of(st.just(case), aimed)


def is_repeat_of_server_error(failure: Failure, response: Response) -> bool:
    """One 5xx is one finding, `not_a_server_error`: the same answer would also fail
    `status_code_conformance` (undocumented), `positive_data_acceptance` (not accepted) and the
    schema checks, three reports of one root cause.
    """
    return response.status_code >= 500 and not isinstance(
        failure, (ServerError, ResponseTimeExceeded)
    )


def is_justified_refusal(label: str, failure: Failure, response: Response) -> bool:
    """A 400 to a schema-valid case that the 400 oracle (`refusals.py`) justifies.

    `positive_data_acceptance` does not accept 400 (schemathesis.toml): the document is looser
    than the service, so the oracle says which valid-by-the-document requests the service may
    refuse; any other 400 to valid data is a finding.
    """
    if not isinstance(failure, RejectedPositiveData) or response.status_code != 400:
        return False
    return bool(refusals.refusal_reasons(label, sent_query(response), sent_form(response)))


def keep_failure(context: HookContext, failure: Failure, case: AnyCase, response: Response) -> bool:
    return not (
        is_repeat_of_server_error(failure, response)
        or is_justified_refusal(case.operation.label, failure, response)
    )


def exchange_of(response: Response) -> Exchange:
    """The request a case sent, and its answer, as a finding shows them."""
    request = response.request
    content_type = response.headers.get("content-type") or [""]
    return Exchange(
        SentRequest(
            method=str(request.method or "").upper(),
            url=str(request.url or ""),
            form=form_text(request.body),
            accept=str(request.headers.get("Accept", "")),
            # The case's own Authorization is the run's (schemathesis sends the configured basic
            # auth); the probes of `ignored_auth` are taken from the gate instead.
            own_credentials=True,
        ),
        SeenAnswer(response.status_code, content_type[0], excerpt_of(response.content or b"")),
    )


def record_results(
    stats: RunStats,
    case: AnyCase,
    response: Response,
    results: list[CheckResult],
    *,
    counts: CheckCounts | None = None,
    last_exchange: Callable[[], Exchange | None] = lambda: None,
) -> None:
    """Tally a fuzzed case: its checks' results, and a finding for each failure.

    A failure of `ignored_auth` is about the request its probe sent without (or with wrong)
    credentials, not about the case: its finding shows the gate's last exchange, that probe's.
    """
    label = case.operation.label
    tally = stats.for_label(label)
    tally.record_case(xml=media_type(response) in XML_MEDIA_TYPES)
    if counts is not None:
        for result in results:
            if result.status in (Status.SUCCESS, Status.FAILURE):
                counts.record(result.name, failed=result.status == Status.FAILURE)
    failed = [r for r in results if r.status == Status.FAILURE and r.failure is not None]
    for result in failed:
        assert result.failure is not None
        exchange = exchange_of(response)
        if result.name == IGNORED_AUTH:
            probe = last_exchange()
            if probe is not None and not probe.request.own_credentials:
                exchange = probe
        message = result.failure.message.strip()
        tally.record_failure(
            Finding(
                check=result.name,
                operation=label,
                summary=result.failure.title,
                detail=message,
                exchange=exchange,
            )
        )
