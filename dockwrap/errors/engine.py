"""Failures to reach an engine: none answers, its socket lets this user not in, the context is
missing, and the ways an engine over SSH or TLS fails.

docker reports an ssh:// failure as "error during connect: ... command [ssh ... docker system
dial-stdio] has exited with exit status N, ...: stderr=<ssh's own stderr>", and a TLS failure as
Go's crypto/tls or x509 error (recorded from both clients: tests/fixtures/errors/<client>/{ssh,tls}-*.txt).
"""

from __future__ import annotations

import re

from .base import DockerCommandFailed

__all__ = [
    "DaemonUnreachable",
    "DaemonPermissionDenied",
    "NoSuchContext",
    "ContextInUse",
    "SSHHostKeyUnknown",
    "SSHConnectionRefused",
    "SSHAuthFailed",
    "RemoteDockerMissing",
    "TLSRequired",
    "TLSFileMissing",
    "TLSBadCertificate",
    "TLSNameMismatch",
]


class DaemonUnreachable(DockerCommandFailed):
    fixed_exit_code = 1
    hint_format = (
        "no Docker engine answers at {endpoint}: start one (sudo dockerd), or point at one with "
        "Docker(host=URL), Docker(context=NAME) or DOCKER_HOST"
    )


class DaemonPermissionDenied(DaemonUnreachable):
    """The engine's socket is there but does not let this user in (its mode and group): starting
    another engine would not help."""

    hint_format = (
        "an engine answers at {socket}, but its socket does not let this user in (it lets in root and the "
        "socket's group, usually `docker`): run as root, or join that group (sudo usermod -aG docker "
        "$USER, then log in again), or point at another engine with Docker(host=URL) or Docker(context=NAME)"
    )

    def _read_fields(self) -> None:
        match = re.search(r"daemon socket at (\S+?):? ", self.stderr)
        #: the socket docker named, else the endpoint tried
        self.socket = match.group(1) if match else self.endpoint


class NoSuchContext(DockerCommandFailed):
    hint_format = "list contexts with: docker context ls; make one with: docker context create NAME --docker host=URL"


class ContextInUse(DockerCommandFailed):
    """`context rm` of the current context, without --force."""


class SSHHostKeyUnknown(DaemonUnreachable):
    """ssh does not trust the host's key (unknown, or changed), and docker's ssh cannot ask."""

    hint_format = (
        "ssh does not trust the host key of {endpoint}: check and accept it once with a plain "
        "`ssh -p PORT USER@HOST` (docker's ssh cannot ask), then run this again"
    )


class SSHConnectionRefused(DaemonUnreachable):
    hint_format = (
        "no SSH server answers at {endpoint}: check the host and the port in the URL "
        "(ssh://USER@HOST:PORT) and that sshd runs there"
    )


class SSHAuthFailed(DaemonUnreachable):
    hint_format = (
        "the SSH server refused the login for {endpoint}: check the user in the URL and that "
        "`ssh USER@HOST` logs in with a key and no prompt (ssh-agent, ~/.ssh/config)"
    )


class RemoteDockerMissing(DaemonUnreachable):
    """The SSH login works, but the docker there cannot be run or reaches no engine."""

    hint_format = (
        "the SSH host of {endpoint} has no `docker` (18.09+) on the PATH of a non-interactive login: "
        "install it there, or put it on that PATH"
    )
    #: the docker there answered (docker's placeholder host of a connection through ssh) but reaches no engine
    no_engine_format = (
        "the docker on the SSH host of {endpoint} reaches no engine at its socket (the path in the "
        "URL, or its default): check there with: ssh USER@HOST docker version"
    )

    def advice_formats(self) -> list[str]:
        if "docker.example.com. Is the docker daemon running" in self.stderr:
            return [self.no_engine_format]
        return super().advice_formats()


class TLSRequired(DaemonUnreachable):
    """Plain HTTP to an engine that speaks TLS."""

    hint_format = (
        "the engine at {endpoint} speaks TLS: give Docker(tlsverify=True, tlscacert=CA, tlscert=CERT, "
        "tlskey=KEY), or set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH=DIR (ca.pem, cert.pem, key.pem), "
        "or use a context made with docker context create NAME --docker 'host=tcp://HOST:PORT,ca=...,cert=...,key=...'"
    )


class TLSFileMissing(DockerCommandFailed):
    """A CA, certificate or key file that the TLS settings name does not exist."""

    hint_format = (
        "TLS needs a CA, a certificate and a key: name them with Docker(tlscacert=..., tlscert=..., "
        "tlskey=...), or put ca.pem, cert.pem and key.pem in the directory DOCKER_CERT_PATH names; "
        "without either, docker looks in ~/.docker/"
    )

    def _read_fields(self) -> None:
        match = re.search(r"open (\S+\.pem): no such file", self.stderr)
        self.path = match.group(1) if match else None


class TLSBadCertificate(DaemonUnreachable):
    """One side does not accept the other's certificate."""

    hint_format = (
        "the engine at {endpoint} refused the client certificate: use the certificate and key signed "
        "by the engine's CA (Docker(tlscert=..., tlskey=...), or cert.pem and key.pem in DOCKER_CERT_PATH)"
    )
    #: the other side: the client does not trust the engine's certificate
    unknown_authority_format = (
        "the certificate of the engine at {endpoint} is not signed by the CA given: the CA "
        "(Docker(tlscacert=...), or ca.pem in DOCKER_CERT_PATH) must be the one that signed it"
    )

    def advice_formats(self) -> list[str]:
        if "unknown authority" in self.stderr:
            return [self.unknown_authority_format]
        return super().advice_formats()


class TLSNameMismatch(DaemonUnreachable):
    """The engine's certificate does not cover the host name or address of the URL."""

    hint_format = (
        "the certificate of the engine at {endpoint} does not cover the host in the URL: connect by a "
        "name or address it covers ({covered}), or reissue it with this one"
    )
    #: when docker's message names none
    unnamed_format = hint_format.replace("{covered}", "see its subjectAltName")

    def _read_fields(self) -> None:
        match = re.search(r"certificate is valid for (.+?), not (\S+)", self.stderr)
        #: the names and addresses the certificate covers, as docker lists them
        self.covered = match.group(1) if match else None

    def advice_formats(self) -> list[str]:
        if self.covered is None:
            return [self.unnamed_format]
        return super().advice_formats()
