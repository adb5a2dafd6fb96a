"""Take a new version of the Numbers API document into the repository, and prove the result.

`python -m spec_update PATH_OR_URL [--check]` validates the new document, classifies what changed
against the vendored one (breaking or not, for a client and for a server), vendors it with its
provenance, bumps the client's version with a changelog entry, regenerates generated_client/ and
reports what changed in the client's public API. `--check` only reports.
"""
