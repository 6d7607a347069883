"""`dockwrap context create`."""

from __future__ import annotations

from ...cli.verbs import JSON, Invocation, docker_verb


@docker_verb(
    ("context", "create"),
    own=(JSON,),
    examples=(
        "dockwrap context create lab --docker host=ssh://me@lab.example --description 'the lab machine'",
        "dockwrap context create remote --docker 'host=tcp://10.0.0.5:2376,ca=ca.pem,cert=cert.pem,key=key.pem'",
    ),
)
def command(run: Invocation) -> None:
    """Create a context; print its name."""
    (name,) = run.operands(1, 1)
    created = run.docker.context.create(name, docker_args=run.line.docker_words)
    run.out.value({"name": created}, created)
