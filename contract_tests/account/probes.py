"""The decisive probes: a few dozen requests, before any fuzzing, that fail most faults.

Fuzzing finds faults by volume; on a paid, rate-limited service the first failure should not wait
for hundreds of requests. Each probe asks one question whose answer is known in advance, and the
first wrong answer fails the run:

- every list once as documented, in JSON and in XML (the same query: both must say the same), and
  a search in each country the service surely sells in (one of them must offer numbers);
- wrong and missing credentials (401, in XML too);
- each filter on numbers just seen (type, features, a piece of a number's digits), a search that
  matches nothing, a lowercase `country`;
- paging: `index=1` is the first page, page 2 does not repeat it, a page past the end is `{}`;
- refusals: a search without its required `country` is refused (naming `country`), odd patterns
  are no crash, Accept with parameters and quality values is honoured;
- with account changes allowed (the embedded mock, or `--allow-purchases`): the stock shows with
  its links, every owned-list filter holds on it, a search does not offer it, buying it again and
  another account touching it are refused, an update shows and keeps what it did not send, a
  cancel removes it, and cancelling or updating a number not owned is refused.

Every answer received with the run's own credentials to a valid request goes through the run's
judge as well (schema, content type, status, habits). Invalid requests and odd Accept headers go
through a client without the judge: the probe judges those itself.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import httpx

from contract_tests.account import numbers as account
from contract_tests.account.harness import Harness
from contract_tests.account.stock import (
    APPLICATION,
    OTHER_APPLICATION,
    report_findings_once,
    stock_mock,
)
from contract_tests.judging import habits, semantics
from contract_tests.judging import violations as rules
from contract_tests.judging.answer_rules import disagreements
from contract_tests.judging.answers import json_body
from contract_tests.judging.document import judged_document, response_schema
from contract_tests.judging.violations import Violation
from contract_tests.judging.xml_body import XmlBodyError, xml_to_json
from contract_tests.tally.stats import OperationStats

JSON = "application/json"
XML = "text/xml"
# Countries the service surely sells numbers in: a search in none of them offering anything is a
# finding.
SELLING_COUNTRIES = ("GB", "US")
PAGE = 3
REFUSED = 420
BAD_REQUEST = 400
SERVER_ERROR = 500
WRONG_SECRET = "not-the-secret"
NON_ASCII = "inbound-\u00e9"
Number = Mapping[str, Any]


def no_credentials(request: httpx.Request) -> httpx.Request:
    """An httpx auth that sends the request without any credentials."""
    request.headers.pop("Authorization", None)
    return request


def media_type(response: httpx.Response) -> str:
    value: str = response.headers.get("content-type", "")
    return value.split(";", 1)[0].strip().lower()


def msisdns(numbers: Sequence[Number]) -> list[str]:
    return [str(number.get("msisdn")) for number in numbers]


class Probes:
    """The probes against one harness's target; each method raises the first finding it makes."""

    def __init__(self, harness: Harness, tally: OperationStats) -> None:
        self.harness = harness
        self.tally = tally
        self.skipped = harness.state.skipped_checks
        self.redactor = harness.redactor
        self.document = judged_document()
        self.gb: list[Number] = []
        self.offered: list[Number] = []

    # --- sending and judging --------------------------------------------------------------

    def send(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        data: Mapping[str, str] | None = None,
        accept: str = JSON,
        auth: Any = None,
        judged: bool = True,
    ) -> httpx.Response:
        """One request with the run's credentials (or `auth`), through the run's safety layer."""
        self.tally.cases += 1
        with self.harness.target.http(judged=judged) as http:
            extra = {"auth": auth} if auth is not None else {}
            response = http.request(
                method, path, params=params, data=data, headers={"Accept": accept}, **extra
            )
        self.tally.xml_answers += media_type(response) in (XML, "application/xml")
        if response.status_code >= SERVER_ERROR:
            self.fail(
                rules.NOT_A_SERVER_ERROR, f"{method} {path} {dict(params or data or {})}", response
            )
        return response

    def fail(self, check: str, what: str, response: httpx.Response | None = None) -> None:
        """Raise the finding, unless the user switched its check off."""
        if check in self.skipped:
            return
        answer = ""
        if response is not None:
            excerpt = self.redactor.excerpt(response.content)
            answer = f" (answered {response.status_code} {media_type(response)}: {excerpt!r})"
        raise Violation(check, f"decisive probe: {what}{answer}")

    def page(self, path: str, params: Mapping[str, str], accept: str = JSON) -> Any:
        """A list answered 200, as JSON shape (XML read by its schema)."""
        what = f"GET {path}?{httpx.QueryParams(params)}"
        response = self.send("GET", path, params=params, accept=accept)
        if response.status_code != 200:
            self.fail(rules.SEARCH_ANSWERS, f"{what} as {accept}: expected 200", response)
        if accept == XML:
            schema = response_schema(self.document, path, "get", 200, XML) or {}
            try:
                return xml_to_json(response.content, schema)
            except XmlBodyError as error:
                self.fail(rules.RESPONSE_SCHEMA_CONFORMANCE, f"{what}: {error}", response)
        return json_body(response, what, self.redactor)

    def judge(self, check: str, problems: list[str], what: str) -> None:
        if problems:
            self.fail(check, f"{what}: {'; '.join(problems)}")

    def search(self, **params: str) -> Any:
        body = self.page("/number/search", params)
        what = f"search {httpx.QueryParams(params)}"
        self.judge(
            rules.RESULTS_MATCH_FILTERS, semantics.search_filter_violations(_q(params), body), what
        )
        self.judge(rules.PAGE_WITHIN_SIZE, semantics.page_size_violations(_q(params), body), what)
        self.judge(rules.COUNT_COVERS_PAGE, semantics.count_violations(body), what)
        return body

    def owned(self, **params: str) -> Any:
        body = self.page("/account/numbers", params)
        self.judge(
            rules.FILTERS_HOLD_ONLY_MATCHES,
            semantics.owned_filter_violations(_q(params), body),
            f"owned list {httpx.QueryParams(params)}",
        )
        return body

    # --- reading --------------------------------------------------------------------------

    def lists_as_documented(self) -> None:
        """Search in the selling countries, JSON then XML; the owned list, JSON then XML."""
        gb = self.search(country="GB", size="10")
        self.gb = semantics.page_numbers(gb)
        self.offered = list(self.gb)
        for country in SELLING_COUNTRIES[1:]:
            self.offered += semantics.page_numbers(self.search(country=country, size="10"))
        empty = [
            country
            for country in SELLING_COUNTRIES
            if not any(number.get("country") == country for number in self.offered)
        ]
        if empty:
            self.fail(
                rules.SEARCH_OFFERS_NUMBERS,
                f"searching {' and '.join(empty)} offered no number: nothing there can be "
                "bought, and no filter has a number to be judged on",
            )
        self.agree("/number/search", {"country": "GB", "size": "10"}, gb)
        owned = self.owned(size="100")
        self.agree("/account/numbers", {"size": "100"}, owned)

    def agree(self, path: str, params: Mapping[str, str], as_json: Any) -> None:
        as_xml = self.page(path, params, accept=XML)
        found = disagreements(as_json, as_xml)
        if found:
            self.fail(
                rules.JSON_XML_AGREE,
                f"GET {path}?{httpx.QueryParams(params)} in XML differs from JSON: "
                + "; ".join(found[:3]),
            )

    def credentials_checked(self) -> None:
        """Wrong credentials (asking for XML) and none at all are refused with 401."""
        key = self.harness.target.api_key
        wrong = self.send(
            "GET", "/number/search", params={"country": "GB"}, accept=XML, auth=(key, WRONG_SECRET)
        )
        if wrong.status_code != 401:
            self.fail(rules.IGNORED_AUTH, "a search with a wrong secret: expected 401", wrong)
        missing = self.send("GET", "/account/numbers", auth=no_credentials)
        if missing.status_code != 401:
            self.fail(
                rules.IGNORED_AUTH, "the owned list without credentials: expected 401", missing
            )

    def filters_hold(self) -> None:
        """Each filter on the numbers just seen: type, features, pieces of a number's digits."""
        if not self.gb:
            return
        types = [str(number.get("type")) for number in self.gb]
        wanted = next((kind for kind in types if kind != types[0]), types[0])
        self.search(country="GB", type=wanted, size="10")
        features = [set(map(str, number.get("features") or [])) for number in self.gb]
        feature = next(
            (f for f in ("VOICE", "SMS", "MMS") if any(f in s for s in features)),
            "SMS",
        )
        self.search(country="GB", features=feature, size="10")
        self.search(country="GB", features="SMS,VOICE", size="10")
        msisdn = str(self.gb[0].get("msisdn"))
        for strategy in (1, 2):
            pattern = semantics.pattern_in(msisdn, strategy)
            params = {"country": "GB", "pattern": pattern, "search_pattern": str(strategy)}
            numbers = semantics.page_numbers(self.search(**params, size="100"))
            if msisdn not in msisdns(numbers) and len(numbers) < 100:
                self.fail(
                    rules.FILTERS_KEEP_MATCHES,
                    f"search {httpx.QueryParams(params)} left out {msisdn}, which matches it",
                )
        # No E.164 number starts with 0: this search matches nothing, and says so with 200.
        nothing = self.search(country="GB", pattern="0", search_pattern="0")
        if semantics.page_numbers(nothing):
            self.fail(
                rules.RESULTS_MATCH_FILTERS, "a search for numbers starting with 0 found some"
            )
        lower = self.search(country="gb", size="10")
        if msisdns(semantics.page_numbers(lower)) != msisdns(self.gb):
            self.fail(
                rules.COUNTRY_ANY_CASE,
                f"country=gb offered {msisdns(semantics.page_numbers(lower))[:5]}, country=GB "
                f"{msisdns(self.gb)[:5]}",
            )

    def pages_hold(self) -> None:
        """index=1 is the first page, page 2 does not repeat it, a page past the end is `{}`."""
        first = self.search(country="GB", size=str(PAGE), index="1")
        unindexed = self.search(country="GB", size=str(PAGE))
        one, default = semantics.page_numbers(first), semantics.page_numbers(unindexed)
        if msisdns(one) != msisdns(default):
            self.fail(
                rules.PAGES_HOLD_EACH_NUMBER_ONCE,
                f"index=1 served {msisdns(one)}, no index {msisdns(default)}: index=1 is the "
                "first page",
            )
        second = semantics.page_numbers(self.search(country="GB", size=str(PAGE), index="2"))
        repeated = set(msisdns(one)) & set(msisdns(second))
        if repeated:
            self.fail(
                rules.PAGES_HOLD_EACH_NUMBER_ONCE, f"pages 1 and 2 both hold {sorted(repeated)}"
            )
        count = first.get("count") if isinstance(first, Mapping) else None
        if not isinstance(count, int) or isinstance(count, bool):
            return
        if second and count <= PAGE:
            self.fail(
                rules.PAGES_HOLD_EACH_NUMBER_ONCE,
                f"count={count} with size={PAGE}, yet page 2 holds {len(second)} numbers",
            )
        past = max(1, math.ceil(count / PAGE)) + 1
        params = {"country": "GB", "size": str(PAGE), "index": str(past)}
        body = self.page("/number/search", params)
        if body != {}:
            self.fail(
                rules.PAST_LAST_PAGE_EMPTY,
                f"page {past} of {count} numbers by {PAGE} answered {str(body)[:120]}, not {{}}",
            )

    def refusals_hold(self) -> None:
        """Invalid and odd requests: refused with 400 naming the right field, never a crash."""
        missing = self.send("GET", "/number/search", params={"size": "10"}, judged=False)
        if missing.status_code == 200 or (missing.status_code >= 300 and missing.status_code < 400):
            self.fail(
                rules.NEGATIVE_DATA_REJECTION,
                "a search without its required country: expected a refusal (400)",
                missing,
            )
        if missing.status_code == BAD_REQUEST:
            try:
                body = missing.json()
            except ValueError:
                body = None
            self.judge(
                rules.FIELD_ERRORS_NAME_REQUEST,
                habits.field_error_findings(
                    "GET /number/search", BAD_REQUEST, body, {"size": ["10"]}, {}
                ),
                "a search without country",
            )
        for pattern in ("44a", ""):
            # Judged: a crash is a finding, and so is a 400 the 400 oracle does not justify.
            self.send("GET", "/number/search", params={"country": "GB", "pattern": pattern})

    def negotiation_holds(self) -> None:
        """Accept with media type parameters and with quality values."""
        cases = (
            (f"{XML}; charset=UTF-8", XML, rules.MEDIA_TYPE_PARAMETERS),
            (f"{XML};q=0.5, {JSON}", JSON, rules.ACCEPT_Q_VALUES),
            (f"{JSON};q=0.4, {XML};q=0.9", XML, rules.ACCEPT_Q_VALUES),
        )
        for accept, expected, check in cases:
            response = self.send(
                "GET", "/number/search", params={"country": "GB"}, accept=accept, judged=False
            )
            if response.status_code == 200 and media_type(response) != expected:
                self.fail(check, f"Accept: {accept}: expected {expected}", response)

    # --- the account ----------------------------------------------------------------------

    def owned_numbers(self) -> dict[str, Number]:
        body = self.owned(size="100")
        return {str(number.get("msisdn")): number for number in semantics.page_numbers(body)}

    def stock_holds(self, stock: Sequence[tuple[str, str]], links: Mapping[str, str]) -> None:
        """The stock shows with its links, and every owned-list filter holds on it."""
        owned = self.owned_numbers()
        missing = [msisdn for _, msisdn in stock if msisdn not in owned]
        if missing:
            self.fail(rules.PURCHASE_SHOWS_UP, f"bought {missing}; the owned list lacks them")
        for msisdn, application in links.items():
            if application not in semantics.linked_applications(owned.get(msisdn, {})):
                self.fail(
                    rules.UPDATE_SHOWS, f"{msisdn} was linked to {application}; the list says not"
                )
        for country in sorted({str(number.get("country")) for number in owned.values()}):
            self.owned(country=country, size="100")
        for linked in ("true", "false"):
            shown = msisdns(semantics.page_numbers(self.owned(has_application=linked, size="100")))
            expected = [
                msisdn
                for msisdn, number in owned.items()
                if bool(semantics.linked_applications(number)) == (linked == "true")
            ]
            left_out = sorted(set(expected) - set(shown))
            if left_out and len(shown) < 100:
                self.fail(
                    rules.FILTERS_KEEP_MATCHES, f"has_application={linked} left out {left_out}"
                )

    def round_on(self, country: str, msisdn: str, cancel: bool) -> None:
        """Owned `msisdn`: not offered, not sold again, not another's; updated; then cancelled."""
        offered = self.search(country=country, pattern=msisdn, search_pattern="0")
        if msisdn in msisdns(semantics.page_numbers(offered)):
            self.fail(rules.SEARCH_EXCLUDES_OWNED, f"a search offered {msisdn}, owned")
        form = {"country": country, "msisdn": msisdn}
        again = self.send("POST", "/number/buy", data=form)
        if again.status_code != REFUSED:
            self.fail(rules.BUY_OWNED_REFUSED, f"buying {msisdn}, owned, again", again)
        other = self.harness.target.other_client()
        if other is not None:
            self.tally.cases += 3
            problems = account.isolation_violations(other, country, msisdn, self.redactor)
            self.judge(rules.ACCOUNTS_ISOLATED, problems, "another account")
        before = self.owned_numbers().get(msisdn, {})
        application = APPLICATION if before.get("app_id") != APPLICATION else OTHER_APPLICATION
        updated = self.send("POST", "/number/update", data={**form, "app_id": application})
        if updated.status_code != 200:
            self.fail(rules.UPDATE_OWNED, f"updating {msisdn}, owned, with app_id", updated)
        after = self.owned_numbers().get(msisdn, {})
        if after.get("app_id") != application:
            self.fail(rules.UPDATE_SHOWS, f"{msisdn} updated to app_id {application}: {after}")
        kept = {name: value for name, value in before.items() if name != "app_id"}
        changed = sorted(name for name in kept if after.get(name) != kept[name])
        if changed:
            self.fail(
                rules.OWNED_FIELDS_KEPT,
                f"an update of {msisdn} sending only app_id changed {', '.join(changed)}: "
                + ", ".join(f"{n} {kept[n]!r} -> {after.get(n)!r}" for n in changed),
            )
        if not cancel:
            return
        cancelled = self.send("POST", "/number/cancel", data=form)
        if cancelled.status_code != 200:
            self.fail(rules.CANCEL_OWNED, f"cancelling {msisdn}, owned", cancelled)
        if msisdn in self.owned_numbers():
            self.fail(rules.CANCEL_REMOVES, f"{msisdn} cancelled (200) is still listed as owned")

    def unowned_refused(self, owned: set[str]) -> None:
        """Cancelling, and updating (with a non-ASCII value), a number not owned: refused."""
        number = next((n for n in self.offered if str(n.get("msisdn")) not in owned), None)
        if number is None:
            return
        form = {"country": str(number.get("country")), "msisdn": str(number.get("msisdn"))}
        cancelled = self.send("POST", "/number/cancel", data=form)
        if cancelled.status_code != REFUSED:
            self.fail(
                rules.CANCEL_UNOWNED_REFUSED, f"cancelling {form['msisdn']}, not owned", cancelled
            )
        self.send("POST", "/number/update", data={**form, "moSmppSysType": NON_ASCII})


Stock = tuple[tuple[str, str], ...]


def run_probes(harness: Harness, tally: OperationStats, target_stock: Callable[[], Stock]) -> None:
    """Every probe, in order; `target_stock` buys (or gives) a real target's stock."""
    probes = Probes(harness, tally)
    probes.lists_as_documented()
    probes.credentials_checked()
    probes.filters_hold()
    probes.pages_hold()
    probes.refusals_hold()
    probes.negotiation_holds()
    if not harness.state.ledger.changes_allowed:
        return
    if harness.target.embedded:
        stocked = stock_mock(harness.target)
        stock, links, cancel = stocked.owned, stocked.links, True
    else:
        # Bought here, within the cap, for every later test too; what went wrong is said here.
        stock = target_stock()
        report_findings_once(harness.state.stock)
        links = {stock[0][1]: APPLICATION} if stock else {}
        # A stocked number is cancelled only when another stays for the later tests.
        cancel = len(stock) >= 2
    if not stock:
        return
    probes.stock_holds(stock, links)
    owned = probes.owned_numbers()
    # The number with a webhook: the update must keep it.
    country, msisdn = next(
        ((c, m) for c, m in stock if owned.get(m, {}).get("moHttpUrl")), stock[-1]
    )
    probes.round_on(country, msisdn, cancel)
    probes.unowned_refused(set(owned))


def _q(params: Mapping[str, str]) -> dict[str, list[str]]:
    return {name: [value] for name, value in params.items()}
