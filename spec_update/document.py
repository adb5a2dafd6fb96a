"""Parse and validate an OpenAPI document (JSON or YAML), keeping its bytes exactly as given.

YAML is read with PyYAML's safe loader, with two changes that make it read as the same document in
JSON would: dates stay strings (`2024-01-01` is text in JSON), and keys are strings (a status code
written `200:` is the key "200"). Validation is openapi-spec-validator's, as ported to Rust by
openapi-spec-validator-rs (the same verdicts, in a fraction of a second on a document of 11 MB);
references are checked first, by us, so that the validator never fetches anything.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from typing import Any, ClassVar

import yaml
from openapi_spec_validator_rs import OpenAPISpecValidatorError, OpenAPIValidationError
from openapi_spec_validator_rs import validate as validate_spec
from openapi_spec_validator_rs.exceptions import ValidationError

from spec_update.errors import UpdateError
from spec_update.refs import RefError, check_refs

# jsonschema starts some messages with the whole offending value: keep the reason, not the value
# (a short string stays: `'strin' is not one of [...]` says what is wrong).
_LEADING_VALUE = re.compile(r"^(\[.*\]|\{.*\}|'.*'|\".*\") (is .*)$")
SHOWN_VALUE = 40
# additionalProperties beside patternProperties: "'type' does not match any of the regexes: '^x-'"
_UNMATCHED_KEYS = re.compile(r"^(.*) (?:does|do) not match any of the regexes: .*$")
MAX_MESSAGE = 200
JSON, YAML = "json", "yaml"


class DocumentError(UpdateError):
    """The bytes are not a valid OpenAPI 3 document."""


class InvalidDocument(DocumentError):
    """The document parses, but the validator rejects it (it can still be compared)."""


@dataclass(frozen=True)
class Document:
    """One version of the API document: its exact bytes, their format and what they say."""

    raw: bytes
    data: dict[str, Any]
    format: str = JSON
    origin: str = field(default="", compare=False)

    @property
    def title(self) -> str:
        return str(_mapping(self.data.get("info")).get("title", ""))

    @property
    def version(self) -> str:
        return str(_mapping(self.data.get("info")).get("version", ""))

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.raw).hexdigest()

    def as_json(self) -> bytes:
        """The document as JSON: its own bytes when it is JSON, else a rendering of its data."""
        if self.format == JSON:
            return self.raw
        return render_json(self.data)


def render_json(data: dict[str, Any]) -> bytes:
    return (json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n").encode()


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def load_document(raw: bytes, origin: str, *, validate: bool = True) -> Document:
    """Parse (and unless told otherwise validate) `raw`; DocumentError names `origin` and the
    first problem, InvalidDocument when only the validator objects."""
    data, kind, text = _parse(raw, origin)
    version = data.get("openapi")
    if not (isinstance(version, str) and version.startswith("3.")):
        raise DocumentError(
            f"{origin} is not an OpenAPI 3 document (no 'openapi: 3.x' field at the top level)"
        )
    if validate:
        try:
            # Our own check first: the validator would try to fetch an external reference.
            check_refs(data, text=text if kind == JSON else None)
            validate_spec(data)
        except RefError as error:
            raise InvalidDocument(f"{origin} is not a valid OpenAPI document: {error}") from error
        except OpenAPIValidationError as error:
            place = error.json_path or "$"
            where = f"at {place}: " if place != "$" else ""
            raise InvalidDocument(
                f"{origin} is not a valid OpenAPI document: {where}{_reason(error)}"
            ) from error
        except OpenAPISpecValidatorError as error:
            reason = _first_line(str(error))
            raise InvalidDocument(f"{origin} is not a valid OpenAPI document: {reason}") from error
    return Document(raw, data, kind, origin)


def parse(raw: bytes, origin: str) -> tuple[dict[str, Any], str]:
    """The document's data, and whether it was JSON or YAML."""
    data, kind, _ = _parse(raw, origin)
    return data, kind


def _parse(raw: bytes, origin: str) -> tuple[dict[str, Any], str, str]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DocumentError(f"{origin} is not UTF-8 text") from error
    if text.lstrip()[:1] in {"{", "["}:
        kind = JSON
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise DocumentError(
                f"{origin} is not JSON (line {error.lineno}, column {error.colno}: {error.msg})"
            ) from error
    else:
        kind = YAML
        try:
            data = yaml.load(text, Loader=_Loader)
        except yaml.YAMLError as error:
            raise DocumentError(
                f"{origin} is neither JSON nor YAML ({_yaml_reason(error)})"
            ) from error
    if not isinstance(data, dict):
        shown = "nothing" if data is None else f"a {type(data).__name__}"
        raise DocumentError(f"{origin} is not an OpenAPI document (its top level is {shown})")
    if kind == YAML:
        try:
            render_json(data)
        except (TypeError, ValueError) as error:
            raise DocumentError(
                f"{origin} holds a value JSON cannot (a binary, a NaN, or a recursive alias): "
                f"{error}"
            ) from error
    return data, kind, text


_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeLoader):  # type: ignore[misc, valid-type]
    """PyYAML's safe loader, reading dates as strings and every key as a string."""

    yaml_implicit_resolvers: ClassVar[dict[Any, list[tuple[str, Any]]]] = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def construct_mapping(self, node: Any, deep: bool = False) -> dict[Any, Any]:
        mapping = super().construct_mapping(node, deep=deep)
        return {_key(key): value for key, value in mapping.items()}


def _key(key: Any) -> str:
    if isinstance(key, str):
        return key
    if isinstance(key, bool):
        return "true" if key else "false"
    if key is None:
        return "null"
    return str(key)


def _yaml_reason(error: yaml.YAMLError) -> str:
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    if mark is not None:
        return f"line {mark.line + 1}, column {mark.column + 1}: {problem}"
    return str(problem)


def _first_line(text: str) -> str:
    first = text.strip().splitlines()[0] if text.strip() else "invalid"
    return _cut(first)


def _cut(text: str) -> str:
    return text if len(text) <= MAX_MESSAGE else text[: MAX_MESSAGE - 1] + "…"


def _reason(error: OpenAPIValidationError) -> str:
    """What is wrong, in one line: the echoed value taken out before the line is cut, and for an
    `anyOf`/`oneOf` that nothing fits, why its closest alternatives do not."""
    reason = _plain(error.message)
    if error.validator in _WEAK and error.context:
        why = "; ".join(
            dict.fromkeys(_relative(error, sub) + _plain(sub.message) for sub in _closest(error))
        )
        reason = f"{reason} ({why})"
    return _cut(reason)


# As in jsonschema's best_match: an alternative's own `anyOf`/`oneOf` says less than its other
# errors, and a deeper error is more specific than a shallower one.
_WEAK = frozenset({"anyOf", "oneOf"})


def _closest(error: ValidationError) -> list[ValidationError]:
    """The most specific reasons why no alternative fits: the deepest errors of the context that
    are not themselves `anyOf`/`oneOf` (when some are not), all of them when several tie, and
    the reasons of a single weak one when it is the only candidate."""
    candidates = list(error.context)
    while True:
        best = max(_relevance(sub) for sub in candidates)
        chosen = [sub for sub in candidates if _relevance(sub) == best]
        if len(chosen) == 1 and chosen[0].validator in _WEAK and chosen[0].context:
            candidates = list(chosen[0].context)
            continue
        return chosen


def _relevance(error: ValidationError) -> tuple[int, bool]:
    return len(error.absolute_path), error.validator not in _WEAK


def _relative(error: ValidationError, sub: ValidationError) -> str:
    """Where `sub` is under `error`, as `key: ` (nothing when at the same place)."""
    suffix = sub.json_path[len(error.json_path) :].lstrip(".")
    return f"{suffix}: " if suffix else ""


def _plain(message: str | None) -> str:
    """A validator's message on one line, without the value it echoes and with jsonschema's
    wording for an unexpected key made plain."""
    first_line = message.strip().splitlines()[0] if message and message.strip() else "invalid"
    leading = _LEADING_VALUE.match(first_line)
    if leading and (leading.group(1)[0] in "[{" or len(leading.group(1)) > SHOWN_VALUE):
        return f"the value {leading.group(2)}"
    unexpected = _UNMATCHED_KEYS.match(first_line)
    if unexpected:
        keys = unexpected.group(1)
        return f"unexpected key{'s' if ', ' in keys else ''} {keys}"
    return first_line
