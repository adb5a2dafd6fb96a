"""Contract-test harness for the Numbers API: schemathesis plus what it misses on this API.

Run it with `numbers-contract`, `nox -s contract` (against the embedded mock) or `nox -s contract
-- --target-url URL`; `pytest contract_tests [options]` is the same thing. See README.md here.

Layers, each importing only those above it in this list:

- `internals`: the one module that touches private schemathesis and pytest internals, on the
  exact versions it was written for only;
- `judging`: pure rules over the document and the answers (no I/O);
- `tally`: what a run did, counted as it happens;
- `safety`: the layer under every request (deadline, size, rate, money) and the judge under it;
- `run`: one run's options, state, target and schemathesis schema;
- `account`: what a run does to the target's account (stock, lifecycle, the tests' handle);
- `reporting`: the findings' blocks and the summary in the terminal, the JSON run record programs
  read, and the HTML report built from it;
- `command`: the harness as a command: `numbers-contract`'s parser, the checks when pytest is
  configured, xdist's hand-overs, the fuzzing test's schema;
- `plugin` (every pytest hook), `conftest`, `cli`: the entry points;
- `suite`: the tests themselves.

`tests/contract_tests/test_layers.py` holds the code to this order.
"""
