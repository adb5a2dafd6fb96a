"""Credentials are removed in every form they take."""

from __future__ import annotations

import base64

from contract_tests.redaction import MASK, Redactor


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
