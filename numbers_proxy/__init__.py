"""The contract harness's proxy: the harness's judge on live traffic.

`numbers-contract-proxy --upstream URL` (installed with the `[proxy]` extra) sits between an
application and any Numbers API server, forwards every request and every answer unchanged, and
judges both with the rules and check ids of `contract_tests.judging`: the request against the
document with the overlay and the 400 oracle (`request_rules`), the answer as the harness judges
it (`answer_side`), and what the traffic means over time per account (`traffic`). `session` counts
and prints, `records` writes the reports, `forwarding` is the ASGI app, `server` runs it.

It imports the harness's judging layer and nothing of the mock: the judge stays independent of
what it judges. What both servers need alike, option values and the TLS options and files, is in
the toolkit's `numbers_arguments` and `numbers_tls` (standard library only), which the mock imports
too.
"""
