"""The harness's own findings: one exception type, and one list of the rules it can name.

Schemathesis' checks report through schemathesis; everything the harness judges itself (the
lifecycle, the paging walk, the filters, and how the target answers at all) raises a `Violation`
naming one of `CHECKS`. The plugin reads `check` to fill the summary's "failures by check".
"""

from __future__ import annotations

from contract_tests.judging.registry import REGISTRY

# Lifecycle (lifecycle.py)
SEARCH_ANSWERS = "search_answers"
SEARCH_EXCLUDES_OWNED = "search_excludes_owned"
BUY_AVAILABLE = "buy_available"
BUY_OWNED_REFUSED = "buy_owned_refused"
CANCEL_OWNED = "cancel_owned"
CANCEL_UNOWNED_REFUSED = "cancel_unowned_refused"
UPDATE_OWNED = "update_owned"
UPDATE_SHOWS = "update_shows"
# Every field of every owned number stays as the model has it unless a step changed it.
OWNED_FIELDS_KEPT = "owned_fields_kept"
PURCHASE_SHOWS_UP = "purchase_shows_up"
CANCEL_REMOVES = "cancel_removes"
OWNED_LIST_MATCHES = "owned_list_matches"
OWNED_LIST_ANSWERS = "owned_list_answers"
ACCOUNTS_ISOLATED = "accounts_isolated"
# Paging and filters (paging.py, test_paging.py, test_filters.py)
PAGES_HOLD_EACH_NUMBER_ONCE = "pages_hold_each_number_once"
FILTERS_KEEP_MATCHES = "filters_keep_matches"
# The same rule as the schemathesis check of that name, judged by test_owned_filters.py.
FILTERS_HOLD_ONLY_MATCHES = "filters_hold_only_matches"
# How the target answers at all (safety.py, answers.py)
ANSWER_WITHIN_DEADLINE = "answer_within_deadline"
ANSWER_WITHIN_SIZE = "answer_within_size"
ANSWER_IS_JSON = "answer_is_json"
TARGET_ANSWERS = "target_answers"
NOT_THROTTLED = "not_throttled"
# Set-up and the verdict (stock.py, the decisive probes, the plugin)
SET_UP_HELD_BACK = "set_up_held_back"
SEARCH_OFFERS_NUMBERS = "search_offers_numbers"
PAST_LAST_PAGE_EMPTY = "past_last_page_empty"
COUNTRY_ANY_CASE = "country_any_case"
MEDIA_TYPE_PARAMETERS = "media_type_parameters"
ACCEPT_Q_VALUES = "accept_q_values"
ANSWERS_JUDGED = "answers_judged"
# The service's documented habits and HTTP's rules, judged on every answer (habits.py)
STATUS_BODY_COMPLETE = "status_body_complete"
NUMBER_FIELDS_DOCUMENTED = "number_fields_documented"
JSON_CONTENT_TYPE = "json_content_type"
FIELD_ERRORS_NAME_REQUEST = "field_errors_name_request"
# Rules the fuzzing judges through schemathesis, which the decisive probes judge too, under the
# same names.
NOT_A_SERVER_ERROR = "not_a_server_error"
IGNORED_AUTH = "ignored_auth"
NEGATIVE_DATA_REJECTION = "negative_data_rejection"
RESULTS_MATCH_FILTERS = "results_match_filters"
PAGE_WITHIN_SIZE = "page_within_size"
COUNT_COVERS_PAGE = "count_covers_page"
# Every answer, whoever received it (judging.py): schemathesis' names for the rules it shares, so a
# fault shows under one name whichever test met it; the harness's own for the rest.
STATUS_CODE_CONFORMANCE = "status_code_conformance"
CONTENT_TYPE_CONFORMANCE = "content_type_conformance"
RESPONSE_SCHEMA_CONFORMANCE = "response_schema_conformance"
ERROR_CODE_MATCHES_STATUS = "error_code_matches_status"
FORMATS_CONFORM = "formats_conform"
ANSWER_NEGOTIATED = "answer_negotiated"
JSON_XML_AGREE = "json_xml_agree"
POSITIVE_DATA_ACCEPTANCE = "positive_data_acceptance"

# The rules only the harness's own tests judge.
HARNESS_RULES = (
    SEARCH_ANSWERS,
    SEARCH_EXCLUDES_OWNED,
    BUY_AVAILABLE,
    BUY_OWNED_REFUSED,
    CANCEL_OWNED,
    CANCEL_UNOWNED_REFUSED,
    UPDATE_OWNED,
    UPDATE_SHOWS,
    OWNED_FIELDS_KEPT,
    PURCHASE_SHOWS_UP,
    CANCEL_REMOVES,
    OWNED_LIST_MATCHES,
    OWNED_LIST_ANSWERS,
    ACCOUNTS_ISOLATED,
    PAGES_HOLD_EACH_NUMBER_ONCE,
    FILTERS_KEEP_MATCHES,
    FILTERS_HOLD_ONLY_MATCHES,
    ANSWER_WITHIN_DEADLINE,
    ANSWER_WITHIN_SIZE,
    ANSWER_IS_JSON,
    TARGET_ANSWERS,
    NOT_THROTTLED,
    SET_UP_HELD_BACK,
    SEARCH_OFFERS_NUMBERS,
    PAST_LAST_PAGE_EMPTY,
    COUNTRY_ANY_CASE,
    MEDIA_TYPE_PARAMETERS,
    ACCEPT_Q_VALUES,
    ANSWERS_JUDGED,
)
# The judgement of every answer names a broken rule as the check of the fuzzing does (a
# schemathesis check or one of checks.py), so one fault has one name whichever test met it.
JUDGEMENT_CHECKS = (
    STATUS_CODE_CONFORMANCE,
    CONTENT_TYPE_CONFORMANCE,
    RESPONSE_SCHEMA_CONFORMANCE,
    ERROR_CODE_MATCHES_STATUS,
    FORMATS_CONFORM,
    ANSWER_NEGOTIATED,
    JSON_XML_AGREE,
    POSITIVE_DATA_ACCEPTANCE,
    STATUS_BODY_COMPLETE,
    NUMBER_FIELDS_DOCUMENTED,
    JSON_CONTENT_TYPE,
    FIELD_ERRORS_NAME_REQUEST,
)
PROBED_CHECKS = (
    NOT_A_SERVER_ERROR,
    IGNORED_AUTH,
    NEGATIVE_DATA_REJECTION,
    RESULTS_MATCH_FILTERS,
    PAGE_WITHIN_SIZE,
    COUNT_COVERS_PAGE,
)
CHECKS = HARNESS_RULES + JUDGEMENT_CHECKS + PROBED_CHECKS


class Violation(AssertionError):
    """The target broke the rule `check`; `detail` says how, in a sentence a person can act on."""

    def __init__(self, check: str, detail: str) -> None:
        if check not in CHECKS or check not in REGISTRY:
            raise ValueError(
                f"unknown check {check!r}: add it to violations.CHECKS and judging/registry.py"
            )
        super().__init__(f"[{check}] {detail}")
        self.check = check
        self.detail = detail
