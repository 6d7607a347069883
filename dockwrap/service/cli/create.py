"""`dockwrap service create`."""

from __future__ import annotations

from ...cli.verbs import JSON, Invocation, docker_verb
from ._wait import WAIT, WAIT_TIMEOUT, wait


@docker_verb(
    ("service", "create"),
    own=(JSON, WAIT, WAIT_TIMEOUT),
    examples=(
        "dockwrap service create --name web --replicas 2 --no-resolve-image busybox httpd -f -p 80",
        "dockwrap service create --name web --endpoint-mode dnsrr --network mesh --no-resolve-image --wait "
        "busybox httpd -f -p 80",
        "dockwrap service create --name pub -p 8080:80 -l lesson=swarm --no-resolve-image busybox httpd -f -p 80",
    ),
)
def command(run: Invocation) -> None:
    """Create a service; print its ID.

    Everything after IMAGE is the tasks' command, verbatim. dockwrap asks docker to return at
    once (--detach, unless you give --detach=false); --wait waits until the tasks run.
    """
    image, *command = run.operands(1)
    service_id = run.docker.service.create(image, command, docker_args=run.line.docker_words)
    wait(run, run.line.value("name") or service_id[:12])
    # (under --dry-run both print nothing: stdout carries the docker calls only)
    run.out.value({"id": service_id}, service_id)
