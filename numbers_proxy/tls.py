"""TLS for the proxy's own side: the application's certificate, or a throw-away test CA (trustme).

The official SDKs speak HTTPS only, so an application's SDK can only be pointed at a proxy that
does. `--tls` makes a CA and a certificate for 127.0.0.1, ::1 and localhost, as `numbers-mock
--tls` does; the CA's file is what the application trusts (`REQUESTS_CA_BUNDLE` for Python).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

__all__ = ["TlsFiles", "make_test_certificate"]

HOSTS = ("127.0.0.1", "::1", "localhost")


@dataclass(frozen=True)
class TlsFiles:
    certfile: Path
    keyfile: Path
    ca_file: Path | None = None

    def check(self) -> None:
        """Raise `ValueError` naming a file that cannot be read."""
        for path in (self.certfile, self.keyfile):
            if not path.is_file():
                raise ValueError(f"TLS file not found: {path}")


def make_test_certificate(folder: Path) -> TlsFiles:
    """A fresh CA, and a certificate for the local hosts signed by it, written into `folder`."""
    import trustme

    folder.mkdir(parents=True, exist_ok=True)
    authority = trustme.CA(organization_name="numbers-contract-proxy test CA")
    leaf = authority.issue_cert(*HOSTS)
    files = TlsFiles(folder / "proxy-cert.pem", folder / "proxy-key.pem", folder / "proxy-ca.pem")
    assert files.ca_file is not None
    authority.cert_pem.write_to_path(str(files.ca_file))
    with files.certfile.open("wb") as chain:
        for blob in leaf.cert_chain_pems:
            chain.write(blob.bytes())
    descriptor = os.open(files.keyfile, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as key:
        key.write(leaf.private_key_pem.bytes())
    return files
