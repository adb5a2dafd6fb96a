from __future__ import annotations

from numbers_mock import Account, MockSettings, create_app
from numbers_mock.state.accounts import DEFAULT_ACCOUNTS

from ..conftest import AppClient


def test_balances_are_shown_charged_and_reset() -> None:
    accounts = (*DEFAULT_ACCOUNTS, Account("rich", "richsecret", balance="100.00"))
    app = create_app(MockSettings(accounts=accounts))
    client = AppClient(app, auth=("rich", "richsecret"))
    try:
        assert client.get("/_mock/balances").json() == {"balances": {"rich": "100.00"}}
        pool = client.get("/number/search", params={"country": "GB", "size": 100}).json()
        priced = next(n for n in pool["numbers"] if n["initialPrice"] != "0.00")
        form = {"country": "GB", "msisdn": priced["msisdn"]}
        assert client.post("/number/buy", data=form).status_code == 200
        left = 100 - float(priced["initialPrice"])
        assert client.get("/_mock/balances").json() == {"balances": {"rich": f"{left:.2f}"}}
        # A refused purchase costs nothing.
        assert client.post("/number/buy", data=form).status_code == 420
        assert client.get("/_mock/balances").json() == {"balances": {"rich": f"{left:.2f}"}}
        assert client.post("/_mock/reset").json() == {"reset": "ok"}
        assert client.get("/_mock/balances").json() == {"balances": {"rich": "100.00"}}
    finally:
        client.close()
        app.close()


def test_health_and_reset_need_no_credentials(app: object) -> None:
    client = AppClient(app, auth=None)
    try:
        assert client.get("/_mock/health").json() == {"status": "ok"}
        assert client.post("/_mock/reset").json() == {"reset": "ok"}
        assert client.get("/_mock/nothing").status_code == 404
    finally:
        client.close()
