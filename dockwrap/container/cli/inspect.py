"""`dockwrap container inspect`."""

from __future__ import annotations


import click

from ...client import Docker
from ...cli.output import print_details, show_done
from ...cli.options import examples, json_option, pass_docker, raw_option


@click.command(name="inspect", epilog=examples(
    "dockwrap container inspect web db        # one docker call for both",
    "dockwrap container inspect web --json | jq '.[0].state.pid'",
    "dockwrap container inspect web --raw     # docker's own JSON",
))
@json_option
@raw_option
@click.argument("containers", nargs=-1, required=True)
@pass_docker
def command(docker: Docker, containers: tuple[str, ...], as_json: bool, raw: bool) -> None:
    """Show details of containers: state, PID, addresses per network, ports, labels."""
    show_done(lambda: docker.container.inspect(list(containers)), lambda details: print_details(details, [
        ("NAME", lambda d: d.name),
        ("STATE", lambda d: d.state.status),
        ("PID", lambda d: d.state.pid or ""),
        ("IMAGE", lambda d: d.image),
        ("NETWORKS", lambda d: ", ".join(f"{n}={e.ip_address or '-'}" for n, e in d.networks.items())),
        ("PORTS", lambda d: ", ".join(str(p) for p in d.ports)),
    ], as_json=as_json, raw=raw))
