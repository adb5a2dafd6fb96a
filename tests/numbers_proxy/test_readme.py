"""The top-level README's SDK sample for the proxy runs, through the proxy, against the mock."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from numbers_mock import PRIMARY_ACCOUNT

from .conftest import Proxy

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def test_the_sdk_sample_goes_through_the_proxy(
    proxied: Proxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    section = README.partition("## Checking live traffic")[2].partition("\n## ")[0]
    (sample,) = re.findall(r"```python\n(.*?)```", section, flags=re.DOTALL)
    with proxied() as proxy:
        monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(proxy.ca_file))
        code = sample.replace("127.0.0.1:8443", proxy.rest_host)
        code = code.replace('api_key="KEY"', f'api_key="{PRIMARY_ACCOUNT.api_key}"')
        code = code.replace('api_secret="SECRET"', f'api_secret="{PRIMARY_ACCOUNT.api_secret}"')
        namespace: dict[str, object] = {}
        exec(compile(code, "README.md", "exec"), namespace)
    count = namespace["count"]
    assert isinstance(count, int) and count > 0
    assert proxy.session.coverage[("GET /number/search", 200)] == 1
    assert not proxy.session.kept
