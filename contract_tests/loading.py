"""Load the vendored document as a schemathesis schema, with the harness's hooks on it.

The hooks are registered on this schema only (not globally), so importing the harness does not
change how any other schemathesis schema in the process behaves.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path

import hypothesis.strategies as st
import schemathesis
from schemathesis import BaseSchema, CheckResult, HookContext, Response
from schemathesis.config import SchemathesisConfig
from schemathesis.core.failures import Failure
from schemathesis.engine import Status
from schemathesis.openapi.checks import UndefinedStatusCode

from contract_tests import checks  # noqa: F401  (registers the XML deserializer and the checks)
from contract_tests.checks import XML_MEDIA_TYPES, media_type
from contract_tests.document import ACCOUNT_CHANGING_OPERATIONS, CANCEL, DOCUMENT_PATH, UPDATE
from contract_tests.schemathesis_types import AnyCase
from contract_tests.stats import RUN_STATS, RunStats

CONFIG_PATH = Path(__file__).resolve().parent.parent / "schemathesis.toml"
JSON = "application/json"
XML = "text/xml"
# Hypothesis picks per case, and shrinks towards the first: a failure that JSON shows is reported in
# JSON.
ACCEPT_CHOICES = (JSON, XML)
# Statuses the real service sends that the document does not list (see shared reference notes):
# 400 with a field-error body for invalid or missing fields, on every operation; 420 for a refused
# cancel or update (the document lists 420 for buy only). `status_code_conformance` stays on for
# every other status; README.md lists this as the one adjustment to a built-in check.
KNOWN_UNDOCUMENTED_STATUSES: dict[str, frozenset[int]] = {
    "*": frozenset({400}),
    CANCEL: frozenset({420}),
    UPDATE: frozenset({420}),
}


def load_config(path: Path = CONFIG_PATH) -> SchemathesisConfig:
    return SchemathesisConfig.from_path(path)


def load_schema(
    *,
    seed: int | None = None,
    auth: tuple[str, str] | None = None,
    config: SchemathesisConfig | None = None,
    stats: RunStats = RUN_STATS,
) -> BaseSchema:
    """The document, configured by schemathesis.toml, with Accept choice, deviations and tallying
    hooks.

    `seed` and `auth` must be known here: schemathesis builds its coverage cases (and applies auth
    to them) while pytest collects, before any fixture runs.
    """
    config = config if config is not None else load_config()
    if seed is not None:
        config.update(seed=seed, max_failures=None)
    schema = schemathesis.openapi.from_path(DOCUMENT_PATH, config=config)
    if auth is not None:
        # Through the config rather than per call, so schemathesis knows the credentials are
        # deliberate: `ignored_auth` then probes without them and with wrong ones.
        schema.config.update(basic_auth=auth)
    # Fuzzing cases get their Accept from Hypothesis; schemathesis builds the examples and coverage
    # cases without Hypothesis' help, so those alternate (in a fixed order, so a seed replays them).
    turns = itertools.count()

    def map_case(context: HookContext, case: AnyCase) -> AnyCase:
        return with_accept(case, ACCEPT_CHOICES[next(turns) % len(ACCEPT_CHOICES)])

    schema.hook("map_case")(map_case)
    schema.hook("flatmap_case")(choose_accept)
    schema.hook("flatmap_case")(aim_at_stock)
    schema.hook("filter_failure")(keep_failure)

    def after_validate(
        context: HookContext, case: AnyCase, response: Response, results: list[CheckResult]
    ) -> None:
        record_results(stats, case, response, results)

    schema.hook("after_validate")(after_validate)
    return schema


def with_accept(case: AnyCase, accept: str) -> AnyCase:
    case.headers["Accept"] = accept
    return case


def choose_accept(context: HookContext, case: AnyCase) -> st.SearchStrategy[AnyCase]:
    """Ask for JSON or XML, as Hypothesis chooses: the XML answers get checked too."""
    return st.sampled_from(ACCEPT_CHOICES).map(lambda accept: with_accept(case, accept))


@dataclass
class Stock:
    """Numbers that exist on the target, for fuzzed buys, cancels and updates to aim at.

    Random msisdns almost never name a real number, so without aiming every buy, cancel and update
    would be refused and their success paths (and what they do to the owned list) never fuzzed.
    Filled for the embedded mock only: elsewhere an aimed buy would spend money.
    """

    numbers: tuple[tuple[str, str], ...] = ()


STOCK = Stock()


def with_number(case: AnyCase, number: tuple[str, str]) -> AnyCase:
    country, msisdn = number
    current = case.body if isinstance(case.body, dict) else {}
    body = {key: value for key, value in current.items() if key != "target_api_key"}
    case.body = {**body, "country": country, "msisdn": msisdn}
    return case


def aim_at_stock(context: HookContext, case: AnyCase) -> st.SearchStrategy[AnyCase]:
    """Now and then (as Hypothesis chooses), point a valid account change at a real number."""
    meta = case.meta
    if (
        not STOCK.numbers
        or case.operation.label not in ACCOUNT_CHANGING_OPERATIONS
        or meta is None
        # Only valid cases: a valid msisdn in a negative case would make it valid, and wrong.
        or not meta.generation.mode.is_positive
        or not isinstance(case.body, dict)
    ):
        return st.just(case)
    aimed = st.sampled_from(STOCK.numbers).map(lambda number: with_number(case, number))
    return st.one_of(st.just(case), aimed)


def is_known_deviation(operation_label: str, failure: Failure) -> bool:
    if not isinstance(failure, UndefinedStatusCode):
        return False
    known = KNOWN_UNDOCUMENTED_STATUSES["*"] | KNOWN_UNDOCUMENTED_STATUSES.get(
        operation_label, frozenset()
    )
    return failure.status_code in known


def keep_failure(context: HookContext, failure: Failure, case: AnyCase, response: Response) -> bool:
    return not is_known_deviation(case.operation.label, failure)


def record_results(
    stats: RunStats, case: AnyCase, response: Response, results: list[CheckResult]
) -> None:
    tally = stats.for_label(case.operation.label)
    tally.record_case(xml=media_type(response) in XML_MEDIA_TYPES)
    failed = [r for r in results if r.status == Status.FAILURE and r.failure is not None]
    if not failed:
        return
    reproduction = case.as_curl_command(
        headers=dict(response.request.headers), verify=response.verify
    )
    for result in failed:
        assert result.failure is not None
        tally.record_failure(
            result.name, result.failure.title, result.failure.message, reproduction
        )
