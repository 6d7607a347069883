"""`dockwrap service inspect`."""

from __future__ import annotations

from ...cli.verbs import JSON, RAW, Invocation, docker_verb


@docker_verb(
    ("service", "inspect"),
    own=(JSON, RAW),
    examples=(
        "dockwrap service inspect web",
        "dockwrap service inspect web --json | jq '.[0].virtual_ips'",
        "dockwrap service inspect --pretty web    # docker's own text",
    ),
)
def command(run: Invocation) -> None:
    """Show services: mode, endpoint, virtual IPs, networks, ports (one docker call)."""
    names = run.operands(1)
    run.inspecting(
        lambda words: run.docker.service.inspect(names, docker_args=words),
        [
            ("NAME", lambda d: d.name),
            ("MODE", lambda d: d.mode),
            ("REPLICAS", lambda d: d.replicas),
            ("ENDPOINT MODE", lambda d: d.endpoint_mode),
            ("VIRTUAL IPS", lambda d: d.virtual_ips),
            ("PORTS", lambda d: [str(p) for p in d.ports]),
            ("IMAGE", lambda d: d.image),
        ],
        docker_text=("format", "pretty"),
    )
