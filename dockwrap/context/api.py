"""`Docker().context`: the context verbs as Python methods, one docker call each.

Contexts live in the docker client's configuration (`~/.docker`, or `$DOCKER_CONFIG`), not in an
engine: these calls reach no engine, and `use` changes what every later docker call of that
configuration talks to.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from ..args import flag, items, names_of, optional_text, text
from ..errors import ArgumentTypeError
from ..verbs import Verbs
from .records import Context, ContextDetails, parse_context_inspect, parse_context_ls

__all__ = ["ContextCommands", "endpoint_value"]

Items = Iterable[str] | Mapping[str, object] | str
Words = Iterable[str] | str


def endpoint_value(fields: Mapping[str, object]) -> str:
    """The value of `--docker`: `host=...,skip-tls-verify=true`, each field quoted as docker's CSV
    reading wants it when it holds a comma or a quote."""
    import csv
    import io

    written = io.StringIO()
    row = []
    for key, value in fields.items():
        if isinstance(value, bool):
            value = "true" if value else "false"
        row.append(f"{text(key, 'docker key', empty=False)}={text(value, f'docker {key}')}")
    csv.writer(written, lineterminator="").writerow(row)
    return written.getvalue()


class ContextCommands(Verbs):
    """The context verbs; `Docker().context`. Keywords and `docker_args` as in ContainerCommands."""

    noun = ("context",)

    def ls(self, *, docker_args: Words = (), **options: object) -> list[Context]:
        """`docker context ls`: every context, the current one marked (`current`)."""
        line = self._line("ls", (), None, options, docker_args).formatted("{{json .}}", "context.ls")
        return parse_context_ls(self._runner.run(line.argv).out)

    def show(self, *, docker_args: Words = (), **options: object) -> str:
        """The name of the current context: `docker context ls`'s current one (docker 20.10 has no
        `context show`; `DOCKER_CONTEXT`, `--context` and `DOCKER_HOST` count, as for docker)."""
        current = [context.name for context in self.ls(docker_args=docker_args, **options) if context.current]
        return current[0] if current else ""

    def inspect(
        self, names: Sequence[str] | str = (), *, docker_args: Words = (), **options: object
    ) -> list[ContextDetails]:
        """`docker context inspect` of any number of contexts in one call; none: the current one.

        :raises NoSuchContext: when one is missing; its `done` holds the others
        """
        line = self._line("inspect", items(names, "names"), None, options, docker_args).records("context.inspect")
        return parse_context_inspect(self._runner.run(line.argv, done_of=parse_context_inspect).out)

    def create(
        self,
        name: str,
        *,
        host: str | None = None,
        skip_tls_verify: bool | None = None,
        description: str | None = None,
        docker: Mapping[str, object] | None = None,
        docker_args: Words = (),
        **options: object,
    ) -> str:
        """`docker context create NAME --docker host=...`: a context for an engine (`unix://`,
        `tcp://`, `ssh://user@host`); the new context's name.

        :param docker: more of the endpoint's fields (`ca`, `cert`, `key`: paths of PEM files,
            which docker copies into the configuration)
        :raises DockerCommandFailed: the name is taken or not a context name, or a field is unknown
        """
        fields: dict[str, object] = {}
        if host is not None:
            fields["host"] = text(host, "host", empty=False)
        if skip_tls_verify is not None:
            fields["skip-tls-verify"] = flag(skip_tls_verify, "skip_tls_verify")
        if docker is not None:
            if not isinstance(docker, Mapping):
                raise ArgumentTypeError(f"docker must be a mapping of the endpoint's fields, not {docker!r}")
            fields.update(docker)
        name = text(name, "name", empty=False)
        words = ["--docker", endpoint_value(fields)] if fields else []
        keywords = {"description": optional_text(description, "description")}
        line = self._line("create", [name], keywords, options, docker_args, words=words)
        done = self._runner.run(line.argv)
        return name if self._runner.dry_run else done.out.strip()

    def use(self, name: str, *, docker_args: Words = (), **options: object) -> None:
        """`docker context use`: make NAME the current context of the configuration (`default`:
        back to DOCKER_HOST or the local socket).

        :raises NoSuchContext: there is none of that name
        """
        self._runner.run(self._line("use", [text(name, "name", empty=False)], None, options, docker_args).argv)

    def rm(
        self, names: Sequence[str] | str, *, force: bool = False, docker_args: Words = (), **options: object
    ) -> list[str]:
        """`docker context rm`; the names docker confirmed. The current context is not removed
        unless force (then `default` is current again); `default` never is.

        :raises ContextInUse, NoSuchContext: its `done` names those removed
        """
        return self._each("rm", names_of(names, "context"), {"force": flag(force, "force")}, options, docker_args)
