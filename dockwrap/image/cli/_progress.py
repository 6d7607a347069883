"""What pull, push and build share on the command line: where their progress goes."""

from __future__ import annotations

import sys
from typing import IO, Any

from ...cli.verbs import Invocation

__all__ = ["display"]


def display(run: Invocation) -> IO[Any] | None:
    """stderr, where the progress goes while the call runs (docker's own drawing on a terminal,
    a line per step or layer state elsewhere); none with docker's -q, which asks for none."""
    return None if run.line.flag("quiet") else sys.stderr
