"""The generated AuthenticatedClient sends credentials where the document's security says.

Each case generates the client from the vendored document with its security replaced, into a
temporary folder, and runs a request through it in a fresh interpreter (the generated package
has the same import name as the installed one) against an httpx.MockTransport.
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from generator.drift import compare_trees
from generator.paths import OUTPUT_DIR, SPEC_PATH
from generator.regenerate import GenerationError, generate_into
from numbers_openapi.documents import load_document, write_json_document

# Builds the client from the keyword arguments in argv[1], makes one sync and one async request,
# and prints what was sent with the constructor's credential arguments and the client's repr.
PROBE = """
import asyncio, inspect, json, sys
import httpx
import numbers_api_client
from numbers_api_client import AuthenticatedClient
from numbers_api_client.api.default import get_owned_numbers

sent = []
def handle(request):
    sent.append(request)
    return httpx.Response(200, json={})

client = AuthenticatedClient(
    base_url="https://numbers.invalid", retries=None,
    httpx_args={"transport": httpx.MockTransport(handle)}, **json.loads(sys.argv[1]),
)
get_owned_numbers.sync_detailed(client=client, country="GB")
async_client = AuthenticatedClient(
    base_url="https://numbers.invalid", retries=None,
    httpx_args={"transport": httpx.MockTransport(handle)}, **json.loads(sys.argv[1]),
)
asyncio.run(get_owned_numbers.asyncio_detailed(client=async_client, country="GB"))
keywords = inspect.signature(AuthenticatedClient).parameters
print(json.dumps({
    "package": numbers_api_client.__file__,
    "requests": [{"url": str(r.url), "headers": dict(r.headers)} for r in sent],
    "arguments": [name for name in keywords if name.startswith("api_") or name.endswith("_auth")],
    "repr": repr(client),
}))
"""

# The document's securitySchemes and its security requirement.
Scheme = tuple[dict[str, Any], list[dict[str, list[str]]]]

QUERY_KEYS: Scheme = (
    {
        "apiKey": {"type": "apiKey", "in": "query", "name": "api_key"},
        "apiSecret": {"type": "apiKey", "in": "query", "name": "api_secret"},
    },
    [{"apiKey": [], "apiSecret": []}],
)
HEADER_KEY: Scheme = (
    {"ApiKeyAuth": {"type": "apiKey", "in": "header", "name": "X-API-Key"}},
    [{"ApiKeyAuth": []}],
)
BASIC: Scheme = ({"basicAuth": {"type": "http", "scheme": "basic"}}, [{"basicAuth": []}])


def generated_with(
    folder: Path, schemes: dict[str, Any], security: list[dict[str, list[str]]]
) -> Path:
    document = load_document(SPEC_PATH)
    document["components"]["securitySchemes"] = schemes
    document["security"] = security
    spec = folder / "numbers-api.json"
    write_json_document(document, spec)
    generate_into(folder / "client", spec)
    return folder / "client"


# The query parameters get_owned_numbers sends by itself (the filter given, and the defaults).
OWN_QUERY = {"country": ["GB"], "index": ["1"], "size": ["10"], "search_pattern": ["0"]}


def credentials_in_query(url: str) -> dict[str, list[str]]:
    """The query of `url` less the operation's own parameters, which must all be there."""
    query = parse_qs(urlsplit(url).query)
    assert {name: query.pop(name, None) for name in OWN_QUERY} == OWN_QUERY
    return query


def probe(client_folder: Path, **arguments: str) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(client_folder)}
    result = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(arguments)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    seen: dict[str, Any] = json.loads(result.stdout)
    assert Path(seen["package"]).is_relative_to(client_folder)
    assert len(seen["requests"]) == 2  # one sync, one async
    return seen


def test_query_keys_go_in_the_query(tmp_path: Path) -> None:
    client = generated_with(tmp_path, *QUERY_KEYS)
    seen = probe(client, api_key="key-1", api_secret="s3cr&t")
    for request in seen["requests"]:
        query = credentials_in_query(request["url"])
        assert query == {"api_key": ["key-1"], "api_secret": ["s3cr&t"]}
        assert "authorization" not in request["headers"]
    assert seen["arguments"] == ["api_key", "api_secret"]
    assert "key-1" not in seen["repr"]
    assert "s3cr&t" not in seen["repr"]
    readme = (client / "README.md").read_text()
    assert "- `api_secret`: sent as the query parameter `api_secret`." in readme
    assert 'api_key="YOUR_API_KEY", api_secret="YOUR_API_SECRET"' in readme


def test_a_header_key_goes_in_its_header(tmp_path: Path) -> None:
    seen = probe(generated_with(tmp_path, *HEADER_KEY), api_key_auth="k-2")
    for request in seen["requests"]:
        assert request["headers"]["x-api-key"] == "k-2"
        assert "authorization" not in request["headers"]
        assert credentials_in_query(request["url"]) == {}
    assert seen["arguments"] == ["api_key_auth"]
    assert "k-2" not in seen["repr"]


def test_basic_sends_key_and_secret_as_user_and_password(tmp_path: Path) -> None:
    seen = probe(generated_with(tmp_path, *BASIC), api_key="key-3", api_secret="pa:ss")
    expected = "Basic " + base64.b64encode(b"key-3:pa:ss").decode("ascii")
    for request in seen["requests"]:
        assert request["headers"]["authorization"] == expected
        assert credentials_in_query(request["url"]) == {}
    assert seen["arguments"] == ["api_key", "api_secret"]
    assert "api_key='key-3'" in seen["repr"]
    assert "pa:ss" not in seen["repr"]


def test_no_security_gives_a_client_that_sends_no_credentials(tmp_path: Path) -> None:
    client = generated_with(tmp_path, {}, [])
    seen = probe(client)
    for request in seen["requests"]:
        assert "authorization" not in request["headers"]
        assert credentials_in_query(request["url"]) == {}
    assert seen["arguments"] == []
    assert (
        'AuthenticatedClient(base_url="https://rest.nexmo.com")'
        in (client / "README.md").read_text()
    )


def test_the_basic_client_is_the_committed_one(tmp_path: Path) -> None:
    # The vendored document's own scheme: the committed client, file for file.
    assert compare_trees(OUTPUT_DIR, generated_with(tmp_path, *BASIC)) == []


def test_an_unsupported_scheme_stops_generation_naming_it(tmp_path: Path) -> None:
    bearer: Scheme = ({"token": {"type": "http", "scheme": "bearer"}}, [{"token": []}])
    with pytest.raises(GenerationError, match=r"scheme 'token' \(http bearer\) is not supported"):
        generated_with(tmp_path, *bearer)
    assert not (tmp_path / "client").exists()
