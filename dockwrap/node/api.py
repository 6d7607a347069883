"""`Docker().node`: the node verbs as Python methods."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..args import items
from ..verbs import Verbs
from .records import Node, parse_node_ls

__all__ = ["NodeCommands"]


class NodeCommands(Verbs):
    """The node verbs; `Docker().node`. Keywords and `docker_args` as in ContainerCommands."""

    noun = ("node",)

    def ls(
        self,
        filters: Iterable[str] | Mapping[str, object] | str = (),
        *,
        docker_args: Iterable[str] | str = (),
        **options: object,
    ) -> list[Node]:
        """`docker node ls` (a manager only), filtered by `key=value` filters (`role=manager`)."""
        line = self._line("ls", (), {"filters": items(filters, "filters")}, options, docker_args)
        return parse_node_ls(self._runner.run(line.formatted("{{json .}}", "node.ls").argv).out)
