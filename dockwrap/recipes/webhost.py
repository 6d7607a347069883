"""webhost: a web server published on 127.0.0.1:PORT answers over HTTP from the host.

On the default image, busybox's httpd stands in for nginx (`--image nginx --command ''` where a
registry exists). The server stays up after a successful run (remove it with `dockwrap cleanup`)
unless `remove` (--rm); a failed run removes it.

docker calls: run -d -p, port; then `wait_for` (events, inspect) while HTTP from the host asks
until the page answers 200.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..errors import DockwrapError, WaitTimeout
from ..parse.ports import PortMapping
from ..parse.record import NOT_IN_JSON, Record
from .run import DEFAULT_IMAGE, ContainerSpec, Keep, RecipeRun

if TYPE_CHECKING:  # pragma: no cover
    from ..client import Docker

__all__ = ["WebhostResult", "webhost", "DEFAULT_PAGE_SCRIPT"]

DEFAULT_PAGE_SCRIPT = (
    "mkdir -p /www && echo '<h1>Hello from dockwrap webhost</h1>' > /www/index.html && exec httpd -f -p 80 -h /www"
)


@dataclass(frozen=True)
class WebhostResult(Record):
    container: str
    url: str
    status: int | None
    ports: list[PortMapping]
    run_id: str = field(default="", metadata=NOT_IN_JSON)
    error: str | None = field(default=None, metadata=NOT_IN_JSON)

    @property
    def ok(self) -> bool:
        return self.status == 200


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
    with RecipeRun(docker, "webhost", image=image, keep=keep_when, labels=labels, pull=pull) as run:
        published = f"127.0.0.1:{port}:{container_port}" if port else f"127.0.0.1::{container_port}"
        container = run.start(ContainerSpec("web", command or None, name=name, publish=[published]))
        mappings = docker.container.port(container)
        host_port = next(
            (m.host_port for m in mappings if m.host_ip == "127.0.0.1" and m.container_port == container_port),
            port or None,
        )
        url = f"http://127.0.0.1:{host_port}/"
        if docker.dry_run:
            where = url if host_port else "the port that `docker container port` printed"
            print(f"# then wait until {where} answers (dockwrap does this from the host, with HTTP)")
            run.succeeded = True  # the script, like the real run, leaves the server up unless --rm
            return WebhostResult(container, url, None, mappings, run.run_id)
        try:  # a server that stops before it answers fails at once (NotReady)
            seen = docker.container.wait_for(container, http="/", timeout=wait_seconds)
            status, error = seen.http_status, None
        except WaitTimeout as timeout:
            status, error = timeout.seen.http_status, timeout.seen.port_detail
            if status is None:
                # Whether the container is removed or kept, the run's end says (and only if so).
                raise DockwrapError(f"{url} did not answer within {wait_seconds:g}s ({error})") from None
        result = WebhostResult(container, url, status, mappings, run.run_id, error)
        run.succeeded = result.ok
        return result
