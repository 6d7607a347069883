"""Each way a real remote engine fails: the error class (Python API), and through the CLI exit
status 1 with one line of docker's message and one line of hint (never a traceback).

SSH against the test sshd (tests/sshd.py), each failure made by the `ssh` wrapper first on PATH;
TLS against the second engine listening with --tlsverify (tests/engines.py, tests/certs.py), each
failure made by what DOCKER_HOST, DOCKER_TLS_VERIFY and DOCKER_CERT_PATH say.
"""

from __future__ import annotations

import subprocess
from typing import Callable

import pytest

from dockwrap import Docker, errors
from tests.engines import SecondEngine
from tests.harness import DOCKER, dockwrap, free_port
from tests.remote_fixtures import sshd, tls_engine  # noqa: F401
from tests.sshd import SSHServer

pytestmark = [pytest.mark.docker, pytest.mark.timeout(120)]


def client_release() -> tuple[int, ...]:
    text = subprocess.run([DOCKER, "version", "--format", "{{.Client.Version}}"], capture_output=True, text=True,
                          timeout=30).stdout.strip()
    return tuple(int(part) for part in text.split("+")[0].split("-")[0].split(".")[:2] if part.isdigit())


def assert_fails(env: dict[str, str], options: list[str], cls: type[errors.DockerCommandFailed], hint: str,
                 monkeypatch: pytest.MonkeyPatch, docker: Callable[[], Docker]) -> None:
    """The API raises exactly `cls`; the CLI exits 1 with two lines: the error and the hint."""
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    with pytest.raises(errors.DockerCommandFailed) as raised:
        docker().container.ls()
    assert type(raised.value) is cls
    assert raised.value.hint and hint in raised.value.hint
    monkeypatch.undo()
    done = dockwrap(*options, "ps", env=env)
    assert done.returncode == 1 and done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 2, done.stderr
    assert lines[0].startswith("dockwrap: error: ") and lines[1].startswith("hint: ") and hint in lines[1]
    assert "Traceback" not in done.stderr


# -- SSH --------------------------------------------------------------------------------------


@pytest.mark.parametrize("variant, cls, hint", [
    ("unknown-host", errors.SSHHostKeyUnknown, "does not trust the host key"),
    ("wrong-key", errors.SSHAuthFailed, "refused the login"),
    ("no-docker", errors.RemoteDockerMissing, "has no `docker`"),
])
def test_ssh_failure(sshd: SSHServer, variant: str, cls: type[errors.DockerCommandFailed], hint: str,  # noqa: F811
                     monkeypatch: pytest.MonkeyPatch) -> None:
    url = sshd.url()
    assert_fails({"PATH": sshd.env(variant)["PATH"]}, ["-H", url], cls, f"{hint}", monkeypatch,
                 lambda: Docker(binary=DOCKER, host=url))


def test_ssh_connection_refused(sshd: SSHServer, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    url = f"ssh://root@127.0.0.1:{free_port()}"
    assert_fails({"PATH": sshd.env()["PATH"]}, ["-H", url], errors.SSHConnectionRefused, f"no SSH server answers at {url}",
                 monkeypatch, lambda: Docker(binary=DOCKER, host=url))


def test_ssh_remote_socket_missing(sshd: SSHServer, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    if client_release() < (23, 0):
        pytest.skip("docker clients before 23.0 take no socket path in an ssh:// URL")
    assert sshd.dir is not None
    url = sshd.url(f"{sshd.dir}/missing.sock")
    assert_fails({"PATH": sshd.env()["PATH"]}, ["-H", url], errors.RemoteDockerMissing, "reaches no engine",
                 monkeypatch, lambda: Docker(binary=DOCKER, host=url))


def test_ssh_host_key_via_context_names_the_context(sshd: SSHServer, tmp_path) -> None:  # noqa: F811
    """The same failure through a context: the hint names the context it tried."""
    env = sshd.env("unknown-host", base={"PATH": sshd.env()["PATH"], "DOCKER_CONFIG": str(tmp_path)})
    created = subprocess.run([DOCKER, "context", "create", "remote", "--docker", f"host={sshd.url()}"], env=env,
                             capture_output=True, text=True, timeout=30)
    assert created.returncode == 0, created.stderr
    done = dockwrap("--context", "remote", "ps", env=env)
    assert done.returncode == 1
    assert "hint: ssh does not trust the host key of context 'remote'" in done.stderr


# -- TLS --------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind, cls, hint", [
    ("plain", errors.TLSRequired, "speaks TLS"),
    ("no-ca", errors.TLSFileMissing, "TLS needs a CA"),
    ("unknown-ca", errors.TLSBadCertificate, "not signed by the CA given"),
    ("foreign-client", errors.TLSBadCertificate, "refused the client certificate"),
    ("wrong-name", errors.TLSNameMismatch, "does not cover the host in the URL"),
])
def test_tls_failure(tls_engine: SecondEngine, kind: str, cls: type[errors.DockerCommandFailed], hint: str,  # noqa: F811
                     monkeypatch: pytest.MonkeyPatch) -> None:
    if kind == "plain":
        env = {"DOCKER_HOST": tls_engine.tls_host}
    elif kind == "wrong-name":
        env = tls_engine.tls_env(base={})
        env["DOCKER_HOST"] = env["DOCKER_HOST"].replace("127.0.0.1", "127.0.0.2")
    else:
        env = tls_engine.tls_env(kind, base={})
    for key in ("DOCKER_CONTEXT", "DOCKER_TLS_VERIFY", "DOCKER_CERT_PATH"):
        monkeypatch.delenv(key, raising=False)
    assert_fails(env, [], cls, hint, monkeypatch, lambda: Docker(binary=DOCKER))


def test_tls_works_with_the_right_files(tls_engine: SecondEngine) -> None:  # noqa: F811
    done = dockwrap("version", "--json", env=tls_engine.tls_env(base={}))
    assert done.returncode == 0, done.stderr
    assert '"server": {' in done.stdout
