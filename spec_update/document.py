"""Parse and validate an OpenAPI document, keeping its bytes exactly as given."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from openapi_spec_validator import validate
from openapi_spec_validator.exceptions import OpenAPISpecValidatorError
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError
from referencing.exceptions import Unresolvable

from spec_update.errors import UpdateError
from spec_update.refs import RefError, resolve_refs

# jsonschema starts some messages with the whole offending value: keep the reason, not the value.
_LEADING_VALUE = re.compile(r"^[\[{].*[\]}] (is .*)$")
MAX_MESSAGE = 200


class DocumentError(UpdateError):
    """The bytes are not a valid OpenAPI 3 document."""


@dataclass(frozen=True)
class Document:
    """One version of the API document: its exact bytes and what they say."""

    raw: bytes
    data: dict[str, Any]

    @property
    def title(self) -> str:
        return str(self.data.get("info", {}).get("title", ""))

    @property
    def version(self) -> str:
        return str(self.data.get("info", {}).get("version", ""))

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.raw).hexdigest()

    @cached_property
    def resolved(self) -> dict[str, Any]:
        """The document with every `$ref` inlined (see spec_update.refs)."""
        return resolve_refs(self.data)


def load_document(raw: bytes, origin: str) -> Document:
    """Parse and validate `raw`; raise DocumentError naming `origin` and the first problem."""
    data = _parse(raw, origin)
    version = data.get("openapi")
    if not (isinstance(version, str) and version.startswith("3.")):
        raise DocumentError(
            f"{origin} is not an OpenAPI 3 document (no 'openapi: 3.x' field at the top level)"
        )
    try:
        # Our own check first: the validator would try to fetch an external reference.
        resolve_refs(data)
        validate(data)
    except RefError as error:
        raise DocumentError(f"{origin} is not a valid OpenAPI document: {error}") from error
    except OpenAPIValidationError as error:
        raise DocumentError(
            f"{origin} is not a valid OpenAPI document: at {error.json_path}: {_reason(error)}"
        ) from error
    except (OpenAPISpecValidatorError, Unresolvable) as error:
        raise DocumentError(f"{origin} is not a valid OpenAPI document: {error}") from error
    return Document(raw, data)


def _parse(raw: bytes, origin: str) -> dict[str, Any]:
    try:
        data = json.loads(raw)
    except UnicodeDecodeError as error:
        raise DocumentError(f"{origin} is not UTF-8 text") from error
    except json.JSONDecodeError as error:
        raise DocumentError(
            f"{origin} is not JSON (line {error.lineno}, column {error.colno}: {error.msg}); "
            "the vendored document is JSON"
        ) from error
    if not isinstance(data, dict):
        raise DocumentError(
            f"{origin} is not an OpenAPI document (its top level is a {type(data).__name__})"
        )
    return data


def _reason(error: OpenAPIValidationError) -> str:
    first_line = str(error.message).splitlines()[0] if error.message else "invalid"
    match = _LEADING_VALUE.match(first_line)
    reason = f"the value {match.group(1)}" if match else first_line
    return reason if len(reason) <= MAX_MESSAGE else reason[: MAX_MESSAGE - 1] + "…"
