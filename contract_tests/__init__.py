"""Contract-test harness for the Numbers API: schemathesis plus what it misses on this API.

Run it with `nox -s contract` (against the embedded mock) or `nox -s contract -- --target-url URL`;
`pytest contract_tests [options]` is the same thing. See README.md in this folder.

Modules: `document` (the vendored document), `xml_body` (XML answers in JSON shape), `semantics`
(what answers must mean), `checks` (their schemathesis registration), `loading` (the configured
schema and its hooks), `options`, `run_state` (one run's state), `safety` (the layer under every
request: deadline, size cap, rate limit, 429, circuit breaker, money rules), `ratelimit`,
`purchases` (the purchase ledger and the end-of-run settlement), `target`, `harness`, `account`,
`answers` (reading a body as JSON, or a finding), `forms`, `stock` (owned numbers for the mock),
`paging`, `lifecycle` (the state machine), `violations` (the harness's findings and check names),
`stats`, `reporting`, `redaction`, `profiles`, `plugin` (every pytest hook), `schemathesis_types`.
"""
