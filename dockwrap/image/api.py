"""`Docker().image`: the image verbs as Python methods."""

from __future__ import annotations

from typing import Iterable, Mapping

from ..args import flag, items, operands, optional_text, repeat, text
from ..runner import Runner
from .records import Image, parse_image_ls

__all__ = ["ImageCommands"]


class ImageCommands:
    """The image verbs; `Docker().image`."""

    def __init__(self, runner: Runner) -> None:
        self._runner = runner

    def ls(self, all: bool = False, filters: Iterable[str] | Mapping[str, str] | str = (),
           reference: str | None = None) -> list[Image]:
        """`docker image ls`: local images (intermediate ones too with all=True)."""
        args = ["image", "ls"]
        if flag(all, "all"):
            args.append("--all")
        args += repeat("--filter", items(filters, "filters"))
        args += ["--format", "{{json .}}"]
        reference = optional_text(reference, "reference")
        if reference:
            args += operands([reference])
        return parse_image_ls(self._runner.run(args).out)

    def repo_digests(self, reference: str) -> list[str]:
        """The registry digests of a local image: empty for an image that came from no registry
        (built or imported here), which a registry cannot resolve either."""
        done = self._runner.run(["image", "inspect", "--format", "{{json .RepoDigests}}",
                                 *operands([text(reference, "reference", empty=False)])])
        import json

        printed = done.out.strip()
        return list(json.loads(printed) or []) if printed else []
