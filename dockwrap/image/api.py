"""`Docker().image`: the image verbs as Python methods."""

from __future__ import annotations

from typing import Iterable

from ..args import operands, repeat
from ..runner import Runner
from .records import Image, parse_image_ls

__all__ = ["ImageCommands"]


class ImageCommands:
    """The image verbs; `Docker().image`."""

    def __init__(self, runner: Runner) -> None:
        self._runner = runner

    def ls(self, all: bool = False, filters: Iterable[str] = (), reference: str | None = None) -> list[Image]:
        """`docker image ls`: local images (intermediate ones too with all=True)."""
        args = ["image", "ls"]
        if all:
            args.append("--all")
        args += repeat("--filter", filters)
        args += ["--format", "{{json .}}"]
        if reference:
            args += operands([reference])
        return parse_image_ls(self._runner.run(args).out)

    def repo_digests(self, reference: str) -> list[str]:
        """The registry digests of a local image: empty for an image that came from no registry
        (built or imported here), which a registry cannot resolve either."""
        done = self._runner.run(["image", "inspect", "--format", "{{json .RepoDigests}}", *operands([reference])])
        import json

        text = done.out.strip()
        return list(json.loads(text) or []) if text else []
