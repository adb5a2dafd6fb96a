"""One run's set-up: its options, its state (`run_state`), its target, Hypothesis profiles, and the
schemathesis schema with the harness's checks and hooks (`loading`, `checks`, `deferred_coverage`,
`enum_candidates`). Imports `judging`, `tally` and `safety`.
"""
