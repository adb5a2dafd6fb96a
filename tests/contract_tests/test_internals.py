"""The one door to schemathesis' and pytest's private parts opens on the pinned versions only."""

from __future__ import annotations

from importlib import metadata
from types import SimpleNamespace

import pytest

from contract_tests import internals


def test_the_installed_versions_are_the_pinned_ones() -> None:
    assert internals.version_problem() is None
    internals.check_versions()


@pytest.mark.parametrize(("package", "pinned"), internals.PINNED)
def test_another_version_is_refused_in_one_line(package: str, pinned: str) -> None:
    def installed(name: str) -> str:
        return "99.0.0" if name == package else dict(internals.PINNED)[name]

    problem = internals.version_problem(installed)
    assert problem is not None and "\n" not in problem
    assert f"needs {package} {pinned} exactly (installed: 99.0.0)" in problem


def test_a_missing_package_is_refused() -> None:
    def installed(name: str) -> str:
        raise metadata.PackageNotFoundError(name)

    assert "(installed: none)" in (internals.version_problem(installed) or "")


def test_every_internal_is_refused_on_another_version(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(internals, "_installed_problem", lambda: "wrong version")
    item = SimpleNamespace()
    for use in (
        internals.coverage_builder,
        internals.enum_coverage_module,
        internals.requests_serializers,
        lambda: internals.name_item(item, "GET /x"),
        lambda: internals.terminal_stream(item),
    ):
        with pytest.raises(internals.UnpinnedVersion, match="wrong version"):
            use()


def test_the_internals_are_where_they_were() -> None:
    assert callable(internals.coverage_builder().add_coverage)
    assert callable(internals.enum_coverage_module()._invalid_enum_candidates)
    assert internals.requests_serializers()
