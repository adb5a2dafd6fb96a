"""Keep credentials out of everything the harness prints or writes.

Schemathesis already filters the `Authorization` header in its own curl commands; this is the second
line: every report, section and summary line passes through `Redactor.redact`, which removes the
key, the secret, and the forms they take on the wire (HTTP basic's base64 of `key:secret`, and
URL-encoding).

A form of at least `SUBSTRING_MIN_LENGTH` characters is masked wherever it appears. A shorter one
(a test server's `k`/`s`, say) is masked only where it stands alone, not inside a longer word:
masking every `s` would destroy the report without protecting anything that real credentials
(8 and 16 characters for this API) need.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Iterable
from urllib.parse import quote, quote_plus

MASK = "***"
SUBSTRING_MIN_LENGTH = 6
_WORD_CHARACTER = "[A-Za-z0-9]"


def _pattern(form: str) -> str:
    escaped = re.escape(form)
    if len(form) >= SUBSTRING_MIN_LENGTH:
        return escaped
    return f"(?<!{_WORD_CHARACTER}){escaped}(?!{_WORD_CHARACTER})"


class Redactor:
    """Replaces every known form of the given secrets with `***`."""

    def __init__(self, secrets: Iterable[str], pairs: Iterable[tuple[str, str]] = ()) -> None:
        values = [value for value in secrets if value]
        forms: set[str] = set()
        for value in values:
            forms.update({value, quote(value, safe=""), quote_plus(value)})
        # HTTP basic sends base64("key:secret"); a partial match would not hide it, so add the whole
        # token.
        pairs = list(pairs) or ([(values[0], values[1])] if len(values) == 2 else [])
        for key, secret in pairs:
            if key and secret:
                forms.add(base64.b64encode(f"{key}:{secret}".encode()).decode())
        # Longest first, so a secret that contains another one is removed whole.
        self._forms = sorted(forms, key=len, reverse=True)
        self._pattern = re.compile("|".join(_pattern(form) for form in self._forms))

    @classmethod
    def for_credentials(cls, api_key: str, api_secret: str, *more: tuple[str, str]) -> Redactor:
        """For an account's key and secret, and those of any more accounts."""
        pairs = [(api_key, api_secret), *more]
        return cls([value for pair in pairs for value in pair], pairs)

    def redact(self, text: str) -> str:
        if not self._forms:
            return text
        return self._pattern.sub(MASK, text)

    def __bool__(self) -> bool:
        return bool(self._forms)
