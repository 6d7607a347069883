"""`dockwrap service inspect`."""

from __future__ import annotations


import click

from ...client import Docker
from ...cli.output import print_details, show_done
from ...cli.options import examples, json_option, pass_docker, raw_option


@click.command(name="inspect", epilog=examples(
    "dockwrap service inspect web",
    "dockwrap service inspect web --json | jq '.[0].virtual_ips'",
))
@json_option
@raw_option
@click.argument("services", nargs=-1, required=True)
@pass_docker
def command(docker: Docker, services: tuple[str, ...], as_json: bool, raw: bool) -> None:
    """Show services: mode, endpoint, virtual IPs, networks, ports (one docker call)."""
    show_done(lambda: docker.service.inspect(list(services)), lambda details: print_details(details, [
        ("NAME", lambda d: d.name),
        ("MODE", lambda d: d.mode),
        ("REPLICAS", lambda d: d.replicas),
        ("ENDPOINT MODE", lambda d: d.endpoint_mode),
        ("VIRTUAL IPS", lambda d: d.virtual_ips),
        ("PORTS", lambda d: [str(p) for p in d.ports]),
        ("IMAGE", lambda d: d.image),
    ], as_json=as_json, raw=raw))
