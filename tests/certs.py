"""TLS certificates for a test engine on tcp://127.0.0.1 (`--tlsverify`), made by openssl.

    certs = make_certs(Path("/tmp/dwr-XXXX/tls"))
    certs.server_args          # dockerd's --tlsverify --tlscacert ... --tlscert ... --tlskey ...
    certs.client               # a DOCKER_CERT_PATH: ca.pem, cert.pem, key.pem

Two CAs: the engine's, which signed the server certificate (SAN IP:127.0.0.1 and DNS:localhost,
so tcp://127.0.0.2 is a name it does not cover) and a client certificate; and a stranger's, which
signed a client certificate of its own. The DOCKER_CERT_PATH directories, one per way of
connecting:

* `client`: the engine's CA and its client certificate: connects;
* `unknown-ca`: the stranger's CA and client certificate: the client does not trust the engine
  (`x509: certificate signed by unknown authority`);
* `foreign-client`: the engine's CA, the stranger's client certificate: the engine refuses it
  (`remote error: tls: bad certificate`);
* `no-ca`: only cert.pem and key.pem: `--tlsverify` finds no ca.pem.

EC P-256 keys: a tenth of the time of RSA 2048, and docker takes them on both sides.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

__all__ = ["TLSFiles", "make_certs", "openssl_available"]

REPO = Path(__file__).resolve().parents[1]
DAYS = "2"


def openssl_available() -> tuple[bool, str]:
    if shutil.which("openssl") is None:
        done = subprocess.run(
            [str(REPO / "scripts" / "test-tools"), "tls"], capture_output=True, text=True, timeout=600
        )
        if done.returncode != 0:
            return False, (done.stderr.strip().splitlines() or ["scripts/test-tools tls failed"])[-1]
    return True, ""


@dataclass(frozen=True)
class TLSFiles:
    dir: Path

    @property
    def ca(self) -> Path:
        return self.dir / "ca.pem"

    @property
    def server_cert(self) -> Path:
        return self.dir / "server-cert.pem"

    @property
    def server_key(self) -> Path:
        return self.dir / "server-key.pem"

    @property
    def server_args(self) -> list[str]:
        return [
            "--tlsverify",
            "--tlscacert",
            str(self.ca),
            "--tlscert",
            str(self.server_cert),
            "--tlskey",
            str(self.server_key),
        ]

    def cert_path(self, kind: str = "client") -> Path:
        """A DOCKER_CERT_PATH directory: client, unknown-ca, foreign-client or no-ca."""
        path = self.dir / kind
        if not path.is_dir():
            raise ValueError(f"no certificate directory {kind!r}")
        return path

    @property
    def client(self) -> Path:
        return self.cert_path("client")

    def client_args(self, kind: str = "client") -> list[str]:
        """docker's --tlsverify --tlscacert --tlscert --tlskey for a cert_path directory."""
        path = self.cert_path(kind)
        return [
            "--tlsverify",
            "--tlscacert",
            str(path / "ca.pem"),
            "--tlscert",
            str(path / "cert.pem"),
            "--tlskey",
            str(path / "key.pem"),
        ]


def _openssl(*args: str, cwd: Path) -> None:
    done = subprocess.run(["openssl", *args], cwd=cwd, capture_output=True, text=True, timeout=60)
    if done.returncode != 0:
        raise RuntimeError(f"openssl {' '.join(args)} failed: {done.stderr.strip()}")


def _ca(name: str, cwd: Path) -> None:
    _openssl(
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-keyout",
        f"{name}-key.pem",
        "-out",
        f"{name}.pem",
        "-days",
        DAYS,
        "-subj",
        f"/CN=dockwrap test {name}",
        cwd=cwd,
    )


def _signed(name: str, ca: str, subject: str, extensions: str, cwd: Path) -> None:
    (cwd / f"{name}.cnf").write_text(extensions)
    _openssl(
        "req",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-keyout",
        f"{name}-key.pem",
        "-out",
        f"{name}.csr",
        "-subj",
        subject,
        cwd=cwd,
    )
    _openssl(
        "x509",
        "-req",
        "-in",
        f"{name}.csr",
        "-CA",
        f"{ca}.pem",
        "-CAkey",
        f"{ca}-key.pem",
        "-CAcreateserial",
        "-days",
        DAYS,
        "-sha256",
        "-extfile",
        f"{name}.cnf",
        "-out",
        f"{name}-cert.pem",
        cwd=cwd,
    )


def make_certs(directory: Path) -> TLSFiles:
    """The CAs, the server's and the clients' certificates, and the DOCKER_CERT_PATH directories."""
    directory.mkdir(parents=True, exist_ok=True)
    _ca("ca", directory)
    _ca("stranger-ca", directory)
    _signed(
        "server",
        "ca",
        "/CN=127.0.0.1",
        "subjectAltName = IP:127.0.0.1,DNS:localhost\nextendedKeyUsage = serverAuth\n",
        directory,
    )
    _signed("client", "ca", "/CN=dockwrap test client", "extendedKeyUsage = clientAuth\n", directory)
    _signed("stranger", "stranger-ca", "/CN=dockwrap test stranger", "extendedKeyUsage = clientAuth\n", directory)
    layouts = {
        "client": ("ca.pem", "client-cert.pem", "client-key.pem"),
        "unknown-ca": ("stranger-ca.pem", "stranger-cert.pem", "stranger-key.pem"),
        "foreign-client": ("ca.pem", "stranger-cert.pem", "stranger-key.pem"),
        "no-ca": (None, "client-cert.pem", "client-key.pem"),
    }
    for kind, (ca, cert, key) in layouts.items():
        target = directory / kind
        target.mkdir()
        for source, name in ((ca, "ca.pem"), (cert, "cert.pem"), (key, "key.pem")):
            if source:
                shutil.copyfile(directory / source, target / name)
        for pem in target.glob("key.pem"):
            pem.chmod(0o600)
    return TLSFiles(directory)
