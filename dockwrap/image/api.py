"""`Docker().image`: the image verbs as Python methods."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import IO, TYPE_CHECKING, Any

from ..args import flag, items, names_of, optional_text, text
from ..errors import ArgumentTypeError
from ..verbs import Verbs
from .records import Image, parse_image_ls

if TYPE_CHECKING:  # pragma: no cover
    from ..parse.prune import PruneResult
    from .records import (
        BuildResult,
        HistoryRow,
        ImageDetails,
        ImportResult,
        LoadResult,
        PullResult,
        PushResult,
        RemovedImage,
    )
    from .transfer import Display, Progress

__all__ = ["ImageCommands"]

Words = Iterable[str] | str
Items = Iterable[str] | Mapping[str, object] | str
#: a file docker reads: a path (docker opens it), or bytes or an open binary file for its stdin
Source = str | os.PathLike[str] | bytes | IO[bytes]


def _source(value: object, name: str) -> tuple[str | None, Any]:
    """(the path docker opens, what docker's stdin is): one of the two."""
    if isinstance(value, (str, os.PathLike)):
        return text(os.fspath(value), name, empty=False), None
    if isinstance(value, bytes) or callable(getattr(value, "fileno", None)) or callable(getattr(value, "read", None)):
        return None, value
    raise ArgumentTypeError(f"{name} must be a path, bytes or an open binary file, not {type(value).__name__}")


class ImageCommands(Verbs):
    """The image verbs; `Docker().image`. Keywords and `docker_args` as in ContainerCommands.

    pull, push and build show their progress while they run when given a `display` (a stream:
    on a terminal docker draws its own there, else one line per step or layer state) and give
    typed events to a `progress` callback (dockwrap.image.transfer).
    """

    noun = ("image",)

    def ls(
        self,
        all: bool = False,
        filters: Items = (),
        reference: str | None = None,
        *,
        docker_args: Words = (),
        **options: object,
    ) -> list[Image]:
        """`docker image ls`: local images (intermediate ones too with all=True)."""
        reference = optional_text(reference, "reference")
        keywords = {"all": flag(all, "all"), "filters": items(filters, "filters")}
        line = self._line("ls", [reference] if reference else [], keywords, options, docker_args)
        return parse_image_ls(self._runner.run(line.formatted("{{json .}}", "image.ls").argv).out)

    def repo_digests(self, reference: str) -> list[str]:
        """The registry digests of a local image: empty for an image that came from no registry
        (built or imported here), which a registry cannot resolve either."""
        line = self._line("inspect", [text(reference, "reference", empty=False)], {"format": "{{json .RepoDigests}}"})
        import json

        printed = self._runner.run(line.argv).out.strip()
        return list(json.loads(printed) or []) if printed else []

    def inspect(self, names: Sequence[str] | str, *, docker_args: Words = (), **options: object) -> list[ImageDetails]:
        """`docker image inspect` of any number of images, in one call.

        :raises NoSuchImage: when one is missing; its `done` holds the others
        """
        from .records.inspect import parse_image_inspect

        return self._inspect(names, parse_image_inspect, options, docker_args)

    def history(self, image: str, *, docker_args: Words = (), **options: object) -> list[HistoryRow]:
        """`docker image history`: the image's steps, newest first."""
        from .records.history import parse_image_history

        line = self._line("history", [text(image, "image", empty=False)], None, options, docker_args)
        return parse_image_history(self._runner.run(line.formatted("{{json .}}", "image.history").argv).out)

    def tag(self, source: str, target: str, *, docker_args: Words = (), **options: object) -> str:
        """`docker image tag`: TARGET now names SOURCE's image; returns TARGET."""
        operands = [text(source, "source", empty=False), text(target, "target", empty=False)]
        self._runner.run(self._line("tag", operands, None, options, docker_args).argv)
        return operands[1]

    def rm(
        self, images: Sequence[str] | str, *, force: bool = False, docker_args: Words = (), **options: object
    ) -> list[RemovedImage]:
        """`docker image rm` of any number of images: what docker untagged and deleted.

        :raises ImageInUse: a container uses one (`force` untags it all the same)
        :raises DockerCommandFailed: when one failed (NoSuchImage: missing); docker goes on with
            the others, and the error's `done` holds what it did to them
        """
        from .records.remove import parse_image_rm

        line = self._line(
            "rm", names_of(images, "image", "images"), {"force": flag(force, "force")}, options, docker_args
        )
        return parse_image_rm(self._runner.run(line.argv, done_of=parse_image_rm).out)

    def prune(
        self, all: bool = False, filters: Items = (), *, docker_args: Words = (), **options: object
    ) -> PruneResult:
        """`docker image prune --force`: dangling images (every unused one with all=True) that
        match the filters (`label=KEY=VALUE`, `until=24h`); what went and the space it gave back.
        Always `--force`: docker's question has nobody to answer it here."""
        from .records.remove import parse_image_prune

        keywords = {"all": flag(all, "all"), "filters": items(filters, "filters")}
        line = self._line("prune", (), keywords, options, docker_args)
        if not line.flag("force"):
            line = self._line("prune", (), keywords, options, docker_args, words=["--force"])
        done = self._runner.run(line.argv)
        if self._runner.dry_run:
            from ..parse.prune import PruneResult

            return PruneResult([], [], [], [], [], [], None)
        if self._runner.is_podman:
            from ..parse.prune import parse_podman_prune

            return parse_podman_prune(done.out, "image", "podman image prune")
        return parse_image_prune(done.out)

    def pull(
        self,
        reference: str,
        *,
        all_tags: bool = False,
        platform: str | None = None,
        progress: Progress | None = None,
        display: Display | None = None,
        docker_args: Words = (),
        **options: object,
    ) -> PullResult:
        """`docker image pull`: the reference, its manifest digest, the pulled image's ID (one
        `image inspect` more: docker never prints it; not after all_tags) and each layer's state.

        :param progress: called with each ProgressEvent as docker's output arrives
        :param display: where docker's progress shows while it runs (dockwrap.image.transfer)
        :raises NoSuchTag: the registry has no such tag or repository
        :raises NotLoggedIn, AccessDenied: the registry wants credentials, or refused them
        :raises RegistryUnreachable: the registry does not answer
        """
        from .transfer import pulled

        keywords = {"all_tags": flag(all_tags, "all_tags"), "platform": optional_text(platform, "platform")}
        line = self._line("pull", [text(reference, "reference", empty=False)], keywords, options, docker_args)
        return pulled(self._runner, self.inspect, line, _callable(progress), display)

    def push(
        self,
        reference: str,
        *,
        all_tags: bool = False,
        progress: Progress | None = None,
        display: Display | None = None,
        docker_args: Words = (),
        **options: object,
    ) -> PushResult:
        """`docker image push`: the reference pushed, its manifest digest and size, each layer's
        state. `progress` and `display` as for pull; the errors too."""
        from .transfer import pushed

        line = self._line(
            "push",
            [text(reference, "reference", empty=False)],
            {"all_tags": flag(all_tags, "all_tags")},
            options,
            docker_args,
        )
        return pushed(self._runner, line, _callable(progress), display)

    def build(
        self,
        context: str | os.PathLike[str],
        *,
        tags: Items = (),
        file: str | None = None,
        build_args: Items = (),
        labels: Items = (),
        target: str | None = None,
        no_cache: bool = False,
        input: bytes | IO[bytes] | None = None,
        input_from: str | None = None,
        progress: Callable[[str], None] | None = None,
        display: Display | None = None,
        docker_args: Words = (),
        **options: object,
    ) -> BuildResult:
        """`docker image build` with the classic builder (dockwrap.image.building): the image's ID
        (in full), its tags, each step and what it printed.

        :param context: a directory, a URL, or "-" (the context or Dockerfile from `input`)
        :param file: the Dockerfile (`-f`; "-": from `input`)
        :param build_args: `NAME=VALUE` items or a mapping (`--build-arg`)
        :param input: docker's stdin: bytes, or an open binary file
        :param input_from: the environment variable whose value `input` is: -x and --dry-run show
            the call as `printf '%s\\n' "$NAME" | docker ...`, a line that runs as printed where
            NAME is set (a recipe's script sets it)
        :param progress: called with each line of the build's output as it comes
        :param display: where the build's output shows while it runs (docker's own bytes on a
            terminal, else its lines)
        :raises BuildFailed: a step failed (its `step` and `output`), or the build could not start
        """
        from .building import build_words, built

        keywords = {
            "tag": items(tags, "tags"),
            "file": optional_text(file, "file") or None,
            "build_arg": items(build_args, "build_args"),
            "labels": items(labels, "labels"),
            "target": optional_text(target, "target") or None,
            "no_cache": flag(no_cache, "no_cache"),
        }
        if input is not None and _source(input, "input")[1] is None:
            raise ArgumentTypeError("input must be bytes or an open binary file (docker's stdin), not a path")
        words, directory = build_words(self._runner.dry_run)
        try:
            line = self._line(
                "build", [text(os.fspath(context), "context", empty=False)], keywords, options, docker_args, words=words
            )
        except BaseException:
            if directory:
                os.rmdir(directory)
            raise
        return built(
            self._runner, line, directory, _callable(progress), display, input, optional_text(input_from, "input_from")
        )

    def save(
        self,
        images: Sequence[str] | str,
        output: str | os.PathLike[str] | None = None,
        *,
        docker_args: Words = (),
        **options: object,
    ) -> bytes | None:
        """`docker image save`: the images as one tar archive, written to OUTPUT (`-o`), or
        returned (none given)."""
        path = None if output is None else text(os.fspath(output), "output", empty=False)
        line = self._line("save", names_of(images, "image", "images"), {"output": path}, options, docker_args)
        done = self._runner.run(line.argv)
        return None if line.given("output") else done.stdout

    def load(self, input: Source | None = None, *, docker_args: Words = (), **options: object) -> LoadResult:
        """`docker image load` of a tar archive (`image save`'s): a path, bytes or an open
        binary file (None: docker's own `-i` among docker_args); the names and IDs it brought."""
        from .records.archive import LoadResult, parse_image_load

        path, stdin = (None, None) if input is None else _source(input, "input")
        line = self._line("load", (), {"input": path}, options, docker_args)
        done = self._runner.run(line.argv, input=stdin)
        return LoadResult([], [], {}) if self._runner.dry_run else parse_image_load(done.out)

    def import_(
        self,
        source: Source,
        repository: str | None = None,
        *,
        changes: Items = (),
        message: str | None = None,
        docker_args: Words = (),
        **options: object,
    ) -> ImportResult:
        """`docker image import` of a root file system (a tarball: a path or URL, bytes or an
        open binary file) as a new image, named REPOSITORY[:TAG] when given; its ID."""
        from .records.archive import ImportResult, parse_image_import

        path, stdin = _source(source, "source")
        operands = [path or "-", *([text(repository, "repository", empty=False)] if repository is not None else [])]
        keywords = {"change": items(changes, "changes"), "message": optional_text(message, "message")}
        done = self._runner.run(self._line("import", operands, keywords, options, docker_args).argv, input=stdin)
        return ImportResult("") if self._runner.dry_run else parse_image_import(done.out)


def _callable(value: Any) -> Any:
    if value is not None and not callable(value):
        raise ArgumentTypeError(f"progress must be callable, not {type(value).__name__}")
    return value
