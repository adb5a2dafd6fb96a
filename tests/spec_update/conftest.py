"""Shared fixtures: the vendored document, copies of the repository, a local HTTP server."""

from __future__ import annotations

import copy
import hashlib
import importlib
import json
import shutil
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from spec_update.changes import Change
from spec_update.client_tests import ClientTestRun
from spec_update.document import Document, load_document
from spec_update.layout import Layout
from spec_update.spec_diff import diff_documents
from spec_update.update import Preview

REAL_ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "fixtures"
# What a test copy of the repository needs for update-spec and the generator to run in it.
COPIED = ("openapi", "numbers_openapi", "generator", "generated_client", "pyproject.toml")
NOT_COPIED = shutil.ignore_patterns("__pycache__", ".mypy_cache", ".ruff_cache", "*.egg-info")
CLIENT_PACKAGE = "numbers_api_client"

Mutation = Callable[[dict[str, Any]], None]


def no_preview(layout: Layout, new: Document, *, run_tests: bool) -> Preview:
    """Stands in for the scratch generation where a test is about something else."""
    return Preview([], ClientTestRun(ran=False))


@pytest.fixture(scope="session")
def vendored_raw() -> bytes:
    return (REAL_ROOT / "openapi" / "numbers-api.json").read_bytes()


@pytest.fixture
def vendored(vendored_raw: bytes) -> dict[str, Any]:
    """A fresh copy of the vendored document's data, free to mutate."""
    data: dict[str, Any] = json.loads(vendored_raw)
    return data


@pytest.fixture(scope="session")
def as_document() -> Callable[[dict[str, Any]], Document]:
    """Serialise data the way a publisher might and load it as a validated Document."""

    def build(data: dict[str, Any]) -> Document:
        return load_document(json.dumps(data, indent=2).encode(), "test document")

    return build


@pytest.fixture(scope="session")
def classify(
    vendored_raw: bytes, as_document: Callable[[dict[str, Any]], Document]
) -> Callable[[Mutation], list[Change]]:
    """The changes between the vendored document and a mutated copy of it."""
    old = load_document(vendored_raw, "vendored")

    def run(mutate: Mutation) -> list[Change]:
        data: dict[str, Any] = copy.deepcopy(old.data)
        mutate(data)
        return diff_documents(old, as_document(data))

    return run


@pytest.fixture(scope="session")
def copy_repo() -> Callable[[Path], Path]:
    """Copy the parts of the real repository that an update reads and writes into a folder."""

    def make(destination: Path) -> Path:
        destination.mkdir(parents=True, exist_ok=True)
        for name in COPIED:
            source = REAL_ROOT / name
            if source.is_dir():
                shutil.copytree(source, destination / name, ignore=NOT_COPIED, symlinks=True)
            else:
                shutil.copy2(source, destination / name)
        return destination

    return make


@pytest.fixture(scope="session")
def tree_hashes() -> Callable[[Path], dict[str, str]]:
    """sha256 of every file under openapi/, numbers_openapi/ (the overlay), generator/ and
    generated_client/ of a checkout."""

    def hashes(root: Path) -> dict[str, str]:
        found = {}
        for folder in ("openapi", "numbers_openapi", "generator", "generated_client"):
            for path in sorted((root / folder).rglob("*")):
                if path.is_file() and "__pycache__" not in path.parts:
                    digest = hashlib.sha256(path.read_bytes()).hexdigest()
                    found[path.relative_to(root).as_posix()] = digest
        return found

    return hashes


@pytest.fixture(scope="session")
def client_from() -> Callable[[Path], AbstractContextManager[Callable[[str], ModuleType]]]:
    """Import the generated client of a copy's generated_client/ folder, then forget it again.

    The real client is installed in the environment: its modules are set aside while the copy's
    are imported, and put back afterwards.
    """

    @contextmanager
    def imported(folder: Path) -> Iterator[Callable[[str], ModuleType]]:
        saved = _forget_client()
        sys.path.insert(0, str(folder))
        importlib.invalidate_caches()
        try:
            package = importlib.import_module(CLIENT_PACKAGE)
            assert Path(str(package.__file__)).is_relative_to(folder)
            yield lambda name: importlib.import_module(f"{CLIENT_PACKAGE}.{name}")
        finally:
            sys.path.remove(str(folder))
            _forget_client()
            sys.modules.update(saved)

    return imported


def _forget_client() -> dict[str, ModuleType]:
    names = [n for n in sys.modules if n == CLIENT_PACKAGE or n.startswith(f"{CLIENT_PACKAGE}.")]
    return {name: sys.modules.pop(name) for name in names}


Routes = dict[str, tuple[int, bytes]]


@pytest.fixture
def serve() -> Iterator[Callable[[Routes], str]]:
    """Serve fixed answers on 127.0.0.1 (a free port) for the test; returns the base URL."""
    servers: list[ThreadingHTTPServer] = []

    def start(routes: Routes) -> str:
        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                status, body = routes.get(self.path, (404, b"not found"))
                self.send_response(status)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()
