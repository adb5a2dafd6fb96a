"""Benchmarks of the toolkit (run through nox sessions, not collected as tests)."""
