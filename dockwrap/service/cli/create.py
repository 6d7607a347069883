"""`dockwrap service create`."""

from __future__ import annotations

import click

from ...client import Docker
from ...cli.output import print_json, print_line
from ...cli.options import examples, json_option, pass_docker
# (the --wait flag's parameter is called wait: the helper gets another name)
from ._wait import wait as wait_converged
from ._wait import wait_option, wait_timeout_option


@click.command(name="create", context_settings={"allow_interspersed_args": False}, epilog=examples(
    "dockwrap service create --name web --replicas 2 --no-resolve-image busybox httpd -f -p 80",
    "dockwrap service create --name web --endpoint-mode dnsrr --network mesh --no-resolve-image --wait busybox httpd -f -p 80",
    "dockwrap service create --name pub -p 8080:80 -l lesson=swarm --no-resolve-image busybox httpd -f -p 80",
    "docker equivalent: docker service create --detach --no-resolve-image --name web --replicas 2 busybox httpd -f -p 80",
))
@click.option("--name", required=True, help="Name the service (its tasks are NAME.1, NAME.2, ...).")
@click.option("--replicas", type=click.IntRange(min=0), help="Number of tasks (replicated mode).")
@click.option("--mode", type=click.Choice(["replicated", "global", "replicated-job", "global-job"]), help="replicated (default): --replicas tasks; global: one per node; *-job: run to completion.")
@click.option("-p", "--publish", multiple=True, metavar="[HOST:]PORT", help="Publish a port on every node (repeatable; long form published=P,target=T,mode=host).")
@click.option("--network", "networks", multiple=True, metavar="NAME", help="Attach to a network (repeatable; an overlay network for several nodes).")
@click.option("--endpoint-mode", type=click.Choice(["vip", "dnsrr"]), help="vip: one virtual IP (needs IPVS); dnsrr: the name resolves to every task's IP.")
@click.option("-l", "--label", "labels", multiple=True, metavar="KEY=VALUE", help="Set a label on the service (repeatable).")
@click.option("-e", "--env", multiple=True, metavar="NAME[=VALUE]", help="Set an environment variable (repeatable); secret-looking values are never printed.")
@click.option("--no-resolve-image", is_flag=True, help="Use the image as the nodes have it; do not ask its registry for a digest (needed without a registry).")
@wait_option
@wait_timeout_option
@json_option
@click.argument("image")
@click.argument("command", nargs=-1, type=click.UNPROCESSED)
@pass_docker
def command(docker: Docker, image: str, command: tuple[str, ...], name: str, replicas: int | None, mode: str | None,
            publish: tuple[str, ...], networks: tuple[str, ...], endpoint_mode: str | None, labels: tuple[str, ...],
            env: tuple[str, ...], no_resolve_image: bool, wait: bool, wait_timeout: float, as_json: bool) -> None:
    """Create a service; print its ID.

    Everything after IMAGE is the tasks' command, verbatim. docker returns at once (--detach);
    --wait waits until the tasks run.
    """
    service_id = docker.service.create(
        image, list(command), name=name, replicas=replicas, publish=publish, network=list(networks) or None,
        endpoint_mode=endpoint_mode, labels=labels, env=env, resolve_image=not no_resolve_image, mode=mode,
    )
    if wait:
        wait_converged(docker, name, wait_timeout)
    # (under --dry-run both print nothing: stdout carries the docker calls only)
    if as_json:
        print_json({"id": service_id})
    else:
        print_line(service_id)

