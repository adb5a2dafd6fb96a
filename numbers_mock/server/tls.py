"""The mock's TLS files: numbers_tls's, the test certificate's files and CA named for the mock."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numbers_tls
from numbers_tls import TEST_CERTIFICATE_HOSTS, TlsFiles

__all__ = ["TEST_CERTIFICATE_HOSTS", "TlsFiles", "make_test_certificate"]


def make_test_certificate(folder: Path, hosts: Sequence[str] = TEST_CERTIFICATE_HOSTS) -> TlsFiles:
    """Write a fresh CA and a certificate for `hosts` signed by it into `folder`
    (`numbers-mock-ca.pem` is the one clients trust)."""
    return numbers_tls.make_test_certificate(folder, "numbers-mock", "numbers-mock test CA", hosts)
