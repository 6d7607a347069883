"""Each way a real remote engine fails: the error class (Python API), and through the CLI exit
status 1 with one line of docker's message and one line of hint (never a traceback).

SSH against the test sshd (tests/sshd.py), each failure made by the `ssh` wrapper first on PATH;
TLS against the second engine listening with --tlsverify (tests/engines.py, tests/certs.py), each
failure made by what DOCKER_HOST, DOCKER_TLS_VERIFY and DOCKER_CERT_PATH say.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable

import pytest

from dockwrap import Docker, errors
from tests.engines import SecondEngine
from tests.harness import DOCKER, dockwrap, free_port
from tests.remote_fixtures import sshd, tls_engine  # noqa: F401
from tests.sshd import SSHServer

pytestmark = [pytest.mark.docker, pytest.mark.timeout(120)]


def client_release() -> tuple[int, ...]:
    text = subprocess.run(
        [DOCKER, "version", "--format", "{{.Client.Version}}"], capture_output=True, text=True, timeout=30
    ).stdout.strip()
    return tuple(int(part) for part in text.split("+")[0].split("-")[0].split(".")[:2] if part.isdigit())


def assert_fails(
    env: dict[str, str],
    options: list[str],
    cls: type[errors.DockerCommandFailed],
    hint: str,
    monkeypatch: pytest.MonkeyPatch,
    docker: Callable[[], Docker],
) -> None:
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


@pytest.mark.parametrize(
    "variant, cls, hint",
    [
        ("unknown-host", errors.SSHHostKeyUnknown, "does not trust the host key"),
        ("wrong-key", errors.SSHAuthFailed, "refused the login"),
        ("no-docker", errors.RemoteDockerMissing, "has no `docker`"),
    ],
)
def test_ssh_failure(
    sshd: SSHServer,
    variant: str,
    cls: type[errors.DockerCommandFailed],
    hint: str,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url = sshd.url()
    assert_fails(
        {"PATH": sshd.env(variant)["PATH"]},
        ["-H", url],
        cls,
        f"{hint}",
        monkeypatch,
        lambda: Docker(binary=DOCKER, host=url),
    )


def test_ssh_connection_refused(sshd: SSHServer, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    url = f"ssh://root@127.0.0.1:{free_port()}"
    assert_fails(
        {"PATH": sshd.env()["PATH"]},
        ["-H", url],
        errors.SSHConnectionRefused,
        f"no SSH server answers at {url}",
        monkeypatch,
        lambda: Docker(binary=DOCKER, host=url),
    )


def test_ssh_remote_socket_missing(sshd: SSHServer, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    if client_release() < (23, 0):
        pytest.skip("docker clients before 23.0 take no socket path in an ssh:// URL")
    assert sshd.dir is not None
    url = sshd.url(f"{sshd.dir}/missing.sock")
    assert_fails(
        {"PATH": sshd.env()["PATH"]},
        ["-H", url],
        errors.RemoteDockerMissing,
        "reaches no engine",
        monkeypatch,
        lambda: Docker(binary=DOCKER, host=url),
    )


def test_ssh_host_key_via_context_names_the_context(sshd: SSHServer, tmp_path) -> None:  # noqa: F811
    """The same failure through a context: the hint names the context it tried."""
    env = sshd.env("unknown-host", base={"PATH": sshd.env()["PATH"], "DOCKER_CONFIG": str(tmp_path)})
    created = subprocess.run(
        [DOCKER, "context", "create", "remote", "--docker", f"host={sshd.url()}"],
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert created.returncode == 0, created.stderr
    done = dockwrap("--context", "remote", "ps", env=env)
    assert done.returncode == 1
    assert "hint: ssh does not trust the host key of context 'remote'" in done.stderr


# -- TLS --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "kind, cls, hint",
    [
        ("plain", errors.TLSRequired, "speaks TLS"),
        ("no-ca", errors.TLSFileMissing, "TLS needs a CA"),
        ("unknown-ca", errors.TLSBadCertificate, "not signed by the CA given"),
        ("foreign-client", errors.TLSBadCertificate, "refused the client certificate"),
        ("wrong-name", errors.TLSNameMismatch, "does not cover the host in the URL"),
    ],
)
def test_tls_failure(
    tls_engine: SecondEngine,
    kind: str,
    cls: type[errors.DockerCommandFailed],
    hint: str,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
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


# -- TLS through dockwrap's global options (and Docker's keywords) ----------------------------------


def _tls_keywords(engine: SecondEngine, kind: str, host: str | None = None, **more: object) -> dict[str, object]:
    assert engine.certs is not None
    path = engine.certs.cert_path(kind)
    return {
        "host": host or engine.tls_host,
        "tlsverify": True,
        "tlscacert": str(path / "ca.pem"),
        "tlscert": str(path / "cert.pem"),
        "tlskey": str(path / "key.pem"),
        **more,
    }


def _as_flags(keywords: dict[str, object]) -> list[str]:
    words: list[str] = []
    for key, value in keywords.items():
        if value is True:
            words.append(f"--{key}")
        elif value is not None:
            words += [f"--{key}", str(value)]
    return words


@pytest.mark.parametrize(
    "setting, cls, hint",
    [
        ("no TLS option", errors.TLSRequired, "add --tlsverify --tlscacert CA"),
        ("files without --tls or --tlsverify", errors.TLSRequired, "add --tlsverify"),
        ("--tlsverify without files", errors.TLSFileMissing, "name them with --tlscacert"),
        ("a CA file that is not there", errors.TLSFileMissing, "name them with --tlscacert"),
        ("another CA", errors.TLSBadCertificate, "(--tlscacert, or ca.pem"),
        ("a certificate of another CA", errors.TLSBadCertificate, "(--tlscert and --tlskey"),
        ("a name the certificate does not cover", errors.TLSNameMismatch, "does not cover the host in the URL"),
    ],
)
def test_tls_option_failure(
    tls_engine: SecondEngine,
    setting: str,
    cls: type[errors.DockerCommandFailed],  # noqa: F811
    hint: str,
    tmp_path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each wrong setting of the options: the API's class, the CLI's two lines with the CLI's words."""
    keywords = _tls_keywords(tls_engine, "client")
    if setting == "no TLS option":
        keywords = {"host": tls_engine.tls_host}
    elif setting == "files without --tls or --tlsverify":
        keywords["tlsverify"] = None
    elif setting == "--tlsverify without files":
        keywords = {"host": tls_engine.tls_host, "tlsverify": True}
    elif setting == "a CA file that is not there":
        keywords["tlscacert"] = str(tmp_path / "nowhere" / "ca.pem")
    elif setting == "another CA":
        keywords["tlscacert"] = str(tls_engine.certs.cert_path("unknown-ca") / "ca.pem")  # type: ignore[union-attr]
    elif setting == "a certificate of another CA":
        keywords = _tls_keywords(tls_engine, "foreign-client")
    else:
        keywords["host"] = tls_engine.tls_host.replace("127.0.0.1", "127.0.0.2")
    # nothing of docker's TLS environment, and no ~/.docker to fall back on
    env = {"HOME": str(tmp_path), "DOCKER_CONFIG": str(tmp_path / "config")}
    for key in ("DOCKER_HOST", "DOCKER_CONTEXT", "DOCKER_TLS_VERIFY", "DOCKER_CERT_PATH", "DOCKER_TLS"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("HOME", env["HOME"])
    monkeypatch.setenv("DOCKER_CONFIG", env["DOCKER_CONFIG"])
    with pytest.raises(errors.DockerCommandFailed) as raised:
        Docker(binary=DOCKER, **keywords).container.ls()  # type: ignore[arg-type]
    assert type(raised.value) is cls, raised.value.stderr
    done = dockwrap(*_as_flags(keywords), "ps", env=env)
    assert done.returncode == 1 and done.stdout == ""
    error_line, hint_line = done.stderr.splitlines()
    assert error_line.startswith("dockwrap: error: ") and hint_line.startswith("hint: ") and hint in hint_line, (
        done.stderr
    )
    assert tls_engine.tls_host.split("//")[1].split(":")[1] in hint_line or cls is errors.TLSFileMissing
    if setting == "a CA file that is not there":
        assert raised.value.path == keywords["tlscacert"]  # type: ignore[attr-defined]


def test_tlsverify_false_turns_off_what_the_environment_turned_on(tls_engine: SecondEngine) -> None:  # noqa: F811
    """DOCKER_TLS_VERIFY=1, and a CA that did not sign the engine's certificate: the call fails;
    `--tlsverify=false` keeps TLS (and the client certificate) but does not verify the engine,
    as docker does."""
    assert tls_engine.certs is not None
    env = tls_engine.tls_env("client", base={})
    other_ca = str(tls_engine.certs.cert_path("unknown-ca") / "ca.pem")
    failed = dockwrap("--tlscacert", other_ca, "ps", env=env)
    assert failed.returncode == 1 and "not signed by the CA given" in failed.stderr
    done = dockwrap("--tlsverify=false", "--tlscacert", other_ca, "-x", "ps", "-q", env=env)
    assert done.returncode == 0, done.stderr
    assert f"+ docker --tlscacert {other_ca} --tlsverify=false container ls" in done.stderr
    with pytest.MonkeyPatch.context() as patch:
        for key, value in env.items():
            patch.setenv(key, value)
        assert isinstance(Docker(binary=DOCKER, tlsverify=False, tlscacert=other_ca).container.ls(), list)
        with pytest.raises(errors.TLSBadCertificate):
            Docker(binary=DOCKER, tlscacert=other_ca).container.ls()


def test_options_win_over_the_environment_as_they_do_for_docker(tls_engine: SecondEngine, sshd: SSHServer) -> None:  # noqa: F811
    """-H wins over DOCKER_HOST; DOCKER_HOST over DOCKER_CONTEXT; and the hint names the engine the
    call went to."""
    assert tls_engine.certs is not None
    flags = ["-H", tls_engine.tls_host, *tls_engine.certs.client_args()]
    refused = f"ssh://root@127.0.0.1:{free_port()}"
    done = dockwrap(*flags, "version", "--json", env={"DOCKER_HOST": refused, "PATH": sshd.env()["PATH"]})
    assert done.returncode == 0 and '"server": {' in done.stdout, done.stderr
    done = dockwrap("ps", env={"DOCKER_HOST": refused, "DOCKER_CONTEXT": "no-such-context", "PATH": sshd.env()["PATH"]})
    assert done.returncode == 1, done.stderr
    assert f"hint: no SSH server answers at {refused} (DOCKER_HOST)" in done.stderr
