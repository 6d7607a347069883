"""`dockwrap recipe NAME` and `dockwrap cleanup`: thin Click layers over `Recipes(docker)`.

A recipe prints its result (a table, or --json) and exits 0 only when what it demonstrates was
shown to hold; under --dry-run it prints its docker calls as a bash script and nothing else.
"""

from __future__ import annotations

from collections.abc import Callable
from shlex import split as shell_split
from typing import Any, TypeVar

import click

from ..choices import PULL_POLICIES
from ..cli.options import examples, json_option, pass_docker
from ..cli.output import print_json, print_table
from ..cli.verbs import command_group
from ..client import Docker
from . import Recipes

__all__ = ["recipe_group", "cleanup_command", "COMMANDS"]

F = TypeVar("F", bound=Callable[..., Any])


def _labels(values: tuple[str, ...]) -> dict[str, str]:
    labels = {}
    for value in values:
        key, sep, val = value.partition("=")
        if not sep or not key:
            raise click.BadParameter(f"{value!r} is not KEY=VALUE", param_hint="--label")
        if key.startswith("dockwrap.recipe") or key == "dockwrap.run":
            raise click.BadParameter(f"{key} is set by the recipe itself", param_hint="--label")
        labels[key] = val
    return labels


def recipe_options(function: F) -> F:
    """Options every recipe has."""
    for option in reversed(
        [
            click.option(
                "--image", default="busybox:latest", show_default=True, help="Image of the helper containers."
            ),
            click.option(
                "--pull",
                type=click.Choice(PULL_POLICIES),
                default="never",
                show_default=True,
                help="When docker may pull the image (never: no registry is asked).",
            ),
            click.option(
                "--keep", is_flag=True, help="Leave what the recipe created (remove later with dockwrap cleanup)."
            ),
            click.option(
                "-l",
                "--label",
                "labels",
                multiple=True,
                metavar="KEY=VALUE",
                help="Another label on everything created (repeatable).",
            ),
            json_option,
        ]
    ):
        function = option(function)
    return function


def _common(options: dict[str, Any]) -> dict[str, Any]:
    return {
        "image": options["image"],
        "pull": options["pull"],
        "keep": "always" if options["keep"] else "never",
        "labels": _labels(options["labels"]),
    }


def _finish(docker: Docker, result: Any, as_json: bool, show: Callable[[Any], None]) -> None:
    """Print a result and leave with 0 when it holds, 1 when it does not."""
    if docker.dry_run:
        return
    if as_json:
        print_json(result)
    else:
        show(result)
    note = getattr(result, "note", None)
    if note:
        click.echo(f"note: {note}", err=True)
    if not result.ok:
        click.get_current_context().exit(1)


@click.command(
    name="pingable-pair",
    epilog=examples(
        "dockwrap recipe pingable-pair --count 2",
        "dockwrap recipe pingable-pair --default-bridge           # names do NOT resolve there",
        "dockwrap recipe pingable-pair --default-bridge --link    # the legacy fix",
    ),
)
@click.option("-c", "--count", type=click.IntRange(min=1), default=3, show_default=True, help="Pings to send.")
@click.option("--network", help="Name of the user-defined network to create.")
@click.option("--default-bridge", is_flag=True, help="Use docker's default bridge, where names do not resolve.")
@click.option("--link", is_flag=True, help="With --default-bridge: make b's name resolve the old way (--link).")
@recipe_options
@pass_docker
def pingable_pair_command(
    docker: Docker, count: int, network: str | None, default_bridge: bool, link: bool, as_json: bool, **options: Any
) -> None:
    """Two containers on a fresh user-defined network ping each other by name."""
    if link and not default_bridge:
        raise click.UsageError("--link is the default bridge's way: add --default-bridge")
    if network and default_bridge:
        raise click.UsageError("--network and --default-bridge cannot be combined")
    result = Recipes(docker).pingable_pair(
        count=count, network=network, default_bridge=default_bridge, link=link, **_common(options)
    )
    _finish(
        docker,
        result,
        as_json,
        lambda r: print_table(
            [r],
            [
                ("FROM", lambda x: x.source),
                ("TO", lambda x: x.target),
                ("NETWORK", lambda x: x.network),
                ("RESOLVED", lambda x: x.resolved),
                ("IP", lambda x: x.resolved_ip),
                ("SENT", lambda x: x.sent),
                ("RECEIVED", lambda x: x.received),
                ("LOSS %", lambda x: x.loss_percent),
                ("AVG RTT MS", lambda x: x.rtt_avg_ms),
                ("ERROR", lambda x: x.error),
            ],
        ),
    )


@click.command(
    name="round-robin",
    epilog=examples(
        "dockwrap recipe round-robin",
        "dockwrap recipe round-robin --replicas 4 --queries 40 --alias search",
        "dockwrap recipe round-robin --client-per-query --queries 6    # a container per query",
    ),
)
@click.option(
    "-n",
    "--replicas",
    type=click.IntRange(min=1, max=20),
    default=3,
    show_default=True,
    help="Servers behind the alias.",
)
@click.option("--alias", default="web", show_default=True, help="The shared --network-alias.")
@click.option(
    "-m", "--queries", type=click.IntRange(min=1), default=30, show_default=True, help="HTTP queries to the alias."
)
@click.option(
    "--client-per-query", is_flag=True, help="A throwaway client container per query (slow, the classic way)."
)
@click.option("--swarm", is_flag=True, help="Use a swarm service instead (virtual IP versus dnsrr).")
@recipe_options
@pass_docker
def round_robin_command(
    docker: Docker,
    replicas: int,
    alias: str,
    queries: int,
    client_per_query: bool,
    swarm: bool,
    as_json: bool,
    **options: Any,
) -> None:
    """N servers behind one --network-alias: DNS returns them all and each answers some queries."""
    if queries < replicas:
        raise click.UsageError(f"--queries ({queries}) must be at least --replicas ({replicas})")
    if swarm:
        if client_per_query:
            raise click.UsageError("--client-per-query does not go with --swarm")
        _finish(
            docker,
            Recipes(docker).swarm_round_robin(replicas=replicas, alias=alias, queries=queries, **_common(options)),
            as_json,
            _show_swarm,
        )
        return
    result = Recipes(docker).round_robin(
        replicas=replicas, alias=alias, queries=queries, client_per_query=client_per_query, **_common(options)
    )

    def show(r: Any) -> None:
        click.echo(f"{r.alias} on {r.network} resolves to: {', '.join(r.resolved_ips) or '(nothing)'}")
        print_table(
            r.backends, [("BACKEND", lambda b: b.name), ("IP", lambda b: b.ip), ("ANSWERS", lambda b: b.answers)]
        )
        if r.failed_queries:
            click.echo(f"{r.failed_queries} of {r.queries} queries failed", err=True)

    _finish(docker, result, as_json, show)


def _show_swarm(r: Any) -> None:
    click.echo(f"dnsrr: {r.alias} ({r.service}) resolves to every task: {', '.join(r.resolved_ips) or '(nothing)'}")
    print_table(r.backends, [("TASK", lambda b: b.name), ("IP", lambda b: b.ip), ("ANSWERS", lambda b: b.answers)])
    click.echo(f"vip: {r.alias}-vip ({r.vip.service}) resolves to one virtual IP: {r.vip.virtual_ip}")
    if r.vip.available:
        print_table(
            r.vip.backends, [("TASK", lambda b: b.name), ("IP", lambda b: b.ip), ("ANSWERS", lambda b: b.answers)]
        )
    else:
        click.echo(f"vip: unavailable on this engine: {r.vip.reason}")


@click.command(
    name="webhost",
    epilog=examples(
        "dockwrap recipe webhost --port 8080 && curl http://127.0.0.1:8080/",
        "dockwrap recipe webhost --port 0 --rm        # a port docker picks; removed afterwards",
        "dockwrap recipe webhost --image nginx --pull missing --command ''   # where a registry exists",
    ),
)
@click.option(
    "-p",
    "--port",
    type=click.IntRange(0, 65535),
    default=8080,
    show_default=True,
    help="Host port on 127.0.0.1 (0: docker picks).",
)
@click.option("--name", help="Container name (default dw-webhost-RUN-web).")
@click.option("--rm", "remove", is_flag=True, help="Remove the server once it answered.")
@click.option("--container-port", type=int, default=80, show_default=True, help="The port the server listens on.")
@click.option(
    "--command", "command_line", help="The server's command, as one shell-quoted string ('' for the image's own)."
)
@recipe_options
@pass_docker
def webhost_command(
    docker: Docker,
    port: int,
    name: str | None,
    remove: bool,
    container_port: int,
    command_line: str | None,
    as_json: bool,
    **options: Any,
) -> None:
    """A web server published on 127.0.0.1:PORT answers over HTTP from the host.

    On an engine on another machine (ssh://, tcp://, or a context for one), "the host" is that
    machine: the URL answers there, and is asked there.
    """
    common = _common(options)
    if not options["keep"]:
        common.pop("keep")
    try:
        command = shell_split(command_line) if command_line is not None else None
    except ValueError as exc:  # unbalanced quotes, a trailing backslash
        raise click.BadParameter(
            f"{command_line!r} is not a shell-quoted command line: {exc}", param_hint="--command"
        ) from None
    result = Recipes(docker).webhost(
        port=port, name=name, remove=remove, container_port=container_port, command=command, **common
    )

    def show(r: Any) -> None:
        print_table(
            [r],
            [
                ("CONTAINER", lambda x: x.container),
                ("URL", lambda x: x.url if x.host is None else f"{x.url} on {x.host}"),
                ("STATUS", lambda x: x.status),
                ("PORTS", lambda x: ", ".join(str(p) for p in x.ports)),
            ],
        )

    _finish(docker, result, as_json, show)


@click.command(
    name="process-view",
    epilog=examples(
        "dockwrap recipe process-view",
        "dockwrap recipe process-view web --json | jq '.processes[].pid'",
    ),
)
@click.argument("container", required=False)
@recipe_options
@pass_docker
def process_view_command(docker: Docker, container: str | None, as_json: bool, **options: Any) -> None:
    """A container is a host process: its `top` PIDs are in the host's process table."""
    result = Recipes(docker).process_view(container=container, **_common(options))
    _finish(
        docker,
        result,
        as_json,
        lambda r: print_table(
            r.processes,
            [
                ("PID", lambda p: p.pid),
                ("PPID", lambda p: p.ppid),
                ("CMD", lambda p: p.cmd),
                ("ON HOST", lambda p: "n/a" if p.on_host is None else p.on_host),
                ("HOST PARENT", lambda p: p.host_parent),
            ],
        ),
    )


@click.command(
    name="ship",
    epilog=examples(
        'eval "$(scripts/registry up)" && dockwrap recipe ship --registry "$REGISTRY"',
        "dockwrap recipe ship --registry 127.0.0.1:5000 --json | jq -r .pushed_digest",
        "dockwrap --dry-run recipe ship --registry 127.0.0.1:5000 > ship.sh && bash ship.sh",
    ),
)
@click.option(
    "--registry",
    required=True,
    metavar="HOST:PORT",
    help="The registry to push to and pull from (e.g. one of scripts/registry; what is pushed stays there).",
)
@recipe_options
@pass_docker
def ship_command(docker: Docker, registry: str, as_json: bool, **options: Any) -> None:
    """An image goes to a registry and comes back the same: build, tag, push, remove, pull, run."""
    result = Recipes(docker).ship(registry=registry, **_common(options))
    _finish(
        docker,
        result,
        as_json,
        lambda r: print_table(
            [r],
            [
                ("REFERENCE", lambda x: x.reference),
                ("PUSHED DIGEST", lambda x: x.pushed_digest),
                ("PULLED DIGEST", lambda x: x.pulled_digest),
                ("SAME IMAGE", lambda x: x.built_id == x.pulled_id),
                ("OUTPUT", lambda x: x.output),
            ],
        ),
    )


@click.command(
    name="cleanup",
    epilog=examples(
        "dockwrap cleanup",
        "dockwrap cleanup --recipe webhost",
        "dockwrap cleanup --run 3f9a1c --json",
    ),
)
@click.option("--recipe", help="Only this recipe's resources.")
@click.option("--run", "run_id", help="Only this run's resources.")
@json_option
@pass_docker
def cleanup_command(docker: Docker, recipe: str | None, run_id: str | None, as_json: bool) -> None:
    """Remove every container, service, image and network that dockwrap recipes created."""
    removed = Recipes(docker).cleanup(recipe=recipe, run=run_id)
    if docker.dry_run:
        return
    if as_json:
        print_json(removed)
        return
    for kind in ("services", "containers", "images", "networks"):
        for name in getattr(removed, kind):
            click.echo(f"removed {kind[:-1]} {name}")
    if not (removed.containers or removed.networks or removed.services or removed.images):
        click.echo("nothing to remove", err=True)


COMMANDS = {
    "pingable-pair": f"{__name__}:pingable_pair_command",
    "round-robin": f"{__name__}:round_robin_command",
    "webhost": f"{__name__}:webhost_command",
    "process-view": f"{__name__}:process_view_command",
    "ship": f"{__name__}:ship_command",
}

recipe_group = command_group(
    "recipe",
    COMMANDS,
    help="Run a container lesson: checked, labelled, and cleaned up afterwards.",
    examples=(
        "dockwrap recipe pingable-pair",
        "dockwrap -x recipe round-robin --replicas 3        # show every docker call",
        "dockwrap --dry-run recipe pingable-pair > lesson.sh && bash lesson.sh",
    ),
)
