"""pytest wiring of the contract harness: options, Hypothesis profiles, the plugin, shared fixtures.

Run with `pytest contract_tests [options]` or `nox -s contract [-- options]`; `--help` lists the
options under "Numbers API contract harness".
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import settings

from contract_tests.harness import Harness, open_harness
from contract_tests.options import HarnessOptions, add_options
from contract_tests.plugin import (
    CHANGES_ACCOUNT_MARKER,
    PLUGIN_NAME,
    ROW_MARKER,
    ContractPlugin,
    get_plugin,
    row_label,
)
from contract_tests.profiles import default_profile_name, register_profiles
from contract_tests.stats import RUN_STATS, OperationStats
from contract_tests.target import check_reachable

# Registered on import, before Hypothesis' own plugin applies `--hypothesis-profile` (which wins).
register_profiles()
settings.load_profile(default_profile_name())


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
    # One line per test, with the harness's tally under it, unless asked for quieter output.
    if config.option.verbose == 0:
        config.option.verbose = 1
    options = HarnessOptions.from_pytest(config)
    if options.target_url is not None:
        check_reachable(options.target_url)
    workers = config.getoption("numprocesses", None)
    if workers and options.allow_purchases and not options.embedded:
        # The purchase cap and the final clean-up are kept per process.
        raise pytest.UsageError(
            "--allow-purchases against --target-url runs in one process: drop -n/--numprocesses"
        )
    plugin = ContractPlugin(config, options)
    config.pluginmanager.register(plugin, PLUGIN_NAME)
    plugin.activate()


@pytest.fixture(scope="session")
def harness(pytestconfig: pytest.Config) -> Iterator[Harness]:
    """The target (the embedded mock starts here) and money guard; settles purchases at the end."""
    with open_harness(get_plugin(pytestconfig).options) as opened:
        yield opened
        problems = opened.settle()
    if problems:
        pytest.fail(
            "numbers bought during the run could not all be cancelled:\n" + "\n".join(problems)
        )


@pytest.fixture
def tally(request: pytest.FixtureRequest) -> OperationStats:
    """This test's line of the summary, for tests that count their own steps."""
    return RUN_STATS.for_label(row_label(request.node))
