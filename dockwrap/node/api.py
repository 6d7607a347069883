"""`Docker().node`: the node verbs as Python methods."""

from __future__ import annotations

from typing import Iterable

from ..args import items, repeat
from ..runner import Runner
from .records import Node, parse_node_ls

__all__ = ["NodeCommands"]


class NodeCommands:
    """The node verbs; `Docker().node`."""

    def __init__(self, runner: Runner) -> None:
        self._runner = runner

    def ls(self, filters: Iterable[str] = ()) -> list[Node]:
        """`docker node ls` (a manager only), filtered by `key=value` filters (`role=manager`)."""
        done = self._runner.run(["node", "ls", *repeat("--filter", items(filters, "filters")), "--format", "{{json .}}"])
        return parse_node_ls(done.out)
