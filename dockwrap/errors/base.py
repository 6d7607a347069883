"""The root of the error tree, the errors raised before or around a docker call, and
`DockerCommandFailed`, the base of every failure docker itself reported.

A hint (what to do next) is a class attribute, `hint_format`: a `str.format` template filled from
the error's own attributes. It speaks the library's language (`Docker(host=URL)`, docker's own
commands); the CLI has its own words for the same advice (`dockwrap/cli/hints.py`: `--host URL`,
`dockwrap ...` commands) and swaps them in when it prints the error. An error is never changed
once made: who catches one and has more to say raises `error.with_note(...)`, a new error.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, ClassVar, TypeVar

__all__ = [
    "DockwrapError",
    "DockerNotFound",
    "DockerNotExecutable",
    "CommandTimeout",
    "NotConverged",
    "NotReady",
    "WaitTimeout",
    "ParseError",
    "UsageError",
    "ArgumentTypeError",
    "NotATerminal",
    "PodmanHasNoSwarm",
    "PodmanHasNoContexts",
    "DockerCommandFailed",
    "docker_message",
    "fill",
]

E = TypeVar("E", bound="DockwrapError")


def fill(error: DockwrapError, templates: Sequence[str]) -> str | None:
    """The templates filled from the error's attributes, joined by `; ` (None when there are none)."""
    return "; ".join(template.format_map(vars(error)) for template in templates) or None


class DockwrapError(Exception):
    """Base of every error dockwrap raises on purpose."""

    exit_code: int = 1
    #: what to do next, in the library's terms: a template over the error's attributes (None: no advice)
    hint_format: ClassVar[str | None] = None
    #: one more sentence of advice, given by whoever raised this error anew (`with_note`)
    note_format: str | None = None

    def advice_formats(self) -> list[str]:
        """The templates of the class's advice: `hint_format`. A class whose advice depends on what
        docker printed picks its templates here."""
        return [self.hint_format] if self.hint_format else []

    def hint_formats(self) -> list[str]:
        """The templates of the hint, in order: the class's advice, then the note."""
        return self.advice_formats() + ([self.note_format] if self.note_format else [])

    @property
    def hint(self) -> str | None:
        """The line the CLI prints after the error (in its own words: `dockwrap.cli.hints`)."""
        return fill(self, self.hint_formats())

    def with_note(self: E, note_format: str, **fields: Any) -> E:
        """A new error like this one, whose hint ends with `note_format` (a template, filled like the
        hint), with `fields` replaced: `raise error.with_note(...) from error`."""
        again = type(self).__new__(type(self), *self.args)
        again.__dict__.update(self.__dict__)
        again.__dict__.update(fields, note_format=note_format)
        return again


class DockerNotFound(DockwrapError):
    exit_code = 127
    hint_format = "install the docker CLI, or name another one with Docker(binary=PATH) or DOCKWRAP_DOCKER"

    def __init__(self, binary: str, detail: str = "not found") -> None:
        self.binary = binary
        super().__init__(f"docker binary {binary!r} {detail}")


class DockerNotExecutable(DockerNotFound):
    exit_code = 126

    def __init__(self, binary: str) -> None:
        super().__init__(binary, "is not executable")


class CommandTimeout(DockwrapError):
    exit_code = 124
    hint_format = "raise the limit with Docker(timeout=SECONDS) (or DOCKWRAP_TIMEOUT), 0 for none"

    def __init__(self, argv: Sequence[str], seconds: float) -> None:
        from ..display import quote, redacted

        self.argv = tuple(redacted(argv))
        self.seconds = seconds
        super().__init__(f"timed out after {seconds:g}s and was killed: {quote(argv)}")


class NotConverged(CommandTimeout):
    """A service that did not get all its tasks running in time (`wait_converged`)."""

    hint_format = "see each task's state and error with: docker service ps {service}"

    def __init__(
        self, service: str, seconds: float, running: int, desired: int | None, detail: str | None = None
    ) -> None:
        self.argv = ()
        self.seconds = seconds
        self.service = service
        self.running = running
        self.desired = desired
        wanted = "?" if desired is None else str(desired)
        text = f"service {service!r} did not converge within {seconds:g}s: {running}/{wanted} tasks running"
        if detail:
            text += f" ({detail})"
        DockwrapError.__init__(self, text)


class NotReady(DockwrapError):
    """`wait_for`: the container can no longer become ready as asked: it exited (and docker will
    not restart it), was removed, or has no health check to wait for. `seen` is what was seen."""

    hint_format = "see what it did: docker container logs {container}"

    def __init__(self, message: str, seen: Any) -> None:
        self.seen = seen
        self.container = seen.container
        super().__init__(message)


class WaitTimeout(CommandTimeout):
    """`wait_for`: not ready within the time given; `seen` is what was seen last."""

    hint_format = "see what it did: docker container logs {container}; or wait longer (timeout=SECONDS)"

    def __init__(self, seconds: float, seen: Any) -> None:
        self.argv = ()
        self.seconds = seconds
        self.seen = seen
        self.container = seen.container
        DockwrapError.__init__(
            self,
            f"{seen.container} was not ready within {seconds:g}s: waiting for {', '.join(seen.waiting_for)}; "
            f"last seen: {seen.summary}",
        )


class ParseError(DockwrapError):
    """Docker printed something that does not have the shape its version should print."""

    def __init__(self, command: str, detail: str, line: str | None = None) -> None:
        self.command = command
        self.detail = detail
        self.line = line
        text = f"cannot read the output of `{command}`: {detail}"
        if line is not None:
            shown = line if len(line) <= 200 else line[:200] + "..."
            text += f": {shown!r}"
        super().__init__(text)


class UsageError(DockwrapError, ValueError):
    """A bad argument, refused before any docker call: a value docker would not take, or (as
    ArgumentTypeError) a value of the wrong type. Also a ValueError, for Python callers."""

    exit_code = 2


class ArgumentTypeError(UsageError, TypeError):
    """An argument of the wrong type (`container.inspect(None)`, `Docker(host=5)`): a UsageError
    that is also a TypeError. The message names the parameter."""


class CommandLineError(UsageError):
    """A command line docker would refuse (an unknown option or command, an option without its
    value), told before any docker call: docker's own words, docker's usage line(s) of the
    command, and the closest spelling docker has (`suggestion`) when one is close. `token` is the
    word docker would stop at."""

    def __init__(self, message: str, usage: Sequence[str] = (), suggestion: str | None = None, token: str = "") -> None:
        self.usage = tuple(usage)
        self.suggestion = suggestion
        self.token = token
        super().__init__(message)


class PodmanHasNoSwarm(UsageError):
    """A command of docker's swarm mode (`swarm`, `node`, `service`, `stack`, `config`) with podman
    as the binary: podman has none of them, so the call is refused before it is made (exit 2)."""

    hint_format = (
        'swarm mode needs a Docker engine: Docker(binary="docker"), with a swarm manager as its host or context'
    )

    def __init__(self, command: str, binary: str = "podman") -> None:
        self.command = command
        self.binary = binary
        which = "" if binary == "podman" else f" ({binary} is podman)"
        super().__init__(f"podman has no swarm: `{command}` needs Docker's swarm mode{which}")


class PodmanHasNoContexts(UsageError):
    """A `context` command with podman as the binary: docker's contexts live in the docker client's
    configuration, which podman does not read; podman's own hidden `context` is its `system
    connection` (destinations of podman services: no `show`, no `--docker` endpoint, other
    objects), so the call is refused before it is made (exit 2)."""

    hint_format = (
        "docker's contexts need the docker client: Docker(binary=\"docker\"); podman's own destinations: "
        'Docker(binary="podman").call("system", "connection", "ls")'
    )

    def __init__(self, command: str, binary: str = "podman") -> None:
        self.command = command
        self.binary = binary
        which = "" if binary == "podman" else f" ({binary} is podman)"
        super().__init__(f"podman has no docker contexts: `{command}` works on the docker client's contexts{which}")


class NotATerminal(DockwrapError):
    """A call that would hand docker a terminal (interactive and tty) while stdin is none: docker
    would say only "the input device is not a TTY", with status 1."""

    hint_format = "drop tty=True (keep interactive=True to pipe input into the command), or run from a terminal"


class DockerCommandFailed(DockwrapError):
    """Docker ran and reported a failure.

    A verb on several objects (rm, stop, start, inspect of many) may fail for one after doing the
    others: `done` then holds what docker did, as the method would have returned it (the names
    removed, the objects inspected); None when there is nothing to tell.

    A subclass reads what it needs out of docker's words in `_read_fields`, and names its advice
    in `hint_format`: it needs no __init__ of its own.
    """

    done: object = None
    #: the status the CLI exits with whatever docker's was (None: docker's own, at least 1)
    fixed_exit_code: ClassVar[int | None] = None

    def __init__(
        self, argv: Sequence[str], exit_status: int, stderr: str, stdout: str = "", endpoint: str = ""
    ) -> None:
        from ..display import redact_text, redacted

        self.argv = tuple(redacted(argv))
        self.exit_status = exit_status
        self.exit_code = self.fixed_exit_code or (exit_status if exit_status > 0 else 1)
        self.stderr = redact_text(stderr, argv)
        self.stdout = redact_text(stdout, argv)
        #: the engine the call went to, in words (`Runner.endpoint`)
        self.endpoint = endpoint
        # `docker exec` reports a command it cannot start on stdout (docker/cli#2025).
        self.message = (
            docker_message(self.stderr) or _oci_failure(self.stdout) or f"docker exited with status {exit_status}"
        )
        super().__init__(self.message)
        self._read_fields()

    def _read_fields(self) -> None:
        """Set the attributes this class reads out of `self.stderr` and `self.stdout`."""

    def __repr__(self) -> str:
        return f"{type(self).__name__}(argv={self.argv!r}, exit_status={self.exit_status}, message={self.message!r})"


# Lines docker adds around the message that carry no information of their own.
_NOISE = (
    r"^(See '.*--help'\.?|(?:Run|Try) '.*--help' for more information|Usage:.*|exit status \d+|"
    r"time=\".*\" level=\w+ msg=.*|"
    # 28.x's classic builder, before any build's own output or error (worded another way when
    # DOCKER_BUILDKIT=0 asks for it)
    r"DEPRECATED: The legacy builder is deprecated.*|Install the buildx component to build images with BuildKit:|"
    r"https://docs\.docker\.com/go/buildx/|BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0|"
    r"environment-variable\.|"
    # podman's aardvark-dns, starting with the first container on a network with DNS, where no syslog is
    r"failed to connect to syslog: .*)$"
)
# 20.10's `service inspect` wraps the daemon's message: `Status: <message>, Code: 1`.
_STATUS_WRAPPER = r"^Status: (.*), Code: \d+$"
# A log line of docker's own: `time="..." level=error msg="error waiting for container: unexpected EOF"`.
_LOG_ERROR = r'^time=".*" level=(?:error|fatal) msg="((?:[^"\\]|\\.)*)"'


def _oci_failure(stdout: str) -> str:
    for line in stdout.splitlines()[:5]:
        if line.startswith("OCI runtime"):
            return line.strip()
    return ""


# docker wraps what ssh said when it could not reach an ssh:// engine in ~250 characters of its
# own: `error during connect: Get "http://docker.example.com/v1.50/...": command [ssh -o
# ConnectTimeout=30 -T -l root -p 2222 -- host docker system dial-stdio] has exited with exit
# status 255, make sure the URL is valid, and Docker 18.09 or later is installed on the remote
# host: stderr=<ssh's stderr, and the remote shell's>` (20.10: "please make sure").
_SSH_FAILED = re.compile(r"command \[ssh [^\]]*\] has exited with exit status \d+, .*?: stderr=(.*)", re.S)


def _ssh_message(stderr: str) -> str:
    """What ssh (and the remote shell) said, as one line: `ssh: Host key verification failed`."""
    match = _SSH_FAILED.search(stderr)
    if match is None:
        return ""
    said = [line.strip().rstrip(".") for line in match.group(1).splitlines() if line.strip()]
    text = "; ".join(dict.fromkeys(said))
    return text if text.startswith("ssh: ") else f"ssh: {text}"


def docker_message(stderr: str) -> str:
    """The failure message in docker's stderr as one line, without help footers and log noise;
    for an ssh:// engine that ssh could not reach, ssh's own words (the whole of docker's is in
    the error's `stderr`)."""
    ssh = _ssh_message(stderr)
    if ssh:
        return ssh
    lines = [re.sub(_STATUS_WRAPPER, r"\1", line.strip()) for line in stderr.splitlines()]
    kept = [line for line in lines if line and not re.match(_NOISE, line)]
    if not kept:
        # Nothing but log lines (a `run` whose daemon died under it): the last error logged says why.
        logged = [
            match.group(1).replace('\\"', '"') for match in (re.match(_LOG_ERROR, line) for line in lines) if match
        ]
        return logged[-1] if logged else ""
    # A failed `run` says "Unable to find image ... locally" before the real reason: keep both
    # (but once: `rm a b` with no daemon says the same for each name).
    message = "; ".join(dict.fromkeys(kept))
    if message.startswith("docker: "):
        message = message[len("docker: ") :]
    return message.rstrip(".")
