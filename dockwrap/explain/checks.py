"""What a learner should know about the values on a docker command line (pure, engine-free).

`read_values` gives option and operand pieces dockwrap's own reading of their values (where a
`-p` publishes, what a `-v` mounts, which image a name means) and finds the mistakes in them;
`line_checks` finds the mistakes of the line as a whole (`-t` without `-i`, docker's options
written after the image).
"""

from __future__ import annotations

import shlex
from collections.abc import Sequence
from dataclasses import replace

from ..display import is_secret_name
from ..surface import Command
from ..surface.split import ParsedCommandLine, split
from .records import Finding, Piece

__all__ = ["read_values", "line_checks", "environment_note", "image_note"]

_RUN = ("container run", "container create")
_EXEC = "container exec"
_SERVICE_PUBLISH = {"service create": "--publish", "service update": "--publish-add"}
#: hidden spellings docker keeps for old scripts, and what they are now
_LEGACY = {"--net": "--network", "--net-alias": "--network-alias"}
_NETWORK_MODES = {
    "bridge": "the default bridge network: containers there do not find each other by name",
    "host": "the host's own network stack: no isolation, and -p does nothing",
    "none": "no network at all, only a loopback interface",
}
_ENVIRONMENT = {
    "DOCKER_HOST": "the engine docker talks to, as -H/--host gives it",
    "DOCKER_CONTEXT": "the docker context to use, as --context gives it",
    "DOCKER_CONFIG": "the directory of docker's configuration (default ~/.docker)",
    "DOCKER_TLS_VERIFY": "use TLS and verify the engine's certificate, as --tlsverify",
    "DOCKER_CERT_PATH": "where docker finds its TLS certificates and key",
    "DOCKER_BUILDKIT": "1 builds with BuildKit, 0 with the legacy builder",
}
_OPERANDS = {
    "CONTAINER": "a container, by name or ID",
    "NETWORK": "a network, by name or ID",
    "VOLUME": "a volume, by name",
    "SERVICE": "a service, by name or ID",
    "NODE": "a swarm node, by hostname or ID",
}
_CONTAINER_COMMAND = {
    "container run": "the command the container runs, in place of the image's default (CMD)",
    "container create": "the command the container will run, in place of the image's default (CMD)",
    "service create": "the command each task runs, in place of the image's default (CMD)",
    "container exec": "the command to run inside the running container, beside its main process",
}


def environment_note(name: str) -> str:
    return _ENVIRONMENT.get(name, "an environment variable for this docker command only")


def read_values(command: Command | None, pieces: Sequence[Piece]) -> tuple[list[Piece], list[Finding]]:
    """Each piece with its note; the findings about the values, in the order of the line."""
    name = command.name if command else ""
    out: list[Piece] = []
    findings: list[Finding] = []
    for piece in pieces:
        if piece.role == "option" and piece.name:
            note, found = _option(name, command, piece)
        elif piece.role == "operand" and piece.name:
            note, found = _operand(name, piece)
        else:
            note, found = piece.note, []
        out.append(replace(piece, note=note) if note != piece.note else piece)
        findings += found
    return out, findings


def _option(command_name: str, command: Command | None, piece: Piece) -> tuple[str | None, list[Finding]]:
    option, value, shown = piece.name, piece.value, _shown(piece)
    findings: list[Finding] = []
    note = piece.note
    known = command.option(option) if command and option else None
    if option in _LEGACY:
        findings.append(
            Finding(
                "warning",
                "legacy-option",
                f"{piece.spelling} is the old spelling of {_LEGACY[option]}: docker still takes "
                f"it but no longer lists it",
                piece.spelling,
                _LEGACY[option],
            )
        )
        note = f"the old spelling of {_LEGACY[option]}"
    elif known is not None and known.deprecated:
        findings.append(
            Finding(
                "warning", "deprecated-option", f"{option} is deprecated: a later docker may refuse it", piece.spelling
            )
        )
    if option not in _LEGACY and known is not None and known.hidden:
        note = "hidden: docker takes it, but its --help does not list it"
    if option == "--link":
        findings.append(
            Finding(
                "warning",
                "legacy-link",
                f"{shown}: --link is a legacy feature of the default bridge network; on a network "
                "you create (docker network create), containers reach each other by name without it",
                piece.spelling,
                "--network",
            )
        )
    if known is not None and known.kind == "flag" and value is not None:
        note = "turned off" if value == "false" else f"set to {value}"
    if value is None:
        if command_name in _RUN and option == "--publish-all":
            findings.append(
                Finding(
                    "warning",
                    "all-interfaces",
                    f"{piece.spelling} publishes every port the image exposes on a free host port of "
                    "every interface: anyone who can reach this machine can connect",
                    piece.spelling,
                    "-p 127.0.0.1::PORT",
                )
            )
        return note, findings
    if command_name in _RUN and option == "--publish":
        return _publish(shown, value, findings)
    if _SERVICE_PUBLISH.get(command_name) == option:
        return _service_publish(shown, value, findings)
    if option == "--env" and command_name in (*_RUN, _EXEC, "service create"):
        return _env(shown, value, findings)
    if option == "--volume" and command_name in _RUN:
        return _volume(value), findings
    if option in ("--network", "--net") and command_name in _RUN:
        return _NETWORK_MODES.get(value) or _network(value) or note, findings
    return note, findings


def _shown(piece: Piece) -> str:
    """The option as a learner would write it: `-p 8080:80`."""
    if piece.value is None:
        return piece.spelling or ""
    return f"{piece.spelling} {shlex.quote(piece.value)}"


def _publish(shown: str, value: str, findings: list[Finding]) -> tuple[str | None, list[Finding]]:
    from ..parse.ports import parse_publish

    try:
        spec = parse_publish(value)
    except ValueError as exc:
        findings.append(Finding("error", "bad-publish", f"{shown}: {exc}", value))
        return None, findings
    if spec.host_ip is None:
        local = spec.on("127.0.0.1")
        findings.append(
            Finding(
                "warning",
                "all-interfaces",
                f"{shown} publishes on every interface (0.0.0.0 and ::): anyone who can reach "
                f"this machine can connect; -p {local} keeps it on this machine",
                value,
                f"-p {local}",
            )
        )
    return str(spec), findings


def _service_publish(shown: str, value: str, findings: list[Finding]) -> tuple[str | None, list[Finding]]:
    from ..parse.ports import parse_service_publish

    try:
        return str(parse_service_publish(value)), findings
    except ValueError as exc:
        findings.append(Finding("error", "bad-publish", f"{shown}: {exc}", value))
        return None, findings


def _env(shown: str, value: str, findings: list[Finding]) -> tuple[str | None, list[Finding]]:
    name, eq, _ = value.partition("=")
    if not eq:
        return f"{name} with the value it has in your environment (left out when unset)", findings
    if is_secret_name(name):
        findings.append(
            Finding(
                "warning",
                "secret-in-argv",
                f"the value of {name} is on the command line: other users of this machine can "
                "read it in the process list, and it stays in your shell history",
                value,
                f"-e {name} (taken from your environment) or --env-file FILE",
            )
        )
    return f"sets {name} in the container", findings


def _volume(value: str) -> str:
    parts = value.split(":")
    if len(parts) == 1:
        return f"a new anonymous volume mounted at {value}"
    source, target = parts[0], parts[1]
    mode = {"ro": ", read-only", "rw": ", read-write"}.get(parts[2], f" ({parts[2]})") if len(parts) > 2 else ""
    if source.startswith(("/", ".", "~", "$")):
        return f"the host's {source} mounted at {target}{mode} (a bind mount)"
    return f"the volume {source} (created if missing) mounted at {target}{mode}"


def _network(value: str) -> str | None:
    if value.startswith("container:"):
        return f"shares the network stack of the container {value.partition(':')[2]}"
    return None


def _operand(command_name: str, piece: Piece) -> tuple[str | None, list[Finding]]:
    name, word = piece.name or "", piece.words[0]
    if name in ("COMMAND", "ARG") and command_name in _CONTAINER_COMMAND:
        return (_CONTAINER_COMMAND[command_name] if name == "COMMAND" else "an argument of that command"), []
    if "IMAGE" in name or (name.startswith("NAME[:TAG") and command_name in ("image pull", "image push")):
        if "$" in word:
            return None, []
        note, tag, reference = image_note(word)
        findings = []
        if command_name in (*_RUN, "service create") and tag in (None, "latest") and "@" not in word:
            given = f"{word} has no tag, so docker uses {word}:latest:" if tag is None else f"{word}: the tag latest is"
            findings.append(
                Finding(
                    "warning",
                    "latest-tag",
                    f"{given} whatever was pushed last under that name, not a fixed version; "
                    "name a version tag (or a digest) to run the same image every time",
                    word,
                    f"{reference}:VERSION",
                )
            )
        return note, findings
    return _OPERANDS.get(name), []


def image_note(reference: str) -> tuple[str, str | None, str]:
    """What an image reference names: (the note, its tag or None, the reference without tag
    and digest). docker's rules (distribution/reference): the first path component is a
    registry when it has a `.` or `:` or is `localhost`; else the image is on Docker Hub, under
    `library/` when it has no `/`."""
    name, _, digest = reference.partition("@")
    path, _, last = name.rpartition("/")
    last, colon, tag = last.partition(":")
    repository = f"{path}/{last}" if path else last
    first, slash, rest = repository.partition("/")
    if slash and ("." in first or ":" in first or first == "localhost" or first != first.lower()):
        where = f"from the registry {first}"
    else:
        full = repository if slash else f"library/{repository}"
        where = f"from Docker Hub (docker.io/{full})"
    if digest:
        return (
            f"{repository} pinned by its digest {digest}: the same image every time, {where}",
            tag or None,
            repository,
        )
    if not colon:
        return f"{repository}:latest (no tag given: docker uses latest) {where}", None, repository
    return f"{repository}, tag {tag}, {where}", tag, repository


def line_checks(parsed: ParsedCommandLine, argv: Sequence[str]) -> list[Finding]:
    """Findings about the line as a whole (the command is known and is not a group)."""
    command = parsed.command
    if command is None:
        return []
    findings = []
    if command.name in (*_RUN, _EXEC):
        flags = {use.option.long: use.value != "false" for use in parsed.options if use.option}
        if flags.get("tty") and not flags.get("interactive"):
            findings.append(
                Finding(
                    "warning",
                    "tty-without-interactive",
                    "-t without -i: the container gets a terminal but not your keyboard; use -it "
                    "for an interactive shell, and neither in a script",
                    "-t",
                    "-it",
                )
            )
    if command.interspersed is False and len(parsed.operands) > 1:
        misplaced = _after_first_operand(parsed, argv)
        if misplaced:
            findings.append(misplaced)
    return findings


def _after_first_operand(parsed: ParsedCommandLine, argv: Sequence[str]) -> Finding | None:
    """docker's options written after the image (or exec's container): they go to the container."""
    command = parsed.command
    assert command is not None
    first, *rest = parsed.operands
    if not rest[0].startswith("-") or rest[0] in ("-", "--"):
        return None
    tail = split([*command.path, *rest])
    moved: list[str] = []
    for part in tail.parts:
        if part.role == "command":
            continue
        if part.role != "option" or not all(use.option for use in part.uses):
            break
        moved += part.tokens
    if not moved:
        return None
    before = list(argv[: len(argv) - len(parsed.operands)])
    suggestion = shlex.join(["docker", *before, *moved, first, *rest[len(moved) :]])
    operand = _first_operand_name(command)
    return Finding(
        "warning",
        "after-" + operand.lower(),
        f"{shlex.join(moved)} after the {operand.lower()} {first} goes to the container, not to docker: "
        f"docker reads its options only before the {operand.lower()}",
        moved[0],
        suggestion,
    )


def _first_operand_name(command: Command) -> str:
    return command.usages[0][0].name if command.usages and command.usages[0] else "OPERAND"
