"""The CLI's own words for the library's advice.

A library error's hint says what to do in the library's terms (`Docker(host=URL)`, docker's own
commands). On the command line the same advice names dockwrap's flags and commands: this table
maps each library template (a class's `hint_format`, a part a class adds, or a note) to the
CLI's template, filled from the same error. A template the table lacks is printed as it is.
"""

from __future__ import annotations

from ..errors import (
    AlreadyInSwarm,
    CommandTimeout,
    DaemonPermissionDenied,
    DaemonUnreachable,
    DockerNotFound,
    DockwrapError,
    NameConflict,
    NoSuchContainer,
    NoSuchContext,
    NoSuchImage,
    NoSuchNetwork,
    NoSuchService,
    NoSuchVolume,
    NotATerminal,
    NotConverged,
    NotReady,
    NotSwarmManager,
    PodmanHasNoContexts,
    PodmanHasNoSwarm,
    PortInUse,
    ServiceExists,
    TLSBadCertificate,
    TLSFileMissing,
    TLSRequired,
    WaitTimeout,
)
from ..errors.base import fill
from ..recipes.notes import GONE_LEFT_NOTE, LEFT_NOTE

__all__ = ["CLI_WORDS", "cli_hint"]

#: library template -> the CLI's template
CLI_WORDS: dict[str | None, str] = {
    DockerNotFound.hint_format: "install the docker CLI, or name another one with --docker PATH or DOCKWRAP_DOCKER",
    CommandTimeout.hint_format: "raise the limit with --timeout SECONDS (or DOCKWRAP_TIMEOUT), 0 for none",
    NotConverged.hint_format: "see each task's state and error with: dockwrap service ps {service}",
    NotReady.hint_format: "see what it did: dockwrap logs {container}",
    WaitTimeout.hint_format: "see what it did: dockwrap logs {container}; or wait longer with --timeout SECONDS",
    NotATerminal.hint_format: "drop -t (keep -i to pipe input into the command), or run from a terminal",
    DaemonUnreachable.hint_format: (
        "no Docker engine answers at {endpoint}: start one (scripts/engine up, or sudo dockerd), "
        "or point at one with --host URL, --context NAME or DOCKER_HOST"
    ),
    DaemonPermissionDenied.hint_format: (
        "an engine answers at {socket}, but its socket does not let this user in (it lets in root and the socket's "
        "group, usually `docker`): run as root, or join that group (sudo usermod -aG docker $USER, then log in "
        "again), or point at another engine with --host URL or --context NAME"
    ),
    NoSuchImage.hint_format: (
        "list local images with: dockwrap image ls (this machine cannot pull; build or load the image)"
    ),
    NoSuchNetwork.hint_format: "list networks with: dockwrap network ls",
    NoSuchContainer.hint_format: "list containers, running or not, with: dockwrap container ls -a",
    NoSuchVolume.hint_format: "list volumes with: dockwrap volume ls",
    NoSuchContext.hint_format: (
        "list contexts with: dockwrap context ls; make one with: dockwrap context create NAME --docker host=URL"
    ),
    NoSuchService.hint_format: "list services with: dockwrap service ls",
    NameConflict.hint_format: "choose another --name, or remove the old container: dockwrap container rm -f NAME",
    ServiceExists.hint_format: "choose another --name, or remove the old service: dockwrap service rm NAME",
    PortInUse.created_format: "docker created container {created} without starting it: dockwrap rm -f {created}",
    NotSwarmManager.hint_format: (
        "make this engine a single-node swarm with: dockwrap swarm init --advertise-addr 127.0.0.1 "
        "(or point at a swarm manager with --host or --context)"
    ),
    AlreadyInSwarm.hint_format: (
        "this engine is in a swarm already; use it, or leave it first with: dockwrap swarm leave --force "
        "(that removes its services)"
    ),
    PodmanHasNoSwarm.hint_format: (
        "swarm mode needs a Docker engine: --docker docker, with a swarm manager as --host or --context"
    ),
    PodmanHasNoContexts.hint_format: (
        "docker's contexts need the docker client: --docker docker; podman's own destinations: "
        "podman system connection ls"
    ),
    TLSRequired.hint_format: (
        "the engine at {endpoint} speaks TLS: add --tlsverify --tlscacert CA --tlscert CERT --tlskey KEY, "
        "or set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH=DIR (ca.pem, cert.pem, key.pem), or use a context made "
        "with docker context create NAME --docker 'host=tcp://HOST:PORT,ca=...,cert=...,key=...'"
    ),
    TLSFileMissing.hint_format: (
        "TLS needs a CA, a certificate and a key: name them with --tlscacert, --tlscert and --tlskey, or put "
        "ca.pem, cert.pem and key.pem in the directory DOCKER_CERT_PATH names; without either, docker looks in "
        "~/.docker/"
    ),
    TLSBadCertificate.hint_format: (
        "the engine at {endpoint} refused the client certificate: use the certificate and key signed by the "
        "engine's CA (--tlscert and --tlskey, or cert.pem and key.pem in DOCKER_CERT_PATH)"
    ),
    TLSBadCertificate.unknown_authority_format: (
        "the certificate of the engine at {endpoint} is not signed by the CA given: the CA (--tlscacert, or ca.pem "
        "in DOCKER_CERT_PATH) must be the one that signed it"
    ),
    LEFT_NOTE: "remove what run {run_left} left with: dockwrap cleanup --run {run_left}",
    GONE_LEFT_NOTE: "once it answers, remove what run {run_left} left with: dockwrap cleanup --run {run_left}",
}


def cli_hint(error: DockwrapError) -> str | None:
    """The error's hint in the CLI's words."""
    return fill(error, [CLI_WORDS.get(template, template) for template in error.hint_formats()])
