"""What a request carries on the wire, read before validation: the legacy shape and repeated names.

- **The legacy shape**: older SDKs and the Vonage CLI send buy, cancel and update as a POST whose
  fields are all in the query string, with an empty body (and a form content type); the service
  accepts it. The form fields of such an operation are read from the query string too, a field of
  the body winning over a query field of the same name. The credentials stay where they are.
- **Repeated names**: `msisdn=A&msisdn=B` is refused with 400 rather than read as A (a form) or B
  (a query), since either reading silently changes which number is bought.
- **ASCII numbers**: `int()` reads Arabic-Indic digits (U+0661 U+0660 U+0660 is 100), " 5" and
  "1_0"; the service's integer parameters are plain ASCII digits, so anything else is refused
  before the cast.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode

from numbers_mock.core.document import ApiDocument
from numbers_mock.core.redaction import SENSITIVE_PARAMETERS
from numbers_mock.core.replies import Rejected, field_errors
from numbers_mock.http.messages import cast_message

__all__ = ["REPEATED", "WireRules", "form_pairs"]

REPEATED = "Must be given once."
FORM_MEDIA_TYPE = "application/x-www-form-urlencoded"


def form_pairs(body: bytes) -> list[tuple[str, str]]:
    """A form body's (name, value) pairs in order; empty when the body is not UTF-8."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return []
    return parse_qsl(text, keep_blank_values=True)


@dataclass(frozen=True)
class WireRules:
    """The wire rules of one operation: its integer parameters and whether it takes a form."""

    integer_parameters: frozenset[str]
    takes_form: bool

    @classmethod
    def for_operation(cls, document: ApiDocument, operation_id: str) -> WireRules:
        """The rules the document implies for `operation_id`."""
        operation = document.operation(operation_id)
        integers = set()
        for node in operation.get("parameters", ()):
            parameter = document.resolve(node)
            schema = document.resolve(parameter.get("schema", {}))
            if parameter.get("in") == "query" and schema.get("type") == "integer":
                integers.add(str(parameter.get("name")))
        body = operation.get("requestBody")
        takes_form = body is not None and FORM_MEDIA_TYPE in document.resolve(body).get(
            "content", {}
        )
        return cls(frozenset(integers), takes_form)

    def check_query(self, pairs: Sequence[tuple[str, str]]) -> None:
        """`Rejected` (400) for a repeated name or an integer parameter not in ASCII digits."""
        errors = _repeated(pairs)
        for name, value in pairs:
            if name in self.integer_parameters and not _ascii_integer(value):
                errors.setdefault(name, cast_message("integer"))
        if errors:
            raise Rejected(field_errors(errors))

    def read_form(
        self, query: Sequence[tuple[str, str]], body: bytes, content_type: str | None
    ) -> tuple[bytes, str | None]:
        """The form body with the query's fields the body lacks, and its content type.

        `Rejected` (400) for a form field given twice. Only for an operation that takes a form,
        and only when the body is empty or a form: a body of another type keeps its own answer.
        """
        if not self.takes_form:
            return body, content_type
        is_form = (content_type or "").split(";")[0].strip().lower() == FORM_MEDIA_TYPE
        if body and not is_form:
            return body, content_type
        sent = form_pairs(body) if body else []
        errors = _repeated(sent)
        if errors:
            raise Rejected(field_errors(errors))
        if not query:
            return body, content_type
        in_body = {name for name, _ in sent}
        extra = [
            (name, value)
            for name, value in query
            if name not in in_body and name not in SENSITIVE_PARAMETERS
        ]
        if not extra:
            return body, content_type
        # surrogatepass: a lone surrogate from the query makes the body non-UTF-8, which
        # validation then refuses with 400 like any other undecodable form.
        encoded = urlencode(extra, errors="surrogatepass").encode("ascii")
        joined = body + (b"&" if body else b"") + encoded
        return joined, content_type if is_form else FORM_MEDIA_TYPE


def _repeated(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    seen: set[str] = set()
    errors: dict[str, str] = {}
    for name, _ in pairs:
        if name in seen:
            errors[name] = REPEATED
        seen.add(name)
    return errors


def _ascii_integer(value: str) -> bool:
    digits = value[1:] if value[:1] in ("-", "+") else value
    return digits.isascii() and digits.isdigit()
