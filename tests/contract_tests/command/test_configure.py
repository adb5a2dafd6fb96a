"""The checks at pytest's configuration: pinned versions, the profile, no distribution with
real purchases, and what the header says about rate, TLS and the example database."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import pytest
from hypothesis import settings
from hypothesis.configuration import set_hypothesis_home_dir

from contract_tests import internals
from contract_tests.command.configure import (
    check_versions,
    distribution_form,
    header_lines,
    refuse_distributed_purchases,
    settle_profile,
)
from contract_tests.run.options import HarnessOptions
from contract_tests.safety.ratelimit import Rate


class StubConfig:
    """Just enough of `pytest.Config`: options by name, and xdist's `workerinput` when given."""

    def __init__(self, workerinput: dict[str, Any] | None = None, **values: Any) -> None:
        self.option = SimpleNamespace(**values)
        if workerinput is not None:
            self.workerinput = workerinput

    def getoption(self, name: str, default: Any = None) -> Any:
        return getattr(self.option, name, default)


def options(**overrides: Any) -> HarnessOptions:
    values: dict[str, Any] = {
        "target_url": "https://numbers.example",
        "api_key": "k",
        "api_secret": "s",
        "allow_purchases": True,
        "max_purchases": 2,
        "seed": 1,
        **overrides,
    }
    return HarnessOptions(**values)


# The forms xdist takes, as pytest has them once xdist's own `pytest_cmdline_main` ran.
XDIST_FORMS = [
    pytest.param({"numprocesses": 2, "dist": "load", "tx": ["popen"] * 2}, "-n", id="-n"),
    pytest.param({"dist": "load", "tx": ["2*popen"]}, "--dist", id="--dist --tx"),
    pytest.param({"dist": "no", "tx": ["2*popen"]}, "--tx", id="--tx"),
    pytest.param({"distload": True, "dist": "load", "tx": ["popen"]}, "-d", id="-d"),
    pytest.param({"dist": "loadscope", "tx": ["popen"]}, "--dist", id="--dist loadscope"),
]


@pytest.mark.parametrize(("values", "named"), XDIST_FORMS)
def test_every_xdist_form_is_refused_with_purchases_on_a_target(
    values: dict[str, Any], named: str
) -> None:
    config = cast(pytest.Config, StubConfig(**values))
    form = distribution_form(config)
    assert form is not None and named in form
    with pytest.raises(pytest.UsageError, match="--allow-purchases against --target-url"):
        refuse_distributed_purchases(config, options())


def test_a_worker_refuses_too() -> None:
    config = cast(pytest.Config, StubConfig(workerinput={"workerid": "gw0"}, dist="no"))
    with pytest.raises(pytest.UsageError):
        refuse_distributed_purchases(config, options())


@pytest.mark.parametrize(
    "values", [{"numprocesses": 0, "dist": "no", "tx": []}, {}], ids=["-n 0", "no xdist"]
)
def test_one_process_runs(values: dict[str, Any]) -> None:
    config = cast(pytest.Config, StubConfig(**values))
    assert distribution_form(config) is None
    refuse_distributed_purchases(config, options())


def test_xdist_is_fine_without_purchases_or_on_the_mock() -> None:
    config = cast(pytest.Config, StubConfig(numprocesses=2, dist="load", tx=["popen"] * 2))
    refuse_distributed_purchases(config, options(allow_purchases=False))
    refuse_distributed_purchases(config, options(target_url=None))


def test_another_schemathesis_or_pytest_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(internals, "_installed_problem", lambda: "contract_tests needs x 1")
    with pytest.raises(pytest.UsageError, match=r"^contract_tests needs x 1$"):
        check_versions()


@pytest.fixture
def restored_profile() -> Any:
    previous = settings.get_current_profile_name()
    yield
    settings.load_profile(previous)
    # Hypothesis' folder back to its own default (this process's).
    set_hypothesis_home_dir(None)


@pytest.mark.usefixtures("restored_profile")
def test_an_unknown_profile_from_the_environment_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HYPOTHESIS_PROFILE", "thoro")
    config = cast(pytest.Config, StubConfig(hypothesis_profile=None))
    with pytest.raises(pytest.UsageError, match=r"HYPOTHESIS_PROFILE 'thoro'.*thorough"):
        settle_profile(config)


@pytest.mark.usefixtures("restored_profile")
def test_the_profile_is_written_back_for_the_replay(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("HYPOTHESIS_PROFILE", "ci")
    monkeypatch.setenv("HYPOTHESIS_STORAGE_DIRECTORY", str(tmp_path))
    config = StubConfig(hypothesis_profile=None, hypothesis_database=None)
    assert settle_profile(cast(pytest.Config, config)) == "ci"
    assert config.option.hypothesis_profile == "ci"
    assert settings.get_current_profile_name() == "ci"


def test_the_header_says_which_rate_applies_and_warns_of_insecure() -> None:
    loopback = options(
        target_url="http://127.0.0.1:8000", rate_limit=None, rate_reason="a loopback target"
    )
    assert header_lines(loopback, "quick")[0] == "contract rate limit: none (a loopback target)"
    remote = options(rate_limit=Rate(5, 1.0), rate_reason="the default")
    assert header_lines(remote, "quick")[0] == "contract rate limit: 5/s (the default)"
    insecure = header_lines(options(insecure=True), "quick")
    assert any(line.startswith("contract WARNING: --insecure") for line in insecure)
    assert "contract example database: none" in header_lines(options(), "quick")[-1]
