"""The recorded fixture corpus (tests/fixtures/, see its README): what docker printed, per client."""

from __future__ import annotations

import shlex
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
DOCKER = FIXTURES / "docker"
ERRORS = FIXTURES / "errors"
#: podman's recordings: podman/<version>/<name>.txt, and podman/<version>/errors/<case>.txt
PODMAN = FIXTURES / "podman"

#: every client directory of recorded (or derived) stdout, e.g. 28.2.2, 20.10.24, 17.12-derived
CLIENTS = sorted(path.name for path in DOCKER.iterdir() if path.is_dir()) if DOCKER.is_dir() else []
#: the clients whose failures were recorded
ERROR_CLIENTS = sorted(path.name for path in ERRORS.iterdir() if path.is_dir()) if ERRORS.is_dir() else []
#: every podman version recorded, e.g. 4.3.1
PODMAN_VERSIONS = sorted(path.name for path in PODMAN.iterdir() if path.is_dir()) if PODMAN.is_dir() else []

# The scene of tests/fixtures/record.sh (with its default FXREC_PORT_BASE=28000).
WEB, EXITED, CREATED, PAUSED = "fxrec-web", "fxrec-exited", "fxrec-created", "fxrec-paused"
NET1, NET2 = "fxrec-net1", "fxrec-net2"
PORT_BASE = 28000


def client_params() -> list[pytest.param]:
    return [pytest.param(client, id=client) for client in CLIENTS]


def recorded_params(name: str) -> list[pytest.param]:
    """The clients that recorded `docker/<client>/<name>.txt` (the per-family scripts record with
    28.2.2 and 20.10.24 only, and some commands exist in one of them only)."""
    return [pytest.param(client, id=client) for client in CLIENTS if (DOCKER / client / f"{name}.txt").is_file()]


def read_raw(path: Path) -> str:
    """A recorded file, its line ends as docker wrote them (a terminal's \r, a progress line's
    \r\r\n): read_text() would turn each \r into a line end of its own."""
    return path.read_bytes().decode()


def read(client: str, name: str) -> str:
    """The recorded stdout `docker/<client>/<name>.txt`."""
    return read_raw(DOCKER / client / f"{name}.txt")


def release(client: str) -> tuple[int, int]:
    """28.2.2 -> (28, 2); 17.12-derived -> (17, 12)."""
    major, minor = client.split("-")[0].split(".")[:2]
    return int(major), int(minor)


@dataclass(frozen=True)
class RecordedError:
    """One file of tests/fixtures/errors/<client>/: a docker call that failed (or warned)."""

    client: str
    case: str
    exit_status: int
    argv: tuple[str, ...]
    stdout: str
    stderr: str

    @property
    def id(self) -> str:
        return f"{self.client}/{self.case}"


def read_error(path: Path) -> RecordedError:
    """Parse the format of tests/fixtures/README.md: `# exit: N`, `# argv: ...`, `# stdout: ...`
    lines, then stderr verbatim."""
    lines = read_raw(path).split("\n")
    if not lines[0].startswith("# exit: "):
        raise ValueError(f"{path}: the first line is not '# exit: N'")
    exit_status = int(lines[0][len("# exit: ") :])
    argv: tuple[str, ...] = ()
    stdout: list[str] = []
    position = 1
    while position < len(lines) and lines[position].startswith(("# argv: ", "# stdout: ")):
        key, _, value = lines[position][2:].partition(": ")
        if key == "argv":
            argv = tuple(shlex.split(value))
        else:
            stdout.append(value)
        position += 1
    stdout_text = "".join(line + "\n" for line in stdout)
    return RecordedError(path.parent.name, path.stem, exit_status, argv, stdout_text, "\n".join(lines[position:]))


def recorded_errors() -> list[RecordedError]:
    return [read_error(path) for client in ERROR_CLIENTS for path in sorted((ERRORS / client).glob("*.txt"))]


def read_podman(version: str, name: str) -> str:
    """The recorded stdout `podman/<version>/<name>.txt`."""
    return (PODMAN / version / f"{name}.txt").read_text()


def podman_errors() -> list[RecordedError]:
    """podman's recorded failures, their client named `podman-<version>`."""
    return [
        replace(read_error(path), client=f"podman-{version}")
        for version in PODMAN_VERSIONS
        for path in sorted((PODMAN / version / "errors").glob("*.txt"))
    ]
