"""`Docker().service`: the service verbs as Python methods, one docker call each (except
`ServiceCommands.wait_converged`, which polls)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping, Sequence

from ..args import choice, flag, items, names_of, optional_text, seconds, text, whole
from ..choices import ENDPOINT_MODES, SERVICE_MODES
from ..errors import ArgumentTypeError, DockwrapError, NoSuchService, NotConverged, ParseError, UsageError
from ..logs import LogsVerb
from .records import Service, ServiceDetails, Task, parse_service_inspect, parse_service_ls, parse_service_ps

__all__ = ["ServiceCommands", "SERVICE_MODES", "ENDPOINT_MODES"]

Items = Iterable[str] | Mapping[str, object] | str
Words = Iterable[str] | str


class ServiceCommands(LogsVerb):
    """The service verbs; `Docker().service`. Keywords and `docker_args` as in ContainerCommands."""

    noun = ("service",)

    def create(
        self,
        image: str,
        command: Sequence[str] | str | None = None,
        *,
        name: str | None = None,
        replicas: int | None = None,
        publish: Items = (),
        network: str | Sequence[str] | None = None,
        endpoint_mode: str | None = None,
        labels: Items | None = None,
        env: Items = (),
        resolve_image: bool = True,
        mode: str | None = None,
        detach: bool = True,
        hostname: str | None = None,
        container_labels: Items | None = None,
        docker_args: Words = (),
        **options: object,
    ) -> str:
        """`docker service create` (any other option of docker's as a keyword: `mount=`,
        `constraint=`, `limit_memory=`, ...); returns the new service's ID (under --dry-run: its
        name, or "").

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
        name = None if name is None else text(name, "name", empty=False)
        mode = None if mode is None else choice(mode, "mode", SERVICE_MODES)
        endpoint_mode = None if endpoint_mode is None else choice(endpoint_mode, "endpoint_mode", ENDPOINT_MODES)
        if replicas is not None:
            _check_replicas(replicas)
            if mode is not None and mode.startswith("global"):
                raise UsageError("--replicas does not go with a global mode (one task per node)")
        keywords = {
            "no_resolve_image": not flag(resolve_image, "resolve_image"),
            "name": name,
            "mode": mode,
            "replicas": None if replicas is None else str(replicas),
            "endpoint_mode": endpoint_mode,
            "network": items(network, "network"),
            "publish": items(publish, "publish"),
            "labels": items(labels, "labels"),
            "container_labels": items(container_labels, "container_labels"),
            "hostname": optional_text(hostname, "hostname") or None,
            # --env NAME=VALUE as its own argument: the shape display.redacted() knows
            "env": items(env, "env"),
        }
        # docker's own default waits for the tasks (and prints its progress)
        words = ["--detach" if flag(detach, "detach") else "--detach=false"]
        line = self._line(
            "create", [image], keywords, options, docker_args, words=words, tail=items(command, "command")
        )
        done = self._runner.run(line.argv, creates=True)
        if self._runner.dry_run:
            return line.value("name") or ""
        # Without --detach docker prints its progress after the ID.
        lines = done.out.strip().splitlines()
        if not lines:
            raise ParseError("docker service create", "no service ID in the output", done.out)
        return lines[0].strip()

    def ls(self, filters: Items = (), *, docker_args: Words = (), **options: object) -> list[Service]:
        """`docker service ls`, filtered by `key=value` filters (`label=a=b`, `name=web`, `mode=global`)."""
        line = self._line("ls", (), {"filters": items(filters, "filters")}, options, docker_args)
        return parse_service_ls(self._runner.run(line.formatted("{{json .}}", "service.ls").argv).out)

    def ps(
        self,
        names: Sequence[str] | str,
        *,
        filters: Items = (),
        no_trunc: bool = False,
        docker_args: Words = (),
        **options: object,
    ) -> list[Task]:
        """`docker service ps`: the tasks of one or more services, newest first within a slot.

        :param filters: `desired-state=running`, `node=NAME`, ...
        :param no_trunc: full task IDs and errors
        """
        keywords = {"no_trunc": flag(no_trunc, "no_trunc"), "filters": items(filters, "filters")}
        line = self._line("ps", names_of(names, "service"), keywords, options, docker_args)
        return parse_service_ps(self._runner.run(line.formatted("{{json .}}", "service.ps").argv).out)

    def scale(self, name: str, replicas: int, *, docker_args: Words = (), **options: object) -> None:
        """`docker service scale --detach NAME=N` (wait with `wait_converged`)."""
        _check_replicas(replicas)
        name = text(name, "name", empty=False)
        if "=" in name:
            raise UsageError(f"not a service name: {name!r}")
        line = self._line("scale", [f"{name}={replicas}"], None, options, docker_args, words=["--detach"])
        self._runner.run(line.argv)

    def inspect(
        self, names: Sequence[str] | str, *, docker_args: Words = (), **options: object
    ) -> list[ServiceDetails]:
        """`docker service inspect` of any number of services, in one call.

        :raises DockerCommandFailed: when one is missing; its `done` holds the others
        """
        return self._inspect(names, parse_service_inspect, options, docker_args)

    def rm(self, names: Sequence[str] | str, *, docker_args: Words = (), **options: object) -> list[str]:
        """`docker service rm`; returns the names docker confirmed.

        :raises DockerCommandFailed: when one is not removed; its `done` names those that were
        """
        return self._each("rm", names, None, options, docker_args)

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
                raise NotConverged(
                    name, timeout, service.replicas_running, replicas.desired if replicas else None, self._why(name)
                )
            time.sleep(min(delay, remaining))
            # Start brisk (tasks often start within a second), then spare the daemon.
            delay = min(delay * 1.5, 2.0)

    # -- internals --------------------------------------------------------------------------------

    def _find(self, name: str) -> Service:
        args = self._line("ls", (), {"filter": f"name={name}"}).formatted("{{json .}}", "service.ls").argv
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
