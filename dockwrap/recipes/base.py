"""What every recipe shares: names and labels, the ledger of what it created, removal in all
cases (success, a failing step, Ctrl-C, SIGTERM), concurrent steps, and the --dry-run script.

A recipe is a `with RecipeRun(...) as run:` block over the Python API. Each resource is entered in
the ledger *before* the docker call that creates it, so that a call interrupted half-way (docker
may have created the container already) is still removed. Removal is one `rm -f` for all
containers, then one `network rm`; signals are held off while it runs.
"""

from __future__ import annotations

import secrets
import sys
import threading
import time
from contextlib import contextmanager
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from functools import cached_property, partial
from types import TracebackType
from typing import TYPE_CHECKING, Any, Callable, Iterator, Literal, Mapping, Sequence, TypeVar

from ..signals import SignalsHeld
from ..errors import (CommandTimeout, DaemonUnreachable, DockerCommandFailed, DockwrapError, NoSuchContainer,
                      NoSuchContext, NoSuchNetwork, RemovalInProgress)

if TYPE_CHECKING:  # pragma: no cover
    from ..client import Docker

__all__ = ["RecipeRun", "ContainerSpec", "Keep", "DEFAULT_IMAGE", "progress"]

T = TypeVar("T")
DEFAULT_IMAGE = "busybox:latest"
#: when a recipe leaves what it created: never, only when it succeeded (webhost), always (--keep)
Keep = Literal["never", "success", "always"]
# A recipe must end even when the engine hangs: each removal call gets this long (or --timeout,
# when that is shorter), and the first one that fails to get an answer ends the removal.
CLEANUP_TIMEOUT = 60.0


@dataclass
class ContainerSpec:
    """A helper container of a recipe: `part` names it (dw-RECIPE-RUN-part)."""

    part: str
    command: Sequence[str] | None = None
    network: str | None = None
    aliases: Sequence[str] = ()
    publish: Sequence[str] = ()
    links: Sequence[str] = ()
    hostname: str | None = None
    name: str | None = None  # a name the user chose, instead of the generated one
    options: dict[str, Any] = field(default_factory=dict)


def progress(message: str) -> None:
    """Waiting messages: stderr, and only when it is a terminal (stdout carries data only)."""
    if sys.stderr.isatty():
        sys.stderr.write(f"\r\x1b[K{message}")
        sys.stderr.flush()


def progress_done() -> None:
    if sys.stderr.isatty():
        sys.stderr.write("\r\x1b[K")
        sys.stderr.flush()


class RecipeRun:
    """One run of a recipe; use as a context manager around its steps."""

    def __init__(
        self,
        docker: Docker,
        recipe: str,
        *,
        image: str = DEFAULT_IMAGE,
        keep: Keep = "never",
        labels: Mapping[str, str] | None = None,
        pull: str | None = "never",
        run_id: str | None = None,
    ) -> None:
        self.docker = docker
        self.recipe = recipe
        self.image = image
        self.keep = keep
        self.pull = pull
        self.run_id = run_id or secrets.token_hex(3)
        self.labels = {"dockwrap.recipe": recipe, "dockwrap.run": self.run_id, **(labels or {})}
        self.containers: list[str] = []
        self.networks: list[str] = []
        self.services: list[str] = []
        #: set when this run made the engine a swarm: it leaves the swarm at the end
        self.swarm_started = False
        self._gwbridge_existed = True
        self._ledger_lock = threading.Lock()
        self.succeeded = False
        #: why cleanup stopped early (the engine did not answer, or not in time): the rest is left
        #: for `dockwrap cleanup`
        self.cleanup_failure: DaemonUnreachable | NoSuchContext | CommandTimeout | None = None
        #: whether a create call of this run succeeded (else an engine that never answered left nothing)
        self.made_something = False

    # -- names and creation -----------------------------------------------------------------------

    def name(self, part: str) -> str:
        return f"dw-{self.recipe}-{self.run_id}-{part}"

    def create_network(self, part: str = "net", name: str | None = None, **options: Any) -> str:
        """`docker network create` (options: driver, attachable, ...); returns its name."""
        network = name or self.name(part)
        with self._ledger_lock:
            self.networks.append(network)
        self.docker.network.create(network, labels=self.labels, **options)
        self.made_something = True
        return network

    def create_service(self, part: str, command: Sequence[str], **options: Any) -> str:
        """`docker service create` a helper service (labels on it and on its tasks' containers)."""
        name = self.name(part)
        with self._ledger_lock:
            self.services.append(name)
        self.docker.service.create(self.image, list(command), name=name, labels=self.labels,
                                   container_labels=self.labels, resolve_image=self.image_from_registry, **options)
        self.made_something = True
        return name

    @cached_property
    def image_from_registry(self) -> bool:
        """Whether the image came from a registry (has a repo digest): only such an image may be
        resolved there by `service create`; for a local one, asking would send traffic out for nothing."""
        return False if self.docker.dry_run else bool(self.docker.image.repo_digests(self.image))

    def start_swarm(self) -> None:
        """Make the engine a single-node swarm unless it is in one; leave it at the end if so
        (with the docker_gwbridge network that `swarm init` adds and `swarm leave` keeps)."""
        if self.docker.dry_run or self.docker.swarm.state() != "active":
            self._gwbridge_existed = not self.docker.dry_run and bool(self.docker.network.ls(filters=["name=^docker_gwbridge$"]))
            self.swarm_started = True
            self.docker.swarm.init(advertise_addr="127.0.0.1")

    def start(self, spec: ContainerSpec) -> str:
        """`docker run -d --init` a helper container; returns its name."""
        name = spec.name or self.name(spec.part)
        with self._ledger_lock:
            self.containers.append(name)
        # --init: a PID-1 `sleep` ignores SIGTERM, and stop/rm would wait out docker's 10 s.
        self.docker.container.run(
            self.image,
            list(spec.command) if spec.command is not None else None,
            detach=True,
            name=name,
            init=True,
            hostname=spec.hostname,
            network=spec.network,
            network_aliases=spec.aliases,
            publish=spec.publish,
            links=spec.links,
            labels=self.labels,
            pull=self.pull,
            **spec.options,
        )
        self.made_something = True
        return name

    def start_all(self, specs: Sequence[ContainerSpec]) -> list[str]:
        """Start independent helper containers together."""
        return self.parallel([partial(self.start, spec) for spec in specs])

    def parallel(self, steps: Sequence[Callable[[], T]]) -> list[T]:
        """Run independent steps at once; their results in order. Under --dry-run they run one
        after the other, so the printed script is in a fixed order."""
        if self.docker.dry_run or len(steps) < 2:
            return [step() for step in steps]
        pool = ThreadPoolExecutor(max_workers=min(8, len(steps)), thread_name_prefix=f"dw-{self.recipe}")
        futures = [pool.submit(step) for step in steps]
        try:
            wait(futures, return_when=FIRST_EXCEPTION)
            wait(futures)
        except BaseException:
            # Interrupted while the steps run: end their docker children, then let them finish.
            self.docker.runner.terminate_all()
            pool.shutdown(wait=True, cancel_futures=True)
            raise
        pool.shutdown(wait=True)
        return [future.result() for future in futures]

    @contextmanager
    def may_fail(self, expected: bool = True) -> Iterator[None]:
        """Calls in this block may fail by design: the --dry-run script marks them `|| true`,
        so that `set -e` does not stop it there."""
        runner = self.docker.runner
        previous = runner.dry_run_suffix
        if expected:
            runner.dry_run_suffix = " || true"
        try:
            yield
        finally:
            runner.dry_run_suffix = previous

    # -- the run as a context manager ---------------------------------------------------------------

    def __enter__(self) -> RecipeRun:
        if self.docker.dry_run:
            print("#!/usr/bin/env bash")
            print(f"# dockwrap recipe {self.recipe} (run {self.run_id}): the docker calls it makes, in order")
            print("set -e")
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        keep = self.keep == "always" or (self.keep == "success" and exc_type is None and self.succeeded)
        everything = self.containers or self.networks or self.services
        if keep:
            if self.docker.dry_run:
                print(f"# kept running; to remove: docker container rm --force {' '.join(self.containers)}")
            elif everything:
                print(f"kept: remove later with: dockwrap cleanup --run {self.run_id}", file=sys.stderr)
            return
        if self.docker.dry_run and (everything or self.swarm_started):
            print("# cleanup")
        with SignalsHeld() as held:
            self.cleanup(thorough=exc_type is not None)
        if held.pending and exc_type is None:
            held.deliver()
        failure = self.cleanup_failure
        if failure is None:
            return
        gone = isinstance(failure, (DaemonUnreachable, NoSuchContext))
        left = None
        if self.made_something:
            left = f"remove what run {self.run_id} left with: dockwrap cleanup --run {self.run_id}"
            if gone:
                left = "once it answers, " + left
        # An engine that went away makes what the run showed untrustworthy, and any error it
        # caused on the way (an "unexpected EOF") beside the point: that is the error then.
        if exc is None or (gone and isinstance(exc, DockwrapError) and not isinstance(exc, CommandTimeout)):
            if left:
                failure.hint = f"{failure.hint}; {left}"
            raise failure from exc
        # An interrupt, or an error that already says what went wrong: it stays the error.
        if left:
            print(f"dockwrap: warning: cleanup: {failure}; {left}", file=sys.stderr)

    def cleanup(self, thorough: bool = False) -> None:
        """Remove what this run created: its services, one `rm -f` for all containers, one
        `network rm`, and the swarm it started.

        :param thorough: after a failure or an interrupt, also sweep by the run's label, in
            case a docker call that was cut short created something after all
        """
        runner = self.docker.runner
        previous, runner.timeout = runner.timeout, min(runner.timeout or CLEANUP_TIMEOUT, CLEANUP_TIMEOUT)
        try:
            containers, networks = list(dict.fromkeys(self.containers)), list(dict.fromkeys(self.networks))
            services = list(dict.fromkeys(self.services))
            if thorough and services and not self.docker.dry_run:
                services += [name for name in self._labelled_names(self.docker.service.ls) if name not in services]
            if services:
                self._quietly(lambda: self.docker.service.rm(services), None)
            if thorough and not self.docker.dry_run:
                containers += [name for name in self._labelled_names(partial(self.docker.container.ls, all=True))
                               if name not in containers]
            if containers:
                self._quietly(lambda: self.docker.container.rm(containers, force=True), None)
            if networks:
                self._remove_networks(networks)
            if thorough and not self.docker.dry_run:
                leftover = self._labelled_names(self.docker.network.ls)
                if leftover:
                    self._quietly(lambda: self.docker.network.rm(leftover), None)
            if self.swarm_started:
                self._quietly(lambda: self.docker.swarm.leave(force=True), None)
                if not self._gwbridge_existed:
                    self._quietly(lambda: self.docker.network.rm("docker_gwbridge"), None)
                self.swarm_started = False
        finally:
            runner.timeout = previous
        self.containers.clear()
        self.networks.clear()
        self.services.clear()

    def _quietly(self, call: Callable[[], T], default: T) -> T:
        """A removal step: cleanup goes on past what is already gone and past other failures, but
        once the engine does not answer (or not in time) the remaining steps are skipped: one
        clear error instead of a failure, or a timeout, per step."""
        if self.cleanup_failure is not None:
            return default
        try:
            return call()
        except (NoSuchContainer, NoSuchNetwork, RemovalInProgress):  # already gone, or going
            return default
        except (DaemonUnreachable, NoSuchContext, CommandTimeout) as exc:
            self.cleanup_failure = exc
            return default
        except DockerCommandFailed as exc:  # go on past the others, each reported once
            print(f"dockwrap: warning: cleanup: {exc}", file=sys.stderr)
            return default

    def _labelled_names(self, ls: Callable[..., Sequence[Any]]) -> list[str]:
        """Names of what carries this run's label, by one `ls` (a sweep after an interrupt)."""
        names: list[str] = self._quietly(lambda: [row.name for row in ls(filters=[f"label=dockwrap.run={self.run_id}"])], [])
        return names

    def _remove_networks(self, networks: list[str]) -> None:
        if self.cleanup_failure is not None:
            return
        if not self.services:
            try:
                self.docker.network.rm(networks)
                return
            except NoSuchNetwork:
                return
            except (DaemonUnreachable, NoSuchContext, CommandTimeout) as exc:
                self.cleanup_failure = exc
                return
            except DockerCommandFailed as exc:
                if "active endpoints" not in exc.message:
                    print(f"dockwrap: warning: cleanup: {exc}", file=sys.stderr)
                    return
            # A container that docker itself is removing (its `run --rm`) holds on to the network
            # for a moment: each network is tried again below, as for a service's tasks.
        if self.docker.dry_run:
            # The printed script does not wait for the tasks to leave the network: go on anyway.
            with self.may_fail():
                self.docker.network.rm(networks)
            return
        # A removed service's tasks leave its overlay network a few seconds later.
        deadline = time.monotonic() + CLEANUP_TIMEOUT / 2
        for network in networks:
            while True:
                try:
                    self.docker.network.rm(network)
                    break
                except NoSuchNetwork:
                    break
                except (DaemonUnreachable, NoSuchContext, CommandTimeout) as exc:
                    self.cleanup_failure = exc
                    return
                except DockerCommandFailed as exc:
                    if "active endpoints" not in exc.message or time.monotonic() > deadline:
                        print(f"dockwrap: warning: cleanup: {exc}", file=sys.stderr)
                        break
                time.sleep(0.5)
