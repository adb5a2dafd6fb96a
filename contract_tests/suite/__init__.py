"""The pytest suite that `numbers-contract` and `pytest contract_tests` run: test modules only."""
