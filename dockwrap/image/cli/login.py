"""`dockwrap login` (docker's own top-level command)."""

from __future__ import annotations

import sys

from ...cli.verbs import Invocation, Own, docker_verb
from ...errors import UsageError

PASSWORD_ENV = Own(
    "password-env",
    "Take the password from the environment variable NAME (removed from docker's "
    "environment; never in any command line).",
    "value",
    "NAME",
)


PASSWORD_REFUSED = (
    "a password on the command line shows in `ps` and in logs: pipe it in with --password-stdin, "
    "or name a variable that holds it with --password-env NAME"
)


@docker_verb(
    ("login",),
    own=(PASSWORD_ENV,),
    examples=(
        "printf '%s\\n' \"$PASSWORD\" | dockwrap login -u me --password-stdin 127.0.0.1:5000",
        "dockwrap login -u me --password-env REGISTRY_PASSWORD 127.0.0.1:5000",
        "dockwrap login -u me 127.0.0.1:5000          # on a terminal: asks for the password",
    ),
)
def command(run: Invocation) -> None:
    """Log in to a registry. The password comes on stdin (--password-stdin), from an environment
    variable (--password-env NAME), or is asked for on a terminal; never from the command line
    (-p is refused: it would show in `ps` and in logs)."""
    operands = run.operands(0, 1)
    if run.line.given("password"):
        raise UsageError(PASSWORD_REFUSED)
    password = None
    if run.line.flag("password-stdin"):
        password = sys.stdin
    elif run.line.given("username") and run.line.own.get("password_env") is None and not run.docker.dry_run:
        if not (sys.stdin.isatty() and sys.stderr.isatty()):
            raise UsageError("the password: --password-stdin, --password-env NAME, or run from a terminal to be asked")
        import getpass

        password = getpass.getpass("Password: ", stream=sys.stderr)
    done = run.docker.registry.login(
        operands[0] if operands else None,
        password=password,
        password_env=run.line.own.get("password_env"),
        docker_args=run.line.docker_words,
    )
    if done.err.strip():  # docker's warning (where the credentials are stored)
        sys.stderr.write(done.err)
    if not run.docker.dry_run:
        run.out.line(done.out.strip())
