"""The proxy's own TLS files: numbers_tls's, the test certificate named for the proxy.

The official SDKs speak HTTPS only, so an application's SDK can only be pointed at a proxy that
does. `--tls` makes a CA and a certificate for 127.0.0.1, ::1 and localhost, as `numbers-mock
--tls` does; the CA's file is what the application trusts (`REQUESTS_CA_BUNDLE` for Python).
"""

from __future__ import annotations

from pathlib import Path

import numbers_tls
from numbers_tls import TlsFiles

__all__ = ["TlsFiles", "make_test_certificate"]


def make_test_certificate(folder: Path) -> TlsFiles:
    """A fresh CA, and a certificate for the local hosts signed by it, written into `folder`."""
    return numbers_tls.make_test_certificate(folder, "proxy", "numbers-contract-proxy test CA")
