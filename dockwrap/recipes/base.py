"""What every recipe shares: names and labels, the ledger of what it created, removal in all
cases (success, a failing step, Ctrl-C, SIGTERM, SIGHUP, a closed output), concurrent steps, and
the --dry-run script.

A recipe is a `with RecipeRun(...) as run:` block over the Python API. The ledger holds only what
this run made: a name enters it once docker's create call returned (the new ID), never before, so
a name that was taken already (the user's own `--name mine`, `--network lan`) is never removed. A
create call that failed or was cut short may have made its object all the same (docker goes on
after its client died): the run then also sweeps by its label, `dockwrap.run=RUN`, which only
what this run created carries. Removal is one `rm -f` for all containers, then one `network rm`;
signals, and a closed stdout or stderr, are held off while it runs.
"""

from __future__ import annotations

import re
import secrets
import sys
import threading
from contextlib import contextmanager
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from functools import cached_property, partial
from types import TracebackType
from typing import TYPE_CHECKING, Any, Callable, Iterator, Literal, Mapping, Sequence, TypeVar

from ..signals import SignalsHeld, mute_closed_outputs
from ..errors import (CommandTimeout, DaemonUnreachable, DockerCommandFailed, DockwrapError, NameConflict,
                      NoSuchContext, PortInUse, UsageError)
from .removal import Removal, say
from .script import ScriptPrinter

if TYPE_CHECKING:  # pragma: no cover
    from ..client import Docker
    from ..runner import Completed

__all__ = ["RecipeRun", "ContainerSpec", "Keep", "DEFAULT_IMAGE", "progress", "RecipeArgumentError", "check_name"]

T = TypeVar("T")
DEFAULT_IMAGE = "busybox:latest"
#: when a recipe leaves what it created: never, only when it succeeded (webhost), always (--keep)
Keep = Literal["never", "success", "always"]
#: run IDs and recipe names: what a label filter can select exactly, and a container name can hold
_SELECTOR = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*\Z")


class RecipeArgumentError(UsageError, ValueError):
    """A recipe was given a value it cannot use (exit 2 from the CLI; a ValueError in Python)."""


def check_name(value: object, what: str) -> str:
    """A run ID or a recipe name: letters, digits, `_`, `.` and `-`, starting with a letter or digit."""
    if not isinstance(value, str) or not _SELECTOR.match(value):
        raise RecipeArgumentError(f"{what} must be letters, digits, '_', '.' or '-', starting with a letter or digit, "
                                  f"not {value!r}")
    return value


def _check_labels(labels: Mapping[str, str] | None) -> dict[str, str]:
    if labels is None:
        return {}
    if not isinstance(labels, Mapping):
        raise RecipeArgumentError(f"labels must be a mapping of label names to values, not {labels!r}")
    for key, value in labels.items():
        if not isinstance(key, str) or not isinstance(value, str) or not key:
            raise RecipeArgumentError(f"labels must map names to strings, not {key!r}: {value!r}")
        if key == "dockwrap.run" or key.startswith("dockwrap.recipe"):
            raise RecipeArgumentError(f"the label {key} is set by the recipe itself (it says which run made what)")
    return dict(labels)


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


class RecipeRun(Removal):
    """One run of a recipe; use as a context manager around its steps.

    :param labels: more labels for everything the run creates; `dockwrap.run` and
        `dockwrap.recipe...` are the run's own (RecipeArgumentError)
    :param run_id: the run's ID (default: 6 random hex digits); see check_name
    :param swarm: the run may make the engine a swarm and create services (its --dry-run script
        then removes those too on failure)
    """

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
        swarm: bool = False,
    ) -> None:
        self.docker = docker
        self.recipe = check_name(recipe, "the recipe name")
        self.image = image
        self.keep = keep
        self.pull = pull
        self.run_id = secrets.token_hex(3) if run_id is None else check_name(run_id, "the run ID")
        self.labels = {"dockwrap.recipe": recipe, "dockwrap.run": self.run_id, **_check_labels(labels)}
        self.swarm = swarm
        #: the ledger: what this run's create calls made (docker returned), by kind
        self.containers: list[str] = []
        self.networks: list[str] = []
        self.services: list[str] = []
        #: set when this run made the engine a swarm: it leaves the swarm at the end
        self.swarm_started = False
        self._gwbridge_existed = True
        self._ledger_lock = threading.Lock()
        self.succeeded = False
        #: a create call failed or was cut short: what it may have made all the same is found by
        #: the run's label at the end
        self.uncertain = False
        self.cut_short: list[tuple[str, str]] = []
        #: why cleanup stopped early (the engine did not answer, or not in time): the rest is left
        #: for `dockwrap cleanup`
        self.cleanup_failure: DaemonUnreachable | NoSuchContext | CommandTimeout | None = None
        #: whether a create call of this run succeeded (else an engine that never answered left nothing)
        self.made_something = False
        self.script = ScriptPrinter(self) if docker.dry_run else None

    # -- names and creation -----------------------------------------------------------------------

    def name(self, part: str) -> str:
        return f"dw-{self.recipe}-{self.run_id}-{part}"

    @contextmanager
    def _creating(self, kind: str, name: str, removes_itself: bool = False) -> Iterator[None]:
        """Around the docker call that creates `name` (a `run --rm` removes itself: it never enters
        the ledger). The name enters the ledger only once the call returned: a name that was taken
        already is someone else's, and stays. A call that failed or was cut short makes the run
        uncertain."""
        try:
            yield
        except DockerCommandFailed as exc:
            self.uncertain = True
            if isinstance(exc, NameConflict) or (kind == "network" and "already exists" in exc.message):
                raise NameTaken(exc, kind, name) from None
            raise
        except BaseException:  # cut short: docker's answer, if any, was not seen
            self.uncertain = True
            with self._ledger_lock:
                self.cut_short.append((kind, name))
            raise
        if not removes_itself:
            with self._ledger_lock:
                getattr(self, f"{kind}s").append(name)
        self.made_something = True

    def create_network(self, part: str = "net", name: str | None = None, **options: Any) -> str:
        """`docker network create` (options: driver, attachable, ...); returns its name."""
        network = name or self.name(part)
        with self._creating("network", network):
            self.docker.network.create(network, labels=self.labels, **options)
        return network

    def create_service(self, part: str, command: Sequence[str], **options: Any) -> str:
        """`docker service create` a helper service (labels on it and on its tasks' containers)."""
        name = self.name(part)
        with self._creating("service", name):
            self.docker.service.create(self.image, list(command), name=name, labels=self.labels,
                                       container_labels=self.labels, resolve_image=self.image_from_registry, **options)
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
            if self.script:
                self.script.before_swarm_init()
            try:
                self.docker.swarm.init(advertise_addr="127.0.0.1")
            except DockerCommandFailed:  # docker says it made none (AlreadyInSwarm: someone else's)
                raise
            except BaseException:
                # Cut short, or no answer in time: it may be made all the same, and a moment ago
                # the engine was in no swarm, so it is this run's.
                self.swarm_started = True
                raise
            self.swarm_started = True
            if self.script:
                self.script.swarm_started()

    def start(self, spec: ContainerSpec) -> str:
        """`docker run -d --init` a helper container; returns its name."""
        name = spec.name or self.name(spec.part)
        with self._creating("container", name):
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
        return name

    def run_once(self, part: str, command: Sequence[str], network: str | None = None) -> Completed:
        """`docker run --rm` a throwaway container of this run (a client); the finished call.
        It removes itself, so it never enters the ledger; cut short, the label sweep finds it."""
        name = self.name(part)
        with self._creating("container", name, removes_itself=True):
            return self.docker.container.run(self.image, list(command), name=name, network=network,
                                             remove=True, labels=self.labels, pull=self.pull)

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

    def may_fail(self, expected: bool = True) -> Docker:
        """The run's Docker for calls that may fail by design: the --dry-run script marks them
        `|| true`, so that `set -e` does not stop it there (the run's own Docker stays as it is)."""
        return self.docker.with_settings(dry_run_suffix=" || true") if expected else self.docker

    # -- the run as a context manager ---------------------------------------------------------------

    def __enter__(self) -> RecipeRun:
        if self.script:
            self.script.header()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if exc_type is not None:
            # A closed pipe or terminal may be why the run ends: what cleanup says goes nowhere then.
            mute_closed_outputs()
        keep = self.keep == "always" or (self.keep == "success" and exc_type is None and self.succeeded)
        everything = self.containers or self.networks or self.services
        if keep:
            if everything:
                told = f"kept: remove later with: dockwrap cleanup --run {self.run_id}"
                say(f"# {told}" if self.docker.dry_run else told, to_stdout=self.docker.dry_run)
            return
        if self.docker.dry_run and (everything or self.swarm_started):
            print("# cleanup")
        with SignalsHeld() as held:
            self.cleanup(thorough=exc_type is not None or self.uncertain)
        if held.pending and exc_type is None:
            held.deliver()
        failure = self.cleanup_failure
        if failure is None:
            if isinstance(exc, PortInUse) and exc.created:  # its hint names the container docker made: removed now
                raise exc.with_note(CREATED_REMOVED_NOTE, created=None) from exc
            return
        gone = isinstance(failure, (DaemonUnreachable, NoSuchContext))
        note = (GONE_LEFT_NOTE if gone else LEFT_NOTE) if self.made_something else None
        # An engine that went away makes what the run showed untrustworthy, and any error it
        # caused on the way (an "unexpected EOF") beside the point: that is the error then.
        if exc is None or (gone and isinstance(exc, DockwrapError) and not isinstance(exc, CommandTimeout)):
            raise (failure.with_note(note, run_left=self.run_id) if note else failure) from exc
        # An interrupt, or an error that already says what went wrong: it stays the error.
        if note:
            left = f"remove what run {self.run_id} left with: dockwrap cleanup --run {self.run_id}"
            say(f"dockwrap: warning: cleanup: {failure}; {'once it answers, ' if gone else ''}{left}")


class NameTaken(NameConflict):
    """A name a recipe run wanted is taken by something that is not the run's (and stays as it is)."""

    hint_format = "a {kind} named {name!r} exists already and is not this run's (it was left as it is): choose another name"

    def __init__(self, failure: DockerCommandFailed, kind: str, name: str) -> None:
        super().__init__(failure.argv, failure.exit_status, failure.stderr, failure.stdout, failure.endpoint)
        self.kind = kind
        self.name = name


#: the notes a run adds to an error: what it left, and the container a failed `run -p` made
LEFT_NOTE = "remove what run {run_left} left with Recipes(docker).cleanup(run={run_left!r})"
GONE_LEFT_NOTE = "once it answers, " + LEFT_NOTE
CREATED_REMOVED_NOTE = "the container docker made without starting it was removed"
