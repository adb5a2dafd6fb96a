"""The classification rules, one module per part of the document, and their catalog.

Every rule compares two pieces of the old and the new document and returns
`spec_update.changes.Change`s naming a rule of `spec_update.rules.catalog`, which gives each its
levels for a client and for a server; spec_update.spec_diff puts them together.
"""
