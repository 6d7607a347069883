"""docker's own words for each piece, read from the installed client's `--help` at run time.

One `docker --host NO_ENGINE PATH --help` per distinct command of the input (and `docker
--host NO_ENGINE --help` for docker's global options), through the runner, so that `-x` shows
them and `--dry-run` prints them. `--host` to a socket that does not exist keeps the calls
engine-free whatever the user's DOCKER_HOST, DOCKER_CONTEXT or current context say: a client that
reaches an engine hides the options that engine cannot use, and an ssh:// one would log in.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from ..runner import Runner
from ..surface.helptext import HelpText, parse_help
from .records import Explanation, Finding, Piece

__all__ = ["NO_ENGINE", "help_argv", "needed", "read_pages", "describe"]

#: where the `--help` calls point docker: a socket that does not exist
NO_ENGINE = "unix:///nonexistent/dockwrap-explain/docker.sock"
#: `--help` calls at once: each is a short-lived docker process
WORKERS = 4

Path = tuple[str, ...]


def help_argv(path: Path) -> list[str]:
    """The docker words of one help call: `--host NO_ENGINE container run --help`."""
    return ["--host", NO_ENGINE, *path, "--help"]


def needed(explanations: Iterable[Explanation]) -> list[Path]:
    """The help pages the explanations need, in the order they first need them: each command's,
    and docker's own (`()`) where global options are used."""
    paths: dict[Path, None] = {}
    for explanation in explanations:
        if any(piece.role == "global-option" for piece in explanation.pieces):
            paths.setdefault(())
        if explanation.command:
            paths.setdefault(tuple(explanation.command.split()))
    return list(paths)


def read_pages(runner: Runner, paths: Sequence[Path]) -> dict[Path, HelpText | str]:
    """Each path's help page, or why there is none. Under --dry-run the calls are printed and
    nothing is read. DockerNotFound, CommandTimeout and interrupts are raised."""
    helper = Runner(binary=runner.binary, explain=runner.explain, dry_run=runner.dry_run, timeout=runner.timeout)
    if helper.dry_run or len(paths) < 2:
        return {path: _page(helper, path) for path in paths}
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=min(WORKERS, len(paths))) as pool:
        return dict(zip(paths, pool.map(lambda path: _page(helper, path), paths), strict=True))


def _page(runner: Runner, path: Path) -> HelpText | str:
    done = runner.run(help_argv(path), check=False)
    if runner.dry_run:
        return "dry run"
    shown = " ".join(("docker", *path, "--help"))
    if done.exit_code != 0:
        first = next((line.strip() for line in done.err.splitlines() if line.strip()), f"exit status {done.exit_code}")
        return f"{shown} failed: {first}"
    try:
        return parse_help(done.out)
    except ValueError:
        printed = next((line.strip() for line in (done.out + done.err).splitlines() if line.strip()), "nothing")
        return f"{shown} printed no help page: {printed}"


def describe(explanation: Explanation, pages: dict[Path, HelpText | str]) -> Explanation:
    """EXPLANATION with docker's descriptions on its pieces (and a note when a page is missing)."""
    if explanation.status != "explained":
        return explanation
    page = pages.get(tuple(explanation.command.split())) if explanation.command else None
    root = pages.get(())
    pieces = tuple(_described(piece, page, root) for piece in explanation.pieces)
    missing = [why for why in dict.fromkeys((page, root)) if isinstance(why, str) and why != "dry run"]
    findings = tuple(Finding("note", "no-help", f"no description: {why}") for why in missing)
    return replace(explanation, pieces=pieces, findings=(*explanation.findings, *findings))


def _described(piece: Piece, page: HelpText | str | None, root: HelpText | str | None) -> Piece:
    source = root if piece.role == "global-option" else page
    if not isinstance(source, HelpText):
        return piece
    if piece.role == "command" and piece.name:
        return replace(piece, description=_first_paragraph(source.summary))
    if piece.role in ("option", "global-option") and piece.name:
        option = source.option(piece.name)
        if option is not None:
            return replace(piece, description=" ".join(option.description.split()) or None, default=option.default)
    return piece


def _first_paragraph(text: str) -> str | None:
    paragraph = text.strip().split("\n\n")[0]
    return " ".join(paragraph.split()) or None
