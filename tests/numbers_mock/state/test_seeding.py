from __future__ import annotations

import json
from pathlib import Path

import pytest

from numbers_mock import MockSettings, StoreError, create_app
from numbers_mock.server.cli import build_parser, main, settings_from_args
from numbers_mock.settings import TEST_APPLICATION_IDS
from numbers_mock.state.accounts import DEFAULT_ACCOUNTS
from numbers_mock.state.seeding import InventoryError, load_inventory, parse_inventory

from ..conftest import AppClient

# The owned number's app_id is written APP_ID below and filled in from the settings.
YAML = """
accounts:
  - api_key: app01
    api_secret: secret01
    balance: "5.00"
    subaccounts:
      - {api_key: app01sub, api_secret: subsecret01}
  - {api_key: other01, api_secret: othersecret01}
available:
  - {country: GB, msisdn: 447700900001, type: mobile-lvn, features: [VOICE, SMS],
     cost: "0.50", initialPrice: 1.5}
  - {country: AQ, msisdn: "6720000001", type: landline, features: [VOICE], cost: "2.00",
     limitations: [{feature: VOICE, type: INBOUND, reach: DOMESTIC}]}
owned:
  - owner: app01
    country: GB
    msisdn: "447700900002"
    type: landline
    features: [VOICE]
    cost: "0.40"
    settings: {app_id: APP_ID, moHttpUrl: "https://a.example/in"}
""".replace("APP_ID", TEST_APPLICATION_IDS[0])


@pytest.fixture
def inventory_file(tmp_path: Path) -> Path:
    path = tmp_path / "inventory.yaml"
    path.write_text(YAML, encoding="utf-8")
    return path


def test_a_yaml_inventory_is_read(inventory_file: Path) -> None:
    inventory = load_inventory(inventory_file)
    assert [n.msisdn for n in inventory.numbers] == ["447700900001", "447700900002", "6720000001"]
    first = inventory.numbers[0]
    assert (first.features, first.initial_price, first.cost) == (("SMS", "VOICE"), "1.50", "0.50")
    assert inventory.owners == {"447700900002": "app01"}
    assert inventory.accounts is not None
    assert [(a.api_key, a.parent, a.balance) for a in inventory.accounts] == [
        ("app01", None, "5.00"),
        ("app01sub", "app01", None),
        ("other01", None, None),
    ]
    assert inventory.label.startswith("inventory ")


def test_json_is_read_too(tmp_path: Path) -> None:
    path = tmp_path / "inventory.json"
    number = {"country": "DE", "msisdn": "4915100000000", "type": "mobile-lvn"}
    path.write_text(json.dumps({"available": [{**number, "features": ["SMS"], "cost": "1"}]}))
    inventory = load_inventory(path, DEFAULT_ACCOUNTS)
    assert inventory.accounts is None
    assert inventory.numbers[0].cost == "1.00"


def test_the_mock_serves_the_inventory(inventory_file: Path) -> None:
    args = build_parser().parse_args(["--inventory", str(inventory_file)])
    app = create_app(settings_from_args(args))
    client = AppClient(app, auth=("app01", "secret01"))
    try:
        listed = client.get("/account/numbers").json()
        assert listed["count"] == 1
        assert listed["numbers"][0]["moHttpUrl"] == "https://a.example/in"
        assert listed["numbers"][0]["app_id"] == TEST_APPLICATION_IDS[0]
        pool = client.get("/number/search", params={"country": "AQ"}).json()
        assert pool["numbers"][0]["limitations"] == [
            {"feature": "VOICE", "type": "INBOUND", "reach": "DOMESTIC"}
        ]
        assert client.get("/_mock/balances").json() == {"balances": {"app01": "5.00"}}
        bought = client.post("/number/buy", data={"country": "GB", "msisdn": "447700900001"})
        assert bought.status_code == 200
        assert client.get("/_mock/balances").json() == {"balances": {"app01": "3.50"}}
        client.post("/_mock/reset")
        assert client.get("/account/numbers").json()["count"] == 1
        assert client.get("/number/search", params={"country": "GB"}).json()["count"] == 1
    finally:
        client.close()
        app.close()


def test_a_database_remembers_what_it_was_made_from(inventory_file: Path, tmp_path: Path) -> None:
    database = tmp_path / "state.sqlite3"
    inventory = load_inventory(inventory_file)
    assert inventory.accounts is not None
    settings = MockSettings(database=database, inventory=inventory, accounts=inventory.accounts)
    create_app(settings).close()
    create_app(settings).close()  # the same inventory again: fine
    with pytest.raises(StoreError, match=r"made from an inventory file .*, not seed 0"):
        create_app(MockSettings(database=database))


def test_every_problem_is_named_with_where_it_is() -> None:
    data = {
        "colours": [],
        "accounts": [{"api_key": "a", "api_secret": ""}],
        "available": [
            {"country": "XK", "msisdn": "12ab", "type": "pager", "features": ["FAX"], "cost": -1},
            {"country": "GB", "msisdn": "447700900001", "type": "landline", "features": ["SMS"]},
        ],
        "owned": [
            {
                "owner": "nobody",
                "country": "GB",
                "msisdn": "447700900001",
                "type": "landline",
                "features": ["SMS"],
                "cost": "1",
                "settings": {"moHttpUrl": "not a url", "colour": "red"},
            }
        ],
    }
    with pytest.raises(InventoryError) as refused:
        parse_inventory(data, "inv.yaml")
    message = str(refused.value)
    for expected in (
        "inv.yaml: ",
        "colours: unknown section",
        "accounts[0].api_secret: must be a non-empty string",
        "available[0].msisdn: must be the number's digits",
        "available[0].country: must be an ISO 3166-1 alpha-2 code",
        "available[0].type: must be one of: mobile-lvn, landline, landline-toll-free",
        "available[0].features: must be a list forming one of",
        "available[0].cost: must be a non-negative amount",
        "available[1].cost: must be an amount in euros",
        "owned[0].owner: must be the api_key of an account",
        "owned[0].settings.moHttpUrl: must be an absolute http or https URL",
        "owned[0].settings.colour: not a number setting",
    ):
        assert expected in message, expected


def test_a_bad_file_is_a_usage_error_not_a_traceback(
    tmp_path: Path, inventory_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("available: [unclosed", encoding="utf-8")
    for argv, message in (
        (["--inventory", str(broken)], "not valid YAML"),
        (["--inventory", str(tmp_path / "missing.yaml")], "cannot be read"),
        (["--inventory", str(inventory_file), "--account", "k:s"], "names its accounts"),
    ):
        with pytest.raises(SystemExit) as exited:
            main(argv)
        assert exited.value.code == 2
        err = capsys.readouterr().err
        assert message in err and "Traceback" not in err
