"""What a docker call is run with, and what it gives back.

`RunnerConfig`: what a runner is set to (the docker binary, the engine: context or host, -x,
--dry-run, the time limit, the --dry-run line suffix). Frozen: a runner's settings never change
after it is made, so threads that share it (a recipe's parallel steps) never see each other's;
other settings make another runner (`Runner.with_settings`). `Completed`: a finished call.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Sequence
from dataclasses import dataclass

from .args import argument, flag, optional_text, time_limit
from .errors import UsageError

__all__ = ["RunnerConfig", "Completed"]


@dataclass(frozen=True)
class RunnerConfig:
    binary: str
    context: str | None = None
    host: str | None = None
    explain: bool = False
    dry_run: bool = False
    #: seconds allowed to each captured or passthrough call (None: no limit)
    timeout: float | None = None
    #: appended to every line printed under --dry-run (a recipe's call that may fail: ` || true`)
    dry_run_suffix: str = ""

    @classmethod
    def checked(
        cls,
        binary: str | None = None,
        context: str | None = None,
        host: str | None = None,
        explain: bool = False,
        dry_run: bool = False,
        timeout: float | None = None,
    ) -> RunnerConfig:
        """The settings from the caller's values, each checked (ArgumentTypeError, UsageError)."""
        binary = optional_text(binary, "binary")
        context = optional_text(context, "context")
        host = optional_text(host, "host")
        if context and host:
            raise UsageError("--context and --host cannot be used together (docker refuses both)")
        return cls(
            binary=binary or os.environ.get("DOCKWRAP_DOCKER") or "docker",
            context=context,
            host=host,
            explain=flag(explain, "explain"),
            dry_run=flag(dry_run, "dry_run"),
            timeout=time_limit(timeout, "timeout"),
        )

    def replaced(self, **changes: object) -> RunnerConfig:
        """These settings with a new time limit, --dry-run suffix or -x (checked)."""
        unknown = set(changes) - {"timeout", "dry_run_suffix", "explain"}
        if unknown:
            raise TypeError(f"only timeout, dry_run_suffix and explain can change, not {', '.join(sorted(unknown))}")
        if "explain" in changes:
            changes["explain"] = flag(changes["explain"], "explain")
        if "timeout" in changes:
            changes["timeout"] = time_limit(changes["timeout"], "timeout")
        if "dry_run_suffix" in changes and not isinstance(changes["dry_run_suffix"], str):
            raise TypeError(f"dry_run_suffix must be a str, not {changes['dry_run_suffix']!r}")
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]

    def argv(self, args: Sequence[str]) -> list[str]:
        """The full argv of a call: binary, global flags, then args (bytes decoded as sys.argv
        is, so that any byte but NUL reaches docker)."""
        checked = [argument(arg) for arg in args]
        prefix = [self.binary]
        if self.context:
            prefix += ["--context", self.context]
        if self.host:
            prefix += ["--host", self.host]
        return prefix + checked

    @property
    def endpoint(self) -> str:
        """The engine the calls go to, in words, for error messages (a URL's password as ***)."""
        from .display import redact_url

        if self.context:
            return f"context {self.context!r}"
        if self.host:
            return redact_url(self.host)
        if os.environ.get("DOCKER_HOST"):
            return f"{redact_url(os.environ['DOCKER_HOST'])} (DOCKER_HOST)"
        if os.environ.get("DOCKER_CONTEXT"):
            return f"context {os.environ['DOCKER_CONTEXT']!r} (DOCKER_CONTEXT)"
        return "the current docker context (default: unix:///var/run/docker.sock)"

    @property
    def is_local(self) -> bool | None:
        """Whether the engine runs on this machine (its PIDs are ours to look up); None for a
        named context, whose endpoint only `docker context inspect` knows."""
        if self.context and self.context != "default":
            return None
        host = self.host or (None if self.context else os.environ.get("DOCKER_HOST"))
        return host is None or host.startswith("unix://")


@dataclass(frozen=True)
class Completed:
    """A finished docker call."""

    argv: tuple[str, ...]
    exit_code: int
    stdout: bytes = b""
    stderr: bytes = b""

    def __repr__(self) -> str:
        # The argv as -x shows it: the values of secret `-e NAME=VALUE` never get into logs.
        from .display import redacted

        return (
            f"Completed(argv={tuple(redacted(self.argv))!r}, exit_code={self.exit_code!r}, "
            f"stdout={self.stdout!r}, stderr={self.stderr!r})"
        )

    @property
    def out(self) -> str:
        return self.stdout.decode("utf-8", "replace")

    @property
    def err(self) -> str:
        return self.stderr.decode("utf-8", "replace")
