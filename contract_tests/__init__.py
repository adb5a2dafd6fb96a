"""Contract-test harness for the Numbers API: schemathesis plus what it misses on this API.

Run it with `nox -s contract` (against the embedded mock) or `nox -s contract -- --target-url URL`;
`pytest contract_tests [options]` is the same thing. See README.md in this folder.

Modules: `document` (the vendored document), `xml_body` (XML answers in JSON shape), `semantics`
(what answers must mean), `checks` (their schemathesis registration), `loading` (the configured
schema and its hooks), `options`, `target`, `purchases` (money safety), `harness`, `account`,
`stock` (owned numbers for the mock), `paging`, `lifecycle` (the state machine), `stats`,
`reporting`, `redaction`, `profiles`, `plugin` (the pytest side), `schemathesis_types`.
"""
