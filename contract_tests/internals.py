"""The one door to the private parts of schemathesis and pytest that the harness relies on.

Each function below reaches into something neither project promises to keep (an underscored
attribute, a module-level function it calls by name). They were written against exactly the
versions in `PINNED`; any other version may have moved or changed them without a word, so
`check_versions` refuses it in one line, at the start of a run (the plugin's `pytest_configure`)
and before any function here touches an internal.

What goes through here, and why no public way exists:

- `coverage_builder`: schemathesis' module that builds coverage cases at collection
  (`add_coverage`), deferred to the test's set-up by `run.deferred_coverage`;
- `enum_coverage_module`: schemathesis' invalid-enum candidate list (`_invalid_enum_candidates`),
  drawn lazily by `run.enum_candidates`;
- `requests_serializers`: the serializers schemathesis registers on its requests transport, shared
  with the harness's gated transport;
- `name_item`: a pytest item's node id (`item._id`), to tell schemathesis' operations apart;
- `terminal_stream` / `set_terminal_stream`: the stream under pytest's terminal writer
  (`TerminalReporter._tw._file`), the last place every byte passes (for masking).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from importlib import metadata
from types import ModuleType
from typing import Any

# The versions each use below was written and tested against.
PINNED = (("schemathesis", "4.32.5"), ("pytest", "9.2.0"))


class UnpinnedVersion(RuntimeError):
    """The installed schemathesis or pytest is not the version the harness was written for."""


def version_problem(installed: Callable[[str], str] = metadata.version) -> str | None:
    """One line saying which pinned package has another version, or None when all match."""
    for package, pinned in PINNED:
        try:
            found = installed(package)
        except metadata.PackageNotFoundError:
            found = "none"
        if found != pinned:
            return (
                f"contract_tests needs {package} {pinned} exactly (installed: {found}): it uses "
                f"{package} internals checked only on that version; install numbers-toolkit"
                "[harness] with its pinned dependencies"
            )
    return None


@functools.cache
def _installed_problem() -> str | None:
    # The installed versions do not change while the process runs: read them once.
    return version_problem()


def check_versions() -> None:
    """Raise `UnpinnedVersion` (one line) unless the pinned versions are installed."""
    problem = _installed_problem()
    if problem is not None:
        raise UnpinnedVersion(problem)


# --- schemathesis ---------------------------------------------------------------------------


def coverage_builder() -> ModuleType:
    """schemathesis' `generation.hypothesis.builder`, whose `add_coverage` is deferred."""
    check_versions()
    from schemathesis.generation.hypothesis import builder

    return builder


def enum_coverage_module() -> ModuleType:
    """schemathesis' `specs.openapi.coverage._schema`, holder of the invalid-enum candidates."""
    check_versions()
    from schemathesis.specs.openapi.coverage import _schema

    return _schema


def requests_serializers() -> Any:
    """The serializers registered on schemathesis' own requests transport."""
    check_versions()
    from schemathesis.transport.requests import REQUESTS_TRANSPORT

    return REQUESTS_TRANSPORT._serializers


# --- pytest ---------------------------------------------------------------------------------


def name_item(item: Any, params: str) -> bool:
    """Give a pytest item whose node id carries no parameters `[params]`; False when it has some
    (or pytest keeps its id elsewhere)."""
    check_versions()
    node_id = getattr(item, "_id", None)
    if node_id is None or getattr(node_id, "params", "") is not None:
        return False
    item._id = node_id.with_params(params)
    return True


def terminal_stream(reporter: Any) -> Any | None:
    """The stream pytest's terminal reporter writes to (through its writer), or None."""
    check_versions()
    writer = getattr(reporter, "_tw", None)
    return None if writer is None else writer._file


def set_terminal_stream(reporter: Any, stream: Any) -> None:
    check_versions()
    reporter._tw._file = stream
