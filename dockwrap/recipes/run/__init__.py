"""What every recipe shares: `RecipeRun`, one run of a recipe, made of small parts:

* `naming`   the run's ID, its `dw-RECIPE-RUN-part` names and the labels that say which run made what;
* `ledger`   what its create calls made (a name enters once docker returned, never before);
* `removal`  removing what the ledger holds, and a sweep by the run's label after a failure, an
  interrupt or a create call that did not return, in all cases (success, a failing step, Ctrl-C,
  SIGTERM, SIGHUP, a closed output; signals are held off while it runs);
* `pool`     independent steps at once;
* `swarm`    the single-node swarm a run may start, and leave;
* `script`   the --dry-run script's own lines (its trap).

A recipe is a `with RecipeRun(...) as run:` block over the Python API; it creates only through
the run (`start`, `run_once`, `create_network`, `create_service`, `start_swarm`), which is how
the ledger knows what to remove.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, partial
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from ...errors import CommandTimeout, DaemonUnreachable, DockwrapError, NoSuchContext, PodmanHasNoSwarm, PortInUse
from ...signals import SignalsHeld, mute_closed_outputs
from ..notes import CREATED_REMOVED_NOTE, GONE_LEFT_NOTE, LEFT_NOTE
from .ledger import Ledger, NameTaken
from .naming import Naming, RecipeArgumentError, check_name
from .pool import parallel
from .removal import Removal, say
from .script import ScriptPrinter
from .swarm import SwarmSetup

if TYPE_CHECKING:  # pragma: no cover
    from ...call import Completed
    from ...client import Docker
    from ...image.records.build import BuildResult
    from ...image.records.progress import PullResult

__all__ = ["RecipeRun", "ContainerSpec", "Keep", "DEFAULT_IMAGE", "RecipeArgumentError", "NameTaken", "check_name"]

T = TypeVar("T")
DEFAULT_IMAGE = "busybox:latest"
#: the --dry-run script's variable holding the Dockerfile a run builds (its build reads it on stdin)
DOCKERFILE_VARIABLE = "dw_dockerfile"
#: when a recipe leaves what it created: never, only when it succeeded (webhost), always (--keep)
Keep = Literal["never", "success", "always"]


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


class RecipeRun:
    """One run of a recipe; use as a context manager around its steps.

    :param labels: more labels for everything the run creates; `dockwrap.run` and
        `dockwrap.recipe...` are the run's own (RecipeArgumentError)
    :param run_id: the run's ID (default: 6 random hex digits); see check_name
    :param swarm: the run may make the engine a swarm and create services (its --dry-run script
        then removes those too on failure)
    :param images: the run may build, tag and pull images (its --dry-run script's trap removes
        those carrying its label too)
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
        images: bool = False,
    ) -> None:
        if swarm and docker.runner.is_podman:  # before any call: its first would be `docker info`
            raise PodmanHasNoSwarm(f"recipe {recipe} --swarm", docker.runner.binary)
        self.docker = docker
        self.naming = Naming(recipe, run_id, labels)
        self.image = image
        self.keep = keep
        self.pull = pull
        self.ledger = Ledger()
        self.script = ScriptPrinter(docker, self.naming, swarm, images) if docker.dry_run else None
        self.swarm = SwarmSetup(docker, swarm, self.script)
        self.removal = Removal(docker, self.ledger, self.naming, self.swarm, images)
        #: what the recipe demonstrates was shown to hold (a kept-on-success run keeps its objects)
        self.succeeded = False

    @property
    def run_id(self) -> str:
        return self.naming.run_id

    @property
    def labels(self) -> dict[str, str]:
        return self.naming.labels

    def name(self, part: str) -> str:
        return self.naming.name(part)

    # -- creating (through the ledger) ----------------------------------------------------------

    def create_network(self, part: str = "net", name: str | None = None, **options: Any) -> str:
        """`docker network create` (options: driver, attachable, ...); returns its name."""
        network = name or self.name(part)
        with self.ledger.creating("network", network):
            self.docker.network.create(network, labels=self.labels, **options)
        return network

    def create_service(self, part: str, command: Sequence[str], **options: Any) -> str:
        """`docker service create` a helper service (labels on it and on its tasks' containers)."""
        name = self.name(part)
        with self.ledger.creating("service", name):
            self.docker.service.create(
                self.image,
                list(command),
                name=name,
                labels=self.labels,
                container_labels=self.labels,
                resolve_image=self.image_from_registry,
                **options,
            )
        return name

    @cached_property
    def image_from_registry(self) -> bool:
        """Whether the image came from a registry (has a repo digest): only such an image may be
        resolved there by `service create`; for a local one, asking would send traffic out for nothing."""
        return False if self.docker.dry_run else bool(self.docker.image.repo_digests(self.image))

    def start_swarm(self) -> None:
        """Make the engine a single-node swarm unless it is in one; the run leaves it at the end if so."""
        self.swarm.start()

    def start(self, spec: ContainerSpec) -> str:
        """`docker run -d --init` a helper container; returns its name."""
        name = spec.name or self.name(spec.part)
        with self.ledger.creating("container", name):
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

    def run_once(
        self, part: str, command: Sequence[str] | None, network: str | None = None, image: str | None = None
    ) -> Completed:
        """`docker run --rm` a throwaway container of this run (a client; of `image`, default the
        run's); the finished call. It removes itself, so it never enters the ledger; cut short,
        the label sweep finds it."""
        name = self.name(part)
        with self.ledger.creating("container", name, removes_itself=True):
            return self.docker.container.run(
                image or self.image,
                None if command is None else list(command),
                name=name,
                network=network,
                remove=True,
                labels=self.labels,
                pull=self.pull,
            )

    def build_image(self, tag: str, dockerfile: str) -> BuildResult:
        """`docker build -t TAG -` of a Dockerfile given on stdin (no context), labelled as the
        run: the build result. The --dry-run script sets the variable its build line reads."""
        if self.script:
            self.script.variable(DOCKERFILE_VARIABLE, dockerfile)
        elif self.docker.runner.explain:  # -x: what the build line's variable holds
            from ...display import quote_arg

            say(f"+ {DOCKERFILE_VARIABLE}={quote_arg(dockerfile)}")
        with self.ledger.creating("image", tag):
            return self.docker.image.build(
                "-", tags=[tag], labels=self.labels, input=dockerfile.encode(), input_from=DOCKERFILE_VARIABLE
            )

    def tag_image(self, source: str, target: str) -> str:
        """`docker tag SOURCE TARGET`; the new name is the run's to remove."""
        with self.ledger.creating("image", target):
            self.docker.image.tag(source, target)
        return target

    def pull_image(self, reference: str) -> PullResult:
        """`docker pull REFERENCE` (of an image the run pushed); the name is the run's to remove."""
        with self.ledger.creating("image", reference):
            return self.docker.image.pull(reference)

    def start_all(self, specs: Sequence[ContainerSpec]) -> list[str]:
        """Start independent helper containers together."""
        return self.parallel([partial(self.start, spec) for spec in specs])

    def parallel(self, steps: Sequence[Callable[[], T]]) -> list[T]:
        """Run independent steps at once; their results in order (one after the other under --dry-run)."""
        return parallel(self.docker, steps, f"dw-{self.naming.recipe}")

    def may_fail(self, expected: bool = True) -> Docker:
        """The run's Docker for calls that may fail by design: the --dry-run script marks them
        `|| true`, so that `set -e` does not stop it there (the run's own Docker stays as it is)."""
        return self.docker.with_settings(dry_run_suffix=" || true") if expected else self.docker

    # -- the run as a context manager -------------------------------------------------------------

    def __enter__(self) -> RecipeRun:
        if self.script:
            self.script.header(trap=self.keep != "always")
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if exc_type is not None:
            # A closed pipe or terminal may be why the run ends: what cleanup says goes nowhere then.
            mute_closed_outputs()
        keep = self.keep == "always" or (self.keep == "success" and exc_type is None and self.succeeded)
        if keep:
            if self.ledger:
                told = f"kept: remove later with: dockwrap cleanup --run {self.run_id}"
                say(f"# {told}" if self.docker.dry_run else told, to_stdout=self.docker.dry_run)
            return
        if self.docker.dry_run and (self.ledger or self.swarm.started):
            print("# cleanup")
        with SignalsHeld() as held:
            self.removal.cleanup(thorough=exc_type is not None or self.ledger.uncertain)
        if held.pending and exc_type is None:
            held.deliver()
        self._end(exc)

    def _end(self, exc: BaseException | None) -> None:
        """After cleanup: the error the run ends with, if another than `exc` (raised), or a warning."""
        failure = self.removal.failure
        if failure is None:
            if isinstance(exc, PortInUse) and exc.created:  # its hint names the container docker made: removed now
                raise exc.with_note(CREATED_REMOVED_NOTE, created=None) from exc
            return
        gone = isinstance(failure, (DaemonUnreachable, NoSuchContext))
        note = (GONE_LEFT_NOTE if gone else LEFT_NOTE) if self.ledger.made_something else None
        # An engine that went away makes what the run showed untrustworthy, and any error it
        # caused on the way (an "unexpected EOF") beside the point: that is the error then.
        if exc is None or (gone and isinstance(exc, DockwrapError) and not isinstance(exc, CommandTimeout)):
            raise (failure.with_note(note, run_left=self.run_id) if note else failure) from exc
        # An interrupt, or an error that already says what went wrong: it stays the error.
        if note:
            left = f"remove what run {self.run_id} left with: dockwrap cleanup --run {self.run_id}"
            say(f"dockwrap: warning: cleanup: {failure}; {'once it answers, ' if gone else ''}{left}")
