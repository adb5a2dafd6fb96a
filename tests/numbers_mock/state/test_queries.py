from __future__ import annotations

from numbers_mock.state.queries import FEATURE_BITS, NumberQuery, feature_mask


def test_feature_mask() -> None:
    assert set(FEATURE_BITS) == {"SMS", "VOICE", "MMS"}
    assert feature_mask(("SMS", "MMS")) == FEATURE_BITS["SMS"] | FEATURE_BITS["MMS"]
    # An unknown feature must not be ignored (that would widen the search): it matches nothing.
    assert feature_mask(("FAX",)) & (FEATURE_BITS["SMS"] | FEATURE_BITS["VOICE"]) == 0
    assert feature_mask(("FAX",)) != 0


def test_from_params() -> None:
    query = NumberQuery.from_params(
        {"country": "GB", "features": "SMS,VOICE", "size": 5, "index": 3, "has_application": False}
    )
    assert query.features == frozenset({"SMS", "VOICE"})
    assert query.offset == 10
    assert query.has_application is False
    assert NumberQuery.from_params({}) == NumberQuery()


def test_where_without_filters_is_empty() -> None:
    assert NumberQuery().where() == ([], [])


def test_where_binds_every_value() -> None:
    clauses, args = NumberQuery(
        country="GB", type="landline", pattern="44%", search_pattern=1, application_id="x'"
    ).where()
    assert len(clauses) == 4
    assert "44%" in args and "x'" in args
    assert all("44" not in clause and "x'" not in clause for clause in clauses)
