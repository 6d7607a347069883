"""`dockwrap context inspect`."""

from __future__ import annotations

from ...cli.verbs import JSON, RAW, Invocation, docker_verb


@docker_verb(
    ("context", "inspect"),
    own=(JSON, RAW),
    examples=(
        "dockwrap context inspect            # the current one",
        "dockwrap context inspect lab default --json | jq -r '.[].docker_endpoint'",
    ),
)
def command(run: Invocation) -> None:
    """Show contexts (the current one when none is named): endpoint, TLS."""
    names = run.line.operands
    run.inspecting(
        lambda words: run.docker.context.inspect(names, docker_args=words),
        [
            ("NAME", lambda c: c.name),
            ("DESCRIPTION", lambda c: c.description),
            ("DOCKER ENDPOINT", lambda c: c.docker_endpoint),
            ("SKIP TLS VERIFY", lambda c: c.skip_tls_verify),
            ("TLS MATERIAL", lambda c: c.has_tls_material),
        ],
    )
