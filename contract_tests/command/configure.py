"""Checks made when pytest is configured, before anything is sent: the same for
`numbers-contract`, `pytest contract_tests` and `nox -s contract`.

Each failure is one `pytest.UsageError` line (pytest's exit code 4), never a traceback.
"""

from __future__ import annotations

import os

import pytest

from contract_tests import internals
from contract_tests.run.options import HarnessOptions, check_profile
from contract_tests.run.profiles import configure_hypothesis, database_for, default_profile_name

PROFILE_VARIABLE = "HYPOTHESIS_PROFILE"


def check_versions() -> None:
    """Refuse a schemathesis or pytest other than those the harness's internals were made for."""
    try:
        internals.check_versions()
    except internals.UnpinnedVersion as error:
        raise pytest.UsageError(str(error)) from None


def settle_profile(config: pytest.Config) -> str:
    """Check the profile asked for, register the profiles, and name the one the run uses.

    Done before Hypothesis' plugin loads `--hypothesis-profile` (which would fail with a traceback
    on an unknown name). The name is written back into the option, so the run's replay names it.
    """
    option: str | None = config.getoption("hypothesis_profile", None)
    variable = os.environ.get(PROFILE_VARIABLE)
    if option:
        check_profile(option)
    elif variable:
        check_profile(variable, PROFILE_VARIABLE)
    configure_hypothesis(config.getoption("hypothesis_database", None))
    name = option or default_profile_name()
    config.option.hypothesis_profile = name
    return name


def distribution_form(config: pytest.Config) -> str | None:
    """How this run is spread over pytest-xdist processes (the option that asked), or None."""
    if hasattr(config, "workerinput"):
        return "the xdist worker"
    if config.getoption("numprocesses", None):
        return "-n/--numprocesses"
    if config.getoption("distload", False):
        return "-d"
    if config.getoption("dist", "no") not in (None, "no"):
        return "--dist"
    if config.getoption("tx", None):
        return "--tx"
    return None


def refuse_distributed_purchases(config: pytest.Config, options: HarnessOptions) -> None:
    """Purchases on a real account run in one process: the cap and the clean-up are per process,
    so two workers would each buy up to the cap and neither would cancel the other's numbers."""
    if not options.allow_purchases or options.embedded:
        return
    form = distribution_form(config)
    if form is not None:
        raise pytest.UsageError(
            f"--allow-purchases against --target-url runs in one process: drop {form} "
            "(pytest-xdist: the purchase cap and the clean-up are kept per process)"
        )


def quiet_insecure_warnings(config: pytest.Config, options: HarnessOptions) -> None:
    """With `--insecure`, the header's warning says it once: not urllib3 at every request."""
    if options.insecure:
        config.addinivalue_line(
            "filterwarnings", "ignore::urllib3.exceptions.InsecureRequestWarning"
        )


def header_lines(options: HarnessOptions, profile: str) -> list[str]:
    """The header's lines about rate, TLS and the example database: what applies and why."""
    lines = [f"contract rate limit: {options.rate_limit or 'none'} ({options.rate_reason})"]
    if options.insecure:
        lines.append(
            "contract WARNING: --insecure: TLS certificates are not checked, so anything between "
            "here and the target can read and change every request"
        )
    elif options.ca_file is not None:
        lines.append(f"contract TLS: certificates checked against --ca-file {options.ca_file}")
    database = database_for(options.hypothesis_database, profile)
    lines.append(f"contract example database: {database.describe()}")
    return lines
