"""Keep credentials out of everything the harness prints or writes.

`Redactor.redact` removes the key, the secret and the forms they take on the wire and in reports:
HTTP basic's base64 of `key:secret`, URL-encoding (either case of hex digits), JSON and XML
escaping. It also removes every prefix of at least `PREFIX_MIN_LENGTH` characters of each form: a
body cut after the first 24 characters of the basic token still decodes to the whole key, so a cut
must never show one. Cutting is therefore done after masking (`Redactor.excerpt`), and the output
layer (`RedactingStream`, the JUnit rewrite in the plugin) masks whatever reaches it last.

A form of at least `SUBSTRING_MIN_LENGTH` characters is masked wherever it appears. A shorter one (a
test server's `k`/`s`, say) is masked only where it stands alone, not inside a longer word: masking
every `s` would destroy the report without protecting anything that real credentials (8 and 16
characters for this API) need.
"""

from __future__ import annotations

import base64
import html
import json
import re
from collections.abc import Iterable
from typing import TextIO
from urllib.parse import quote, quote_plus

MASK = "***"
SUBSTRING_MIN_LENGTH = 6
# Eight characters of base64 are six bytes: enough to give away a short key. Shorter tails of a cut
# token tell nothing a guess would not.
PREFIX_MIN_LENGTH = 8
EXCERPT_LENGTH = 200
_WORD_CHARACTER = "[A-Za-z0-9]"
_PERCENT_ESCAPE = re.compile(r"%[0-9A-F]{2}")


def _pattern(form: str) -> str:
    escaped = re.escape(form)
    if len(form) >= SUBSTRING_MIN_LENGTH:
        return escaped
    return f"(?<!{_WORD_CHARACTER}){escaped}(?!{_WORD_CHARACTER})"


def encodings(value: str) -> set[str]:
    """The ways `value` can be written in a URL, a JSON string or an XML document."""
    quoted = {quote(value, safe=""), quote_plus(value)}
    lower_hex = {_PERCENT_ESCAPE.sub(lambda m: m.group(0).lower(), form) for form in quoted}
    return {value, *quoted, *lower_hex, json.dumps(value)[1:-1], html.escape(value)}


def basic_token(key: str, secret: str) -> str:
    return base64.b64encode(f"{key}:{secret}".encode()).decode()


class Redactor:
    """Replaces every known form of the given secrets (and their long prefixes) with `***`."""

    def __init__(self, secrets: Iterable[str], pairs: Iterable[tuple[str, str]] = ()) -> None:
        values = [value for value in secrets if value]
        forms: set[str] = set()
        pairs = list(pairs) or ([(values[0], values[1])] if len(values) == 2 else [])
        wholes = set(values)
        for key, secret in pairs:
            if key and secret:
                # HTTP basic sends base64("key:secret"), and an echo may show the decoded pair.
                wholes.add(basic_token(key, secret))
        for whole in wholes:
            for form in encodings(whole):
                forms.add(form)
                forms.update(form[:end] for end in range(PREFIX_MIN_LENGTH, len(form)))
        # Longest first, so a secret that contains another one is removed whole.
        self._forms = sorted(forms, key=len, reverse=True)
        self._pattern = re.compile("|".join(_pattern(form) for form in self._forms))

    @classmethod
    def for_credentials(cls, api_key: str, api_secret: str, *more: tuple[str, str]) -> Redactor:
        """For an account's key and secret, and those of any more accounts."""
        pairs = [(api_key, api_secret), *more]
        return cls([value for pair in pairs for value in pair], pairs)

    @property
    def longest(self) -> int:
        return len(self._forms[0]) if self._forms else 0

    def redact(self, text: str) -> str:
        if not self._forms:
            return text
        return self._pattern.sub(MASK, text)

    def excerpt(self, body: bytes | str, limit: int = EXCERPT_LENGTH) -> str:
        """A short, masked sample of an answer body: masked first, then cut."""
        text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
        masked = self.redact(text)
        return masked if len(masked) <= limit else masked[:limit] + f"... ({len(text)} characters)"

    def __bool__(self) -> bool:
        return bool(self._forms)


class RedactingStream:
    """A text stream that masks what is written through it before it reaches `target`.

    A secret can arrive split over two writes, so text is held back until a whitespace character
    ends the word it may be part of (secrets and their encodings hold no whitespace). A word
    longer than `MAX_HELD` is let through masked, to bound what is held.
    """

    MAX_HELD = 64 * 1024

    def __init__(self, target: TextIO, redactor: Redactor) -> None:
        self._target = target
        self._redactor = redactor
        self._held = ""

    def write(self, text: str) -> int:
        buffer = self._held + text
        cut = max(buffer.rfind(" "), buffer.rfind("\n"), buffer.rfind("\t"), buffer.rfind("\r"))
        if cut < 0 and len(buffer) > self.MAX_HELD:
            cut = len(buffer) - 1
        if cut >= 0:
            self._target.write(self._redactor.redact(buffer[: cut + 1]))
            buffer = buffer[cut + 1 :]
        self._held = buffer
        return len(text)

    def flush(self) -> None:
        # A held word stays held: flushing it could show the first half of a split secret.
        self._target.flush()

    def close_out(self) -> None:
        """Write what is held (the end of output: no second half can follow)."""
        if self._held:
            self._target.write(self._redactor.redact(self._held))
            self._held = ""
        self._target.flush()

    def isatty(self) -> bool:
        return bool(getattr(self._target, "isatty", lambda: False)())

    def __getattr__(self, name: str) -> object:
        return getattr(self._target, name)
