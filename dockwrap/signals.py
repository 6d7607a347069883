"""Holding off SIGINT and SIGTERM for a moment that must not be cut short: while sh starts
docker (else docker would run on with no handle on it), and while a recipe removes what it made
(a second Ctrl-C must not stop the removal)."""

from __future__ import annotations

import signal
import threading
from typing import Any

__all__ = ["SignalsHeld"]


class SignalsHeld:
    """SIGINT and SIGTERM wait until the block is over (main thread only: Python delivers
    signals there); `deliver()` then raises the first one as its handler would have.

        with SignalsHeld() as held:
            ...
        if held.pending:
            held.deliver()
    """

    def __enter__(self) -> SignalsHeld:
        self.pending: list[int] = []
        self.saved: dict[int, Any] = {}
        if threading.current_thread() is threading.main_thread():
            for signum in (signal.SIGINT, signal.SIGTERM):
                if signal.getsignal(signum) is not None:  # None: a handler set outside Python, left alone
                    self.saved[signum] = signal.signal(signum, lambda s, f: self.pending.append(s))
        return self

    def __exit__(self, *exc: object) -> None:
        for signum, handler in self.saved.items():
            signal.signal(signum, handler)

    def deliver(self) -> None:
        signal.raise_signal(self.pending[0])
