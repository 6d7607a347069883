"""`Docker().image`: the image verbs as Python methods."""

from __future__ import annotations

from typing import Iterable, Mapping

from ..args import flag, items, optional_text, text
from ..verbs import Verbs
from .records import Image, parse_image_ls

__all__ = ["ImageCommands"]

Words = Iterable[str] | str


class ImageCommands(Verbs):
    """The image verbs; `Docker().image`. Keywords and `docker_args` as in ContainerCommands."""

    noun = ("image",)

    def ls(self, all: bool = False, filters: Iterable[str] | Mapping[str, object] | str = (),
           reference: str | None = None, *, docker_args: Words = (), **options: object) -> list[Image]:
        """`docker image ls`: local images (intermediate ones too with all=True)."""
        reference = optional_text(reference, "reference")
        keywords = {"all": flag(all, "all"), "filters": items(filters, "filters")}
        line = self._line("ls", [reference] if reference else [], keywords, options, docker_args)
        return parse_image_ls(self._runner.run(line.formatted("{{json .}}", "image.ls").argv).out)

    def repo_digests(self, reference: str) -> list[str]:
        """The registry digests of a local image: empty for an image that came from no registry
        (built or imported here), which a registry cannot resolve either."""
        line = self._line("inspect", [text(reference, "reference", empty=False)],
                          {"format": "{{json .RepoDigests}}"})
        import json

        printed = self._runner.run(line.argv).out.strip()
        return list(json.loads(printed) or []) if printed else []
