"""`--inventory FILE`: the accounts and numbers a test needs, from a JSON or YAML file.

```yaml
accounts:                      # optional; replaces the default accounts
  - {api_key: app01, api_secret: secret01, balance: "5.00",
     subaccounts: [{api_key: app01sub, api_secret: subsecret01}]}
available:                     # numbers nobody owns
  - {country: GB, msisdn: "447700900001", type: mobile-lvn, features: [SMS, VOICE],
     cost: "0.50", initialPrice: "1.00"}
owned:                         # numbers owned from the start, with their settings
  - {owner: app01, country: GB, msisdn: "447700900002", type: landline, features: [VOICE],
     cost: "0.40", settings: {app_id: aaaaaaaa-bbbb-cccc-dddd-0123456789ab}}
```

Every problem is reported at once, each with where it is (`owned[0].owner: ...`), as an
`InventoryError`; nothing is served from a file with a problem.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

from numbers_mock.state.accounts import Account
from numbers_mock.state.inventory import FEATURE_SETS, NUMBER_TYPES, InventoryNumber, Limitation
from numbers_mock.state.values import ISO_COUNTRIES, URL_FIELDS, is_webhook_url

__all__ = ["SETTING_FIELDS", "Inventory", "InventoryError", "load_inventory", "parse_inventory"]

# What update can set on a number (the document's update body, less the number's identity).
SETTING_FIELDS = frozenset(
    {
        "app_id",
        "moHttpUrl",
        "moSmppSysType",
        "voiceCallbackType",
        "voiceCallbackValue",
        "voiceStatusCallback",
        "messagesCallbackType",
        "messagesCallbackValue",
    }
)
_FEATURE_SETS = {frozenset(features): features for features in FEATURE_SETS}
_TOP_LEVEL = frozenset({"accounts", "available", "owned"})
_NUMBER_FIELDS = frozenset(
    {"country", "msisdn", "type", "features", "cost", "initialPrice", "limitations"}
)


class InventoryError(ValueError):
    """An inventory file that cannot be used; the message lists every problem."""


@dataclass(frozen=True)
class Inventory:
    """What a mock starts with instead of the seed's numbers."""

    numbers: tuple[InventoryNumber, ...]
    owners: Mapping[str, str] = field(default_factory=dict)
    settings: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    accounts: tuple[Account, ...] | None = None
    # Names the inventory in a database file, so a file made from another one is refused.
    label: str = ""


def load_inventory(path: Path, known_accounts: Sequence[Account] = ()) -> Inventory:
    """The inventory in `path` (`.json`, or YAML); `InventoryError` naming every problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InventoryError(f"{path}: cannot be read: {exc}") from None
    try:
        data = json.loads(text) if path.suffix.lower() == ".json" else yaml.safe_load(text)
    except (ValueError, yaml.YAMLError) as exc:
        raise InventoryError(f"{path}: not valid {_format_of(path)}: {exc}") from None
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    return parse_inventory(data, str(path), known_accounts, label=f"inventory {digest}")


def parse_inventory(
    data: Any, source: str, known_accounts: Sequence[Account] = (), label: str = "inventory"
) -> Inventory:
    """The inventory in already parsed `data`; `source` names it in errors."""
    problems: list[str] = []
    if not isinstance(data, Mapping):
        raise InventoryError(f"{source}: must be a mapping with accounts, available and owned")
    for key in sorted(set(map(str, data)) - _TOP_LEVEL):
        problems.append(f"{key}: unknown section (expected accounts, available, owned)")
    accounts = _accounts(data.get("accounts"), problems)
    keys = {a.api_key for a in (accounts if accounts is not None else known_accounts)}
    numbers: list[InventoryNumber] = []
    owners: dict[str, str] = {}
    settings: dict[str, dict[str, str]] = {}
    for section in ("available", "owned"):
        entries = data.get(section) or []
        if not isinstance(entries, list):
            problems.append(f"{section}: must be a list")
            continue
        for position, entry in enumerate(entries):
            where = f"{section}[{position}]"
            owned = section == "owned"
            number = _number(entry, where, owned, problems)
            if number is None:
                continue
            if any(existing.msisdn == number.msisdn for existing in numbers):
                problems.append(f"{where}.msisdn: {number.msisdn} is listed twice")
                continue
            numbers.append(number)
            if owned:
                owner = entry.get("owner")
                if owner not in keys:
                    problems.append(f"{where}.owner: must be the api_key of an account")
                else:
                    owners[number.msisdn] = str(owner)
                settings[number.msisdn] = _settings(entry.get("settings"), where, problems)
    if problems:
        raise InventoryError(f"{source}: " + "; ".join(problems))
    numbers.sort(key=lambda number: number.msisdn)
    return Inventory(tuple(numbers), owners, settings, accounts, label)


def _format_of(path: Path) -> str:
    return "JSON" if path.suffix.lower() == ".json" else "YAML"


def _accounts(entries: Any, problems: list[str]) -> tuple[Account, ...] | None:
    if entries is None:
        return None
    if not isinstance(entries, list) or not entries:
        problems.append("accounts: must be a non-empty list")
        return None
    accounts: list[Account] = []
    for position, entry in enumerate(entries):
        where = f"accounts[{position}]"
        parent = _account(entry, where, None, problems)
        if parent is None:
            continue
        accounts.append(parent)
        subaccounts = entry.get("subaccounts") or []
        if not isinstance(subaccounts, list):
            problems.append(f"{where}.subaccounts: must be a list")
            continue
        for index, sub in enumerate(subaccounts):
            account = _account(sub, f"{where}.subaccounts[{index}]", parent.api_key, problems)
            if account is not None:
                accounts.append(account)
    return tuple(accounts)


def _account(entry: Any, where: str, parent: str | None, problems: list[str]) -> Account | None:
    if not isinstance(entry, Mapping):
        problems.append(f"{where}: must be a mapping with api_key and api_secret")
        return None
    allowed = {"api_key", "api_secret", "balance"} | ({"subaccounts"} if parent is None else set())
    for key in sorted(set(map(str, entry)) - allowed):
        problems.append(f"{where}.{key}: unknown field")
    api_key, api_secret = entry.get("api_key"), entry.get("api_secret")
    ok = True
    for name, value in (("api_key", api_key), ("api_secret", api_secret)):
        if not isinstance(value, str) or not value:
            # The value is not echoed: it may be a secret.
            problems.append(f"{where}.{name}: must be a non-empty string")
            ok = False
    balance = entry.get("balance")
    if balance is not None:
        balance = _amount(balance, f"{where}.balance", problems)
        ok = ok and balance is not None
    if not ok:
        return None
    return Account(str(api_key), str(api_secret), parent=parent, balance=balance)


def _number(entry: Any, where: str, owned: bool, problems: list[str]) -> InventoryNumber | None:
    if not isinstance(entry, Mapping):
        problems.append(f"{where}: must be a mapping")
        return None
    allowed = _NUMBER_FIELDS | ({"owner", "settings"} if owned else set())
    for key in sorted(set(map(str, entry)) - allowed):
        problems.append(f"{where}.{key}: unknown field")
    before = len(problems)
    msisdn = entry.get("msisdn")
    if isinstance(msisdn, int) and not isinstance(msisdn, bool):
        msisdn = str(msisdn)  # YAML reads unquoted digits as a number
    if not (isinstance(msisdn, str) and msisdn.isascii() and msisdn.isdigit()):
        problems.append(f"{where}.msisdn: must be the number's digits, like '447700900001'")
    elif not 6 <= len(msisdn) <= 15:
        problems.append(f"{where}.msisdn: must have 6 to 15 digits")
    country = entry.get("country")
    if country not in ISO_COUNTRIES:
        problems.append(f"{where}.country: must be an ISO 3166-1 alpha-2 code in capitals")
    number_type = entry.get("type")
    if number_type not in NUMBER_TYPES:
        problems.append(f"{where}.type: must be one of: {', '.join(NUMBER_TYPES)}")
    features = entry.get("features")
    combination = None
    if isinstance(features, list) and all(isinstance(f, str) for f in features):
        combination = _FEATURE_SETS.get(frozenset(features))
    if combination is None or len(set(features or ())) != len(features or ()):
        combos = ", ".join("+".join(c) for c in FEATURE_SETS)
        problems.append(f"{where}.features: must be a list forming one of: {combos}")
    cost = _amount(entry.get("cost"), f"{where}.cost", problems)
    price = _amount(entry.get("initialPrice", "0.00"), f"{where}.initialPrice", problems)
    limitations = _limitations(entry.get("limitations") or [], f"{where}.limitations", problems)
    if len(problems) > before:
        return None
    assert combination is not None and cost is not None and price is not None
    return InventoryNumber(
        str(msisdn), str(country), str(number_type), combination, limitations, cost, price
    )


def _amount(value: Any, where: str, problems: list[str]) -> str | None:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        problems.append(f"{where}: must be an amount in euros, like '0.50'")
        return None
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        amount = Decimal(-1)
    if not amount.is_finite() or amount < 0:
        problems.append(f"{where}: must be a non-negative amount in euros, like '0.50'")
        return None
    return f"{amount:.2f}"


def _limitations(entries: Any, where: str, problems: list[str]) -> tuple[Limitation, ...]:
    if not isinstance(entries, list):
        problems.append(f"{where}: must be a list")
        return ()
    limitations = []
    for position, entry in enumerate(entries):
        keys = ("feature", "type", "reach")
        if not isinstance(entry, Mapping) or set(entry) != set(keys):
            problems.append(f"{where}[{position}]: must have exactly feature, type and reach")
            continue
        if not all(isinstance(entry[key], str) for key in keys):
            problems.append(f"{where}[{position}]: feature, type and reach must be strings")
            continue
        limitations.append(Limitation(entry["feature"], entry["type"], entry["reach"]))
    return tuple(limitations)


def _settings(entries: Any, where: str, problems: list[str]) -> dict[str, str]:
    if entries is None:
        return {}
    if not isinstance(entries, Mapping):
        problems.append(f"{where}.settings: must be a mapping")
        return {}
    settings: dict[str, str] = {}
    for name, value in entries.items():
        if name not in SETTING_FIELDS:
            problems.append(
                f"{where}.settings.{name}: not a number setting "
                f"(one of: {', '.join(sorted(SETTING_FIELDS))})"
            )
        elif not isinstance(value, str) or not value:
            problems.append(f"{where}.settings.{name}: must be a non-empty string")
        elif name in URL_FIELDS and not is_webhook_url(value):
            problems.append(f"{where}.settings.{name}: must be an absolute http or https URL")
        else:
            settings[str(name)] = value
    return settings
