"""The ledger: what a run's create calls made, the one record removal goes by.

A name enters it only once docker's create call returned (the new ID), never before, so a name
that was taken already (the user's own `--name mine`, `--network lan`) is never removed. A create
call that failed or was cut short may have made its object all the same (docker goes on after its
client died): the run is then `uncertain`, and removal also sweeps by the run's label.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from ...errors import DockerCommandFailed, NameConflict

__all__ = ["Ledger", "NameTaken", "KINDS"]

KINDS = ("container", "network", "service", "image")


class NameTaken(NameConflict):
    """A name a recipe run wanted is taken by something that is not the run's (and stays as it is)."""

    hint_format = (
        "a {kind} named {name!r} exists already and is not this run's (it was left as it is): choose another name"
    )

    def __init__(self, failure: DockerCommandFailed, kind: str, name: str) -> None:
        super().__init__(failure.argv, failure.exit_status, failure.stderr, failure.stdout, failure.endpoint)
        self.kind = kind
        self.name = name


class Ledger:
    """The names a run made, by kind (thread-safe: parallel steps create at once)."""

    def __init__(self) -> None:
        self._made: dict[str, list[str]] = {kind: [] for kind in KINDS}
        #: (kind, name) of create calls that were cut short: made or not, nobody saw docker's answer
        self._cut_short: list[tuple[str, str]] = []
        self._lock = threading.Lock()
        #: a create call failed or was cut short: what it made may be found only by the run's label
        self.uncertain = False
        #: a create call of this run succeeded (else an engine that never answered left nothing)
        self.made_something = False

    @contextmanager
    def creating(self, kind: str, name: str, removes_itself: bool = False) -> Iterator[None]:
        """Around the docker call that creates `name` (a `run --rm` removes itself: it never enters
        the ledger). A name that is taken already raises NameTaken (someone else's: it stays)."""
        try:
            yield
        except DockerCommandFailed as exc:
            self.uncertain = True
            if isinstance(exc, NameConflict) or (kind == "network" and "already exists" in exc.message):
                raise NameTaken(exc, kind, name) from None
            raise
        except BaseException:  # cut short: docker's answer, if any, was not seen
            self.uncertain = True
            with self._lock:
                self._cut_short.append((kind, name))
            raise
        if not removes_itself:
            with self._lock:
                self._made[kind].append(name)
        self.made_something = True

    def names(self, kind: str) -> list[str]:
        """What the run made of `kind`, in order, each once."""
        with self._lock:
            return list(dict.fromkeys(self._made[kind]))

    def cut_short(self, kind: str) -> set[str]:
        """The names of `kind` whose create call was cut short."""
        with self._lock:
            return {name for k, name in self._cut_short if k == kind}

    def __bool__(self) -> bool:
        with self._lock:
            return any(self._made.values())

    def clear(self) -> None:
        """All removed: nothing is left to remove."""
        with self._lock:
            for names in self._made.values():
                names.clear()
            self._cut_short.clear()
