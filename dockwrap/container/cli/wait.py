"""`dockwrap container wait` (also `dockwrap wait`)."""

from __future__ import annotations

from ...cli.verbs import JSON, Invocation, docker_verb


@docker_verb(
    ("container", "wait"),
    own=(JSON,),
    examples=(
        "dockwrap wait job           # prints its exit status",
        'dockwrap wait a b --json    # [{"name": "a", "status": 0}, ...]',
        "dockwrap wait-for job --exited --status 0    # or: wait for one status, with a time limit",
    ),
)
def command(run: Invocation) -> None:
    """Block until containers stop; print each one's exit status, one a line (as docker does)."""
    names = run.operands(1)

    def show(results: list) -> None:
        if run.out.as_json:
            run.out.json(results)
        else:
            run.out.lines([str(result.status) for result in results])

    run.out.done(lambda: run.docker.container.wait(names, docker_args=run.line.docker_words), show)
