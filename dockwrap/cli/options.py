"""Click pieces shared by dockwrap's own commands (recipe, cleanup, explain): the Docker handle,
--json, help epilogs, --timeout's type. (The wrapped docker verbs take theirs from cli/verbs.py.)"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from ..client import Docker

__all__ = ["pass_docker", "json_option", "examples", "SECONDS"]

F = TypeVar("F", bound=Callable[..., Any])

#: gives a verb the Docker handle that the root group built from the global options
pass_docker = click.make_pass_decorator(Docker, ensure=True)

json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON (snake_case keys, numbers as numbers).")


class Seconds(click.ParamType):
    """A duration in seconds: 0 or more; `inf` (like 0) means no limit; nan and words are refused."""

    name = "seconds"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> float:
        from ..args import seconds
        from ..errors import UsageError

        try:
            return seconds(value if isinstance(value, float) else float(str(value).strip()), "the value")
        except (ValueError, UsageError):
            self.fail(f"{value!r} is not a number of seconds of 0 or more (0 or inf: no limit)", param, ctx)


#: the type of --timeout and friends
SECONDS = Seconds()


def examples(*lines: str) -> str:
    """A help epilog listing examples, kept verbatim by Click (the \\b marker)."""
    return "\b\nExamples:\n" + "\n".join(f"  {line}" for line in lines)
