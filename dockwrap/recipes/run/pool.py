"""A run's independent steps, at once: a small thread pool whose interrupt ends their docker calls."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:  # pragma: no cover
    from ...client import Docker

__all__ = ["parallel"]

T = TypeVar("T")


def parallel(docker: Docker, steps: Sequence[Callable[[], T]], name: str) -> list[T]:
    """Run independent steps at once; their results in order. Under --dry-run they run one after
    the other, so the printed script is in a fixed order. The steps share `docker`: its settings
    never change, so one step's settings (`with_settings`) never reach another."""
    if docker.dry_run or len(steps) < 2:
        return [step() for step in steps]
    pool = ThreadPoolExecutor(max_workers=min(8, len(steps)), thread_name_prefix=name)
    futures = [pool.submit(step) for step in steps]
    try:
        wait(futures, return_when=FIRST_EXCEPTION)
        wait(futures)
    except BaseException:
        # Interrupted while the steps run: end their docker children, then let them finish.
        docker.runner.terminate_all()
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
    return [future.result() for future in futures]
