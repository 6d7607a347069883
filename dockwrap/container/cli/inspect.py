"""`dockwrap container inspect`."""

from __future__ import annotations

from ...cli.verbs import JSON, RAW, Invocation, docker_verb


@docker_verb(
    ("container", "inspect"),
    own=(JSON, RAW),
    examples=(
        "dockwrap container inspect web db        # one docker call for both",
        "dockwrap container inspect web --json | jq '.[0].state.pid'",
        "dockwrap container inspect web --raw     # docker's own JSON",
        "dockwrap container inspect -f '{{.State.Pid}}' web",
    ),
)
def command(run: Invocation) -> None:
    """Show details of containers: state, PID, addresses per network, ports, labels."""
    names = run.operands(1)
    run.inspecting(
        lambda words: run.docker.container.inspect(names, docker_args=words),
        [
            ("NAME", lambda d: d.name),
            ("STATE", lambda d: d.state.status),
            ("PID", lambda d: d.state.pid or ""),
            ("IMAGE", lambda d: d.image),
            ("NETWORKS", lambda d: ", ".join(f"{n}={e.ip_address or '-'}" for n, e in d.networks.items())),
            ("PORTS", lambda d: ", ".join(str(p) for p in d.ports)),
        ],
    )
