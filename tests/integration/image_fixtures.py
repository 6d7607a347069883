"""What the image tests share: a tiny image built for a test, and the cleanup of every image a
test made (by its case label, and by the names it recorded: a tag for a registry carries no label
of its own beyond the image's)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.harness import Case, docker_cli


class Images:
    """The images of one test: built with the case's labels; `names` also removed at the end."""

    def __init__(self, case: Case, workdir: Path) -> None:
        self.case = case
        self.workdir = workdir
        self.names: list[str] = []

    def context(self, *lines: str, name: str = "ctx") -> Path:
        """A build context holding a Dockerfile of these lines (FROM busybox:latest first)."""
        directory = self.workdir / name
        directory.mkdir(exist_ok=True)
        (directory / "Dockerfile").write_text("\n".join(["FROM busybox:latest", *lines]) + "\n")
        return directory

    def build(self, *lines: str, hint: str = "img") -> tuple[str, str]:
        """Build with docker itself (set-up, not the code under test): (its tag, its ID)."""
        tag = self.name(hint)
        done = docker_cli(
            "build", "-q", "--force-rm", "-t", tag, *self.case.label_args, str(self.context(*lines)), timeout=120
        )
        assert done.returncode == 0, done.stderr
        return tag, done.stdout.strip()

    def name(self, hint: str = "img") -> str:
        """A unique image name of this test (dwt-...:1), removed at the end."""
        name = f"{self.case.name(hint)}:1"
        self.names.append(name)
        return name

    def record(self, *names: str) -> None:
        self.names.extend(names)

    def ids(self) -> list[str]:
        """The IDs of the images carrying this test's label."""
        done = docker_cli("image", "ls", "-q", "--no-trunc", "--filter", f"label=dockwrap.test.case={self.case.id}")
        return done.stdout.split()

    def remove(self) -> None:
        if self.names:
            docker_cli("image", "rm", "-f", *self.names)
        left = self.ids()
        if left:
            docker_cli("image", "rm", "-f", *left)


@pytest.fixture(name="images")
def images_fixture(case: Case, tmp_path: Path) -> Iterator[Images]:
    made = Images(case, tmp_path)
    yield made
    made.remove()
    assert made.ids() == [], "images of this test left on the engine"
