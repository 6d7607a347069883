"""`Docker().version()` and other engine-wide calls."""

from __future__ import annotations

import json
from typing import Iterable

from ..args import text
from ..verbs import Verbs
from .records import VersionInfo, parse_version

__all__ = ["SystemCommands"]


class SystemCommands(Verbs):
    """Engine-wide calls; `Docker().system`. `version` is docker's own command (`docker
    version`), the rest are `docker system` verbs."""

    noun = ()

    def version(self, *, docker_args: Iterable[str] | str = (), **options: object) -> VersionInfo:
        """`docker version`: the client's, and the server's when one answers.

        With no daemon docker still prints the client (and exits 1): that is raised as
        DaemonUnreachable, since nothing else works without one either.
        """
        line = self._line("version", (), None, options, docker_args).formatted("{{json .}}", "system.version")
        done = self._runner.run(line.argv)
        if self._runner.dry_run:
            return VersionInfo(client=parse_version('{"Client": {"Version": "dry-run"}}').client, server=None)
        return parse_version(done.out)

    def context_host(self, name: str) -> str | None:
        """The docker endpoint (`unix:///...`, `ssh://...`, `tcp://...`) of a context."""
        from ..verbs import command_line, find_command

        line = command_line(find_command("context inspect"), [text(name, "name", empty=False)],
                            {"format": "{{json .Endpoints.docker.Host}}"})
        printed = self._runner.run(line.argv).out.strip()
        return json.loads(printed) if printed else None
