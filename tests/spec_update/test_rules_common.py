from __future__ import annotations

from spec_update.doc_keys import is_doc_key, strip_docs
from spec_update.rules.common import join_field, show_all, subject


def test_documentation_keys() -> None:
    assert is_doc_key("description")
    assert is_doc_key("x-metaTitle")
    assert not is_doc_key("type")


def test_strip_docs_keeps_author_chosen_names() -> None:
    schema = {
        "description": "gone",
        "type": "object",
        "properties": {"description": {"type": "string", "example": "gone too"}},
    }
    assert strip_docs(schema) == {
        "type": "object",
        "properties": {"description": {"type": "string"}},
    }


def test_fields_and_values_are_shown_as_in_the_document() -> None:
    assert join_field("", "a") == "a"
    assert join_field("numbers[]", "a") == "numbers[].a"
    assert subject("", "removed") == "removed"
    assert subject("a", "removed") == "`a` removed"
    assert show_all(["x", 1, None]) == '"x", 1, null'
