"""round-robin --swarm (work in progress)."""

from __future__ import annotations

from typing import Any

from ..errors import UsageError


def run_swarm_round_robin(docker: Any, **options: Any) -> None:
    raise UsageError("round-robin --swarm is not available yet")
