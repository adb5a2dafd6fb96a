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
