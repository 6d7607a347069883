"""`Docker().service`: the service verbs as Python methods, one docker call each (except
`ServiceCommands.wait_converged`, which polls)."""

from __future__ import annotations

import time
from typing import Callable, Iterable, Mapping, Sequence

from ..args import choice, flag, items, label_args, names_of, operands, optional_text, repeat, seconds, text, whole
from ..errors import ArgumentTypeError, DockwrapError, NoSuchService, NotConverged, ParseError, UsageError
from ..logs import LogsVerb
from ..runner import Runner
from .records import Service, ServiceDetails, Task, parse_service_inspect, parse_service_ls, parse_service_ps

__all__ = ["ServiceCommands", "SERVICE_MODES", "ENDPOINT_MODES"]

SERVICE_MODES = ("replicated", "global", "replicated-job", "global-job")
ENDPOINT_MODES = ("vip", "dnsrr")


class ServiceCommands(LogsVerb):
    """The service verbs; `Docker().service`."""

    logs_group = "service"

    def __init__(self, runner: Runner) -> None:
        self._runner = runner

    def create(
        self,
        image: str,
        command: Sequence[str] | str | None = None,
        *,
        name: str,
        replicas: int | None = None,
        publish: Iterable[str] | str = (),
        network: str | Sequence[str] | None = None,
        endpoint_mode: str | None = None,
        labels: Mapping[str, str] | Iterable[str] | None = None,
        env: Iterable[str] | Mapping[str, str | None] | str = (),
        resolve_image: bool = True,
        mode: str | None = None,
        detach: bool = True,
        hostname: str | None = None,
        container_labels: Mapping[str, str] | Iterable[str] | None = None,
    ) -> str:
        """`docker service create`; returns the new service's ID (under --dry-run: its name).

        :param command: the tasks' command, a list of arguments (after the image; one str is one)
        :param publish: `-p` values: `8080:80`, `published=8080,target=80,mode=host`
        :param network: a network name, or several
        :param endpoint_mode: `vip` (one virtual IP, needs IPVS in the kernel) or `dnsrr`
            (the service name resolves to every task's IP)
        :param env: `NAME=VALUE` or `NAME` items, or a mapping (secret-looking values are never printed)
        :param resolve_image: False adds --no-resolve-image: use the image as the nodes have it
            instead of asking its registry for a digest (needed without a registry)
        :param mode: replicated (default), global, replicated-job or global-job
        :param detach: False makes docker wait until the tasks run (and print its progress)
        :param hostname: the tasks' host name; docker expands templates such as
            `{{.Service.Name}}.{{.Task.Slot}}`
        :param container_labels: labels on the tasks' containers (`labels` are the service's)
        :raises UsageError: (or ArgumentTypeError) for a bad argument, before any docker call
        """
        image = text(image, "image", empty=False)
        name = text(name, "name", empty=False)
        mode = None if mode is None else choice(mode, "mode", SERVICE_MODES)
        endpoint_mode = None if endpoint_mode is None else choice(endpoint_mode, "endpoint_mode", ENDPOINT_MODES)
        if replicas is not None:
            _check_replicas(replicas)
            if mode is not None and mode.startswith("global"):
                raise UsageError("--replicas does not go with a global mode (one task per node)")
        args = ["service", "create", "--detach" if flag(detach, "detach") else "--detach=false"]
        if not flag(resolve_image, "resolve_image"):
            args.append("--no-resolve-image")
        args += ["--name", name]
        if mode:
            args += ["--mode", mode]
        if replicas is not None:
            args += ["--replicas", str(replicas)]
        if endpoint_mode:
            args += ["--endpoint-mode", endpoint_mode]
        args += repeat("--network", items(network, "network"))
        args += repeat("--publish", items(publish, "publish"))
        args += label_args(labels)
        args += label_args(container_labels, "container_labels", "--container-label")
        hostname = optional_text(hostname, "hostname")
        if hostname:
            args += ["--hostname", hostname]
        # --env NAME=VALUE as its own argument: the shape display.redacted() knows.
        args += repeat("--env", items(env, "env"))
        done = self._runner.run([*args, *operands([image]), *items(command, "command")], creates=True)
        if self._runner.dry_run:
            return name
        # Without --detach docker prints its progress after the ID.
        lines = done.out.strip().splitlines()
        if not lines:
            raise ParseError("docker service create", "no service ID in the output", done.out)
        return lines[0].strip()

    def ls(self, filters: Iterable[str] = ()) -> list[Service]:
        """`docker service ls`, filtered by `key=value` filters (`label=a=b`, `name=web`, `mode=global`)."""
        done = self._runner.run(["service", "ls", *repeat("--filter", items(filters, "filters")), "--format", "{{json .}}"])
        return parse_service_ls(done.out)

    def ps(self, names: Sequence[str] | str, *, filters: Iterable[str] = (), no_trunc: bool = False) -> list[Task]:
        """`docker service ps`: the tasks of one or more services, newest first within a slot.

        :param filters: `desired-state=running`, `node=NAME`, ...
        :param no_trunc: full task IDs and errors
        """
        args = ["service", "ps"]
        if flag(no_trunc, "no_trunc"):
            args.append("--no-trunc")
        args += repeat("--filter", items(filters, "filters"))
        listed = operands(names_of(names, "service"))
        fmt = ["--format", "{{json .}}"]
        # no option may follow a `--`: then the format goes first
        done = self._runner.run([*args, *fmt, *listed] if listed[0] == "--" else [*args, *listed, *fmt])
        return parse_service_ps(done.out)

    def scale(self, name: str, replicas: int) -> None:
        """`docker service scale --detach NAME=N` (wait with `wait_converged`)."""
        _check_replicas(replicas)
        name = text(name, "name", empty=False)
        if "=" in name:
            raise UsageError(f"not a service name: {name!r}")
        self._runner.run(["service", "scale", "--detach", *operands([f"{name}={replicas}"])])

    def inspect(self, names: Sequence[str] | str) -> list[ServiceDetails]:
        """`docker service inspect` of any number of services, in one call.

        :raises DockerCommandFailed: when one is missing; its `done` holds the others
        """
        done = self._runner.run(["service", "inspect", *operands(names_of(names, "service"))],
                                done_of=parse_service_inspect)
        return parse_service_inspect(done.out)

    def rm(self, names: Sequence[str] | str) -> list[str]:
        """`docker service rm`; returns the names docker confirmed.

        :raises DockerCommandFailed: when one is not removed; its `done` names those that were
        """
        done = self._runner.run(["service", "rm", *operands(names_of(names, "service"))], done_of=str.splitlines)
        return done.out.splitlines()

    def wait_converged(
        self,
        name: str,
        timeout: float = 60.0,
        *,
        interval: float = 0.5,
        on_progress: Callable[[Service], None] | None = None,
    ) -> Service | None:
        """Poll `docker service ls` until every task of the service runs (a job: until all its
        completions are done), seen twice in a row; returns the last row (under --dry-run: None,
        at once).

        Twice, because a crash-looping task is counted as running for the moment it runs.

        :param on_progress: called with each row that is not there yet
        :raises NotConverged: (exit 124) after `timeout` seconds, saying how far it got and the
            last task error docker reports
        :raises NoSuchService: when no service has that name
        """
        name = text(name, "name", empty=False)
        timeout = seconds(timeout, "timeout")
        interval = seconds(interval, "interval", finite=True)
        if on_progress is not None and not callable(on_progress):
            raise ArgumentTypeError(f"on_progress must be callable, not {type(on_progress).__name__}")
        if self._runner.dry_run:
            return None
        deadline = time.monotonic() + timeout
        delay = interval
        seen = False
        while True:
            service = self._find(name)
            if service.converged and (seen or interval <= 0):
                return service
            seen = service.converged
            if seen:
                time.sleep(interval)
                continue
            if on_progress is not None:
                on_progress(service)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                replicas = service.replicas
                raise NotConverged(name, timeout, service.replicas_running,
                                   replicas.desired if replicas else None, self._why(name))
            time.sleep(min(delay, remaining))
            # Start brisk (tasks often start within a second), then spare the daemon.
            delay = min(delay * 1.5, 2.0)

    # -- internals --------------------------------------------------------------------------------

    def _find(self, name: str) -> Service:
        args = ["service", "ls", "--filter", f"name={name}", "--format", "{{json .}}"]
        done = self._runner.run(args)
        # The name filter matches prefixes too: pick the service itself.
        rows = parse_service_ls(done.out)
        for service in rows:
            if service.name == name or service.id == name:
                return service
        for service in rows:
            if service.id.startswith(name):
                return service
        raise NoSuchService(self._runner.argv(args), 1, f"no such service: {name}")

    def _why(self, name: str) -> str | None:
        """What the tasks say: their states and the newest error (None if that cannot be read)."""
        try:
            tasks = self.ps(name)
        except DockwrapError:
            return None
        if not tasks:
            return "no tasks"
        counts: dict[str, int] = {}
        for task in tasks:
            if task.desired_state.lower() in ("running", "ready", "accepted"):
                counts[task.state] = counts.get(task.state, 0) + 1
        text = ", ".join(f"{count} {state}" for state, count in sorted(counts.items()))
        error = next((task.error for task in tasks if task.error), None)
        if error:
            text = f"{text}; last task error: {error}" if text else f"last task error: {error}"
        return text or None


def _check_replicas(replicas: int) -> None:
    whole(replicas, "replicas", minimum=0)
