"""Read a docker command line as docker does, and say what each part of it is.

    from dockwrap.explain import explain, explain_script
    line = explain("docker run -d -p 8080:80 --name web nginx")
    line.command                                  # "container run"
    [(p.role, p.name, p.value) for p in line.pieces]
    # [("command", "container run", None), ("option", "--detach", None),
    #  ("option", "--publish", "8080:80"), ("option", "--name", "web"), ("operand", "IMAGE", None)]
    line.pieces[2].description                    # "Publish a container's port(s) to the host"
    [f.code for f in line.findings]               # ["all-interfaces", "latest-tag"]
    explain_script(open("setup.sh").read())       # one Explanation per command of the script

Nothing runs but the installed docker's `--help` (one call per distinct command, engine-free:
see `describe`), from which the descriptions come; `describe=False` runs nothing at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from ..client import Docker
    from .records import Explanation, Finding, Piece
    from .shell import ShellCommand

__all__ = ["explain", "explain_script", "explain_all", "Explanation", "Piece", "Finding"]


def __getattr__(name: str) -> Any:
    # the records load when used: `dockwrap --help` imports the verb module, and so this package
    if name in ("Explanation", "Piece", "Finding"):
        from . import records

        return getattr(records, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def explain(line: str | Sequence[str], docker: Docker | None = None, *, describe: bool = True) -> Explanation:
    """One docker command line: a string as a shell reads it, or the words (a leading `docker`
    is optional either way). Of a string holding several commands (`docker ps | grep web`) the
    first that runs docker is explained (explain_script explains them all). ValueError when the
    string holds no command."""
    from .analyze import read, read_argv
    from .shell import commands

    if isinstance(line, str):
        found = [read(_with_docker(shell)) for shell in commands(line)]
        if not found:
            raise ValueError(f"no command in {line!r}")
        explanation = next((one for one in found if one.status == "explained"), found[0])
    else:
        explanation = read_argv(line)
    return explain_all([explanation], docker, describe=describe)[0]


def _with_docker(shell: ShellCommand) -> ShellCommand:
    """`ps -a` as `docker ps -a`: the leading `docker` of a line is optional."""
    from .analyze import runs_docker

    if runs_docker(shell.words):
        return shell
    return replace(shell, text=f"docker {shell.text}", words=("docker", *shell.words))


def explain_script(text: str, docker: Docker | None = None, *, describe: bool = True) -> tuple[Explanation, ...]:
    """Every command of a shell script, in order: `skipped` for those that are not docker."""
    from .analyze import read
    from .shell import commands

    return explain_all([read(command) for command in commands(text)], docker, describe=describe)


def explain_all(
    explanations: Sequence[Explanation], docker: Docker | None = None, *, describe: bool = True
) -> tuple[Explanation, ...]:
    """EXPLANATIONS with docker's descriptions, one `--help` per distinct command."""
    if not describe:
        return tuple(explanations)
    from . import describe as help_pages

    if docker is None:
        from ..client import Docker

        docker = Docker()
    pages = help_pages.read_pages(docker.runner, help_pages.needed(explanations))
    return tuple(help_pages.describe(explanation, pages) for explanation in explanations)
