"""The invalid-enum candidates drawn as far as they are read: the same values, in the same order."""

from __future__ import annotations

from typing import Any

from schemathesis.specs.openapi.coverage import _schema as coverage_schema

from contract_tests.run import enum_candidates
from contract_tests.run.enum_candidates import FIRST_DRAW, LazyCandidates, draw_prefix
from contract_tests.run.loading import load_schema


def fake_list(length: int) -> tuple[Any, ...]:
    return tuple(f"value-{i}" for i in range(length))


class PrefixDraws:
    """Draws prefixes of a known list, counting what was asked."""

    def __init__(self, values: tuple[Any, ...]) -> None:
        self.values = values
        self.asked: list[int] = []

    def __call__(self, count: int) -> tuple[Any, ...]:
        self.asked.append(count)
        return self.values[:count]


def test_reading_a_few_values_draws_only_the_first_prefix() -> None:
    draws = PrefixDraws(fake_list(1000))
    candidates = LazyCandidates(draws)
    first = next(iter(candidates))
    assert first == "value-0"
    assert draws.asked == [FIRST_DRAW]
    assert candidates.drawn() == FIRST_DRAW


def test_reading_on_doubles_the_draw_and_gives_the_whole_list_in_order() -> None:
    values = fake_list(100)
    draws = PrefixDraws(values)
    candidates = LazyCandidates(draws)
    assert tuple(candidates) == values
    assert draws.asked == [16, 32, 64, 128]
    # Read again: nothing more is drawn.
    assert tuple(candidates) == values
    assert draws.asked == [16, 32, 64, 128]


def test_an_empty_list_is_read_as_empty() -> None:
    assert tuple(LazyCandidates(PrefixDraws(()))) == ()


def test_a_prefix_drawn_is_the_start_of_schemathesis_own_list() -> None:
    enum_candidates.install()
    whole = enum_candidates.schemathesis_list()
    assert len(whole) > 100
    for count in (1, 16, 100):
        assert draw_prefix(count) == whole[:count]
    assert tuple(LazyCandidates()) == whole


def test_loading_the_schema_puts_the_lazy_list_in_schemathesis_place() -> None:
    load_schema()
    assert isinstance(coverage_schema._invalid_enum_candidates(), LazyCandidates)
    # Loading again keeps the one list (and its values drawn so far).
    first = coverage_schema._invalid_enum_candidates()
    load_schema()
    assert coverage_schema._invalid_enum_candidates() is first
