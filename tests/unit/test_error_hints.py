"""The hints of the error tree: class attributes filled from each error's fields, in the library's
words (no dockwrap flag or command), with the CLI's words swapped in by `cli_hint`; an error is
never changed after it is made (`with_note` gives a new one)."""

from __future__ import annotations

import re

import pytest

from dockwrap import errors
from dockwrap.cli.hints import CLI_WORDS, cli_hint
from dockwrap.errors import DaemonUnreachable, DockerCommandFailed, DockwrapError, NotConverged, PortInUse


def _classes() -> list[type[DockwrapError]]:
    found, todo = [], [DockwrapError]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo += cls.__subclasses__()
    return sorted({cls for cls in found if cls.__module__.startswith("dockwrap.errors")}, key=lambda c: c.__name__)


def _instance(cls: type[DockwrapError]) -> DockwrapError:
    if issubclass(cls, DockerCommandFailed):
        return cls(["docker", "x"], 1, "Error response from daemon: something", "", "unix:///x.sock (-H)")
    if cls is NotConverged:
        return cls("web", 1.0, 1, 2)
    if cls in (errors.NotReady, errors.WaitTimeout):
        from tests.unit.test_readiness import seen

        return cls("web is gone", seen()) if cls is errors.NotReady else cls(1.0, seen())
    if issubclass(cls, errors.CommandTimeout):
        return cls(["docker", "x"], 1.0)
    if issubclass(cls, errors.DockerNotFound):
        return cls("docker")
    if cls is errors.ParseError:
        return cls("docker x", "bad")
    return cls("something")


CLASSES = _classes()
# dockwrap's own global options and commands: the CLI's words, never the library's
CLI_ADVICE = re.compile(
    r"\bdockwrap |--(?:host|context|timeout|name|config|tls\w*)\b|--docker PATH|(?<![\w'])-[tixH]\b"
)


def test_the_tree_is_all_there() -> None:
    assert len(CLASSES) >= 45
    assert set(errors.__all__) >= {cls.__name__ for cls in CLASSES}


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_hint_is_filled_from_the_fields_in_library_words(cls: type[DockwrapError]) -> None:
    error = _instance(cls)
    assert "hint" not in vars(error)  # a class attribute filled when read, never set on the instance
    hint = error.hint
    if cls.hint_format is not None:
        assert hint and "{" not in hint and "\n" not in hint
    for template in error.hint_formats():
        assert not CLI_ADVICE.search(template), template
    shown = cli_hint(error)
    assert (shown is None) == (hint is None)


def test_every_cli_word_answers_a_library_template() -> None:
    templates = {template for cls in CLASSES for template in vars(cls).values() if isinstance(template, str)}
    from dockwrap.recipes import notes

    templates |= {notes.LEFT_NOTE, notes.GONE_LEFT_NOTE}
    assert set(CLI_WORDS) <= templates


def test_hint_cannot_be_set() -> None:
    error = DaemonUnreachable(["docker", "ps"], 1, "Cannot connect to the Docker daemon", "", "tcp://h:1")
    with pytest.raises(AttributeError):
        error.hint = "something else"  # type: ignore[misc]


def test_with_note_is_a_new_error_with_more_advice() -> None:
    error = DaemonUnreachable(["docker", "ps"], 1, "Cannot connect to the Docker daemon", "", "tcp://h:1")
    again = error.with_note("then look at {where}", where="the log")
    assert again is not error and type(again) is DaemonUnreachable
    assert (
        error.hint == "no Docker engine answers at tcp://h:1: start one (sudo dockerd), or point at one with "
        "Docker(host=URL), Docker(context=NAME) or DOCKER_HOST"
    )
    assert again.hint == f"{error.hint}; then look at the log"
    assert (str(again), again.argv, again.exit_code, again.endpoint) == (str(error), error.argv, 1, "tcp://h:1")
    assert cli_hint(again).endswith("--context NAME or DOCKER_HOST; then look at the log")


def test_port_in_use_names_the_container_docker_made() -> None:
    stderr = "docker: Error response from daemon: Bind for 127.0.0.1:8080 failed: port is already allocated."
    made = PortInUse(["docker", "run"], 125, stderr, "0123456789abcdef" * 4)
    assert made.created == "0123456789ab" and made.address == "127.0.0.1:8080"
    assert made.hint == (
        "publish another host port; docker created container 0123456789ab without starting it: "
        "docker container rm -f 0123456789ab"
    )
    assert cli_hint(made) == (
        "publish another host port; docker created container 0123456789ab without starting it: "
        "dockwrap rm -f 0123456789ab"
    )
    assert PortInUse(["docker", "start"], 1, stderr).hint == "publish another host port"
