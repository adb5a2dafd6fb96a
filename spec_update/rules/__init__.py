"""The classification rules, one module per part of the document.

Every rule compares two `$ref`-resolved pieces of the old and the new document and returns
`spec_update.changes.Change`s; spec_update.spec_diff puts them together.
"""
