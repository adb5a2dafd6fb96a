"""Every check the harness can report, declared once: its id, its rule in one sentence, and where
the rule comes from.

The summary, the reports, the benchmarks' expected checks and the README's table read this
registry; a finding under an id it does not declare is a bug of the harness (`check_named` raises).
Ids are the names schemathesis reports for its own checks, so one fault has one name whichever
test of the harness met it. The proxy (`numbers_proxy`) reports under the same ids, and under the
ids of the rules on a request declared here for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Origin(Enum):
    """Who raises a check's findings."""

    # A check built into schemathesis, enabled by contract_tests/run/schemathesis.toml.
    SCHEMATHESIS = "schemathesis"
    # A check of the harness registered with schemathesis (contract_tests/run/checks.py): it judges
    # every fuzzed answer.
    HARNESS_CHECK = "harness check"
    # A rule the harness's own tests judge (lifecycle, paging, filters, how the target answers).
    HARNESS_RULE = "harness rule"
    # A rule on an application's request, which only the proxy judges
    # (numbers_proxy/request_rules.py): the harness writes its own requests.
    REQUEST_CHECK = "request check"


# Where a rule comes from, as the reports name it.
DOCUMENT = "the OpenAPI document"
OVERLAY = "the overlay (numbers_openapi/overlay.yaml): what the service answers beyond its document"
SERVICE = "the real service's documented behaviour"
HTTP = "HTTP itself"
HARNESS = "what a verdict needs: something judged"


@dataclass(frozen=True)
class Check:
    """A rule a target can break, under the id findings and reports name it by."""

    id: str
    rule: str
    source: str
    origin: Origin


def _declare(*checks: Check) -> dict[str, Check]:
    declared: dict[str, Check] = {}
    for check in checks:
        if check.id in declared:
            raise ValueError(f"check {check.id!r} is declared twice")
        declared[check.id] = check
    return declared


S, C, R = Origin.SCHEMATHESIS, Origin.HARNESS_CHECK, Origin.HARNESS_RULE

# Rules on an application's request, which only the proxy (numbers_proxy/) judges. Declared here,
# with the rules on answers, so one vocabulary names every finding whoever raised it.
REQUEST_DOCUMENTED = "request_documented"
REQUEST_CONFORMS = "request_conforms"
REQUEST_AUTHENTICATED = "request_authenticated"
REQUEST_SERVICE_ACCEPTS = "request_service_accepts"

REGISTRY: dict[str, Check] = _declare(
    # schemathesis' built-in checks
    Check("not_a_server_error", "No request is answered with a 5xx.", HTTP, S),
    Check(
        "status_code_conformance",
        "Every answer's status is one the operation documents (with the overlay's).",
        DOCUMENT,
        S,
    ),
    Check(
        "content_type_conformance",
        "Every answer's media type is one the operation documents for its status.",
        DOCUMENT,
        S,
    ),
    Check(
        "response_headers_conformance",
        "Headers the document declares for an answer are present and valid.",
        DOCUMENT,
        S,
    ),
    Check(
        "response_schema_conformance",
        "Every answer's body matches the schema documented for its status and media type.",
        DOCUMENT,
        S,
    ),
    Check(
        "negative_data_rejection",
        "A request the document makes invalid is refused (400, 401, 420 ...), never served.",
        DOCUMENT,
        S,
    ),
    Check(
        "positive_data_acceptance",
        "A request valid by the document and the 400 oracle is served (2xx, 401, 420 or 429).",
        DOCUMENT,
        S,
    ),
    Check(
        "missing_required_header",
        "A request without a required header is refused.",
        DOCUMENT,
        S,
    ),
    Check("unsupported_method", "A method the path does not document is refused.", HTTP, S),
    Check(
        "allow_header_conformance",
        "A 405 answer lists the methods the path allows in `Allow`.",
        HTTP,
        S,
    ),
    Check("use_after_free", "A resource deleted is not served afterwards.", DOCUMENT, S),
    Check(
        "ensure_resource_availability",
        "A resource created is served afterwards.",
        DOCUMENT,
        S,
    ),
    Check(
        "ignored_auth",
        "A request without credentials, or with wrong ones, is refused with 401.",
        DOCUMENT,
        S,
    ),
    Check(
        "object_level_authorization",
        "One account's objects are not served to another.",
        DOCUMENT,
        S,
    ),
    # the harness's checks registered with schemathesis
    Check(
        "results_match_filters",
        "Every number listed matches the request's filters (country, pattern, type, features ...).",
        DOCUMENT,
        C,
    ),
    Check("page_within_size", "A page holds at most `size` numbers.", DOCUMENT, C),
    Check("count_covers_page", "`count` is at least the numbers the page holds.", DOCUMENT, C),
    Check(
        "error_code_matches_status",
        "A status body's `error-code` is the HTTP status, as a string.",
        SERVICE,
        C,
    ),
    Check(
        "formats_conform",
        "Fields with a documented format (url, uuid ...) hold values of that format.",
        DOCUMENT,
        C,
    ),
    Check(
        "answer_negotiated",
        "An answer is in a media type the request's Accept allows.",
        HTTP,
        C,
    ),
    Check(
        "json_xml_agree",
        "The same request answered in JSON and in XML says the same thing.",
        DOCUMENT,
        C,
    ),
    # the harness's own rules: a number's life
    Check("search_answers", "A search for available numbers is answered with a list.", DOCUMENT, R),
    Check(
        "search_excludes_owned",
        "A search never offers a number the account already owns.",
        SERVICE,
        R,
    ),
    Check("buy_available", "A number a search offered can be bought.", DOCUMENT, R),
    Check("buy_owned_refused", "Buying a number the account owns is refused with 420.", SERVICE, R),
    Check("cancel_owned", "A number the account owns can be cancelled.", DOCUMENT, R),
    Check(
        "cancel_unowned_refused",
        "Cancelling a number the account does not own is refused with 420.",
        SERVICE,
        R,
    ),
    Check("update_owned", "A number the account owns can be updated.", DOCUMENT, R),
    Check("update_shows", "An update's fields show in the owned list afterwards.", DOCUMENT, R),
    Check(
        "owned_fields_kept",
        "An owned number's fields change only when an update changes them.",
        DOCUMENT,
        R,
    ),
    Check("purchase_shows_up", "A number bought shows in the owned list.", SERVICE, R),
    Check("cancel_removes", "A number cancelled leaves the owned list.", SERVICE, R),
    Check(
        "owned_list_matches",
        "The owned list holds exactly the numbers the account bought and kept.",
        SERVICE,
        R,
    ),
    Check(
        "owned_list_answers",
        "The owned list is answered in a shape the generated client reads.",
        DOCUMENT,
        R,
    ),
    Check(
        "accounts_isolated",
        "One account neither sees nor changes another account's numbers.",
        SERVICE,
        R,
    ),
    # paging and filters
    Check(
        "pages_hold_each_number_once",
        "Walking a list page by page returns each number once, full pages until the last.",
        SERVICE,
        R,
    ),
    Check(
        "filters_keep_matches",
        "A number is found again by a piece of its own digits.",
        DOCUMENT,
        R,
    ),
    Check(
        "filters_hold_only_matches",
        "Every owned-list filter keeps only the numbers that match it.",
        DOCUMENT,
        R,
    ),
    # how the target answers at all
    Check(
        "answer_within_deadline",
        "Every answer arrives within the request deadline.",
        HTTP,
        R,
    ),
    Check("answer_within_size", "Every answer is within the size cap.", HTTP, R),
    Check("answer_is_json", "A JSON answer is non-empty UTF-8 JSON.", DOCUMENT, R),
    Check("target_answers", "The target answers every request.", HTTP, R),
    Check("not_throttled", "A run is not answered mostly with 429.", SERVICE, R),
    # set-up and the verdict
    Check(
        "set_up_held_back",
        "Setting up the run needs no request the safety layer must hold back (a number owned "
        "before the run, a purchase past the cap): the target's answers never lead there.",
        SERVICE,
        R,
    ),
    Check(
        "search_offers_numbers",
        "A search in each country the service surely sells numbers in (GB, US) offers one.",
        SERVICE,
        R,
    ),
    Check(
        "past_last_page_empty",
        "A page past the last one of a list answers 200 with `{}`.",
        SERVICE,
        R,
    ),
    Check(
        "country_any_case",
        "A lowercase `country` is read as its uppercase (ISO 3166-1 alpha-2 in any case).",
        DOCUMENT,
        R,
    ),
    Check(
        "media_type_parameters",
        "An Accept naming a media type with parameters (`text/xml; charset=UTF-8`) gets that "
        "media type.",
        HTTP,
        R,
    ),
    Check(
        "accept_q_values",
        "An Accept with quality values gets the offered media type it rates highest.",
        HTTP,
        R,
    ),
    Check(
        "answers_judged",
        "A test passes only when at least one of its answers was judged (not all 401, 5xx, 429, "
        "or held back).",
        HARNESS,
        R,
    ),
    # the service's documented habits, on every answer
    Check(
        "status_body_complete",
        "A status body carries both `error-code` and `error-code-label`.",
        SERVICE,
        C,
    ),
    Check(
        "number_fields_documented",
        "A number in a list carries no field the document does not describe.",
        SERVICE,
        C,
    ),
    Check(
        "json_content_type",
        "A JSON answer's Content-Type is `application/json;charset=UTF-8` (any case and spacing).",
        SERVICE,
        C,
    ),
    Check(
        "field_errors_name_request",
        "A 400's field errors name only fields the request sent or required fields it lacked.",
        OVERLAY,
        C,
    ),
    # checks of the requests an application sends (the validating proxy)
    Check(
        REQUEST_DOCUMENTED,
        "Every request is to an operation the document lists (method and path).",
        DOCUMENT,
        Origin.REQUEST_CHECK,
    ),
    Check(
        REQUEST_CONFORMS,
        "A request's parameters and form fields are the document's, complete and valid, and a "
        "POST's body is form-encoded.",
        DOCUMENT,
        Origin.REQUEST_CHECK,
    ),
    Check(
        REQUEST_AUTHENTICATED,
        "A request carries credentials in a form the service accepts (HTTP basic, or the legacy "
        "api_key and api_secret pair).",
        SERVICE,
        Origin.REQUEST_CHECK,
    ),
    Check(
        REQUEST_SERVICE_ACCEPTS,
        "A request holds nothing the service refuses with 400 (the 400 oracle: an unassigned "
        "country, a size below 1, a field given twice ...).",
        SERVICE,
        Origin.REQUEST_CHECK,
    ),
)


def check_named(check_id: str) -> Check:
    """The declared check of that id; an undeclared id is the harness's own bug."""
    try:
        return REGISTRY[check_id]
    except KeyError:
        raise KeyError(
            f"check {check_id!r} is not declared in contract_tests.judging.registry"
        ) from None
