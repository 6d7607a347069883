"""`dockwrap version`."""

from __future__ import annotations

import click

from ..._version import __version__
from ...client import Docker
from ...cli.output import print_json, print_table
from ...cli.options import examples, json_option, pass_docker, raw_option


@click.command(name="version", epilog=examples("dockwrap version", "dockwrap version --json | jq -r .server.version"))
@json_option
@raw_option
@pass_docker
def command(docker: Docker, as_json: bool, raw: bool) -> None:
    """Show the docker client's and engine's versions (and dockwrap's)."""
    info = docker.version()
    if as_json:
        print_json(info, raw=raw)
        return
    sides = [("dockwrap", None), ("client", info.client), ("server", info.server)]
    print_table(sides, [
        ("", lambda s: s[0]),
        ("VERSION", lambda s: s[1].version if s[1] else __version__),
        ("API", lambda s: s[1].api_version if s[1] else ""),
        ("GO", lambda s: s[1].go_version if s[1] else ""),
        ("OS/ARCH", lambda s: f"{s[1].os}/{s[1].arch}" if s[1] else ""),
    ])
