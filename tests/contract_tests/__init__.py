"""Tests of the contract harness (contract_tests/): a module per harness module, and whole runs."""
