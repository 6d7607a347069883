"""`Docker().volume`: the volume verbs as Python methods, one docker call each."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from ..args import flag, items, optional_text
from ..verbs import Verbs
from .records import Volume, VolumeDetails, parse_volume_inspect, parse_volume_ls

if TYPE_CHECKING:  # pragma: no cover
    from ..parse.prune import PruneResult

__all__ = ["VolumeCommands"]

Items = Iterable[str] | Mapping[str, object] | str
Words = Iterable[str] | str


class VolumeCommands(Verbs):
    """The volume verbs; `Docker().volume`. Keywords, `docker_args` and the checks of the
    arguments are as in ContainerCommands (dockwrap.verbs)."""

    noun = ("volume",)

    def ls(self, filters: Items = (), *, docker_args: Words = (), **options: object) -> list[Volume]:
        """`docker volume ls`, filtered by `key=value` filters (`label=a`, `dangling=true`, `driver=local`)."""
        line = self._line("ls", (), {"filters": items(filters, "filters")}, options, docker_args)
        return parse_volume_ls(self._runner.run(line.formatted("{{json .}}", "volume.ls").argv).out)

    def create(
        self,
        name: str | None = None,
        *,
        driver: str | None = None,
        opt: Items = (),
        labels: Items | None = None,
        docker_args: Words = (),
        **options: object,
    ) -> str:
        """`docker volume create`: a named volume (or, with no name, one docker names). `opt` are
        the driver's options (`{"type": "tmpfs", "device": "tmpfs", "o": "size=1m"}`).

        :returns: the volume's name, as docker printed it (under --dry-run, the name given, or "")
        """
        name = optional_text(name, "name")
        keywords = {
            "driver": optional_text(driver, "driver") or None,
            "opt": items(opt, "opt"),
            "labels": items(labels, "labels"),
        }
        line = self._line("create", [name] if name else [], keywords, options, docker_args)
        done = self._runner.run(line.argv, creates=True)
        return (name or "") if self._runner.dry_run else done.out.strip()

    def inspect(self, names: Sequence[str] | str, *, docker_args: Words = (), **options: object) -> list[VolumeDetails]:
        """`docker volume inspect` of any number of volumes, in one call.

        :raises NoSuchVolume: when one is missing; its `done` holds the others
        """
        return self._inspect(names, parse_volume_inspect, options, docker_args)

    def rm(
        self, names: Sequence[str] | str, *, force: bool = False, docker_args: Words = (), **options: object
    ) -> list[str]:
        """`docker volume rm`; with force a missing volume is no error (a used one still is).

        :raises VolumeInUse: a container (running or not) mounts one; `done` names those removed
        """
        return self._each("rm", names, {"force": flag(force, "force")}, options, docker_args)

    def prune(
        self, *, all: bool = False, filters: Items = (), docker_args: Words = (), **options: object
    ) -> PruneResult:
        """`docker volume prune --force`: the unused volumes go, without docker's question.

        Which go depends on the engine: from API 1.42 (docker 23) anonymous volumes only, unless
        all=True; before that every unused volume, and docker refuses `--all`.
        """
        return self._prune({"all": flag(all, "all"), "filters": items(filters, "filters")}, options, docker_args)
