"""`dockwrap tour`: the container and network lessons in order, as steps (`steps.STEPS`).

Each step says what it shows, waits for Enter (`q` quits; `yes` runs all), runs its docker calls
with -x showing each one as it runs, checks that what it shows held and says why it matters. A
step that does not hold ends the tour (exit 1). Under --dry-run the whole tour is one bash script:
the tour's words as comments, each step's calls with the cleanup trap of the recipes' scripts.

Each step creates what it needs and removes it before the next begins (steps.py), so nothing is
left between steps: quitting, a failed step, Ctrl-C and the other ways out leave nothing.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from ..recipes.run import DEFAULT_IMAGE, RecipeArgumentError
from .steps import STEPS, Outcome, Step, TourContext

if TYPE_CHECKING:  # pragma: no cover
    from ..client import Docker

__all__ = ["STEPS", "Step", "Outcome", "find_step", "tour", "listing"]

#: what the prompt reads that stops the tour
QUIT = ("q", "quit")


def find_step(value: str, steps: Sequence[Step] = STEPS) -> int:
    """The index of the step named `value` (or numbered, from 1); RecipeArgumentError otherwise."""
    for index, step in enumerate(steps):
        if value in (step.name, str(index + 1)):
            return index
    names = ", ".join(step.name for step in steps)
    raise RecipeArgumentError(f"the tour has no step {value!r}; its steps: {names} (or their numbers 1-{len(steps)})")


def listing(steps: Sequence[Step] = STEPS) -> list[str]:
    """`--list`: one line per step, numbered."""
    width = max(len(step.name) for step in steps)
    return [f"{index:>2}. {step.name:<{width}}  {step.title}" for index, step in enumerate(steps, 1)]


def _ask(prompt: str) -> str | None:
    """A line from stdin (None at its end), the prompt on stdout."""
    print(prompt, end="", flush=True)
    line = sys.stdin.readline()
    if not line:
        print()
        return None
    return line.strip()


def tour(
    docker: Docker,
    *,
    start: str | None = None,
    yes: bool = False,
    labels: Mapping[str, str] | None = None,
    image: str = DEFAULT_IMAGE,
    pull: str = "never",
    ask: Callable[[str], str | None] = _ask,
    steps: Sequence[Step] = STEPS,
) -> int:
    """Run the tour from `start` (a step's name or number); the exit status: 0 when every step
    run held or the user quit, 1 when a step did not hold."""
    first = find_step(start, steps) if start else 0
    dry = docker.dry_run
    shown = docker if dry or docker.runner.explain else docker.with_settings(explain=True)
    terminal = not dry and sys.stdin.isatty()
    context = TourContext(shown, dict(labels or {}), image, pull, terminal)
    say = _comment if dry else _text
    if dry:
        print("#!/usr/bin/env bash")
        print("# dockwrap tour: the container and network lessons, each step's docker calls in order")
        print("set -e")
    chosen = steps[first:]
    for number, step in enumerate(chosen, first + 1):
        say("")
        say(f"== {number}/{len(steps)} {step.name}: {step.title}")
        if not (yes or dry):
            answer = ask("Enter runs it, q quits: ")
            if answer is None or answer.lower() in QUIT:
                print(f"stopped before {step.name}; go on later with: dockwrap tour --from {step.name}")
                return 0
        outcome = step.play(context)
        if not dry:
            sys.stderr.flush()
            say(f"{'held' if outcome.held else 'did NOT hold'}: {outcome.saw}")
        say(f"why: {step.why}")
        if not (dry or outcome.held):  # under --dry-run nothing ran: nothing to check
            print(f"the tour stops here; once fixed, go on with: dockwrap tour --from {step.name}", file=sys.stderr)
            return 1
    if not dry:
        say("")
        say(f"tour done: {len(chosen)} steps held; everything they created was removed")
    return 0


def _text(line: str) -> None:
    print(line, flush=True)


def _comment(line: str) -> None:
    print(f"# {line}" if line else "", flush=True)
