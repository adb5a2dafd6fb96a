"""The servers' TLS files: a test certificate named for its server, the check before serving, and
the TLS options both commands read."""

from __future__ import annotations

import argparse
import ssl
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.x509.oid import NameOID

import numbers_tls
from numbers_tls import (
    TEST_CERTIFICATE_HOSTS,
    TlsFiles,
    add_certificate_options,
    add_test_certificate_options,
    check_tls_options,
    make_test_certificate,
    tls_files,
)
from tests.shared_modules import beyond_the_standard_library, top_level_imports


def test_a_test_certificate_is_named_for_its_server_and_its_key_kept_private(
    tmp_path: Path,
) -> None:
    files = make_test_certificate(tmp_path / "new", "probe", "probe test CA")
    assert files == TlsFiles(
        tmp_path / "new" / "probe-cert.pem",
        tmp_path / "new" / "probe-key.pem",
        tmp_path / "new" / "probe-ca.pem",
    )
    assert files.keyfile.stat().st_mode & 0o777 == 0o600
    assert files.ca_file is not None
    authority = x509.load_pem_x509_certificate(files.ca_file.read_bytes())
    organisation = authority.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)
    assert [attribute.value for attribute in organisation] == ["probe test CA"]
    files.check()


def test_the_certificate_names_every_local_host_and_is_signed_by_the_ca(tmp_path: Path) -> None:
    files = make_test_certificate(tmp_path, "probe", "probe test CA")
    assert files.ca_file is not None
    leaf = x509.load_pem_x509_certificates(files.certfile.read_bytes())[0]
    names = leaf.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    dns = names.get_values_for_type(x509.DNSName)
    addresses = [str(address) for address in names.get_values_for_type(x509.IPAddress)]
    assert sorted([*dns, *addresses]) == sorted(TEST_CERTIFICATE_HOSTS)
    authority = x509.load_pem_x509_certificate(files.ca_file.read_bytes())
    assert leaf.issuer == authority.subject
    # A client that trusts the CA file accepts the chain (the handshake itself is tested by the
    # mock's and the proxy's TLS tests).
    ssl.create_default_context(cafile=str(files.ca_file))


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"^TLS file not found: .*nope\.pem$"):
        TlsFiles(tmp_path / "nope.pem", tmp_path / "key.pem").check()


def test_a_pair_that_does_not_load_is_refused(tmp_path: Path) -> None:
    made = make_test_certificate(tmp_path / "made", "probe", "probe test CA")
    other = make_test_certificate(tmp_path / "other", "probe", "probe test CA")
    with pytest.raises(ValueError, match=r"do not load as a PEM chain and its key"):
        TlsFiles(made.certfile, other.keyfile).check()


def test_it_imports_only_the_standard_library_until_a_certificate_is_made() -> None:
    path = Path(numbers_tls.__file__)
    assert "ssl" in top_level_imports(path)
    assert beyond_the_standard_library(path) == set()


def _tls_options(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_certificate_options(parser)
    add_test_certificate_options(parser, tls_help="make one", tls_dir_help="there")
    return parser.parse_args(argv)


def _probe_certificate(folder: Path) -> TlsFiles:
    return make_test_certificate(folder, "probe", "probe test CA")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--ssl-certfile", "c.pem"], "--ssl-certfile and --ssl-keyfile go together"),
        (["--ssl-keyfile", "k.pem"], "--ssl-certfile and --ssl-keyfile go together"),
        (
            ["--tls", "--ssl-certfile", "c.pem", "--ssl-keyfile", "k.pem"],
            "--tls makes its own certificate: leave out --ssl-certfile and --ssl-keyfile",
        ),
        (["--tls", "--ssl-certfile", "c.pem"], "--ssl-certfile and --ssl-keyfile go together"),
        (["--tls-dir", "tls"], "--tls-dir is only for --tls"),
        (
            ["--tls-dir", "tls", "--ssl-certfile", "c.pem", "--ssl-keyfile", "k.pem"],
            "--tls-dir is only for --tls",
        ),
    ],
)
def test_options_that_do_not_go_together_are_refused_in_words(
    argv: list[str], message: str
) -> None:
    with pytest.raises(ValueError) as refused:
        check_tls_options(_tls_options(argv))
    assert str(refused.value) == message


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--ssl-certfile", "c.pem", "--ssl-keyfile", "k.pem"],
        ["--tls"],
        ["--tls", "--tls-dir", "d"],
    ],
)
def test_options_that_go_together_pass(argv: list[str]) -> None:
    check_tls_options(_tls_options(argv))


def test_without_options_there_are_no_tls_files() -> None:
    with tls_files(_tls_options([]), _probe_certificate, "probe-tls-") as files:
        assert files is None


def test_the_users_pair_is_used_as_given_and_nothing_is_made(tmp_path: Path) -> None:
    def make_nothing(folder: Path) -> TlsFiles:
        raise AssertionError(f"a test certificate was made in {folder}")

    argv = ["--ssl-certfile", str(tmp_path / "c.pem"), "--ssl-keyfile", str(tmp_path / "k.pem")]
    with tls_files(_tls_options(argv), make_nothing, "probe-tls-") as files:
        assert files == TlsFiles(tmp_path / "c.pem", tmp_path / "k.pem")


def test_a_test_certificate_in_tls_dir_stays_after_the_server(tmp_path: Path) -> None:
    argv = ["--tls", "--tls-dir", str(tmp_path / "tls")]
    with tls_files(_tls_options(argv), _probe_certificate, "probe-tls-") as files:
        assert files is not None
        assert files.ca_file == tmp_path / "tls" / "probe-ca.pem"
    files.check()


def test_a_test_certificate_without_tls_dir_is_removed_with_its_folder() -> None:
    with tls_files(_tls_options(["--tls"]), _probe_certificate, "probe-tls-") as files:
        assert files is not None
        folder = files.certfile.parent
        assert folder.name.startswith("probe-tls-")
        files.check()
    assert not folder.exists()
