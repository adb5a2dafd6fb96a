"""Compare versions of the Numbers API document, and take a new one into the repository.

`python -m spec_update diff OLD NEW` classifies every change between two documents (JSON or YAML,
paths or URLs) by rule, with a level for a client and for a server, and writes nothing.
`python -m spec_update PATH_OR_URL [--check]` does the same against the vendored document, then
vendors the new one with its provenance, bumps the client's version with a changelog entry,
regenerates generated_client/ and reports what changed in the client's public API; `--check` only
reports. docs/spec-rules.md has the rules and their levels, spec_update/README.md the report's
JSON format.
"""
