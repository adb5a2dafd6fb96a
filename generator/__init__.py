"""Turns the vendored OpenAPI document into the committed client under generated_client/.

Everything regeneration depends on lives here: the openapi-python-client configuration, the few
template overrides, and the entry point (`python -m generator [--check]`). The exact versions of
openapi-python-client and ruff are the ones pinned in the `generate` extra of pyproject.toml.
"""
