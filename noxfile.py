"""Sessions of the Numbers API toolkit: `nox -l` lists them; a bare `nox` runs what CI runs."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import nox

ROOT = Path(__file__).parent
CONSTRAINTS = ("-c", str(ROOT / "constraints.txt"))

nox.needs_version = ">=2026.10.20"
# uv installs a session in seconds where pip takes a minute; plain venv when uv is missing.
nox.options.default_venv_backend = "uv|venv"
nox.options.reuse_venv = "yes"
nox.options.sessions = ["drift", "lint", "tests", "test-client", "contract"]

# pytest-xdist workers for the unit tests.
TEST_WORKERS = 4

# The Python versions the generated client supports (its pyproject.toml says the same).
CLIENT_PYTHONS = ["3.11", "3.12", "3.13"]


def put_pyenv_pythons_on_path(versions: list[str]) -> None:
    """Put the newest pyenv interpreter of each version first on PATH, where nox looks for
    `pythonX.Y`: pyenv's shims answer only for the versions pyenv has selected, not all it has."""
    root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    found = []
    for version in versions:
        candidates = sorted(
            root.glob(f"{version}.*/bin/python{version}"),
            key=lambda path: [int(p) for p in path.parts[-3].split(".") if p.isdigit()],
        )
        if candidates:
            found.append(str(candidates[-1].parent))
    if found:
        os.environ["PATH"] = os.pathsep.join([*found, os.environ.get("PATH", "")])


put_pyenv_pythons_on_path(CLIENT_PYTHONS)


# What an environment's install depends on: a reused environment whose stamp matches these files
# (and the install's arguments) already holds exactly what the install would put there.
INSTALL_INPUTS = (
    ROOT / "pyproject.toml",
    ROOT / "constraints.txt",
    ROOT / "generated_client" / "pyproject.toml",
)
INSTALL_STAMP = ".numbers-toolkit-install"


def install(session: nox.Session, *args: str) -> None:
    """`session.install(*args)`, shown as it goes, and skipped when the reused environment was
    installed with the same arguments from the same pins (editable installs follow the sources)."""
    digest = hashlib.sha256("\0".join(args).encode())
    for path in INSTALL_INPUTS:
        digest.update(path.read_bytes())
    location = getattr(session.virtualenv, "location", None)
    stamp = Path(location) / INSTALL_STAMP if location else None
    if stamp is not None and stamp.is_file() and stamp.read_text() == digest.hexdigest():
        session.log("environment up to date with the pins: nothing to install")
        return
    session.log(
        "installing the pinned dependencies (seconds with a warm cache, a minute or two cold)"
    )
    session.install(*args, silent=False)
    if stamp is not None:
        stamp.write_text(digest.hexdigest())


def install_toolkit(session: nox.Session, *extras: str) -> None:
    """Install our packages and the committed generated client, every dependency pinned."""
    spec = f".[{','.join(extras)}]" if extras else "."
    install(session, *CONSTRAINTS, "-e", spec, "-e", "./generated_client")


@nox.session
def generate(session: nox.Session) -> None:
    """Regenerate generated_client/ from openapi/ (`-- --check` only reports drift)."""
    install(session, *CONSTRAINTS, "-e", ".[generate]")
    session.run("python", "-m", "generator", *session.posargs)


@nox.session
def drift(session: nox.Session) -> None:
    """Fail when the committed generated_client/ differs from a fresh regeneration."""
    install(session, *CONSTRAINTS, "-e", ".[generate]")
    session.run("python", "-m", "generator", "--check")


@nox.session
def lint(session: nox.Session) -> None:
    """Run ruff and mypy --strict on our code and on the generated client."""
    install_toolkit(session, "dev", "generate")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("mypy", ".")
    # The generated project is checked with its own (empty) mypy configuration, strictly.
    session.chdir("generated_client")
    session.run("mypy", "--strict", "numbers_api_client")


@nox.session
def tests(session: nox.Session) -> None:
    """Run the unit tests in parallel (forwarding any pytest arguments instead)."""
    install_toolkit(session, "dev", "generate")
    # Most of the suite's time is spent waiting on servers and harness runs in subprocesses, not
    # computing: more workers than cores keeps both cores busy (docs/benchmarks.md, "The tests").
    session.run("pytest", *(session.posargs or ["-n", str(TEST_WORKERS), "tests"]))


@nox.session(name="test-client", python=CLIENT_PYTHONS)
def test_client(session: nox.Session) -> None:
    """Run the generated client's tests on each supported Python (only what they need installed)."""
    # Besides pytest and hypothesis, the tests read the overlaid document through generator/,
    # which needs jsonpath-ng and PyYAML: not the whole toolkit.
    test_needs = ("pytest", "hypothesis", "jsonpath-ng", "PyYAML")
    install(session, *CONSTRAINTS, "-e", "./generated_client", *test_needs)
    session.run("pytest", *(session.posargs or ["tests/generated_client"]))


@nox.session(name="update-spec", default=False)
def update_spec(session: nox.Session) -> None:
    """Vendor a new API document (path or URL), classify the changes and regenerate the client."""
    if not session.posargs or session.posargs[0].startswith("-"):
        session.error("Usage: nox -s update-spec -- PATH_OR_URL [--check] [--report FILE]")
    # pytest and hypothesis: the update runs the client's tests on the client it generates;
    # mypy: it type-checks the toolkit's code that imports the client against that client.
    install(
        session,
        *CONSTRAINTS,
        "-e",
        ".[spec,generate]",
        "-e",
        "./generated_client",
        "pytest",
        "hypothesis",
        "mypy",
    )
    session.run("python", "-m", "spec_update", *session.posargs)


@nox.session(name="spec-diff", default=False)
def spec_diff(session: nox.Session) -> None:
    """Compare two API documents (JSON or YAML, paths or URLs) and classify every change."""
    if len(session.posargs) < 2 or session.posargs[0].startswith("-"):
        session.error(
            "Usage: nox -s spec-diff -- OLD NEW [--format text|markdown|json] "
            "[--fail-on breaking|may-break] [--no-validate]"
        )
    install(session, *CONSTRAINTS, "-e", ".[spec]")
    session.run("python", "-m", "spec_update", "diff", *session.posargs)


@nox.session
def contract(session: nox.Session) -> None:
    """Fuzz and check every operation on the embedded mock (`-- --target-url URL` for another)."""
    install_toolkit(session, "dev")
    reports = ROOT / "reports"
    reports.mkdir(exist_ok=True)
    session.run(
        "pytest",
        "contract_tests",
        f"--junitxml={reports / 'contract.xml'}",
        f"--html-report={reports / 'contract.html'}",
        f"--json-report={reports / 'contract.json'}",
        *session.posargs,
    )


@nox.session(default=False)
def mock(session: nox.Session) -> None:
    """Run the mock server (`-- --port 9000 --database state.sqlite3 ...`, see `-- --help`)."""
    install(session, *CONSTRAINTS, "-e", ".[mock]")
    session.run("numbers-mock", *session.posargs)


@nox.session(default=False)
def bench(session: nox.Session) -> None:
    """Measure fault detection (`-- detection`, ~25 min), speed ratios (`-- speed`, ~5 min),
    the spec diff on two large documents against the engine before (`-- spec`, ~4 min), or its
    verdicts against oasdiff's labelled examples (`-- oasdiff OASDIFF_CHECKOUT`, seconds)."""
    if not session.posargs or session.posargs[0] not in ("detection", "speed", "spec", "oasdiff"):
        session.error(
            "Usage: nox -s bench -- detection [--mode seeded|real-target|both] [--faults A,B]\n"
            "           [--no-faults] [--clean-runs N] [--json FILE]\n"
            "       nox -s bench -- speed [--runs N] [--json FILE] (see -- speed --help)\n"
            "       nox -s bench -- spec [--runs N] [--json FILE] (see -- spec --help)\n"
            "       nox -s bench -- oasdiff OASDIFF_CHECKOUT [--json FILE]"
        )
    install_toolkit(session, "dev", "generate")
    session.run("python", "-m", "benchmarks", *session.posargs)
