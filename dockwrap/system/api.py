"""`Docker().version()` and other engine-wide calls."""

from __future__ import annotations

import json

from ..args import operands, text
from ..runner import Runner
from .records import VersionInfo, parse_version

__all__ = ["SystemCommands"]


class SystemCommands:
    def __init__(self, runner: Runner) -> None:
        self._runner = runner

    def version(self) -> VersionInfo:
        """`docker version`: the client's, and the server's when one answers.

        With no daemon docker still prints the client (and exits 1): that is raised as
        DaemonUnreachable, since nothing else works without one either.
        """
        done = self._runner.run(["version", "--format", "{{json .}}"])
        if self._runner.dry_run:
            return VersionInfo(client=parse_version('{"Client": {"Version": "dry-run"}}').client, server=None)
        return parse_version(done.out)

    def context_host(self, name: str) -> str | None:
        """The docker endpoint (`unix:///...`, `ssh://...`, `tcp://...`) of a context."""
        done = self._runner.run(["context", "inspect", "--format", "{{json .Endpoints.docker.Host}}",
                                 *operands([text(name, "name", empty=False)])])
        printed = done.out.strip()
        return json.loads(printed) if printed else None
