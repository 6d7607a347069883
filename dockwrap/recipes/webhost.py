"""webhost: a web server published on 127.0.0.1:PORT answers over HTTP from the host.

On the default image, busybox's httpd stands in for nginx (`--image nginx --command ''` where a
registry exists). The server stays up after a successful run (remove it with `dockwrap cleanup`)
unless `remove` (--rm); a failed run removes it.

"The host" is the engine's machine. On this one, dockwrap asks the URL itself. On another (an
ssh:// or tcp:// engine, or a context for one) 127.0.0.1 is that machine's, which nothing here can
reach: a throwaway container on that machine's network (`--network host`) asks it there, and the
result names the machine (`host`) beside the URL.

docker calls: run -d -p (and port, when docker picks the port); then `wait_for` (events, inspect)
while HTTP from the host asks until the page answers 200 (on another machine: run --rm --network
host, which asks there).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..errors import DockwrapError, WaitTimeout
from ..parse.ports import PortMapping
from ..parse.record import NOT_IN_JSON, Record
from .run import DEFAULT_IMAGE, ContainerSpec, Keep, RecipeRun
from .run.machine import engine_machine

if TYPE_CHECKING:  # pragma: no cover
    from ..client import Docker

__all__ = ["WebhostResult", "webhost", "DEFAULT_PAGE_SCRIPT", "ASK_SCRIPT", "parse_asked"]

DEFAULT_PAGE_SCRIPT = (
    "mkdir -p /www && echo '<h1>Hello from dockwrap webhost</h1>' > /www/index.html && exec httpd -f -p 80 -h /www"
)
# On the engine's machine: ask http://127.0.0.1:$1/ until a server answers (any HTTP status), at
# most $2 times, 0.2 s apart; print what wget said (-S: the status line). Values come as
# positional parameters, never inside the script.
ASK_SCRIPT = (
    'i=0; while :; do out=$(wget -S -O /dev/null "http://127.0.0.1:$1/" 2>&1); '
    'case "$out" in *HTTP/*) break;; esac; i=$((i+1)); [ "$i" -ge "$2" ] && break; sleep 0.2; done; '
    'printf "%s\\n" "$out"'
)
_STATUS = re.compile(r"HTTP/\d(?:\.\d)? (\d{3})")


@dataclass(frozen=True)
class WebhostResult(Record):
    container: str
    #: the URL on the engine's machine
    url: str
    status: int | None
    ports: list[PortMapping]
    #: that machine when it is not this one (the host of an ssh:// or tcp:// URL); None: this one
    host: str | None = None
    run_id: str = field(default="", metadata=NOT_IN_JSON)
    error: str | None = field(default=None, metadata=NOT_IN_JSON)

    @property
    def ok(self) -> bool:
        return self.status == 200

    @property
    def note(self) -> str | None:
        """Where the URL answers, when that is another machine (said on stderr, not in the JSON)."""
        if self.host is None:
            return None
        port = self.url.rsplit(":", 1)[1].rstrip("/")
        return (
            f"{self.url} answers on {self.host}, the engine's machine (asked there); from here, "
            f"through an SSH tunnel: ssh -L {port}:127.0.0.1:{port} [USER@]{self.host}"
        )


def parse_asked(text: str) -> tuple[int | None, str | None]:
    """What ASK_SCRIPT printed: (the last HTTP status wget saw, None), or (None, wget's last line)."""
    statuses = _STATUS.findall(text)
    if statuses:
        return int(statuses[-1]), None
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return None, (lines[-1] if lines else "no answer")


def webhost(
    docker: Docker,
    *,
    port: int = 8080,
    name: str | None = None,
    remove: bool = False,
    container_port: int = 80,
    command: Sequence[str] | None = None,
    image: str = DEFAULT_IMAGE,
    wait_seconds: float = 20.0,
    keep: Keep | None = None,
    labels: Mapping[str, str] | None = None,
    pull: str | None = "never",
) -> WebhostResult:
    """Publish a web server on 127.0.0.1:port (0: a port docker picks) and fetch its page."""
    if not 0 <= port <= 65535:
        raise ValueError(f"port must be 0-65535, not {port}")
    if command is None:
        command = ["sh", "-c", DEFAULT_PAGE_SCRIPT] if image == DEFAULT_IMAGE else []
    keep_when: Keep = keep or ("never" if remove else "success")
    machine = engine_machine(docker)
    with RecipeRun(docker, "webhost", image=image, keep=keep_when, labels=labels, pull=pull) as run:
        published = f"127.0.0.1:{port}:{container_port}" if port else f"127.0.0.1::{container_port}"
        container = run.start(ContainerSpec("web", command or None, name=name, publish=[published]))
        if port:  # docker made what `run -p` asked for, or failed: no call to ask which port
            mappings = [PortMapping("127.0.0.1", port, container_port, "tcp")]
        else:
            mappings = docker.container.port(container)
        host_port = next(
            (m.host_port for m in mappings if m.host_ip == "127.0.0.1" and m.container_port == container_port),
            port or None,
        )
        url = f"http://127.0.0.1:{host_port}/"
        tries = str(max(1, round(wait_seconds / 0.2)))
        ask = ["sh", "-c", ASK_SCRIPT, "sh", str(host_port), tries]
        if docker.dry_run:
            if machine.local or not host_port:
                where = url if host_port else "the port that `docker container port` printed"
                how = "from the host, with HTTP" if machine.local else "there, with a container on its network"
                print(f"# then wait until {where} answers on the engine's machine (dockwrap asks {how})")
            else:
                run.run_once("ask", ask, network="host")
            run.succeeded = True  # the script, like the real run, leaves the server up unless --rm
            return WebhostResult(container, url, None, mappings, None if machine.local else machine.name, run.run_id)
        if machine.local:
            try:  # a server that stops before it answers fails at once (NotReady)
                seen = docker.container.wait_for(container, http="/", timeout=wait_seconds)
                status, error = seen.http_status, None
            except WaitTimeout as timeout:
                status, error = timeout.seen.http_status, timeout.seen.port_detail
        else:
            asked = run.run_once("ask", ask, network="host")
            status, error = parse_asked(asked.out + asked.err)
        where = url if machine.local else f"{url} on {machine.name}"
        if status is None:
            # Whether the container is removed or kept, the run's end says (and only if so).
            raise DockwrapError(f"{where} did not answer within {wait_seconds:g}s ({error})")
        result = WebhostResult(
            container, url, status, mappings, None if machine.local else machine.name, run.run_id, error
        )
        run.succeeded = result.ok
        return result
