from __future__ import annotations

import pytest

from numbers_mock.checks import check_request
from numbers_mock.replies import Rejected
from numbers_mock.validation import ValidatedRequest


def test_country_is_upper_cased() -> None:
    checked = check_request(ValidatedRequest({"country": "gb", "size": 1}, {"country": "de"}))
    assert checked.params == {"country": "GB", "size": 1}
    assert checked.body == {"country": "DE"}


@pytest.mark.parametrize("country", ["ZZ", "1A", "G ", "ÅB", "XX"])
def test_unknown_countries_are_refused(country: str) -> None:
    with pytest.raises(Rejected) as caught:
        check_request(ValidatedRequest({"country": country}, {}))
    assert caught.value.reply.status == 400
    assert set(caught.value.reply.body) == {"country"}


def test_size_and_index_count_from_one() -> None:
    with pytest.raises(Rejected) as caught:
        check_request(ValidatedRequest({"size": 0, "index": -3}, {}))
    assert caught.value.reply.body == {
        "size": "Must be at least 1.",
        "index": "Must be at least 1.",
    }
    assert check_request(ValidatedRequest({"size": 1, "index": 1}, {})).params["index"] == 1
