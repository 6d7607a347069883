"""`dockwrap container run` (also `dockwrap run`)."""

from __future__ import annotations

from typing import Any

import click

from ...client import Docker
from ...cli.output import print_json, print_line
from ...cli.options import examples, json_option, pass_docker


@click.command(name="run", context_settings={"allow_interspersed_args": False}, epilog=examples(
    "dockwrap run --rm busybox echo hello",
    "dockwrap run -d --name web -p 127.0.0.1:8080:80 busybox httpd -f -p 80",
    "dockwrap run -it --rm busybox sh",
    "docker equivalent: docker container run --detach --name web --publish 127.0.0.1:8080:80 busybox httpd -f -p 80",
))
@click.option("-d", "--detach", is_flag=True, help="Run in the background and print the container ID.")
@click.option("--name", help="Name the container.")
@click.option("-p", "--publish", multiple=True, metavar="[IP:][HOST:]PORT", help="Publish a port (repeatable).")
@click.option("-e", "--env", multiple=True, metavar="NAME[=VALUE]", help="Set an environment variable (repeatable); secret-looking values are never printed.")
@click.option("--env-file", type=click.Path(), help="Read environment variables from a file.")
@click.option("--network", "--net", "network", help="Connect to a network.")
@click.option("--network-alias", "--net-alias", "network_aliases", multiple=True, help="Another DNS name on the network (repeatable).")
@click.option("--link", "links", multiple=True, metavar="NAME[:ALIAS]", help="Legacy link to another container (repeatable).")
@click.option("--rm", "remove", is_flag=True, help="Remove the container when it exits.")
@click.option("--init", is_flag=True, help="Run an init process as PID 1 (forwards signals, reaps zombies).")
@click.option("--pull", type=click.Choice(["always", "missing", "never"]), help="When to pull the image.")
@click.option("-i", "--interactive", is_flag=True, help="Keep stdin open.")
@click.option("-t", "--tty", is_flag=True, help="Allocate a pseudo-terminal.")
@click.option("-l", "--label", "labels", multiple=True, metavar="KEY=VALUE", help="Set a label (repeatable).")
@click.option("-w", "--workdir", help="Working directory inside the container.")
@click.option("--entrypoint", help="Override the image's entrypoint.")
@click.option("--hostname", help="The container's host name.")
@json_option
@click.argument("image")
@click.argument("command", nargs=-1, type=click.UNPROCESSED)
@pass_docker
@click.pass_context
def command(ctx: click.Context, docker: Docker, image: str, command: tuple[str, ...], detach: bool, as_json: bool, **options: Any) -> None:
    """Run a command in a new container.

    Everything after IMAGE is the container's command, verbatim. In the foreground, dockwrap
    exits with the container command's own status; with -it the terminal is handed over.
    """
    if detach:
        container_id = docker.container.run(image, list(command), detach=True, **options)
        if as_json:
            print_json({"id": container_id})
        elif container_id:
            print_line(container_id)
        return
    done = docker.container.run(image, list(command), output="terminal", **options)
    ctx.exit(done.exit_code)
