"""Click pieces shared by every verb: the Docker handle, --json/-q/--raw, help epilogs."""

from __future__ import annotations

from typing import Any, Callable, TypeVar

import click

from .client import Docker

__all__ = ["pass_docker", "json_option", "quiet_option", "raw_option", "examples"]

F = TypeVar("F", bound=Callable[..., Any])

#: gives a verb the Docker handle that the root group built from the global options
pass_docker = click.make_pass_decorator(Docker, ensure=True)

json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON (snake_case keys, numbers as numbers).")
quiet_option = click.option("-q", "--quiet", is_flag=True, help="Only print IDs (or names), one per line.")
raw_option = click.option("--raw", is_flag=True, help="With --json: include docker's untouched object as `raw`.")


def examples(*lines: str) -> str:
    """A help epilog listing examples, kept verbatim by Click (the \\b marker)."""
    return "\b\nExamples:\n" + "\n".join(f"  {line}" for line in lines)


