"""What a docker call is run with, and what it gives back.

`RunnerConfig`: what a runner is set to (the docker binary, the engine: context or host and
docker's other global options, -x, --dry-run, the time limit, the --dry-run line suffix). Frozen:
a runner's settings never change after it is made, so threads that share it (a recipe's parallel
steps) never see each other's; other settings make another runner (`Runner.with_settings`).
`Completed`: a finished call.
"""

from __future__ import annotations

import dataclasses
import functools
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .args import argument, flag, optional_text, time_limit
from .errors import PodmanHasNoContexts, PodmanHasNoSwarm, UsageError

if TYPE_CHECKING:  # pragma: no cover
    from .endpoint import Endpoint
    from .surface import Option

__all__ = ["RunnerConfig", "Settings", "Completed", "docker_global_options", "SWARM_GROUPS"]

#: docker's command groups of swarm mode, which podman does not have
SWARM_GROUPS = frozenset({"swarm", "node", "service", "stack", "config"})


def docker_global_options() -> tuple[Option, ...]:
    """docker's global options that a runner passes on as given (`--config`, `--tls`,
    `--tlsverify`, `--tlscacert`, `--tlscert`, `--tlskey`, `-D`, `-l`, and any a later table
    adds): all of docker's but `--context` and `--host` (a runner's own settings, checked against
    each other) and `--version` (a command of its own, not a setting)."""
    from .surface import GLOBAL_OPTIONS

    return tuple(option for option in GLOBAL_OPTIONS if option.long not in ("context", "host", "version"))


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
    #: docker's other global options given, by keyword (`tlscacert`), in the table's order
    options: tuple[tuple[str, bool | str], ...] = ()
    #: those options as docker's words, written before every call's own
    global_args: tuple[str, ...] = ()

    @classmethod
    def checked(
        cls,
        binary: str | None = None,
        context: str | None = None,
        host: str | None = None,
        explain: bool = False,
        dry_run: bool = False,
        timeout: float | None = None,
        options: Mapping[str, object] | None = None,
    ) -> RunnerConfig:
        """The settings from the caller's values, each checked (ArgumentTypeError, UsageError).

        :param options: docker's other global options by keyword (`docker_global_options`): a
            flag is True (`--tls`), False (`--tls=false`: docker's way to turn off what the
            environment turned on) or None; any other option a str or None
        """
        binary = optional_text(binary, "binary")
        context = optional_text(context, "context")
        host = optional_text(host, "host")
        if context and host:
            raise UsageError("--context and --host cannot be used together (docker refuses both)")
        # (the table is read only when one is given: a plain start-up reads no table)
        given, words = _global_options({k: v for k, v in (options or {}).items() if v is not None})
        return cls(
            binary=binary or os.environ.get("DOCKWRAP_DOCKER") or "docker",
            context=context,
            host=host,
            explain=flag(explain, "explain"),
            dry_run=flag(dry_run, "dry_run"),
            timeout=time_limit(timeout, "timeout"),
            options=given,
            global_args=words,
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
        is, so that any byte but NUL reaches docker).

        :raises PodmanHasNoSwarm: a swarm command (SWARM_GROUPS) when the binary is podman
        :raises PodmanHasNoContexts: a `context` command when the binary is podman
        """
        checked = [argument(arg) for arg in args]
        if checked and checked[0] in SWARM_GROUPS and self.is_podman:
            raise PodmanHasNoSwarm(" ".join(checked[:2]), self.binary)
        if checked and checked[0] == "context" and self.is_podman:
            raise PodmanHasNoContexts(" ".join(checked[:2]), self.binary)
        prefix = [self.binary, *self.global_args]
        if self.context:
            prefix += ["--context", self.context]
        if self.host:
            prefix += ["--host", self.host]
        return prefix + checked

    @property
    def is_podman(self) -> bool:
        """Whether the binary is podman (`_is_podman`)."""
        return _is_podman(self.binary)

    def option(self, keyword: str) -> bool | str | None:
        """The value given for one of docker's other global options (`config`), None if none."""
        return dict(self.options).get(keyword)

    @property
    def resolved(self) -> Endpoint:
        """The engine the calls go to, decided as docker decides it (dockwrap.endpoint)."""
        from .endpoint import resolve

        config = self.option("config")
        return resolve(self.context, self.host, config if isinstance(config, str) else None)

    @property
    def endpoint(self) -> str:
        """The engine the calls go to, in words, for error messages (a URL's password as ***)."""
        return self.resolved.words

    @property
    def is_local(self) -> bool | None:
        """Whether the engine runs on this machine (its PIDs are ours to look up); None for a
        named context, whose endpoint only `docker context inspect` knows."""
        return self.resolved.is_local


@functools.lru_cache(maxsize=8)
def _is_podman(binary: str) -> bool:
    """podman, by its name or the name of what it links to (`--docker podman`, a `docker` symlink
    to podman): no call to ask (`version` would cost one, 0.6 s over SSH). A `docker` that is a
    script running podman (Debian's podman-docker) is taken for docker."""
    import shutil

    names = [os.path.basename(binary)]
    found = shutil.which(binary)
    if found:
        names.append(os.path.basename(os.path.realpath(found)))
    return any(name == "podman" or name.startswith("podman-") for name in names)


def _global_options(options: Mapping[str, object]) -> tuple[tuple[tuple[str, bool | str], ...], tuple[str, ...]]:
    """The options given (checked, in the table's order) and their words."""
    if not options:
        return (), ()
    known = {option.keyword: option for option in docker_global_options()}
    unknown = [key for key in options if key not in known]
    if unknown:
        raise TypeError(f"docker has no global option {unknown[0]!r} (it has: {', '.join(known)})")
    given: list[tuple[str, bool | str]] = []
    words: list[str] = []
    for keyword, option in known.items():
        value = options.get(keyword)
        if value is None:
            continue
        spelling = f"--{option.long}"
        if option.kind == "flag":
            on = flag(value, keyword)
            given.append((keyword, on))
            words.append(spelling if on else f"{spelling}=false")
        else:
            checked = optional_text(value, keyword)
            assert checked is not None
            given.append((keyword, checked))
            words += [spelling, checked]
    return tuple(given), tuple(words)


class Settings:
    """A runner's settings, read-only (its `_config`)."""

    _config: RunnerConfig

    @property
    def binary(self) -> str:
        return self._config.binary

    @property
    def context(self) -> str | None:
        return self._config.context

    @property
    def host(self) -> str | None:
        return self._config.host

    @property
    def explain(self) -> bool:
        return self._config.explain

    @property
    def dry_run(self) -> bool:
        return self._config.dry_run

    @property
    def timeout(self) -> float | None:
        return self._config.timeout

    @property
    def dry_run_suffix(self) -> str:
        return self._config.dry_run_suffix

    @property
    def endpoint(self) -> str:
        """The engine the calls go to, in words (RunnerConfig.endpoint)."""
        return self._config.endpoint

    @property
    def is_local(self) -> bool | None:
        """Whether the engine runs on this machine (RunnerConfig.is_local)."""
        return self._config.is_local

    @property
    def options(self) -> dict[str, bool | str]:
        """docker's other global options given (`{"tlsverify": True, "tlscacert": "/c/ca.pem"}`)."""
        return dict(self._config.options)

    @property
    def is_podman(self) -> bool:
        """Whether the binary is podman (RunnerConfig.is_podman)."""
        return self._config.is_podman

    @property
    def resolved(self) -> Endpoint:
        """The engine the calls go to, decided as docker decides it (dockwrap.endpoint)."""
        return self._config.resolved


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
