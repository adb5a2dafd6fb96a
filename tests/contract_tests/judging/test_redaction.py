"""Credentials are removed in every form they take."""

from __future__ import annotations

import base64
import io
import json
from urllib.parse import quote

import pytest

from contract_tests.judging.redaction import (
    MASK,
    PREFIX_MIN_LENGTH,
    RedactingStream,
    Redactor,
    basic_token,
)


def test_key_secret_and_basic_token_are_masked() -> None:
    redactor = Redactor.for_credentials("key123", "s3cr3t/+=")
    token = base64.b64encode(b"key123:s3cr3t/+=").decode()
    text = f"key=key123 secret=s3cr3t/+= header=Basic {token} query=s3cr3t%2F%2B%3D"
    redacted = redactor.redact(text)
    for leaked in ("key123", "s3cr3t", token):
        assert leaked not in redacted
    assert redacted == f"key={MASK} secret={MASK} header=Basic {MASK} query={MASK}"


def test_a_secret_containing_another_is_masked_whole() -> None:
    redactor = Redactor(["abc", "xxabcxx"])
    assert redactor.redact("xxabcxx abc") == f"{MASK} {MASK}"


def test_text_without_secrets_is_unchanged() -> None:
    redactor = Redactor.for_credentials("key123", "secret456")
    text = "GET /number/search?country=GB -> 200"
    assert redactor.redact(text) == text


def test_empty_secrets_mask_nothing() -> None:
    redactor = Redactor(["", ""])
    assert not redactor
    assert redactor.redact("anything") == "anything"


def test_short_credentials_are_masked_only_where_they_stand_alone() -> None:
    redactor = Redactor.for_credentials("k", "s")
    text = "api_key=k&api_secret=s -> skipped 5 tests on localhost:9 (k)"
    assert (
        redactor.redact(text)
        == f"api_key={MASK}&api_secret={MASK} -> skipped 5 tests on localhost:9 ({MASK})"
    )


def test_long_credentials_are_masked_even_inside_other_text() -> None:
    redactor = Redactor.for_credentials("abcdef12", "0123456789abcdef")
    assert redactor.redact("xxabcdef12yy/0123456789abcdefZ") == f"xx{MASK}yy/{MASK}Z"


KEY, SECRET = "sekritkey77", "sekritpass99"
TOKEN = basic_token(KEY, SECRET)


def test_every_long_prefix_of_the_token_is_masked() -> None:
    redactor = Redactor.for_credentials(KEY, SECRET)
    for end in range(PREFIX_MIN_LENGTH, len(TOKEN) + 1):
        assert TOKEN[:end] not in redactor.redact(f"cut here: {TOKEN[:end]}")


@pytest.mark.parametrize(
    "form",
    [
        quote(f"{KEY}:{SECRET}", safe=""),
        quote(TOKEN, safe=""),
        quote(TOKEN, safe="").lower(),
        json.dumps(SECRET)[1:-1],
        f"{KEY}:{SECRET}",
    ],
)
def test_encoded_forms_are_masked(form: str) -> None:
    redactor = Redactor.for_credentials(KEY, SECRET)
    redacted = redactor.redact(f"body: {form}.")
    assert KEY not in redacted and SECRET not in redacted
    assert TOKEN[:PREFIX_MIN_LENGTH] not in redacted


def test_an_excerpt_is_masked_before_it_is_cut() -> None:
    redactor = Redactor.for_credentials(KEY, SECRET)
    body = "x" * 195 + TOKEN + "y" * 50
    excerpt = redactor.excerpt(body, limit=200)
    assert TOKEN[:5] not in excerpt
    assert excerpt.endswith(f"... ({len(body)} characters)")
    assert redactor.excerpt(b"\xff" + SECRET.encode()) == "\ufffd***"


def test_the_stream_masks_a_secret_split_over_writes() -> None:
    target = io.StringIO()
    stream = RedactingStream(target, Redactor.for_credentials(KEY, SECRET))
    for piece in ("Authorization: Basic ", TOKEN[:10], TOKEN[10:], " and ", SECRET[:4]):
        stream.write(piece)
        stream.flush()
    stream.write(SECRET[4:] + "\nend")
    stream.close_out()
    assert target.getvalue() == "Authorization: Basic *** and ***\nend"
