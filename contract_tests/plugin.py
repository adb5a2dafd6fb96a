"""The pytest side of the harness, every hook in one place: options, skipping what must not run,
progress, summary, the interrupt, and masking at the point of output.

`contract_tests/conftest.py` re-exports the module-level hooks and fixtures below;
`pytest_configure` registers one `ContractPlugin` per pytest process, holding the run's `RunState`.
Under xdist the workers tally and attach their numbers to each test report (a plain dict, which
xdist carries over); the controller, which sees every report, prints the progress lines and the
summary.

Masking happens last: the terminal writer's stream masks every byte pytest (and schemathesis, whose
`pytest_exception_interact` rewrites failures after every report hook) writes to the terminal, and
the JUnit file is masked once pytest has written it.
"""

from __future__ import annotations

import gc
import os
import signal
import time
from collections import Counter
from collections.abc import Generator, Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
from schemathesis import BaseSchema

from contract_tests import internals
from contract_tests.account.harness import Harness, open_harness
from contract_tests.account.stock import stock_target
from contract_tests.command import distributed, fuzzing
from contract_tests.command.configure import (
    check_versions,
    header_lines,
    quiet_insecure_warnings,
    refuse_distributed_purchases,
    settle_profile,
)
from contract_tests.judging.document import ACCOUNT_CHANGING_OPERATIONS, CANCEL, SEARCH
from contract_tests.judging.redaction import RedactingStream
from contract_tests.judging.violations import ANSWERS_JUDGED, Violation
from contract_tests.reporting import html as html_report
from contract_tests.reporting import record as run_record
from contract_tests.reporting.collect import gate_part, violation_finding
from contract_tests.reporting.replay import (
    asked_verbose,
    given_arguments,
    replay_command,
)
from contract_tests.reporting.text import (
    Row,
    RunInfo,
    failure_text,
    held_back_by_operation,
    progress_line,
    safety_lines,
    summary_lines,
)
from contract_tests.run import deferred_coverage
from contract_tests.run.check_switches import skipped_checks
from contract_tests.run.loading import load_config
from contract_tests.run.options import HarnessOptions, add_options
from contract_tests.run.preflight import run_preflight
from contract_tests.run.profiles import current_profile_name, stop_shrinking
from contract_tests.run.run_state import RunState
from contract_tests.run.target import check_embedded_mock_installed, check_reachable
from contract_tests.tally.exercised import OperationExercise
from contract_tests.tally.findings import Finding, RunFindings
from contract_tests.tally.judged import nothing_judged
from contract_tests.tally.stats import OperationStats

PLUGIN_NAME = "contract-harness"
ROW_ATTRIBUTE = "contract_row"
# Marks a non-schemathesis test with the label it gets in the summary.
ROW_MARKER = "contract_row"
# Marks a test that buys, cancels or updates numbers: skipped on a real target unless
# --allow-purchases.
CHANGES_ACCOUNT_MARKER = "changes_account"
# Marks a stateful test (a sequence of calls per example): run after the read-only fuzzing.
STATEFUL_MARKER = "stateful"
# Marks the decisive probes: a few dozen requests that fail most faults, run before anything else.
DECISIVE_MARKER = "decisive"
INTERRUPTED = "interrupted (Ctrl-C): no more requests are sent but the clean-up's"
# The report attribute holding what pytest prints for a test that failed with findings.
FINDINGS_LONGREPR = "contract_findings_text"
# The key of a worker's gate tallies in xdist's `workeroutput`.
WORKER_PART = "contract_gate"


def row_label(item: pytest.Item) -> str:
    operation: str | None = getattr(item, "operation_label", None)
    if operation:
        return operation
    marker = item.get_closest_marker(ROW_MARKER)
    if marker is not None and marker.args:
        callspec = getattr(item, "callspec", None)
        suffix = f" [{callspec.id}]" if callspec is not None else ""
        return f"{marker.args[0]}{suffix}"
    return item.name


def selection_for(item: pytest.Item) -> list[str]:
    """Options that select just this test again, from any folder (no path: `numbers-contract`
    finds its own tests)."""
    operation: str | None = getattr(item, "operation_label", None)
    if operation:
        # A node id with the operation in it is not selectable (pytest matches it before the
        # operation is added); `-k` on the path's last segment ("search", "numbers", "buy", ...) is.
        name = getattr(item, "originalname", None) or item.name.split("[", 1)[0]
        return ["-k", f"{name} and {operation.rsplit('/', 1)[-1]}"]
    # The test function's name: `-k` takes no brackets, so a parametrized test replays whole.
    return ["-k", getattr(item, "originalname", None) or item.name.split("[", 1)[0]]


def name_operation_item(item: pytest.Item) -> None:
    """Put the operation into a schemathesis item's node id.

    Under pytest 9, schemathesis 4.32 gives every item of one test function the bare function's node
    id, so the five operations would share one id: the JUnit report could not tell them apart, nor
    could `--lf`, progress or a replay command. Items that already carry parameters are left alone.
    """
    operation: str | None = getattr(item, "operation_label", None)
    if operation:
        internals.name_item(item, operation)


def order_for_first_failure(items: list[pytest.Item]) -> None:
    """Order the tests so a run stopped at its first failure (`-x`) gets there soonest, keeping
    each group's own order:

    1. the short tests that change nothing (examples, filters, owned filters, paging walks, the
       stocking report): a second or less each;
    2. the fuzzing of the operations that change nothing, the search before the owned list:
       a few seconds each, and more of the faults of the lists show in the search (its filters,
       its empty answers) than in the owned list alone;
    3. the stateful tests (the lifecycle): a whole sequence of calls per example, the longest;
    4. the fuzzing of the account changes (buy, update), and that of cancel last of all.

    The decisive probes (`suite/test_probes.py`) go before all of them: a few dozen requests that
    fail most faults.

    The lifecycle goes before the fuzzed account changes so it has the rest of the purchase cap
    to buy with, as it did when it ran before all the fuzzing. Cancel goes last because its aimed
    cases cancel the stocked numbers the owned list's and update's fuzzing are judged on (a real
    target cannot be restocked past the purchase cap).
    """

    def group(item: pytest.Item) -> tuple[int, bool]:
        operation = getattr(item, "operation_label", None)
        if item.get_closest_marker(DECISIVE_MARKER) is not None:
            return -1, False
        if operation is None:
            return (2 if item.get_closest_marker(STATEFUL_MARKER) is not None else 0), False
        if operation == CANCEL:
            return 4, False
        if operation in ACCOUNT_CHANGING_OPERATIONS:
            return 3, False
        return 1, operation != SEARCH

    items.sort(key=group)


def named_violation(error: BaseException) -> BaseException | None:
    """The first exception naming the rule it breaks (a `check` attribute), groups searched too.

    Hypothesis wraps a failure that did not happen again on replay (a real account changes under the
    test) in a group; the rule that broke is still the finding.
    """
    if isinstance(getattr(error, "check", None), str):
        return error
    if isinstance(error, BaseExceptionGroup):
        for inner in error.exceptions:
            found = named_violation(inner)
            if found is not None:
                return found
    return None


# The run's plugin, in pytest's own place for a run's state.
PLUGIN_KEY = pytest.StashKey["ContractPlugin"]()


def get_plugin(config: pytest.Config) -> ContractPlugin:
    plugin = config.stash.get(PLUGIN_KEY, None)
    assert plugin is not None, "contract_tests/conftest.py registers the plugin"
    return plugin


# --- module-level hooks and fixtures (re-exported by conftest.py) ---------------------------


def pytest_addoption(parser: pytest.Parser) -> None:
    add_options(parser)


# First, so the seed it settles is in place when Hypothesis' plugin reads `--hypothesis-seed`.
@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", f"{ROW_MARKER}(label): the test's line in the contract summary"
    )
    config.addinivalue_line(
        "markers",
        f"{CHANGES_ACCOUNT_MARKER}: buys/cancels/updates numbers (needs --allow-purchases)",
    )
    config.addinivalue_line(
        "markers",
        f"{STATEFUL_MARKER}: a sequence of calls per example; runs after the read-only fuzzing",
    )
    config.addinivalue_line(
        "markers", f"{fuzzing.FUZZ_MARKER}: fuzz every operation with the run's schema"
    )
    config.addinivalue_line(
        "markers", f"{DECISIVE_MARKER}: the decisive probes, run before every other test"
    )
    # One line per test, with the harness's tally under it, unless asked for quieter output.
    if config.option.verbose == 0:
        config.option.verbose = 1
    if config.option.help:
        # `--help` shows the options: there is no target to check and nothing to run.
        return
    check_versions()
    settle_profile(config)
    if config.getoption("target_url") is None:
        # Before the options: the embedded mock's accounts come from the mock.
        check_embedded_mock_installed()
    options = HarnessOptions.from_pytest(config)
    # Before the reachability check: nothing is sent by a run that must not start.
    refuse_distributed_purchases(config, options)
    quiet_insecure_warnings(config, options)
    plugin = ContractPlugin(config, options)
    plugin.state.skipped_checks = skipped_checks(config, load_config())
    if options.target_url is not None:
        # With the run's TLS context: the tests' clients use it too, and it is made once.
        check_reachable(
            options.target_url, options.request_deadline, plugin.state.gate.tls_context()
        )
        stop = run_preflight(options, plugin.state.gate)
        if stop is not None:
            pytest.exit(plugin.redactor.redact(stop.line), returncode=stop.code)
    config.stash[PLUGIN_KEY] = plugin
    config.pluginmanager.register(plugin, PLUGIN_NAME)
    plugin.activate()


@pytest.fixture(scope="session")
def harness(pytestconfig: pytest.Config) -> Iterator[Harness]:
    """The target (the embedded mock starts here) and the run's state; settles at the end."""
    state = get_plugin(pytestconfig).state
    with open_harness(state) as opened:
        yield opened
        state.settlement = opened.settle()
    if state.settlement.problems:
        pytest.fail(
            "numbers the run may have bought could not all be cancelled:\n"
            + "\n".join(state.settlement.problems)
        )


# Not autouse: the tests that work on the account's numbers ask for it (the owned filters, the
# owned list's paging, the stocking report, the lifecycle, the fuzzing), so it is bought before the
# first of them, and a fault the search's short tests catch is reported without waiting for it.
@pytest.fixture(scope="session")
def target_stock(harness: Harness) -> tuple[tuple[str, str], ...]:
    """On a real target with --allow-purchases: numbers bought (within the cap) for the owned
    list's filters, the fuzzed changes and the lifecycle to work on; cancelled by the clean-up.
    Empty on the embedded mock (its fuzzing stocks it for free) and without --allow-purchases.
    """
    state = harness.state
    if harness.target.embedded or not state.options.allow_purchases:
        return ()
    if state.stock.report is None:
        stocked = stock_target(harness.target, state.ledger, state.redactor)
        state.stock.bought, state.stock.report = stocked.bought, stocked.report
        state.stock.findings = stocked.findings
    return state.stock.bought


@pytest.fixture(scope="session", autouse=True)
def exercised_properties(
    pytestconfig: pytest.Config, harness: Harness, record_testsuite_property: Any
) -> Iterator[None]:
    """Per operation, what the run exercised, as JUnit test-suite properties (written at the end).

    Torn down before `harness` settles: the clean-up's own requests are not exercise anyway.
    """
    yield
    if hasattr(pytestconfig, "workerinput"):
        # xdist: only the controller writes the JUnit file, and it sent nothing.
        return
    plugin = get_plugin(pytestconfig)
    held = held_back_by_operation(list(plugin.rows.values()))
    for label, entry in harness.state.gate.exercised.by_label().items():
        value = distributed.exercised_property(entry, held.get(label))
        record_testsuite_property(f"exercised {label}", plugin.redactor.redact(value))
    if harness.state.stock.report is not None:
        record_testsuite_property("stock", plugin.redactor.redact(harness.state.stock.report))


@pytest.fixture
def tally(request: pytest.FixtureRequest) -> OperationStats:
    """This test's line of the summary, for tests that count their own steps."""
    return get_plugin(request.config).state.stats.for_label(row_label(request.node))


class ContractPlugin:
    def __init__(self, config: pytest.Config, options: HarnessOptions) -> None:
        self.config = config
        self.options = options
        self.state = RunState.for_options(options)
        self.redactor = self.state.redactor
        self.rows: dict[str, Row] = {}
        # The run's findings, one per root cause (filled where the reports are written).
        self.findings = RunFindings()
        # What the xdist workers' gates saw (the controller's own gate sends nothing then).
        self.worker_totals = run_record.GateTotals()
        self.started = datetime.now(UTC)
        self._started_clock = time.monotonic()
        invocation = getattr(config, "invocation_params", None)
        self.arguments: tuple[str, ...] = tuple(invocation.args) if invocation is not None else ()
        # `-v` asked: pytest's own failure output (tracebacks, Hypothesis' advice) is kept.
        self.verbose = asked_verbose(self.arguments)
        self._session: pytest.Session | None = None
        self._stream: RedactingStream | None = None
        self._answers_before: Counter[str] = Counter()
        self._previous_handler: Any = None
        # The fuzzing test's schema, made when pytest collects that test.
        self._schema: BaseSchema | None = None
        # Under xdist, on the controller: what each worker exercised, and a stocking report.
        self._worker_stock: str | None = None
        # Made absolute now, as pytest's junitxml plugin does, in case a test changes directory.
        xml_path = getattr(config, "option", None) and getattr(config.option, "xmlpath", None)
        self._junit = Path(xml_path).absolute() if xml_path else None

    # --- what the run is ------------------------------------------------------------------

    @property
    def is_worker(self) -> bool:
        return hasattr(self.config, "workerinput")

    @property
    def distributed(self) -> bool:
        """The controller of an xdist run (its workers send the requests)."""
        return distributed.is_controller(self.config)

    def _distributed_properties(self) -> list[tuple[str, str]]:
        held = held_back_by_operation(list(self.rows.values()))
        properties = [
            (
                f"exercised {label}",
                distributed.exercised_property(OperationExercise.from_json(entry), held.get(label)),
            )
            for label, entry in sorted(self.worker_totals.exercised.items())
        ]
        if self._worker_stock is not None:
            properties.append(("stock", self._worker_stock))
        return properties

    def target_description(self) -> str:
        if self.options.target_url is None:
            return "embedded mock (started for this run)"
        return self.options.target_url

    @property
    def program(self) -> str:
        """How the run was started: `numbers-contract` puts the package's folder first."""
        package = str(Path(__file__).resolve().parent)
        return "numbers-contract" if self.arguments[:1] == (package,) else "pytest"

    def replay_command(self, selection: list[str] | None = None) -> str:
        """The `numbers-contract` line that replays the run (or the tests `selection` picks)."""
        return replay_command(
            # The harness options the user gave (credentials left out); the replay sets its seed.
            [a for a in self.options.given if not a.startswith("--hypothesis-seed")],
            self.options.seed,
            current_profile_name(),
            selection or (),
        )

    def run_info(self) -> RunInfo:
        return RunInfo(
            target=self.target_description(),
            seed=self.options.seed,
            profile=current_profile_name(),
            replay=self.replay_command(),
        )

    # --- the interrupt ----------------------------------------------------------------------

    def activate(self) -> None:
        # Before collection: each operation's coverage cases are built when its test runs.
        deferred_coverage.install()
        if not self.is_worker:
            self._previous_handler = signal.signal(signal.SIGINT, self._on_interrupt)

    def _on_interrupt(self, signum: int, frame: FrameType | None) -> None:
        """First Ctrl-C: stop sending, end the run (it settles); second: say what is left, exit."""
        self.state.interrupts += 1
        if self.state.interrupts == 1:
            self.state.gate.stop(INTERRUPTED)
            if self._session is not None:
                # Hypothesis or schemathesis may take the KeyboardInterrupt for a failure; pytest
                # still stops after the current test.
                self._session.shouldstop = INTERRUPTED
            raise KeyboardInterrupt
        if self.options.embedded:
            left = "The embedded mock's account ends with the run: nothing was spent."
        else:
            owned = self.state.ledger.left_owned()
            left = (
                "Numbers this run may have left owned (cancel them by hand): " + ", ".join(owned)
                if owned
                else "This run left no number it bought owned."
            )
        message = f"\nInterrupted again: stopping at once. {left}\n"
        os.write(2, self.redactor.redact(message).encode())
        os._exit(int(pytest.ExitCode.INTERRUPTED))

    # --- hooks ----------------------------------------------------------------------------

    @pytest.hookimpl(tryfirst=True)
    def pytest_pycollect_makeitem(self, collector: pytest.Collector, name: str, obj: object) -> Any:
        """The fuzzing test, parametrized with the run's schema (`command.fuzzing`)."""
        if not fuzzing.wants_fuzzing(obj):
            return None
        if self._schema is None:
            self._schema = fuzzing.fuzzing_schema(self.state)
        return fuzzing.collect(collector, name, obj, self._schema)  # type: ignore[arg-type]

    @pytest.hookimpl(optionalhook=True)
    def pytest_configure_node(self, node: Any) -> None:
        """xdist's controller: each worker runs with the run's seed, the one the header prints."""
        distributed.hand_seed(node.workerinput, self.options.seed)

    @pytest.hookimpl(optionalhook=True)
    def pytest_testnodedown(self, node: Any, error: object) -> None:
        """xdist's controller: what a worker's gate saw (for the summary, the record and the
        JUnit file) and what its stocking reported."""
        output = getattr(node, "workeroutput", {})
        part = output.get(WORKER_PART)
        if isinstance(part, dict):
            self.worker_totals.add(part)
        self._worker_stock = self._worker_stock or output.get(distributed.STOCK_OUTPUT)

    @pytest.hookimpl(tryfirst=True)
    def pytest_sessionstart(self, session: pytest.Session) -> None:
        self._session = session
        if self.config.getoption("maxfail") == 1:
            # `-x`: the run ends at its first failure, and shrinking it would only delay the
            # report (each attempt is a request, or a whole lifecycle). Done here, after
            # Hypothesis' plugin has applied `--hypothesis-profile`, and before collection builds
            # the tests with the profile's settings.
            stop_shrinking()
        reporter = self.config.pluginmanager.get_plugin("terminalreporter")
        stream = internals.terminal_stream(reporter)
        if stream is not None and self.redactor:
            # pytest exposes no hook for the bytes it writes; its writer's stream is the last step.
            self._stream = RedactingStream(stream, self.redactor)
            internals.set_terminal_stream(reporter, self._stream)

    @pytest.hookimpl(trylast=True)
    def pytest_unconfigure(self, config: pytest.Config) -> None:
        if self._stream is not None:
            self._stream.close_out()
        if self._previous_handler is not None:
            signal.signal(signal.SIGINT, self._previous_handler)
            self._previous_handler = None
        deferred_coverage.uninstall()
        # The run is over and its report written; what is left is the interpreter tearing itself
        # down, whose last collection of the run's objects (schemathesis', Hypothesis' and the
        # client's) took half a second of every run. Frozen, they are left to the OS.
        gc.freeze()

    def pytest_report_header(self, config: pytest.Config) -> list[str]:
        purchases = (
            "buy/cancel/update run (embedded mock: nothing is spent)"
            if self.options.embedded
            else (
                f"buy/cancel/update allowed, at most {self.options.max_purchases} purchases"
                if self.options.allow_purchases
                else "buy/cancel/update skipped (no --allow-purchases)"
            )
        )
        info = self.run_info()
        lines = [
            f"contract target: {info.target}",
            f"contract seed: {info.seed} (profile {info.profile}); {purchases}",
            f"contract limits: {self.options.request_deadline:g} s per request, answers up to "
            f"{self.options.max_answer_bytes} bytes, circuit opens after "
            f"{self.options.breaker_after} dead requests in a row",
            *header_lines(self.options, info.profile),
        ]
        return [self.redactor.redact(line) for line in lines]

    @pytest.hookimpl(tryfirst=True)
    def pytest_collection_modifyitems(
        self, config: pytest.Config, items: list[pytest.Item]
    ) -> None:
        order_for_first_failure(items)
        ledger = self.state.ledger
        for item in items:
            name_operation_item(item)
            label = getattr(item, "operation_label", None)
            reason = ledger.refusal(label) if label else None
            if reason is None and item.get_closest_marker(CHANGES_ACCOUNT_MARKER) is not None:
                reason = (
                    None
                    if ledger.changes_allowed
                    else f"{row_label(item)} buys and cancels numbers: skipped on a real account "
                    "(pass --allow-purchases to run it)"
                )
            if reason is not None:
                item.add_marker(pytest.mark.skip(reason=reason))

    def pytest_runtest_setup(self, item: pytest.Item) -> None:
        gate = self.state.gate
        if gate.stopped is not None:
            raise KeyboardInterrupt
        if gate.tripped is not None:
            pytest.skip(f"not run: {gate.tripped}")
        # A fuzzing test's coverage cases, deferred at collection (`deferred_coverage`).
        deferred_coverage.build_pending(getattr(item, "obj", None))

    def pytest_runtest_logstart(self, nodeid: str, location: tuple[str, int | None, str]) -> None:
        self._answers_before = self.state.gate.answer_kinds.snapshot()

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_call(self, item: pytest.Item) -> Generator[None, None, None]:
        """A test that passes without a single judged answer fails instead (`answers_judged`)."""
        result = yield
        if ANSWERS_JUDGED in self.state.skipped_checks:
            return result
        answers = self.state.gate.answer_kinds.since(self._answers_before)
        held = self.state.stats.for_label(row_label(item)).not_sent
        reason = nothing_judged(answers, held)
        if reason is not None:
            raise Violation(ANSWERS_JUDGED, reason)
        return result

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(
        self, item: pytest.Item, call: pytest.CallInfo[None]
    ) -> Generator[None, Any, None]:
        outcome = yield
        report: pytest.TestReport = outcome.get_result()
        if report.failed:
            self.state.first_failure.note(self.state.gate.counters.sent, row_label(item))
        self._shorten_finding(call, report)
        self._redact(report)
        row = None
        if report.when == "call" or (report.when == "setup" and report.skipped) or report.failed:
            row = self._attach_row(item, call, report)
        findings = (row or {}).get("stats") or {}
        if report.failed and findings.get("findings") and not self.verbose:
            # Each finding is one block in the contract summary; pytest's own failure text (an
            # exception group, frames of schemathesis, Hypothesis' decorator advice) says nothing
            # more a user can act on. `-v` keeps it.
            text = self.redactor.redact(
                failure_text([Finding.from_json(f) for f in findings["findings"]])
            )
            report.longrepr = text
            setattr(report, FINDINGS_LONGREPR, text)
        elif report.failed:
            report.sections.append(
                ("contract: replay", self.redactor.redact(self._replay_text(item)))
            )

    @pytest.hookimpl(trylast=True)
    def pytest_exception_interact(
        self, node: pytest.Item, call: pytest.CallInfo[None], report: pytest.TestReport
    ) -> None:
        # Schemathesis rewrites a failure's text here (after the report hooks): put ours back.
        text = getattr(report, FINDINGS_LONGREPR, None)
        if text is not None:
            report.longrepr = text

    def _shorten_finding(self, call: pytest.CallInfo[None], report: pytest.TestReport) -> None:
        """A finding of the harness's own reads as its rule and detail, not as a traceback."""
        if not report.failed or call.excinfo is None:
            return
        error = call.excinfo.value
        if not isinstance(getattr(error, "check", None), str):
            return
        notes = [str(note) for note in getattr(error, "__notes__", [])]
        report.longrepr = "\n".join([str(error), *notes])

    def _replay_text(self, item: pytest.Item) -> str:
        return f"Replay this test: {self.replay_command(selection_for(item))}"

    def _attach_row(
        self, item: pytest.Item, call: pytest.CallInfo[None], report: pytest.TestReport
    ) -> dict[str, Any]:
        label = row_label(item)
        stats = self.state.stats.take(label) if report.when == "call" else None
        note: str | None = None
        if report.skipped and isinstance(report.longrepr, tuple):
            note = str(report.longrepr[2]).removeprefix("Skipped: ")
        elif report.failed and call.excinfo is not None:
            error = call.excinfo.value
            named = named_violation(error)
            text = str(named or error).strip()
            note = text.splitlines()[0] if text else type(error).__name__
            check = getattr(named, "check", None)
            if isinstance(check, str):
                stats = stats or OperationStats()
                stats.record_failure(
                    violation_finding(
                        self.state.gate, check, str(getattr(named, "detail", text)), label
                    )
                )
            if report.when == "teardown":
                note = f"teardown: {note}"
        if stats is not None and stats.findings:
            selection = tuple(selection_for(item))
            stats.findings = [replace(f, selection=selection) for f in stats.findings]
        row: dict[str, Any] = {
            "label": label,
            "outcome": "error" if report.failed and report.when != "call" else report.outcome,
            "duration": report.duration,
            "stats": stats.to_json() if stats is not None else None,
            "note": self.redactor.redact(note) if note else None,
        }
        setattr(report, ROW_ATTRIBUTE, row)
        return row

    def _redact(self, report: pytest.TestReport) -> None:
        if report.longrepr is not None and not isinstance(report.longrepr, tuple):
            text = str(report.longrepr)
            redacted = self.redactor.redact(text)
            if redacted != text:
                report.longrepr = redacted
        report.sections = [
            (title, self.redactor.redact(content)) for title, content in report.sections
        ]

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        data: dict[str, Any] | None = getattr(report, ROW_ATTRIBUTE, None)
        if data is None or self.is_worker:
            return
        stats = OperationStats.from_json(data["stats"]) if data["stats"] is not None else None
        row = Row(
            label=str(data["label"]),
            outcome=str(data["outcome"]),
            duration=float(data["duration"]),
            stats=stats,
            note=data["note"],
        )
        previous = self.rows.get(row.label)
        if previous is not None and row.outcome == "error":
            # A teardown error after the call: keep the call's tally. A passing call shows the
            # error; a failed one stays failed, its findings first (the clean-up's own lines say
            # what the teardown found).
            if previous.outcome != "failed":
                previous.outcome, previous.note = "error", row.note
            row = previous
        self.rows[row.label] = row
        if row.stats is not None:
            self._file_findings(row.label, row.stats)
        reporter = self.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.ensure_newline()
            reporter.write_line(self.redactor.redact(progress_line(row)))

    def _file_findings(self, label: str, stats: OperationStats) -> None:
        """File a test's findings with the run's (one per root cause), numbered, with the line that
        replays the test."""
        stats.findings = [
            self.findings.add(finding, label, self.replay_command(list(finding.selection)))[0]
            for finding in stats.findings
        ]

    def pytest_keyboard_interrupt(self, excinfo: pytest.ExceptionInfo[BaseException]) -> None:
        # A stop at set-up (the snapshot) with a failing exit code is the run's first failure.
        error = excinfo.value
        if isinstance(error, pytest.exit.Exception) and error.returncode not in (None, 0, 2):
            self.state.first_failure.note(self.state.gate.counters.sent, "set-up")

    @pytest.hookimpl(trylast=True)
    def pytest_sessionfinish(self, session: pytest.Session, exitstatus: int) -> None:
        if self.is_worker:
            output = self.config.workeroutput  # type: ignore[attr-defined]
            output[distributed.STOCK_OUTPUT] = self.state.stock.report
            output[WORKER_PART] = gate_part(self.state)
        # After junitxml's own sessionfinish, which writes the file.
        if self._junit is not None and self._junit.exists() and not self.is_worker:
            if self.distributed:
                distributed.add_suite_properties(self._junit, self._distributed_properties())
            text = self._junit.read_text(encoding="utf-8")
            self._junit.write_text(self.redactor.redact(text), encoding="utf-8")
        if self.state.interrupts:
            session.exitstatus = pytest.ExitCode.INTERRUPTED
        elif self.state.gate.mostly_throttled and session.exitstatus == pytest.ExitCode.OK:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED

    def pytest_terminal_summary(
        self, terminalreporter: Any, exitstatus: int, config: pytest.Config
    ) -> None:
        if self.is_worker:
            return
        terminalreporter.write_sep("=", "contract summary")
        distributed_run = self.distributed
        # Under xdist the workers' gates saw the answers (added up as they ended); the
        # controller's saw none.
        exercised = (
            {
                label: OperationExercise.from_json(entry)
                for label, entry in sorted(self.worker_totals.exercised.items())
            }
            if distributed_run
            else self.state.gate.exercised.by_label()
        )
        stop = self.state.setup_stop
        if stop is not None:
            self.findings.add(stop, run_record.SET_UP, self.replay_command())
        findings = self.findings.findings
        lines = (
            summary_lines(list(self.rows.values()), self.run_info(), exercised, findings)
            if self.rows or findings
            else []
        )
        safety = safety_lines(
            self.state,
            embedded=self.options.embedded,
            distributed=distributed_run,
            workers_counters=self.worker_totals.counters,
        )
        lines += safety
        first = self.state.first_failure.line()
        if first is not None and not distributed_run:
            lines.append(first)
        for line in lines:
            terminalreporter.write_line(self.redactor.redact(line))
        if self.options.json_report is None and self.options.html_report is None:
            return
        record = self.run_record(exitstatus, distributed_run, safety)
        if self.options.json_report is not None:
            run_record.write_record(record, self.options.json_report, self.redactor.redact)
            terminalreporter.write_line(f"JSON run record: {self.options.json_report}")
        report = self.options.html_report
        if report is not None:
            report.parent.mkdir(parents=True, exist_ok=True)
            page = html_report.render(record)
            report.write_text(self.redactor.redact(page), encoding="utf-8")
            terminalreporter.write_line(f"HTML report: {report}")

    def run_record(self, exitstatus: int, distributed: bool, safety: list[str]) -> dict[str, Any]:
        """The run record (`reporting.record`), the workers' tallies added under xdist."""
        totals = self.worker_totals
        if not distributed:
            totals = run_record.GateTotals()
            totals.add(gate_part(self.state))
        settlement = self.state.settlement
        header = run_record.RunHeader(
            command=[self.program, *given_arguments(self.arguments)],
            replay=self.replay_command(),
            target=self.target_description(),
            embedded=self.options.embedded,
            profile=current_profile_name(),
            seed=self.options.seed,
            started=self.started.isoformat(timespec="seconds"),
            duration_seconds=time.monotonic() - self._started_clock,
            exit_status=int(getattr(self._session, "exitstatus", exitstatus)),
        )
        return run_record.build_record(
            header,
            list(self.rows.values()),
            self.findings.findings,
            totals,
            safety,
            settlement.lines() if settlement is not None and not self.options.embedded else None,
            self.state.first_failure.requests,
        )
