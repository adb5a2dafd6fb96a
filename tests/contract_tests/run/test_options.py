"""Reading the harness options: where credentials come from, when a URL lacks them, the seed."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any, cast

import pytest

from contract_tests.run.options import (
    DEFAULT_BREAKER_AFTER,
    DEFAULT_MAX_ANSWER_BYTES,
    DEFAULT_MAX_PURCHASES,
    DEFAULT_REQUEST_DEADLINE,
    ENV_API_KEY,
    ENV_API_SECRET,
    HarnessOptions,
)
from contract_tests.safety.ratelimit import Rate
from numbers_mock import PRIMARY_ACCOUNT


class StubConfig:
    """Just enough of `pytest.Config` for `HarnessOptions.from_pytest`."""

    def __init__(self, **values: Any) -> None:
        defaults: dict[str, Any] = {
            "target_url": None,
            "api_key": None,
            "api_secret": None,
            "allow_purchases": False,
            "max_purchases": DEFAULT_MAX_PURCHASES,
            "hypothesis_seed": None,
        }
        self.option = SimpleNamespace(**{**defaults, **values})

    def getoption(self, name: str, default: Any = None) -> Any:
        return getattr(self.option, name, default)


def read(config: StubConfig) -> HarnessOptions:
    return HarnessOptions.from_pytest(cast(pytest.Config, config))


@pytest.fixture(autouse=True)
def _no_credentials_in_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_API_KEY, raising=False)
    monkeypatch.delenv(ENV_API_SECRET, raising=False)


def test_the_embedded_mock_uses_its_primary_account() -> None:
    options = read(StubConfig())
    assert options.embedded
    assert options.auth == PRIMARY_ACCOUNT.auth


def test_a_url_takes_credentials_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_API_KEY, "envkey")
    monkeypatch.setenv(ENV_API_SECRET, "envsecret")
    options = read(StubConfig(target_url="https://numbers.example/"))
    assert not options.embedded
    assert options.target_url == "https://numbers.example"
    assert options.auth == ("envkey", "envsecret")


def test_options_win_over_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_API_KEY, "envkey")
    monkeypatch.setenv(ENV_API_SECRET, "envsecret")
    options = read(StubConfig(target_url="http://t", api_key="cli", api_secret="clisecret"))
    assert options.auth == ("cli", "clisecret")


def test_a_url_without_credentials_is_a_usage_error() -> None:
    with pytest.raises(pytest.UsageError, match=ENV_API_KEY):
        read(StubConfig(target_url="http://t", api_key="only-the-key"))


def test_a_negative_purchase_cap_is_a_usage_error() -> None:
    with pytest.raises(pytest.UsageError, match="--max-purchases"):
        read(StubConfig(max_purchases=-1))


def test_the_seed_comes_from_hypothesis_seed() -> None:
    assert read(StubConfig(hypothesis_seed="1234")).seed == 1234
    with pytest.raises(pytest.UsageError, match="integer"):
        read(StubConfig(hypothesis_seed="abc"))


def test_a_fresh_seed_is_written_back_for_hypothesis_and_workers() -> None:
    config = StubConfig()
    options = read(config)
    assert config.option.hypothesis_seed == str(options.seed)


def test_credentials_stay_out_of_the_repr() -> None:
    options = read(StubConfig(target_url="http://t", api_key="kkkk", api_secret="ssss"))
    assert "kkkk" not in repr(options)
    assert "ssss" not in repr(options)


def test_a_url_target_is_rate_limited_by_default_and_the_mock_never() -> None:
    url = read(StubConfig(target_url="http://t", api_key="k", api_secret="s"))
    assert url.rate_limit == Rate(5, 1.0)
    assert read(StubConfig(rate_limit="2/m")).rate_limit is None
    limited = read(StubConfig(target_url="http://t", api_key="k", api_secret="s", rate_limit="2/m"))
    assert limited.rate_limit == Rate(2, 60.0)
    unlimited = StubConfig(target_url="http://t", api_key="k", api_secret="s", rate_limit="none")
    assert read(unlimited).rate_limit is None


def test_the_safety_limits_have_defaults_and_can_be_set() -> None:
    options = read(StubConfig())
    assert options.request_deadline == DEFAULT_REQUEST_DEADLINE
    assert options.max_answer_bytes == DEFAULT_MAX_ANSWER_BYTES
    assert options.breaker_after == DEFAULT_BREAKER_AFTER
    custom = read(StubConfig(request_deadline=1.5, max_answer_bytes=2048, breaker_after=2))
    assert (custom.request_deadline, custom.max_answer_bytes, custom.breaker_after) == (
        1.5,
        2048,
        2,
    )


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"request_deadline": 0.0}, "--request-deadline"),
        ({"max_answer_bytes": 10}, "--max-answer-bytes"),
        ({"breaker_after": 0}, "--breaker-after"),
        ({"rate_limit": "fast"}, "--rate-limit"),
    ],
)
def test_bad_safety_limits_are_usage_errors(values: dict[str, Any], message: str) -> None:
    with pytest.raises(pytest.UsageError, match=message):
        read(StubConfig(**values))
