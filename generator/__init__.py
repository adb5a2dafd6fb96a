"""Turns the vendored OpenAPI document into the committed client under generated_client/.

Everything regeneration depends on lives here: the openapi-python-client configuration, the
OpenAPI Overlay applied to the published document first (overlay.yaml, read by overlay.py; which
statuses it adds per operation: undocumented.py), the client's names for what the document leaves
unnamed (names.yaml, checked by names.py), the credentials the client sends as the document's
security schemes say (security.py, handed to client.py.jinja), the template overrides (each one
a recorded difference from the pinned upstream template, see tests/generator/template_diffs.py),
the helper modules copied into the package (package/), and the entry point
(`python -m generator [--check]`). The
exact versions of openapi-python-client and ruff are the ones pinned in the `generate` extra of
pyproject.toml.
"""
