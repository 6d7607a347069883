"""`dockwrap network inspect`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ...cli.verbs import JSON, RAW, Invocation, docker_verb

if TYPE_CHECKING:  # pragma: no cover
    from ..records import NetworkDetails, NetworkMember


@docker_verb(
    ("network", "inspect"),
    own=(JSON, RAW),
    examples=(
        "dockwrap network inspect bridge",
        "dockwrap network inspect lesson --json | jq '.[0].containers'",
    ),
)
def command(run: Invocation) -> None:
    """Show networks: subnet, gateway, and each container's addresses (one docker call)."""
    names = run.operands(1)
    run.inspecting(
        lambda words: run.docker.network.inspect(names, docker_args=words),
        [
            ("NETWORK", lambda r: r[0].name),
            ("DRIVER", lambda r: r[0].driver),
            ("SUBNET", lambda r: r[0].subnet),
            ("GATEWAY", lambda r: r[0].gateway),
            ("CONTAINER", lambda r: r[1].name if r[1] else ""),
            ("IPV4", lambda r: r[1].ipv4_address if r[1] else ""),
            ("MAC", lambda r: r[1].mac_address if r[1] else ""),
        ],
        table_rows=_rows,
    )


def _rows(details: Sequence[NetworkDetails]) -> list[tuple[NetworkDetails, NetworkMember | None]]:
    """One row per attached container; a network with none still gets its row."""
    return [(d, m) for d in details for m in (d.containers or [None])]  # type: ignore[list-item]
