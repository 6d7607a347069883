"""`dockwrap version`."""

from __future__ import annotations

from ..._version import __version__
from ...cli.verbs import JSON, RAW, Invocation, docker_verb


@docker_verb(
    ("version",),
    own=(JSON, RAW),
    examples=(
        "dockwrap version",
        "dockwrap version --json | jq -r .server.version",
        "dockwrap version -f '{{.Server.Version}}'    # docker's own output",
    ),
)
def command(run: Invocation) -> None:
    """Show the docker client's and engine's versions (and dockwrap's)."""
    if run.docker_prints("format"):
        return
    info = run.docker.system.version(docker_args=run.line.docker_words)
    if run.out.as_json:
        run.out.json(info)
        return
    sides = [("dockwrap", None), ("client", info.client), ("server", info.server)]
    run.out.table(
        sides,
        [
            ("", lambda s: s[0]),
            ("VERSION", lambda s: s[1].version if s[1] else __version__),
            ("API", lambda s: s[1].api_version if s[1] else ""),
            ("GO", lambda s: s[1].go_version if s[1] else ""),
            ("OS/ARCH", lambda s: f"{s[1].os}/{s[1].arch}" if s[1] else ""),
        ],
    )
