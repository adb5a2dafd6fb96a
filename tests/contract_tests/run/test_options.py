"""Reading the harness options: where credentials come from, when a URL lacks them, the seed."""

from __future__ import annotations

from pathlib import Path
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
    WORKER_SEED,
    HarnessOptions,
    is_loopback,
    rate_for,
    user_arguments,
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


@pytest.mark.parametrize(
    ("url", "loopback"),
    [
        ("http://127.0.0.1:8000", True),
        ("http://127.1.2.3", True),
        ("http://[::1]:9000", True),
        ("http://localhost:8000", True),
        ("https://LOCALHOST", True),
        ("http://10.0.0.1", False),
        ("https://rest.example.com", False),
        ("http://127.0.0.1.example.com", False),
    ],
)
def test_loopback_targets_are_told_apart(url: str, loopback: bool) -> None:
    assert is_loopback(url) is loopback


def test_a_loopback_target_has_no_rate_limit_by_default_and_says_why() -> None:
    rate, reason = rate_for("http://127.0.0.1:8000", None)
    assert rate is None and "loopback" in reason
    rate, reason = rate_for("https://rest.example.com", None)
    assert rate == Rate(5, 1.0) and "default" in reason
    rate, reason = rate_for("http://127.0.0.1:8000", "2/s")
    assert rate == Rate(2, 1.0) and reason == "--rate-limit"
    loopback = read(StubConfig(target_url="http://localhost:1", api_key="k", api_secret="s"))
    assert loopback.rate_limit is None


def test_the_users_options_come_back_as_arguments_without_credentials(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "ca.pem").write_text("not read here", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    config = StubConfig(
        target_url="https://numbers.example",
        api_key="thekey",
        api_secret="thesecret",
        rate_limit="none",
        allow_purchases=True,
        ca_file="ca.pem",
        html_report="r.html",
        keyword="search",
    )
    options = read(config)
    arguments = user_arguments(cast(pytest.Config, config))
    assert arguments == [
        "--target-url=https://numbers.example",
        "--allow-purchases",
        f"--max-purchases={DEFAULT_MAX_PURCHASES}",
        f"--hypothesis-seed={options.seed}",
        "--rate-limit=none",
        # Absolute: the replay works from any folder.
        f"--ca-file={tmp_path / 'ca.pem'}",
    ]
    assert "thekey" not in str(arguments) and "thesecret" not in str(arguments)


def test_a_worker_takes_the_controllers_seed() -> None:
    config = StubConfig(hypothesis_seed="5")
    config.workerinput = {WORKER_SEED: 1234}  # type: ignore[attr-defined]
    assert read(config).seed == 1234
    assert config.option.hypothesis_seed == "1234"


def test_tls_choices() -> None:
    assert read(StubConfig()).tls_verify is True
    assert read(StubConfig(insecure=True)).tls_verify is False
    with pytest.raises(pytest.UsageError, match=r"--ca-file /nowhere/ca\.pem: no such file"):
        read(StubConfig(ca_file="/nowhere/ca.pem"))
