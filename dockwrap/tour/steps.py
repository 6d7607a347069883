"""The tour's steps, in the order the lessons build on each other.

A step that a recipe already is calls that recipe (webhost, process-view, pingable-pair,
round-robin): the lesson is written once. The three steps no recipe covers (logs, top/inspect/stats,
exec) are short runs over the same building block, `RecipeRun`, with the recipe name `tour`: their
containers are named `dw-tour-RUN-part`, labelled like a recipe's, and removed by the run in every
case (success, a failed check, Ctrl-C, SIGTERM, SIGHUP, a closed output), and `dockwrap cleanup
--recipe tour` finds what a killed tour left. Each step returns what it saw: whether what it
shows held, in one line.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..recipes.run import ContainerSpec, RecipeRun

if TYPE_CHECKING:  # pragma: no cover
    from ..client import Docker

__all__ = ["Step", "Outcome", "TourContext", "STEPS"]


@dataclass(frozen=True)
class Outcome:
    """What a step saw: whether what it shows held, and the evidence in one line."""

    held: bool
    saw: str


@dataclass(frozen=True)
class TourContext:
    """What every step runs with: the Docker (its calls shown as -x shows them), the labels and
    image of what it creates, and whether a person's terminal is there for `-it`."""

    docker: Docker
    labels: Mapping[str, str]
    image: str
    pull: str
    terminal: bool

    def recipe(self) -> dict[str, object]:
        """The keywords every recipe takes."""
        return {"labels": dict(self.labels), "image": self.image, "pull": self.pull}

    def run(self) -> RecipeRun:
        return RecipeRun(self.docker, "tour", **self.recipe())  # type: ignore[arg-type]

    def say(self, line: str) -> None:
        """A line of the tour's own words (a comment of the --dry-run script)."""
        print(f"# {line}" if self.docker.dry_run else line, flush=True)


@dataclass(frozen=True)
class Step:
    name: str
    #: what the step shows
    title: str
    #: why it matters, in one line
    why: str
    play: Callable[[TourContext], Outcome]


def publish(t: TourContext) -> Outcome:
    from ..recipes.webhost import webhost

    result = webhost(t.docker, port=0, remove=True, **t.recipe())  # type: ignore[arg-type]
    return Outcome(result.ok, f"{result.url} answered {result.status} from {result.container}")


# prints, then ends: `run -d` returns before it has run; the logs keep what it wrote after it ended
_TALKER = 'echo "hello from $(hostname)"; for i in 1 2 3; do echo "line $i"; done'


def logs(t: TourContext) -> Outcome:
    with t.run() as run:
        name = run.start(ContainerSpec("talker", ["sh", "-c", _TALKER], hostname=run.name("talker")))
        # --follow ends when the container does: the whole output, without guessing how long to wait
        lines = [line.rstrip("\n") for line in t.docker.container.logs(name, follow=True)]
        held = lines == [f"hello from {name}", "line 1", "line 2", "line 3"]
        run.succeeded = held
        return Outcome(held, f"run -d returned at once; logs of the ended {name}: {' | '.join(lines)}")


def process(t: TourContext) -> Outcome:
    from ..recipes.process_view import process_view

    result = process_view(t.docker, **t.recipe())  # type: ignore[arg-type]
    if result.note:
        return Outcome(True, result.note)
    pids = ", ".join(f"{p.pid} ({p.host_comm})" for p in result.processes)
    return Outcome(result.ok, f"top's PIDs of {result.container} are this machine's: {pids}")


def views(t: TourContext) -> Outcome:
    with t.run() as run:
        name = run.start(ContainerSpec("box", ["sleep", "3600"]))
        processes = t.docker.container.top(name)
        details = t.docker.container.inspect(name)
        samples = t.docker.container.stats(name)
        if t.docker.dry_run:
            return Outcome(True, "")
        state = details[0].state
        pids = [p.pid for p in processes]
        memory = samples[0].mem_usage_bytes if samples else None
        held = state.running and state.pid in pids and memory is not None and memory > 0
        run.succeeded = held
        return Outcome(
            held, f"top: PIDs {pids}; inspect: {state.status}, main PID {state.pid}; stats: {memory} bytes of memory"
        )


# what an interactive shell would be typed, given to `sh -c` where no terminal is
_SHELL_INPUT = 'echo "in $(hostname) as $(whoami)"; exit 3'


def exec_step(t: TourContext) -> Outcome:
    docker = t.docker
    with t.run() as run:
        name = run.start(ContainerSpec("box", ["sleep", "3600"], hostname=run.name("box")))
        inside = docker.container.exec(name, ["hostname"]).out.strip()
        status = run.may_fail().container.exec(name, ["sh", "-c", "exit 7"]).exit_code
        if t.terminal:
            t.say(f"an interactive shell in {name} (-it: try ps, hostname; then: exit)")
            docker.container.exec(name, ["sh"], interactive=True, tty=True, output="terminal")
            piped = None
        else:
            # -t needs a terminal on our side: without one, the same shell gets its commands as an argument
            shown = docker.runner.argv(["container", "exec", "--interactive", "--tty", name, "sh"])
            from ..display import quote

            t.say(f"no terminal here: instead of `{quote(shown)}`, the shell gets its commands with -c")
            piped = run.may_fail().container.exec(name, ["sh", "-c", _SHELL_INPUT])
        if docker.dry_run:
            return Outcome(True, "")
        held = inside == name and status == 7
        saw = f"hostname inside: {inside}; `sh -c 'exit 7'` -> {status}"
        if piped is not None:
            held = held and (piped.out.strip(), piped.exit_code) == (f"in {name} as root", 3)
            saw += f"; the shell's own output and status: {piped.out.strip()!r}, {piped.exit_code}"
        run.succeeded = held
        return Outcome(held, saw)


def dns(t: TourContext) -> Outcome:
    from ..recipes.pingable_pair import pingable_pair

    result = pingable_pair(t.docker, count=2, **t.recipe())  # type: ignore[arg-type]
    return Outcome(
        result.ok,
        f"{result.source} pinged {result.target} by name at {result.resolved_ip} "
        f"on {result.network}: {result.received}/{result.sent} answered",
    )


def bridge(t: TourContext) -> Outcome:
    from ..recipes.pingable_pair import pingable_pair

    plain = pingable_pair(t.docker, count=1, default_bridge=True, **t.recipe())  # type: ignore[arg-type]
    linked = pingable_pair(t.docker, count=1, default_bridge=True, link=True, **t.recipe())  # type: ignore[arg-type]
    return Outcome(
        plain.ok and linked.ok,
        f"on bridge, {plain.target} did not resolve ({plain.error}); with --link it did: {linked.resolved_ip}",
    )


def round_robin(t: TourContext) -> Outcome:
    from ..recipes.round_robin import round_robin as recipe

    result = recipe(t.docker, **t.recipe())  # type: ignore[arg-type]
    answers = ", ".join(f"{b.name} {b.answers}" for b in result.backends)
    return Outcome(result.ok, f"{result.alias} resolved to {len(result.resolved_ips)} addresses; answers: {answers}")


STEPS: tuple[Step, ...] = (
    Step(
        "publish",
        "run and publish: a web server in a container, reached from the host on 127.0.0.1",
        "-p HOST_IP:HOST_PORT:CONTAINER_PORT is the one way in from outside; 127.0.0.1 keeps it off the network.",
        publish,
    ),
    Step(
        "logs",
        "detach and logs: run -d returns at once; docker keeps what the container writes",
        "a detached container has no terminal: its stdout and stderr are kept by docker, read with logs.",
        logs,
    ),
    Step(
        "process",
        "the container is a process: top's PIDs are processes of this machine",
        "a container is a host process in namespaces and cgroups, not a virtual machine.",
        process,
    ),
    Step(
        "views",
        "top, inspect and stats: three views of one running container",
        "top lists its processes, inspect its configuration and state, stats what it uses right now.",
        views,
    ),
    Step(
        "exec",
        "exec and -it: more commands in a running container, with their own exit status",
        "exec joins the container's namespaces; -i keeps stdin open, -t gives it a terminal (needs one here).",
        exec_step,
    ),
    Step(
        "dns",
        "networks and DNS by name: containers on a user-defined network reach each other by name",
        "user-defined networks have docker's embedded DNS; the container name is the host name.",
        dns,
    ),
    Step(
        "bridge",
        "the default bridge and --link: no names there, unless the legacy --link",
        "the default bridge has no embedded DNS; --link writes a name into /etc/hosts (use a network instead).",
        bridge,
    ),
    Step(
        "round-robin",
        "DNS round robin: one --network-alias, three servers, queries spread over them",
        "several containers may share an alias: DNS returns them all and clients spread over them.",
        round_robin,
    ),
)
