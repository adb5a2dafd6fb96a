"""Turns the vendored OpenAPI document into the committed client under generated_client/.

Everything regeneration depends on lives here: the openapi-python-client configuration, the
OpenAPI Overlay applied to the published document first (overlay.yaml, read by overlay.py; which
statuses it adds per operation: undocumented.py), the template overrides, the helper modules
copied into the package (package/), and the entry point (`python -m generator [--check]`). The
exact versions of openapi-python-client and ruff are the ones pinned in the `generate` extra of
pyproject.toml.
"""
