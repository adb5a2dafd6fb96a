"""Every rule the diff applies: its stable id, what it detects, its level for a client and for a
server, why, and how it compares with oasdiff's rule of the same meaning.

This table is the single source of the levels: a change names its rule and takes the levels from
here. docs/spec-rules.md shows it (`python -m spec_update rules` prints it; a test keeps the two
equal). oasdiff's ids and levels are those of `checker/rules.go` in the public oasdiff repository
(ERR, WARN, INFO judge the change for clients); `differs` says where this project decides
otherwise and why, most often because of what the change does to the generated client.

Rules on schemas come in pairs, `request-...` and `response-...`: the same edit to a schema means
opposite things depending on which way the data flows (see spec_update.levels).
"""

from __future__ import annotations

from dataclasses import dataclass

from spec_update.levels import BREAKING as B
from spec_update.levels import COMPATIBLE as C
from spec_update.levels import MAY_BREAK as M
from spec_update.levels import Level

# How oasdiff's levels read as a level for clients.
OASDIFF_LEVELS = {"ERR": B, "WARN": M, "INFO": C}


@dataclass(frozen=True)
class Rule:
    id: str
    detects: str
    client: Level
    server: Level
    why: str
    # The new document offers clients something to use (a minor version of the client).
    adds: bool = False
    # oasdiff's rules with this meaning, as (id, level).
    oasdiff: tuple[tuple[str, str], ...] = ()
    # Where this project's client level differs from oasdiff's, and why ("" when it agrees).
    differs: str = ""


def _rule(
    id: str,
    detects: str,
    client: Level,
    server: Level,
    why: str,
    *,
    adds: bool = False,
    oasdiff: tuple[tuple[str, str], ...] = (),
    differs: str = "",
) -> Rule:
    return Rule(id, detects, client, server, why, adds, oasdiff, differs)


NO_FUNCTION = (
    "the regenerated client drops the function or argument, so code using it no longer runs"
)

RULES: tuple[Rule, ...] = (
    # The document as a whole
    _rule(
        "api-version-changed",
        "`info.version` changed",
        C,
        C,
        "a label: it changes nothing that is sent or received",
    ),
    _rule("api-title-changed", "`info.title` changed", C, C, "a label"),
    _rule(
        "openapi-version-changed",
        "the `openapi` version changed (3.0.x, 3.1.x)",
        C,
        C,
        "what it changes in schemas is reported by the schema rules",
    ),
    _rule(
        "servers-changed",
        "the `servers` URLs changed",
        C,
        C,
        "the generated client takes its base URL from the caller",
    ),
    _rule(
        "api-info-changed",
        "`info.contact`, `info.license` or `info.termsOfService` changed",
        C,
        C,
        "who publishes the API and on what terms: nothing that is sent or received",
    ),
    _rule(
        "tags-changed",
        "the document's list of tags gained or lost a tag",
        C,
        C,
        "tags group operations for readers; nothing that is sent or received",
    ),
    _rule(
        "operation-tags-changed",
        "an operation's tags changed",
        C,
        C,
        "nothing on the wire changes; the generated client files functions by tag, so if a "
        "function moves to another module the client API diff reports it (and the version bump "
        "follows that)",
    ),
    _rule(
        "documentation-changed",
        "descriptions, summaries, titles, examples, `externalDocs` or `x-` keys changed "
        "(one change for the whole document, naming the places)",
        C,
        C,
        "documentation changes nothing that is sent or received",
    ),
    # Operations
    _rule(
        "operation-added",
        "an operation (method and path) was added",
        C,
        B,
        "servers of the old document do not implement it",
        adds=True,
        oasdiff=(("endpoint-added", "INFO"),),
    ),
    _rule(
        "operation-removed",
        "an operation that was not deprecated was removed",
        B,
        C,
        "calls to it fail; " + NO_FUNCTION,
        oasdiff=(
            ("api-removed-without-deprecation", "ERR"),
            ("api-path-removed-without-deprecation", "ERR"),
        ),
    ),
    _rule(
        "operation-removed-after-deprecation",
        "an operation deprecated in the old document, with no `x-sunset` date or one that has "
        "passed, was removed",
        M,
        C,
        "announced: only code that ignored the deprecation still calls it (the client API diff "
        "still makes the client's version major, since the function goes)",
        oasdiff=(
            ("api-removed-with-deprecation", "INFO"),
            ("api-path-removed-with-deprecation", "INFO"),
        ),
        differs="code that still calls it fails and the generated function disappears: the "
        "deprecation warned, it did not make the removal harmless",
    ),
    _rule(
        "operation-removed-before-sunset",
        "a deprecated operation was removed before its `x-sunset` date (or with a sunset date "
        "that cannot be read)",
        B,
        C,
        "clients were promised the operation until that date",
        oasdiff=(("api-removed-before-sunset", "ERR"), ("api-path-removed-before-sunset", "ERR")),
    ),
    _rule(
        "operation-moved",
        "an operation's operationId now names an operation on another path",
        B,
        B,
        "old clients call the old path, new clients the new one",
        oasdiff=(("api-removed-without-deprecation", "ERR"), ("endpoint-added", "INFO")),
    ),
    _rule(
        "operation-id-changed",
        "an operation's operationId changed",
        B,
        C,
        "the generated client names a function module after the operationId: code importing it "
        "breaks, although nothing changes on the wire",
        oasdiff=(("api-operation-id-removed", "INFO"), ("api-operation-id-added", "INFO")),
        differs="the operationId is the name of our generated function",
    ),
    _rule(
        "path-parameter-renamed",
        "a path keeps its shape (`/pets/{id}` and `/pets/{petId}` are the same URLs) but a path "
        "parameter is named differently",
        M,
        C,
        "the URL is the same; the generated function's positional argument is renamed, so only "
        "callers passing it by keyword break",
        differs="oasdiff also matches paths by shape and has no rule for the name; for us the "
        "name is an argument of a generated function",
    ),
    _rule(
        "operation-deprecated",
        "an operation became deprecated",
        C,
        C,
        "an announcement",
        oasdiff=(("endpoint-deprecated", "INFO"),),
    ),
    _rule(
        "operation-reactivated",
        "an operation is no longer deprecated",
        C,
        C,
        "an announcement withdrawn",
        oasdiff=(("endpoint-reactivated", "INFO"),),
    ),
    # Parameters
    _rule(
        "new-required-request-parameter",
        "an operation gained a required parameter",
        B,
        B,
        "old clients do not send it; new clients send it to servers that do not expect it",
        oasdiff=(("new-required-request-parameter", "ERR"), ("new-request-path-parameter", "ERR")),
    ),
    _rule(
        "new-optional-request-parameter",
        "an operation gained an optional parameter",
        C,
        C,
        "old clients leave it out, which is allowed",
        adds=True,
        oasdiff=(("new-optional-request-parameter", "INFO"),),
    ),
    _rule(
        "request-parameter-removed",
        "an optional parameter was removed",
        B,
        C,
        NO_FUNCTION + "; servers ignore what they no longer read",
        oasdiff=(("request-parameter-removed", "WARN"),),
        differs="the parameter is an argument of the generated function, which goes",
    ),
    _rule(
        "request-required-parameter-removed",
        "a required parameter was removed",
        B,
        B,
        NO_FUNCTION + "; old servers still require it from new clients that no longer send it",
        oasdiff=(("request-parameter-removed", "WARN"),),
        differs="the parameter is an argument of the generated function, which goes",
    ),
    _rule(
        "request-parameter-removed-after-deprecation",
        "a parameter deprecated in the old document was removed",
        M,
        C,
        "announced, but code still passing it must change",
        oasdiff=(("request-parameter-removed-with-deprecation", "INFO"),),
        differs="the generated function loses the argument: the deprecation warned, it did not "
        "make the removal harmless",
    ),
    _rule(
        "request-parameter-renamed",
        "exactly one parameter removed and one added in the same place with the same definition",
        B,
        B,
        "each side sends or expects a name the other does not know",
        oasdiff=(("request-parameter-removed", "WARN"), ("new-optional-request-parameter", "INFO")),
        differs="oasdiff sees a removal and an addition; both sides break on a rename",
    ),
    _rule(
        "request-parameter-became-required",
        "an optional parameter became required",
        B,
        C,
        "old clients may leave it out",
        oasdiff=(("request-parameter-became-required", "ERR"),),
    ),
    _rule(
        "request-parameter-became-optional",
        "a required parameter became optional",
        C,
        B,
        "old servers still require it from new clients that may leave it out",
        adds=True,
        oasdiff=(("request-parameter-became-optional", "INFO"),),
    ),
    _rule(
        "request-parameter-serialization-changed",
        "how a parameter is written into the request changed (`style`, `explode`, "
        "`allowReserved`, `allowEmptyValue`, `content`)",
        B,
        B,
        "old and new sides write and read the value differently",
    ),
    _rule(
        "request-parameter-deprecated",
        "a parameter became deprecated",
        C,
        C,
        "an announcement",
        oasdiff=(("request-parameter-deprecated", "INFO"),),
    ),
    _rule(
        "request-parameter-reactivated",
        "a parameter is no longer deprecated",
        C,
        C,
        "an announcement withdrawn",
        oasdiff=(("request-parameter-reactivated", "INFO"),),
    ),
    # Request bodies
    _rule(
        "request-body-added-required",
        "an operation gained a required request body",
        B,
        B,
        "old clients send none; old servers do not read one",
        oasdiff=(("added-required-request-body", "ERR"),),
    ),
    _rule(
        "request-body-added-optional",
        "an operation gained an optional request body",
        C,
        C,
        "old clients may send none",
        adds=True,
        oasdiff=(("added-optional-request-body", "INFO"),),
    ),
    _rule(
        "request-body-removed",
        "an operation no longer takes a request body",
        B,
        C,
        NO_FUNCTION,
        oasdiff=(("request-body-removed", "ERR"),),
    ),
    _rule(
        "request-body-became-required",
        "an optional request body became required",
        B,
        C,
        "old clients may send none",
        oasdiff=(("request-body-became-required", "ERR"),),
    ),
    _rule(
        "request-body-became-optional",
        "a required request body became optional",
        C,
        B,
        "old servers still require it",
        adds=True,
        oasdiff=(("request-body-became-optional", "INFO"),),
    ),
    _rule(
        "request-media-type-added",
        "a request body can be sent in a new media type",
        C,
        B,
        "old servers do not read it",
        adds=True,
        oasdiff=(("request-body-media-type-added", "INFO"),),
    ),
    _rule(
        "request-media-type-removed",
        "a request body can no longer be sent in a media type",
        B,
        C,
        "old clients send it",
        oasdiff=(("request-body-media-type-removed", "ERR"),),
    ),
    _rule(
        "request-media-type-parameters-changed",
        "a request body's media type kept its name but its parameters changed "
        "(`application/json; charset=utf-8` → `application/json`)",
        M,
        M,
        "most servers and clients match media types by name; one that checks a parameter (a "
        "charset, a version) reads the other side's bodies differently",
    ),
    _rule(
        "request-encoding-changed",
        "the `encoding` of a form or multipart request body changed",
        B,
        B,
        "the body is written and read differently",
    ),
    # Responses
    _rule(
        "response-success-status-added",
        "an operation may answer with a new 2xx status",
        M,
        C,
        "the generated client returns `parsed=None` (or raises UnexpectedStatus) for a status it "
        "does not know: old clients lose the result when a server uses it",
        oasdiff=(("response-success-status-added", "INFO"),),
        differs="a success our old client cannot read is a lost result, when it happens",
    ),
    _rule(
        "response-error-status-added",
        "an operation may answer with a new non-2xx status (or `default`)",
        M,
        C,
        "old clients treat it as an unexpected status: they fail where they would have failed "
        "anyway, but without the documented error body",
        oasdiff=(("response-non-success-status-added", "INFO"),),
        differs="our client raises UnexpectedStatus (or returns `parsed=None`) for it; code "
        "handling the documented errors may not expect that",
    ),
    _rule(
        "response-success-status-removed",
        "an operation no longer answers with a 2xx status",
        B,
        B,
        "code (and the generated client's return type) handling that answer must change; old "
        "servers still send it to new clients that do not read it",
        oasdiff=(("response-success-status-removed", "ERR"),),
    ),
    _rule(
        "response-error-status-removed",
        "an operation no longer answers with a non-2xx status (or `default`)",
        C,
        M,
        "old servers still send it; new clients see an error without its documented body",
        oasdiff=(("response-non-success-status-removed", "INFO"),),
    ),
    _rule(
        "response-media-type-added",
        "a response can be had in a new media type",
        C,
        M,
        "served only to clients that ask for it; old servers cannot serve it",
        adds=True,
        oasdiff=(("response-media-type-added", "INFO"),),
    ),
    _rule(
        "response-media-type-removed",
        "a response can no longer be had in a media type",
        B,
        C,
        "clients that ask for it (an XML client asking for `application/xml`) no longer get it",
        oasdiff=(("response-media-type-removed", "ERR"),),
    ),
    _rule(
        "response-media-type-parameter-added",
        "a response's media type kept its name and gained a parameter "
        "(`application/json` → `application/json; charset=utf-8`)",
        C,
        M,
        "the server promises more about the body; old servers may not keep that promise",
        oasdiff=(("response-media-type-parameter-added", "INFO"),),
    ),
    _rule(
        "response-media-type-parameters-changed",
        "a response's media type kept its name but lost a parameter or changed one's value "
        "(`charset=utf-8` → `charset=utf-16`)",
        B,
        C,
        "a client written for the old value (a charset) can no longer rely on receiving it",
        oasdiff=(
            ("response-media-type-parameter-removed", "ERR"),
            ("response-media-type-parameter-changed", "ERR"),
        ),
    ),
    _rule(
        "response-required-header-added",
        "a response gained a required header",
        C,
        B,
        "old servers do not send it",
        adds=True,
        oasdiff=(("response-header-added", "INFO"),),
    ),
    _rule(
        "response-optional-header-added",
        "a response gained an optional header",
        C,
        C,
        "nobody has to send or read it",
        adds=True,
        oasdiff=(("response-header-added", "INFO"),),
    ),
    _rule(
        "response-required-header-removed",
        "a required response header was removed",
        B,
        C,
        "old clients read it",
        oasdiff=(("required-response-header-removed", "ERR"),),
    ),
    _rule(
        "response-optional-header-removed",
        "an optional response header was removed",
        M,
        C,
        "old clients that read it when present no longer get it",
        oasdiff=(("optional-response-header-removed", "WARN"),),
    ),
    # Schemas: types and formats
    _rule(
        "type-changed",
        "a schema's type changed to one that neither includes nor is included in the old",
        B,
        B,
        "each side sends values the other cannot read",
        oasdiff=(
            ("request-parameter-type-changed", "ERR"),
            ("request-property-type-changed", "ERR"),
            ("response-property-type-changed", "ERR"),
        ),
    ),
    _rule(
        "request-type-widened",
        "a request schema accepts more types (`integer` to `number`, a type list grew, no type)",
        C,
        B,
        "old servers may receive values of the new types",
        oasdiff=(
            ("request-parameter-type-generalized", "INFO"),
            ("request-property-type-generalized", "INFO"),
        ),
    ),
    _rule(
        "response-type-widened",
        "a response schema allows more types",
        B,
        C,
        "old clients may receive values of the new types",
        oasdiff=(("response-property-type-generalized", "ERR"),),
    ),
    _rule(
        "request-type-narrowed",
        "a request schema accepts fewer types",
        B,
        C,
        "old clients may send values of the removed types",
        oasdiff=(("request-parameter-property-type-specialized", "ERR"),),
    ),
    _rule(
        "response-type-narrowed",
        "a response schema allows fewer types",
        C,
        B,
        "old servers may still send the removed types to new clients",
        oasdiff=(("response-property-type-specialized", "INFO"),),
    ),
    _rule(
        "format-changed",
        "a schema's `format` was set, removed or changed",
        B,
        B,
        "the format decides the generated type (`date-time` becomes `datetime`, `binary` a "
        "file): code using the value must change",
        oasdiff=(
            ("request-parameter-type-changed", "ERR"),
            ("request-property-type-changed", "ERR"),
            ("response-property-type-changed", "ERR"),
        ),
    ),
    # Schemas: enums
    _rule(
        "request-became-enum",
        "a request schema became limited to a list of values",
        B,
        C,
        "old clients may send other values",
        oasdiff=(("request-parameter-became-enum", "ERR"), ("request-property-became-enum", "ERR")),
    ),
    _rule(
        "response-became-enum",
        "a response schema became limited to a list of values",
        C,
        B,
        "old servers may send other values; the new client turns the field into an Enum that "
        "rejects them",
    ),
    _rule(
        "request-enum-removed",
        "a request schema is no longer limited to a list of values",
        C,
        B,
        "old servers may receive values outside the list",
    ),
    _rule(
        "response-enum-removed",
        "a response schema is no longer limited to a list of values",
        B,
        C,
        "old clients (an Enum in the generated client) reject values outside the list",
    ),
    _rule(
        "request-enum-value-added",
        "a request schema's enum gained values",
        C,
        B,
        "clients may send new values that old servers refuse",
        adds=True,
        oasdiff=(
            ("request-parameter-enum-value-added", "INFO"),
            ("request-property-enum-value-added", "INFO"),
        ),
    ),
    _rule(
        "response-enum-value-added",
        "a response schema's enum gained values",
        B,
        C,
        "the generated client parses the field into an Enum, which raises on a value it does not "
        "know",
        oasdiff=(("response-property-enum-value-added", "WARN"),),
        differs="our generated Enum raises ValueError on an unknown value: not a warning for us",
    ),
    _rule(
        "request-enum-value-removed",
        "a request schema's enum lost values",
        B,
        C,
        "old clients may send them",
        oasdiff=(
            ("request-parameter-enum-value-removed", "ERR"),
            ("request-property-enum-value-removed", "ERR"),
            ("request-body-enum-value-removed", "INFO"),
        ),
        differs="oasdiff's check for an enum on the request body itself (not on a field of it) is "
        "optional and INFO by default; a value old clients send is refused there all the same",
    ),
    _rule(
        "response-enum-value-removed",
        "a response schema's enum lost values",
        C,
        B,
        "old servers may still send them to new clients that reject them",
        oasdiff=(("response-property-enum-value-removed", "INFO"),),
    ),
    # Schemas: bounds and patterns
    _rule(
        "request-bound-narrowed",
        "a request schema's `maximum`, `maxLength`, `maxItems` or `maxProperties` was lowered "
        "or set, or a `minimum`, `minLength`, `minItems` or `minProperties` raised or set",
        B,
        C,
        "old clients may send values outside the new bounds",
        oasdiff=(
            ("request-parameter-max-decreased", "ERR"),
            ("request-property-max-length-set", "ERR"),
            ("request-property-min-increased", "ERR"),
        ),
    ),
    _rule(
        "response-bound-narrowed",
        "a response schema's bounds were tightened or set",
        C,
        B,
        "old servers may still send values outside them",
    ),
    _rule(
        "request-bound-widened",
        "a request schema's bounds were loosened or removed",
        C,
        B,
        "old servers may receive values outside their bounds",
        oasdiff=(
            ("request-parameter-max-increased", "INFO"),
            ("request-property-min-decreased", "INFO"),
        ),
    ),
    _rule(
        "response-bound-widened",
        "a response schema's bounds were loosened or removed",
        B,
        C,
        "old clients may receive values outside the bounds they rely on",
        oasdiff=(
            ("response-property-max-increased", "ERR"),
            ("response-property-min-decreased", "ERR"),
        ),
    ),
    _rule(
        "request-pattern-added",
        "a request schema gained a `pattern`",
        B,
        C,
        "old clients may send values that do not match",
        oasdiff=(
            ("request-parameter-pattern-added", "ERR"),
            ("request-property-pattern-added", "ERR"),
        ),
    ),
    _rule(
        "response-pattern-added",
        "a response schema gained a `pattern`",
        C,
        B,
        "old servers may send values that do not match",
        oasdiff=(("response-property-pattern-added", "INFO"),),
    ),
    _rule(
        "request-pattern-removed",
        "a request schema lost its `pattern`",
        C,
        B,
        "old servers may receive values that do not match",
        oasdiff=(
            ("request-parameter-pattern-removed", "INFO"),
            ("request-property-pattern-removed", "INFO"),
        ),
    ),
    _rule(
        "response-pattern-removed",
        "a response schema lost its `pattern`",
        B,
        C,
        "old clients may receive values that do not match",
        oasdiff=(("response-property-pattern-removed", "ERR"),),
    ),
    _rule(
        "pattern-changed",
        "a schema's `pattern` changed",
        M,
        M,
        "two regular expressions cannot be compared: values one side sends may not match the "
        "other's",
        oasdiff=(
            ("request-parameter-pattern-changed", "WARN"),
            ("request-property-pattern-changed", "WARN"),
            ("response-property-pattern-changed", "WARN"),
        ),
    ),
    # Schemas: null
    _rule(
        "request-became-nullable",
        "a request schema now allows null",
        C,
        B,
        "old servers may receive null",
        oasdiff=(
            ("request-parameter-became-nullable", "INFO"),
            ("request-property-become-nullable", "INFO"),
        ),
    ),
    _rule(
        "response-became-nullable",
        "a response schema now allows null",
        B,
        C,
        "old clients (a non-optional attribute in the generated model) may receive null",
        oasdiff=(("response-property-became-nullable", "ERR"),),
    ),
    _rule(
        "request-became-not-nullable",
        "a request schema no longer allows null",
        B,
        C,
        "old clients may send null",
        oasdiff=(
            ("request-parameter-became-not-nullable", "ERR"),
            ("request-property-become-not-nullable", "ERR"),
        ),
    ),
    _rule(
        "response-became-not-nullable",
        "a response schema no longer allows null",
        C,
        B,
        "old servers may still send null",
        oasdiff=(("response-property-became-not-nullable", "INFO"),),
    ),
    # Schemas: defaults
    _rule(
        "request-default-changed",
        "the `default` of a parameter or request field changed",
        B,
        B,
        "a request that leaves it out now means something else (the generated client sends the "
        "documented default itself, so its calls change too)",
        oasdiff=(
            ("request-parameter-default-value-changed", "INFO"),
            ("request-property-default-value-changed", "INFO"),
        ),
        differs="the same call now asks for something else: a silent change of behaviour",
    ),
    _rule(
        "request-default-added",
        "a parameter or request field gained a `default`",
        M,
        M,
        "what a request that leaves it out means is now written down, and the generated client "
        "starts sending it: it may not be what servers did",
        oasdiff=(
            ("request-parameter-default-value-added", "INFO"),
            ("request-property-default-value-added", "INFO"),
        ),
        differs="the generated client sends the new default, which may not be what servers did",
    ),
    _rule(
        "request-default-removed",
        "a parameter or request field lost its `default`",
        M,
        M,
        "a request that leaves it out no longer has a documented meaning",
        oasdiff=(
            ("request-parameter-default-value-removed", "INFO"),
            ("request-property-default-value-removed", "INFO"),
        ),
        differs="clients relied on the documented meaning of leaving it out",
    ),
    _rule(
        "response-default-changed",
        "the `default` of a response field was set, removed or changed",
        C,
        C,
        "what a missing response field means is documentation for the reader",
        oasdiff=(("response-property-default-value-changed", "INFO"),),
    ),
    _rule(
        "schema-deprecated",
        "a schema or field became deprecated",
        C,
        C,
        "an announcement",
        oasdiff=(("request-property-deprecated", "INFO"), ("response-property-deprecated", "INFO")),
    ),
    _rule(
        "schema-reactivated",
        "a schema or field is no longer deprecated",
        C,
        C,
        "an announcement withdrawn",
        oasdiff=(
            ("request-property-reactivated", "INFO"),
            ("response-property-reactivated", "INFO"),
        ),
    ),
    # Schemas: fields
    _rule(
        "request-property-removed",
        "an optional field of a request body was removed",
        B,
        C,
        "the generated model loses the field, so code setting it no longer runs; servers ignore "
        "what they no longer read",
        oasdiff=(("request-property-removed", "WARN"),),
        differs="the field is an attribute of a generated model, which goes",
    ),
    _rule(
        "request-required-property-removed",
        "a required field of a request body was removed",
        B,
        B,
        "the generated model loses the field; old servers still require it",
        oasdiff=(("request-property-removed", "WARN"),),
        differs="the field is an attribute of a generated model, which goes",
    ),
    _rule(
        "request-optional-property-added",
        "a request body gained an optional field",
        C,
        C,
        "old clients leave it out, which is allowed",
        adds=True,
        oasdiff=(("new-optional-request-property", "INFO"),),
    ),
    _rule(
        "request-required-property-added",
        "a request body gained a required field",
        B,
        B,
        "old clients do not send it; old servers do not read it",
        oasdiff=(("new-required-request-property", "ERR"),),
    ),
    _rule(
        "request-property-became-required",
        "an optional request field became required",
        B,
        C,
        "old clients may leave it out",
        oasdiff=(("request-property-became-required", "ERR"),),
        differs="oasdiff lets it pass when the field has a default; a default does not make a "
        "required field optional: a server validating the new document refuses a request "
        "without it",
    ),
    _rule(
        "request-property-became-optional",
        "a required request field became optional",
        C,
        B,
        "old servers still require it",
        adds=True,
        oasdiff=(("request-property-became-optional", "INFO"),),
    ),
    _rule(
        "request-read-only-property-changed",
        "a `readOnly` field of a request schema was added, removed or changed (or a field became "
        "or stopped being `readOnly`)",
        C,
        C,
        "clients do not send readOnly fields (if the generated model gains a required attribute "
        "anyway, the client API diff reports it)",
        oasdiff=(
            ("request-optional-property-became-read-only", "INFO"),
            ("request-required-property-became-read-only", "INFO"),
        ),
    ),
    _rule(
        "response-property-removed",
        "a field of a response body was removed",
        B,
        C,
        "the generated model loses the attribute, so code reading it no longer runs",
        oasdiff=(
            ("response-optional-property-removed", "INFO"),
            ("response-required-property-removed", "ERR"),
        ),
        differs="an optional field is an attribute of a generated model too: code reading it "
        "breaks when it goes",
    ),
    _rule(
        "response-optional-property-added",
        "a response body gained an optional field",
        C,
        C,
        "old clients ignore it",
        adds=True,
        oasdiff=(("response-optional-property-added", "INFO"),),
    ),
    _rule(
        "response-required-property-added",
        "a response body gained a required field",
        C,
        B,
        "old clients ignore it; old servers do not send it",
        adds=True,
        oasdiff=(("response-required-property-added", "INFO"),),
    ),
    _rule(
        "response-property-became-required",
        "an optional response field became required",
        C,
        B,
        "old servers may leave it out",
        oasdiff=(("response-property-became-required", "INFO"),),
    ),
    _rule(
        "response-property-became-optional",
        "a required response field became optional",
        B,
        C,
        "old clients rely on it being there",
        oasdiff=(("response-property-became-optional", "ERR"),),
    ),
    _rule(
        "response-write-only-property-changed",
        "a `writeOnly` field of a response schema was added, removed or changed (or a field "
        "became or stopped being `writeOnly`)",
        C,
        C,
        "servers do not send writeOnly fields",
        oasdiff=(
            ("response-optional-write-only-property-removed", "INFO"),
            ("response-required-property-became-not-write-only", "WARN"),
        ),
        differs="oasdiff warns when a required response field stops being writeOnly (it starts "
        "arriving); the generated model has the field either way (writeOnly is not generated), "
        "and a field arriving that the model has breaks nothing",
    ),
    _rule(
        "property-renamed",
        "exactly one field removed and one added in the same object with the same schema",
        B,
        B,
        "each side sends or expects a name the other does not know",
        oasdiff=(("request-property-removed", "WARN"), ("new-optional-request-property", "INFO")),
        differs="oasdiff sees a removal and an addition; both sides break on a rename",
    ),
    _rule(
        "request-additional-properties-narrowed",
        "a request schema no longer allows fields it does not list (`additionalProperties: false`)",
        B,
        C,
        "old clients may send other fields",
    ),
    _rule(
        "response-additional-properties-narrowed",
        "a response schema no longer allows unlisted fields",
        C,
        B,
        "old servers may still send them",
    ),
    _rule(
        "request-additional-properties-widened",
        "a request schema now allows unlisted fields",
        C,
        B,
        "old servers may receive fields they refuse",
    ),
    _rule(
        "response-additional-properties-widened",
        "a response schema now allows unlisted fields",
        M,
        C,
        "clients that refuse unknown fields fail; the generated models keep them aside",
    ),
    # Schemas: composition
    _rule(
        "request-alternative-added",
        "a request schema's `oneOf` or `anyOf` gained an alternative",
        C,
        B,
        "clients may send the new shape, which old servers do not read",
        adds=True,
        oasdiff=(
            ("request-body-one-of-added", "INFO"),
            ("request-property-one-of-added", "INFO"),
            ("request-body-any-of-added", "INFO"),
        ),
    ),
    _rule(
        "response-alternative-added",
        "a response schema's `oneOf` or `anyOf` gained an alternative",
        B,
        C,
        "old clients may receive a shape they cannot parse",
        oasdiff=(("response-body-one-of-added", "ERR"), ("response-property-one-of-added", "ERR")),
    ),
    _rule(
        "request-alternative-removed",
        "a request schema's `oneOf` or `anyOf` lost an alternative",
        B,
        C,
        "old clients may send that shape",
        oasdiff=(
            ("request-body-one-of-removed", "ERR"),
            ("request-property-one-of-removed", "ERR"),
        ),
    ),
    _rule(
        "response-alternative-removed",
        "a response schema's `oneOf` or `anyOf` lost an alternative",
        C,
        B,
        "old servers may still send that shape",
        oasdiff=(
            ("response-body-one-of-removed", "INFO"),
            ("response-property-one-of-removed", "INFO"),
        ),
    ),
    _rule(
        "request-all-of-part-added",
        "a request schema's `allOf` gained a part",
        B,
        C,
        "a request must now match one more schema",
        oasdiff=(("request-body-all-of-added", "ERR"), ("request-property-all-of-added", "ERR")),
    ),
    _rule(
        "response-all-of-part-added",
        "a response schema's `allOf` gained a part",
        C,
        B,
        "old servers' answers need not match it",
        oasdiff=(
            ("response-body-all-of-added", "INFO"),
            ("response-property-all-of-added", "INFO"),
        ),
    ),
    _rule(
        "request-all-of-part-removed",
        "a request schema's `allOf` lost a part",
        C,
        B,
        "old servers may receive requests that do not match it",
        oasdiff=(
            ("request-body-all-of-removed", "INFO"),
            ("request-property-all-of-removed", "INFO"),
        ),
    ),
    _rule(
        "response-all-of-part-removed",
        "a response schema's `allOf` lost a part",
        B,
        C,
        "old clients may receive answers that do not match it",
        oasdiff=(
            ("response-body-all-of-removed", "ERR"),
            ("response-property-all-of-removed", "ERR"),
        ),
    ),
    _rule(
        "xml-changed",
        "a schema's `xml` object (element names, attributes, wrapping) changed",
        B,
        B,
        "it is the shape of the XML bodies both sides read and write",
    ),
    _rule(
        "request-schema-became-false",
        "a request schema became the boolean schema `false` (OpenAPI 3.1): it accepts nothing",
        B,
        C,
        "old clients that send the body or field are refused",
        oasdiff=(
            ("request-body-schema-became-false", "ERR"),
            ("request-property-schema-became-false", "ERR"),
            ("request-parameter-schema-became-false", "ERR"),
        ),
    ),
    _rule(
        "response-schema-became-false",
        "a response schema became the boolean schema `false`: the body or field is withdrawn",
        B,
        C,
        "old clients wait for a body or field that no longer comes (a media type without a body "
        "is a media type removed)",
        oasdiff=(
            ("response-body-schema-became-false", "ERR"),
            ("response-property-schema-became-false", "INFO"),
        ),
        differs="oasdiff calls a response field becoming `false` INFO; a withdrawn field is "
        "a removed field here, and a field is an attribute of a generated model",
    ),
    _rule(
        "request-schema-no-longer-false",
        "a request schema that was `false` now accepts values",
        C,
        B,
        "old servers refuse what new clients now send",
        oasdiff=(
            ("request-body-schema-became-not-false", "INFO"),
            ("request-property-schema-became-not-false", "INFO"),
            ("request-parameter-schema-became-not-false", "INFO"),
        ),
    ),
    _rule(
        "response-schema-no-longer-false",
        "a response schema that was `false` now allows values (or was left out: anything goes)",
        B,
        C,
        "old clients receive a body or field the old document said never comes, with no model "
        "for it",
        oasdiff=(
            ("response-property-schema-became-not-false", "ERR"),
            ("response-body-media-type-schema-removed", "ERR"),
            ("response-body-schema-became-not-false", "INFO"),
        ),
        differs="oasdiff calls a response body that is no longer `false` INFO (a field, ERR); "
        "both are values old clients were told never come",
    ),
    _rule(
        "schema-replaced",
        "a schema was replaced by something that is not a schema (a value of another kind than an "
        "object or a boolean)",
        B,
        B,
        "nothing about the two can be compared",
    ),
    _rule(
        "keyword-changed",
        "any other schema keyword changed (`const`, `multipleOf`, `uniqueItems`, "
        "`discriminator`, `not`, ...)",
        B,
        B,
        "no rule knows it: assumed breaking both ways, so that nothing changes silently",
    ),
    # Security
    _rule(
        "security-requirement-added",
        "an operation accepts a new way of authenticating",
        C,
        B,
        "clients may use it; old servers do not accept it",
        adds=True,
        oasdiff=(("api-security-added", "INFO"), ("api-global-security-added", "INFO")),
    ),
    _rule(
        "security-requirement-removed",
        "a way of authenticating is no longer accepted, and no remaining one is satisfied by the "
        "same credentials (schemes are compared by where the credentials go: HTTP basic, an "
        "API key in query `api_key`, ...; a required parameter carrying what a scheme of the "
        "other document carries counts as that scheme)",
        B,
        C,
        "old clients authenticating that way are refused",
        oasdiff=(
            ("api-security-removed", "ERR"),
            ("api-global-security-removed", "ERR"),
            ("api-security-added", "INFO"),
        ),
        differs="an operation that took calls without credentials and now requires some: oasdiff "
        "sees a requirement added (INFO); old clients that send nothing are refused, so here the "
        "way without authentication is removed. A scheme redefined in place (an API key's name or "
        "place changed) is one way removed and one added, where oasdiff reports the component "
        "updated; both call it breaking",
    ),
    _rule(
        "security-requirement-relaxed",
        "an operation needs less: the credentials of an old way of authenticating still satisfy "
        "a new one (scopes dropped, a scheme dropped, or no authentication needed at all)",
        C,
        B,
        "old clients send more than is needed, which is accepted; old servers still demand it",
        oasdiff=(
            ("api-security-scope-removed", "INFO"),
            ("api-security-anonymous-access-added", "INFO"),
        ),
    ),
    _rule(
        "security-scope-added",
        "a way of authenticating now needs more OAuth scopes",
        B,
        C,
        "old clients' tokens may lack them",
        oasdiff=(("api-security-scope-added", "ERR"), ("api-global-security-scope-added", "ERR")),
    ),
)

BY_ID: dict[str, Rule] = {rule.id: rule for rule in RULES}

# Where this diff and oasdiff differ for a reason no single rule above carries (what one of them
# does not judge at all), by a short name: docs/spec-rules.md shows them under the rules, and
# benchmarks/oasdiff_labels.json names them for the examples of oasdiff's corpus they explain.
BEYOND_RULES: dict[str, str] = {
    "x-stability-level": "oasdiff reads its own `x-stability-level` extension (draft, alpha, beta, "
    "stable): it excuses changes to draft and alpha operations and calls a lowered or invalid "
    "level breaking. This diff judges what is sent and received, which a stability label does "
    "not change, so a removal from an alpha operation is judged like any other and the label's "
    "own changes are documentation.",
    "x-sunset": "oasdiff checks a deprecation policy on the `x-sunset` date of deprecated "
    "operations and parameters: a sunset deleted, moved earlier or made unreadable is breaking "
    "to it. Nothing on the wire or in the generated client changes with the date, so it is "
    "documentation here; the date is used where it matters, when the operation is removed "
    "(`operation-removed-after-deprecation` or `operation-removed`).",
    "path-item-parameters": "oasdiff compares the parameters declared on a path item (shared by "
    "its operations) only with `--flatten-params`; this diff applies them to each operation, as "
    "a server does, so narrowing one is judged like narrowing an operation's own parameter.",
}


def rule(rule_id: str) -> Rule:
    """The rule with this id (KeyError for an id no rule has: a bug in a rule module)."""
    return BY_ID[rule_id]


def markdown_table() -> str:
    """The table of every rule, as docs/spec-rules.md shows it."""
    lines = [
        "| id | detects | client | server | why | oasdiff | where we differ |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for item in RULES:
        oasdiff = ", ".join(f"`{name}` {level}" for name, level in item.oasdiff) or "—"
        lines.append(
            f"| `{item.id}` | {_cell(item.detects)} | {item.client.label} | {item.server.label} "
            f"| {_cell(item.why)} | {oasdiff} | {_cell(item.differs) or '—'} |"
        )
    return "\n".join(lines) + "\n"


def beyond_rules_table() -> str:
    """The differences from oasdiff that no rule carries, as docs/spec-rules.md shows them."""
    lines = ["| name | where we differ |", "| --- | --- |"]
    lines += [f"| `{name}` | {_cell(why)} |" for name, why in BEYOND_RULES.items()]
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")
