"""TLS files for the toolkit's servers: a certificate the user has, or a test one made on the spot.

The official SDKs always speak HTTPS (the Python SDK builds `https://{rest_host}{path}`), so a
local stand-in for the service, and a proxy in front of one, must too. `make_test_certificate`
uses trustme, a library made for test certificates: a throw-away CA signs a certificate for
127.0.0.1, ::1 and localhost, and the CA's file is what a client trusts (`REQUESTS_CA_BUNDLE`,
`NODE_EXTRA_CA_CERTS`).

Both `numbers-mock` and `numbers-contract-proxy` import this module, and the proxy's extra does not
carry the mock's dependencies: it imports only the standard library, and trustme (in both extras)
when a test certificate is made. The two commands' TLS options (`--ssl-certfile`, `--ssl-keyfile`,
`--tls`, `--tls-dir`) are defined, checked and turned into files here too; each command keeps its
own help texts, order and test certificate's names.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import ssl
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "TEST_CERTIFICATE_HOSTS",
    "TlsFiles",
    "add_certificate_options",
    "add_test_certificate_options",
    "check_tls_options",
    "make_test_certificate",
    "tls_files",
]

TEST_CERTIFICATE_HOSTS = ("127.0.0.1", "::1", "localhost")


@dataclass(frozen=True)
class TlsFiles:
    """The server's certificate chain and private key (PEM), and the CA file clients trust."""

    certfile: Path
    keyfile: Path
    ca_file: Path | None = None

    def check(self) -> None:
        """Raise `ValueError` naming a file that cannot be read, or a pair that does not load."""
        for path in (self.certfile, self.keyfile):
            if not path.is_file():
                raise ValueError(f"TLS file not found: {path}")
        # Loaded as uvicorn will load them, so that a bad pair is an error before serving.
        try:
            ssl.create_default_context(ssl.Purpose.CLIENT_AUTH).load_cert_chain(
                self.certfile, self.keyfile
            )
        except (ssl.SSLError, OSError) as exc:
            raise ValueError(
                f"TLS certificate {self.certfile} and key {self.keyfile} do not load"
                f" as a PEM chain and its key: {exc}"
            ) from None


def make_test_certificate(
    folder: Path, prefix: str, authority: str, hosts: Sequence[str] = TEST_CERTIFICATE_HOSTS
) -> TlsFiles:
    """Write a fresh CA named `authority` and a certificate for `hosts` signed by it into `folder`,
    as `{prefix}-ca.pem`, `{prefix}-cert.pem` and `{prefix}-key.pem`."""
    # Imported here: only a test certificate needs trustme (and the cryptography library under it).
    import trustme

    folder.mkdir(parents=True, exist_ok=True)
    ca = trustme.CA(organization_name=authority)
    leaf = ca.issue_cert(*hosts)
    files = TlsFiles(
        certfile=folder / f"{prefix}-cert.pem",
        keyfile=folder / f"{prefix}-key.pem",
        ca_file=folder / f"{prefix}-ca.pem",
    )
    ca.cert_pem.write_to_path(str(files.ca_file))
    with files.certfile.open("wb") as chain:
        for blob in leaf.cert_chain_pems:
            chain.write(blob.bytes())
    # The key is readable by its owner only, like any private key.
    descriptor = os.open(files.keyfile, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as key:
        key.write(leaf.private_key_pem.bytes())
    return files


def add_certificate_options(group: argparse._ActionsContainer) -> None:
    """`--ssl-certfile` and `--ssl-keyfile`: a certificate the user has."""
    group.add_argument("--ssl-certfile", type=Path, metavar="PATH", help="certificate chain (PEM)")
    group.add_argument("--ssl-keyfile", type=Path, metavar="PATH", help="its private key (PEM)")


def add_test_certificate_options(
    group: argparse._ActionsContainer, tls_help: str, tls_dir_help: str
) -> None:
    """`--tls` (make a test certificate) and `--tls-dir` (where), with the command's help texts."""
    group.add_argument("--tls", action="store_true", help=tls_help)
    group.add_argument("--tls-dir", type=Path, metavar="PATH", help=tls_dir_help)


def check_tls_options(args: argparse.Namespace) -> None:
    """Raise `ValueError` for TLS options that do not go together (before anything is served)."""
    if (args.ssl_certfile is None) != (args.ssl_keyfile is None):
        raise ValueError("--ssl-certfile and --ssl-keyfile go together")
    if args.tls and args.ssl_certfile is not None:
        raise ValueError(
            "--tls makes its own certificate: leave out --ssl-certfile and --ssl-keyfile"
        )
    if args.tls_dir is not None and not args.tls:
        raise ValueError("--tls-dir is only for --tls")


@contextlib.contextmanager
def tls_files(
    args: argparse.Namespace, make_test: Callable[[Path], TlsFiles], temporary_prefix: str
) -> Iterator[TlsFiles | None]:
    """The files the checked TLS options name: the user's pair, a test certificate made by
    `make_test` (in `--tls-dir`, or in a temporary folder removed on exit), or None (plain HTTP)."""
    if args.ssl_certfile is not None:
        yield TlsFiles(args.ssl_certfile, args.ssl_keyfile)
    elif not args.tls:
        yield None
    elif args.tls_dir is not None:
        yield make_test(args.tls_dir)
    else:
        with tempfile.TemporaryDirectory(prefix=temporary_prefix) as folder:
            yield make_test(Path(folder))
