"""The harness as a command: what it is told, the checks before a run starts, how it runs.

- `arguments`: `numbers-contract`'s own parser (its `--help`, one line per bad option or value)
  and the pytest command line it builds;
- `configure`: the checks at pytest's configuration, for every way of running (the pinned
  versions, the Hypothesis profile and database, no distribution with real purchases);
- `distributed`: what pytest-xdist's controller and workers hand each other (the seed, what the
  workers exercised, for the JUnit file);
- `fuzzing`: the schemathesis schema of the fuzzing test, built from the run's state when pytest
  collects the test.

It may import every layer below it (judging to reporting); the entry points import it.
"""
