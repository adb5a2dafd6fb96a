from __future__ import annotations

from collections.abc import Sequence

from spec_update.api_diff import ApiChange, diff_surfaces
from spec_update.api_surface import Attribute, Class, Function, Module, Parameter
from spec_update.changes import Impact

B, A, C = Impact.BREAKING, Impact.ADDITIVE, Impact.COMPATIBLE


def module(
    functions: Sequence[Function] = (),
    classes: Sequence[Class] = (),
    exports: tuple[str, ...] | None = None,
) -> dict[str, Module]:
    return {
        "pkg.m": Module(
            "pkg.m", {f.name: f for f in functions}, {c.name: c for c in classes}, exports
        )
    }


def function(*parameters: Parameter, returns: str = "int") -> Function:
    return Function("sync", parameters, returns, False)


def keyword(name: str, default: str | None = None, annotation: str = "str") -> Parameter:
    return Parameter(name, "keyword", annotation, default)


def model(**attributes: Attribute) -> Class:
    return Class("Model", (), dict(attributes))


def shown(changes: list[ApiChange]) -> list[tuple[str, str, Impact]]:
    return [(c.where, c.what, c.impact) for c in changes]


def test_modules_removed_and_added() -> None:
    old = {"pkg.a": Module("pkg.a", {}, {}, None)}
    new = {"pkg.b": Module("pkg.b", {}, {}, None)}
    assert shown(diff_surfaces(old, new)) == [
        ("pkg.a", "module removed", B),
        ("pkg.b", "module added", A),
    ]


def test_function_parameters() -> None:
    old = module([function(keyword("client"), keyword("gone"), keyword("typed"))])
    new = module(
        [
            function(
                keyword("client"),
                keyword("typed", annotation="int"),
                keyword("optional", "UNSET"),
                keyword("required"),
            )
        ]
    )
    assert shown(diff_surfaces(old, new)) == [
        ("pkg.m.sync", "parameter `gone` removed", B),
        ("pkg.m.sync", "optional parameter `optional` added", A),
        ("pkg.m.sync", "required parameter `required` added", B),
        ("pkg.m.sync", "parameter `typed` type str → int", B),
    ]


def test_defaults_and_return_types() -> None:
    old = module([function(keyword("a"), keyword("b", "1"), keyword("c", "1"))])
    new = module([function(keyword("a", "2"), keyword("b"), keyword("c", "3"), returns="str")])
    assert shown(diff_surfaces(old, new)) == [
        ("pkg.m.sync", "parameter `a` became optional (default 2)", A),
        ("pkg.m.sync", "parameter `b` became required", B),
        ("pkg.m.sync", "parameter `c` default 1 → 3", C),
        ("pkg.m.sync", "return type int → str", B),
    ]


def test_model_fields() -> None:
    old = module(classes=[model(gone=Attribute("gone", "str", "UNSET"))])
    new = module(
        classes=[
            model(
                optional=Attribute("optional", "str | Unset", "UNSET"),
                required=Attribute("required", "str", None),
            )
        ]
    )
    assert shown(diff_surfaces(old, new)) == [
        ("pkg.m.Model", "field `gone` removed", B),
        ("pkg.m.Model", "optional field `optional` added", A),
        ("pkg.m.Model", "required field `required` added", B),
    ]


def test_enum_members_and_exports() -> None:
    old = module(
        classes=[Class("Kind", ("StrEnum",), members={"A": "'a'", "B": "'b'"})], exports=("Kind",)
    )
    new = module(
        classes=[Class("Kind", ("StrEnum",), members={"A": "'x'", "C": "'c'"})],
        exports=("Kind", "New"),
    )
    assert shown(diff_surfaces(old, new)) == [
        ("pkg.m.Kind", "member `B` removed", B),
        ("pkg.m.Kind", "member `C` added", A),
        ("pkg.m.Kind", "member `A` value 'a' → 'x'", B),
        ("pkg.m", "export `New` added", A),
    ]


def test_the_same_surface_has_no_changes() -> None:
    surface = module([function(keyword("client"))], [model(a=Attribute("a", "str", None))])
    assert diff_surfaces(surface, surface) == []
