"""numbers_mock/README.md documents every option and every /_mock/ route, and its sample runs."""

from __future__ import annotations

import re
from pathlib import Path

from starlette.routing import Route

from numbers_mock import create_app
from numbers_mock.server.cli import build_parser

README = (Path(__file__).resolve().parents[2] / "numbers_mock" / "README.md").read_text()


def test_every_option_is_documented() -> None:
    options = {
        option
        for action in build_parser()._actions
        for option in action.option_strings
        if option.startswith("--") and option != "--help"
    }
    assert options
    missing = sorted(option for option in options if f"`{option}" not in README)
    assert not missing


def test_every_mock_route_is_documented() -> None:
    app = create_app()
    app.close()
    routes = [
        (method, route.path)
        for route in app.routes
        if isinstance(route, Route) and route.path.startswith("/_mock/")
        for method in sorted(route.methods or ())
        if method != "HEAD"
    ]
    assert len(routes) == 8
    for method, path in routes:
        assert re.search(rf"`{method} {re.escape(path)}`", README), (method, path)


def test_the_in_process_sample_runs() -> None:
    (sample,) = re.findall(r"```python\n(.*?)```", README, flags=re.DOTALL)
    exec(compile(sample, "numbers_mock/README.md", "exec"), {})
