"""`Docker().registry`: logging in to image registries and out (docker's `login` and `logout`).

A password only ever reaches docker on its stdin (`--password-stdin`): given by the caller as a
value or an open file, or named as an environment variable, whose value is read here and which is
removed from docker's own environment. It is never in any argv, so never in `ps`, `-x`,
`--dry-run` or an error; docker's `-p/--password` is refused.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from typing import IO, TYPE_CHECKING, Any

from ..args import optional_text
from ..errors import ArgumentTypeError, UsageError
from ..verbs import Verbs

if TYPE_CHECKING:  # pragma: no cover
    from ..runner import Completed

__all__ = ["RegistryCommands", "PASSWORD_REFUSED"]

PASSWORD_REFUSED = (
    "a password in docker's command line shows in `ps` and in logs: give it as password= (sent on "
    "stdin) or password_env=NAME"
)
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


class RegistryCommands(Verbs):
    """`docker login` and `docker logout`; `Docker().registry`."""

    noun = ()

    def login(
        self,
        server: str | None = None,
        *,
        username: str | None = None,
        password: str | bytes | IO[Any] | None = None,
        password_env: str | None = None,
        docker_args: Iterable[str] | str = (),
        **options: object,
    ) -> Completed:
        """`docker login [SERVER]` (default: docker's own, Docker Hub).

        :param password: the password (str or bytes), or an open file to read it from (our stdin)
        :param password_env: the name of an environment variable holding the password instead
        :returns: the finished call: `out` is docker's "Login Succeeded", `err` its warnings (where
            the credentials are stored)
        :raises LoginFailed: the registry does not take the user and password
        :raises RegistryUnreachable: the registry does not answer
        :raises UsageError: a password in the words (`-p`), both password and password_env, or a
            variable that is not set
        """
        env_name = optional_text(password_env, "password_env")
        if password is not None and env_name is not None:
            raise UsageError("password and password_env: give one of them")
        feed: Any = password.encode() if isinstance(password, str) else password
        changes: dict[str, str | None] | None = None
        if env_name is not None:
            if not _NAME.match(env_name):
                raise UsageError(f"password_env must be the name of an environment variable, not {env_name!r}")
            if env_name not in os.environ:
                raise UsageError(f"the environment variable {env_name} that password_env names is not set")
            feed, changes = os.environ[env_name].encode(), {env_name: None}
        elif feed is not None and not isinstance(feed, bytes) and not hasattr(feed, "read"):
            raise ArgumentTypeError(f"password must be a str, bytes or an open file, not {type(password).__name__}")
        keywords = {"username": optional_text(username, "username")}
        operands = [] if server is None else [optional_text(server, "server", empty=False) or ""]
        line = self._line("login", operands, keywords, options, docker_args)
        if feed is not None and not line.flag("password-stdin"):
            line = self._line("login", operands, keywords, options, docker_args, words=["--password-stdin"])
        if line.given("password"):
            raise UsageError(PASSWORD_REFUSED)
        if feed is None and line.flag("password-stdin"):
            raise UsageError("--password-stdin without a password: give password= or password_env=")
        return self._runner.run(line.argv, input=feed, env=changes, stdin_from=env_name)

    def logout(
        self, server: str | None = None, *, docker_args: Iterable[str] | str = (), **options: object
    ) -> Completed:
        """`docker logout [SERVER]`: its credentials removed (`out`: docker's message)."""
        operands = [] if server is None else [optional_text(server, "server", empty=False) or ""]
        return self._runner.run(self._line("logout", operands, None, options, docker_args).argv)
