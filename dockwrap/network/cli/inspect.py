"""`dockwrap network inspect`."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from ...client import Docker
from ...cli.output import print_details, show_done
from ...cli.options import examples, json_option, pass_docker, raw_option

if TYPE_CHECKING:  # pragma: no cover
    from ..records import NetworkDetails, NetworkMember


@click.command(name="inspect", epilog=examples(
    "dockwrap network inspect bridge",
    "dockwrap network inspect lesson --json | jq '.[0].containers'",
))
@json_option
@raw_option
@click.argument("networks", nargs=-1, required=True)
@pass_docker
def command(docker: Docker, networks: tuple[str, ...], as_json: bool, raw: bool) -> None:
    """Show networks: subnet, gateway, and each container's addresses (one docker call)."""
    show_done(lambda: docker.network.inspect(list(networks)), lambda details: _show(details, as_json, raw))


def _show(details: list[NetworkDetails], as_json: bool, raw: bool) -> None:
    # one row per attached container; a network with none still gets its row
    rows: list[tuple[NetworkDetails, NetworkMember | None]] = [
        (d, m) for d in details for m in (d.containers or [None])  # type: ignore[list-item]
    ]
    print_details(details, [
        ("NETWORK", lambda r: r[0].name),
        ("DRIVER", lambda r: r[0].driver),
        ("SUBNET", lambda r: r[0].subnet),
        ("GATEWAY", lambda r: r[0].gateway),
        ("CONTAINER", lambda r: r[1].name if r[1] else ""),
        ("IPV4", lambda r: r[1].ipv4_address if r[1] else ""),
        ("MAC", lambda r: r[1].mac_address if r[1] else ""),
    ], as_json=as_json, raw=raw, table_rows=rows)
