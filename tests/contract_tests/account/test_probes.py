"""The decisive probes against the mock served here, plain and with one fault of its catalogue
each: the plain mock passes, and each fault below fails the probes under the check named.

The target is treated as the embedded mock (it is reset and stocked for free); the real-target
path, with its capped stock, is run by `test_verdict_runs.py` and the detection benchmark.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from contract_tests.account.harness import Harness
from contract_tests.account.probes import Stock, run_probes
from contract_tests.judging.document import judged_document
from contract_tests.judging.violations import Violation
from contract_tests.run.options import HarnessOptions
from contract_tests.run.run_state import RunState
from contract_tests.run.target import Target
from contract_tests.safety.answer_judge import AnswerJudge
from contract_tests.tally.stats import OperationStats
from numbers_mock import OTHER_ACCOUNT, PRIMARY_ACCOUNT, create_app, serve_in_thread
from numbers_mock.faults import fault_variant
from tests.contract_tests import wrappers
from tests.contract_tests.account import broken

# What the probes name each fault by; the faults left out need fuzzing, the lifecycle or a walk.
CAUGHT_BY = {
    "json-count-as-string": "response_schema_conformance",
    "json-features-as-string": "response_schema_conformance",
    "json-limitation-without-reach": "response_schema_conformance",
    "json-error-code-as-number": "response_schema_conformance",
    "success-error-code-as-number": "response_schema_conformance",
    "owned-mohttpurl-not-a-url": "formats_conform",
    "xml-count-as-words": "response_schema_conformance",
    "xml-wrong-root": "response_schema_conformance",
    "xml-limitations-as-elements": "response_schema_conformance",
    "xml-errors-as-json": "response_schema_conformance",
    "refusal-as-404": "status_code_conformance",
    "search-empty-as-404": "status_code_conformance",
    "field-errors-as-200": "negative_data_rejection",
    "json-as-text-plain": "content_type_conformance",
    "xml-as-application-xml": "content_type_conformance",
    "auth-ignored": "ignored_auth",
    "auth-any-credentials": "ignored_auth",
    "crash-on-odd-pattern": "not_a_server_error",
    "crash-on-invalid-pattern": "not_a_server_error",
    "crash-past-last-page": "not_a_server_error",
    "crash-on-non-ascii-update": "not_a_server_error",
    "search-ignores-type": "results_match_filters",
    "search-ignores-features": "results_match_filters",
    "search-pattern-always-starts-with": "filters_keep_matches",
    "owned-ignores-has-application": "filters_hold_only_matches",
    "owned-ignores-country": "filters_hold_only_matches",
    "page-larger-than-size": "page_within_size",
    "pages-overlap": "pages_hold_each_number_once",
    # index=1 is the second page: a search by a number's own digits, on the default first page,
    # misses it.
    "index-from-zero": "filters_keep_matches",
    "count-is-page-length": "pages_hold_each_number_once",
    "count-one-short": "count_covers_page",
    # Here the stock is the mock's (linked as soon as bought): linking what was not bought fails.
    "buy-does-nothing": "update_owned",
    "cancel-does-nothing": "cancel_removes",
    "update-does-nothing": "update_shows",
    "update-drops-mohttpurl": "owned_fields_kept",
    # Another account's cancel of this account's number goes through first.
    "cancel-unowned-succeeds": "accounts_isolated",
    # Each listing is another made-up number: JSON and XML already disagree.
    "owned-list-stateless": "json_xml_agree",
    "buy-owned-again-succeeds": "buy_owned_refused",
    "search-offers-owned": "search_excludes_owned",
    "owned-list-shows-every-account": "accounts_isolated",
    "buy-takes-others-numbers": "accounts_isolated",
    "xml-requests-answered-json": "answer_negotiated",
    "xml-json-disagree": "json_xml_agree",
    "search-refuses-sms-voice": "positive_data_acceptance",
    "answers-400-to-everything": "positive_data_acceptance",
}


@contextmanager
def probed_harness(
    faults: tuple[str, ...] = (),
    middleware: wrappers.Middleware | None = None,
    skipped: frozenset[str] = frozenset(),
) -> Iterator[Harness]:
    """A harness on the mock (with `faults`, behind `middleware`) served on 127.0.0.1, judged
    like a run's."""
    app = create_app(variant=fault_variant(list(faults)) if faults else None)
    try:
        with serve_in_thread(wrappers.behind(middleware, app) if middleware else app) as url:
            options = HarnessOptions(
                target_url=None,
                api_key=PRIMARY_ACCOUNT.api_key,
                api_secret=PRIMARY_ACCOUNT.api_secret,
                allow_purchases=True,
                max_purchases=2,
                seed=1,
                other_api_key=OTHER_ACCOUNT.api_key,
                other_api_secret=OTHER_ACCOUNT.api_secret,
            )
            state = RunState.for_options(options)
            state.skipped_checks = skipped
            target = Target(
                url.rstrip("/"),
                options.api_key,
                options.api_secret,
                embedded=True,
                other_auth=options.other_auth,
                gate=state.gate,
                judge=AnswerJudge(judged_document(), state.redactor, skipped=skipped),
            )
            yield Harness(state, target)
    finally:
        app.close()


def no_stock() -> Stock:
    raise AssertionError("the embedded mock is stocked for free")


def test_the_plain_mock_passes_every_probe() -> None:
    with probed_harness() as harness:
        tally = OperationStats()
        run_probes(harness, tally, no_stock)
    assert tally.cases > 30
    # A few dozen requests in all, the stock included.
    assert harness.state.gate.counters.sent < 80


@pytest.mark.parametrize(("fault", "check"), sorted(CAUGHT_BY.items()))
def test_each_fault_fails_a_probe(fault: str, check: str) -> None:
    with probed_harness((fault,)) as harness, pytest.raises(Violation) as caught:
        run_probes(harness, OperationStats(), no_stock)
    assert caught.value.check == check, str(caught.value)


@pytest.mark.parametrize(
    ("middleware", "check"),
    [
        pytest.param(broken.rewriting(broken.offers_nothing), "search_offers_numbers"),
        pytest.param(broken.rewriting(broken.label_dropped), "status_body_complete"),
        pytest.param(broken.rewriting(broken.lowercase_country_unknown), "country_any_case"),
        pytest.param(broken.rewriting(broken.strange_field_errors), "field_errors_name_request"),
        pytest.param(broken.rewriting(broken.past_last_page_counted), "past_last_page_empty"),
        pytest.param(broken.rewriting(broken.undocumented_field), "number_fields_documented"),
        pytest.param(broken.charset_dropped, "json_content_type"),
        pytest.param(broken.q_values_ignored, "accept_q_values"),
        pytest.param(broken.accept_parameters_ignored, "media_type_parameters"),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_each_broken_habit_fails_its_own_check(middleware: wrappers.Middleware, check: str) -> None:
    with probed_harness(middleware=middleware) as harness, pytest.raises(Violation) as caught:
        run_probes(harness, OperationStats(), no_stock)
    assert caught.value.check == check, str(caught.value)
    # Switched off, the check finds nothing there (another may, later).
    with probed_harness(middleware=middleware, skipped=frozenset({check})) as harness:
        try:
            run_probes(harness, OperationStats(), no_stock)
        except Violation as later:
            assert later.check != check, str(later)
