"""Loads the test harness (tests/harness.py): engine marker, naming, labelling, leftover check;
and the local registries (tests/registry.py).

SIGTERM and SIGHUP (a `timeout` around the run, a closed terminal) end the run as Ctrl-C does, so
that the session's teardown still stops what it started: the registries, sshd, the TLS engine and
podman run in sessions of their own (setsid) and would outlive a run killed by the default action."""

from __future__ import annotations

import signal

pytest_plugins = ["tests.harness", "tests.registry"]


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


def pytest_configure(config: object) -> None:
    for signum in (signal.SIGTERM, signal.SIGHUP):
        if signal.getsignal(signum) is signal.SIG_DFL:  # (one ignored on purpose, as nohup does, stays so)
            signal.signal(signum, _interrupt)
