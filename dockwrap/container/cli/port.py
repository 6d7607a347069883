"""`dockwrap container port`."""

from __future__ import annotations

from ...cli.verbs import JSON, Invocation, docker_verb


@docker_verb(
    ("container", "port"),
    own=(JSON,),
    examples=(
        "dockwrap container port web",
        "dockwrap container port web --json",
        "dockwrap container port web 80/tcp     # docker's own answer for one port",
    ),
)
def command(run: Invocation) -> int | None:
    """Show a container's published ports."""
    name, *private = run.operands(1, 2)
    if private:
        return run.passthrough()
    run.out.records(
        run.docker.container.port(name, docker_args=run.line.docker_words),
        [
            ("CONTAINER PORT", lambda p: f"{p.container_port}/{p.protocol}"),
            (
                "HOST",
                lambda p: (
                    f"[{p.host_ip}]:{p.host_port}" if p.host_ip and ":" in p.host_ip else f"{p.host_ip}:{p.host_port}"
                ),
            ),
        ],
    )
    return None
