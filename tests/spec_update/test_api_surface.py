from __future__ import annotations

import textwrap
from pathlib import Path

from spec_update.api_surface import Attribute, Parameter, snapshot
from spec_update.layout import REPO_ROOT, Layout

SOURCE = """
from enum import Enum
from attrs import define, field

__all__ = ("Model", "call")


def call(client: str, /, count: int = 1, *, name: str | None = None, **extra: str) -> int:
    return count


async def later() -> None: ...


def _private() -> None: ...


@define
class Model:
    required: str
    optional: int | None = None
    _base_url: str = field(alias="base_url")
    _hidden: str = field(default="x")
    api_secret: str = field(kw_only=True, repr=False)
    extra: dict[str, str] = field(init=False, factory=dict)

    def to_dict(self) -> dict[str, str]: ...

    def _helper(self) -> None: ...


class Colour(str, Enum):
    RED = "red"
"""


def write_package(root: Path) -> Path:
    package = root / "pkg"
    (package / "_internal").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "module.py").write_text(textwrap.dedent(SOURCE))
    (package / "_internal" / "hidden.py").write_text("def f() -> None: ...\n")
    return package


def test_modules_are_named_by_their_dotted_path(tmp_path: Path) -> None:
    assert sorted(snapshot(write_package(tmp_path))) == ["pkg", "pkg.module"]


def test_public_functions_with_their_signatures(tmp_path: Path) -> None:
    module = snapshot(write_package(tmp_path))["pkg.module"]
    assert sorted(module.functions) == ["call", "later"]
    call = module.functions["call"]
    assert call.parameters == (
        Parameter("client", "positional", "str", None),
        Parameter("count", "positional", "int", "1"),
        Parameter("name", "keyword", "str | None", "None"),
        Parameter("extra", "**kwargs", "str", None),
    )
    assert call.returns == "int"
    assert module.functions["later"].is_async
    assert module.exports == ("Model", "call")


def test_class_attributes_public_names_and_defaults(tmp_path: Path) -> None:
    model = snapshot(write_package(tmp_path))["pkg.module"].classes["Model"]
    assert model.attributes == {
        "required": Attribute("required", "str", None),
        "optional": Attribute("optional", "int | None", "None"),
        "base_url": Attribute("base_url", "str", None),
        "api_secret": Attribute("api_secret", "str", None),
        "extra": Attribute("extra", "dict[str, str]", "dict"),
    }
    assert list(model.methods) == ["to_dict"]


def test_enum_members(tmp_path: Path) -> None:
    colour = snapshot(write_package(tmp_path))["pkg.module"].classes["Colour"]
    assert colour.members == {"RED": "'red'"}


def test_the_committed_client_is_read() -> None:
    surface = snapshot(Layout(REPO_ROOT).client_package)
    owned = surface["numbers_api_client.models.owned_number"].classes["OwnedNumber"]
    assert owned.attributes["app_id"] == Attribute("app_id", "str | Unset", "UNSET")
    sync = surface["numbers_api_client.api.default.get_available_numbers"].functions["sync"]
    country = next(p for p in sync.parameters if p.name == "country")
    assert (country.kind, country.default) == ("keyword", None)
