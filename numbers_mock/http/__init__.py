"""Request handling for the document's operations: the pipeline every request goes through (body,
credentials, rate limit and scripts, wire, validation, the service's rules), one handler per
operation, and the rendering of replies as JSON or XML shaped by the document.

Imports `controls`, `state` and `core`.
"""
