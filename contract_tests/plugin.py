"""The pytest side of the harness: skipping what must not run, progress, summary, redaction.

One `ContractPlugin` is registered per pytest process by `contract_tests/conftest.py`. Under xdist
the workers tally and attach their numbers to each test report (a plain dict, which xdist carries
over); the controller, which sees every report, prints the progress lines and the summary.
"""

from __future__ import annotations

import shlex
from collections.abc import Generator
from typing import Any

import pytest
from hypothesis import settings

from contract_tests.options import (
    ENV_API_KEY,
    ENV_API_SECRET,
    ENV_OTHER_API_KEY,
    ENV_OTHER_API_SECRET,
    HarnessOptions,
)
from contract_tests.purchases import PurchaseGuard
from contract_tests.redaction import Redactor
from contract_tests.reporting import Row, RunInfo, progress_line, summary_lines
from contract_tests.stats import RUN_STATS, OperationStats

PLUGIN_NAME = "contract-harness"
ROW_ATTRIBUTE = "contract_row"
# Marks a non-schemathesis test with the label it gets in the summary.
ROW_MARKER = "contract_row"
# Marks a test that buys, cancels or updates numbers: skipped on a real target unless
# --allow-purchases.
CHANGES_ACCOUNT_MARKER = "changes_account"


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
    """pytest arguments that select just this test again."""
    operation: str | None = getattr(item, "operation_label", None)
    if operation:
        # A node id with the operation in it is not selectable (pytest matches it before the
        # operation is added); `-k` on the path's last segment ("search", "numbers", "buy", ...) is.
        return [item.nodeid.split("::")[0], "-k", operation.rsplit("/", 1)[-1]]
    return [item.nodeid]


def name_operation_item(item: pytest.Item) -> None:
    """Put the operation into a schemathesis item's node id.

    Under pytest 9, schemathesis 4.32 gives every item of one test function the bare function's node
    id, so the five operations would share one id: the JUnit report could not tell them apart, nor
    could `--lf`, progress or a replay command. Items that already carry parameters are left alone.
    """
    operation: str | None = getattr(item, "operation_label", None)
    node_id = getattr(item, "_id", None)
    if operation and node_id is not None and getattr(node_id, "params", "") is None:
        item._id = node_id.with_params(operation)


def fuzzing_last(items: list[pytest.Item]) -> None:
    """Put the per-operation fuzzing tests after the others, keeping each group's order.

    The others (examples, filters, lifecycle, paging) take a second or a few each; fuzzing takes the
    longest. A run that stops at its first failure (`-x`) finds a broken lifecycle or paging sooner.
    """
    items.sort(key=lambda item: getattr(item, "operation_label", None) is not None)


_active: ContractPlugin | None = None


def active_plugin() -> ContractPlugin:
    """The plugin of the running pytest session (test modules need its options at import time)."""
    if _active is None:
        raise RuntimeError(
            "contract_tests runs under pytest, which loads contract_tests/conftest.py"
        )
    return _active


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


def get_plugin(config: pytest.Config) -> ContractPlugin:
    plugin = config.pluginmanager.get_plugin(PLUGIN_NAME)
    assert isinstance(plugin, ContractPlugin), "contract_tests/conftest.py registers the plugin"
    return plugin


class ContractPlugin:
    def __init__(self, config: pytest.Config, options: HarnessOptions) -> None:
        self.config = config
        self.options = options
        self.redactor = Redactor.for_credentials(
            options.api_key, options.api_secret, *filter(None, [options.other_auth])
        )
        self.rows: dict[str, Row] = {}
        # The policy alone decides what to skip; the session's guard adds the per-request limits.
        self.policy = PurchaseGuard(
            embedded=options.embedded,
            allow_purchases=options.allow_purchases,
            max_purchases=options.max_purchases,
        )

    # --- what the run is ------------------------------------------------------------------

    @property
    def is_worker(self) -> bool:
        return hasattr(self.config, "workerinput")

    def target_description(self) -> str:
        if self.options.target_url is None:
            return "embedded mock (started for this run)"
        return self.options.target_url

    def replay_command(self, selection: list[str] | None = None) -> str:
        parts = [
            "pytest",
            *(selection or ["contract_tests"]),
            f"--hypothesis-seed={self.options.seed}",
        ]
        parts.append(f"--hypothesis-profile={settings.get_current_profile_name()}")
        if self.options.target_url is not None:
            parts += ["--target-url", self.options.target_url]
            if self.options.allow_purchases:
                parts += ["--allow-purchases", f"--max-purchases={self.options.max_purchases}"]
        command = shlex.join(parts)
        if self.options.target_url is not None:
            command += f"   (credentials from ${ENV_API_KEY} / ${ENV_API_SECRET}"
            if self.options.other_auth is not None:
                command += f", ${ENV_OTHER_API_KEY} / ${ENV_OTHER_API_SECRET}"
            command += ")"
        return command

    def run_info(self) -> RunInfo:
        return RunInfo(
            target=self.target_description(),
            seed=self.options.seed,
            profile=settings.get_current_profile_name(),
            replay=self.replay_command(),
        )

    # --- hooks ----------------------------------------------------------------------------

    def activate(self) -> None:
        global _active
        _active = self

    def pytest_unconfigure(self, config: pytest.Config) -> None:
        global _active
        if _active is self:
            _active = None

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
        ]
        return [self.redactor.redact(line) for line in lines]

    @pytest.hookimpl(tryfirst=True)
    def pytest_collection_modifyitems(
        self, config: pytest.Config, items: list[pytest.Item]
    ) -> None:
        fuzzing_last(items)
        for item in items:
            name_operation_item(item)
            label = getattr(item, "operation_label", None)
            reason = self.policy.refusal(label) if label else None
            if reason is None and item.get_closest_marker(CHANGES_ACCOUNT_MARKER) is not None:
                reason = (
                    None
                    if self.policy.changes_allowed
                    else f"{row_label(item)} buys and cancels numbers: skipped on a real account "
                    "(pass --allow-purchases to run it)"
                )
            if reason is not None:
                item.add_marker(pytest.mark.skip(reason=reason))

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(
        self, item: pytest.Item, call: pytest.CallInfo[None]
    ) -> Generator[None, Any, None]:
        outcome = yield
        report: pytest.TestReport = outcome.get_result()
        self._redact(report)
        if report.when == "call" or (report.when == "setup" and report.skipped) or report.failed:
            self._attach_row(item, call, report)
        if report.failed:
            report.sections.append(
                ("contract: replay", self.redactor.redact(self._replay_text(item)))
            )

    def _replay_text(self, item: pytest.Item) -> str:
        return (
            f"Replay this test: {self.replay_command(selection_for(item))}\n"
            "Each failing request above carries a curl command (credentials filtered)."
        )

    def _attach_row(
        self, item: pytest.Item, call: pytest.CallInfo[None], report: pytest.TestReport
    ) -> None:
        label = row_label(item)
        stats = RUN_STATS.take(label) if report.when == "call" else None
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
                detail = str(getattr(named, "detail", text))
                stats.record_failure(
                    check, "Rule broken", detail, self.replay_command(selection_for(item))
                )
            if report.when == "teardown":
                note = f"teardown: {note}"
        row: dict[str, Any] = {
            "label": label,
            "outcome": "error" if report.failed and report.when != "call" else report.outcome,
            "duration": report.duration,
            "stats": stats.to_json() if stats is not None else None,
            "note": self.redactor.redact(note) if note else None,
        }
        setattr(report, ROW_ATTRIBUTE, row)

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
            # A teardown error after a passing call: keep the call's tally, show the error.
            previous.outcome, previous.note = "error", row.note
            row = previous
        self.rows[row.label] = row
        reporter = self.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.ensure_newline()
            reporter.write_line(self.redactor.redact(progress_line(row)))

    def pytest_terminal_summary(
        self, terminalreporter: Any, exitstatus: int, config: pytest.Config
    ) -> None:
        if not self.rows or self.is_worker:
            return
        terminalreporter.write_sep("=", "contract summary")
        for line in summary_lines(list(self.rows.values()), self.run_info()):
            terminalreporter.write_line(self.redactor.redact(line))
