"""docker's global options (`--config`, `--tls*`, `-D`, `-l`, with `--context` and `-H`) from the
CLI and the Python API to every call, and which engine the calls go to by docker's rules
(dockwrap.endpoint): options, then DOCKER_HOST, DOCKER_CONTEXT, config.json's current context."""

from __future__ import annotations

import inspect
import json
import subprocess
import sys

import pytest

from dockwrap import Docker, UsageError, surface
from dockwrap.call import docker_global_options
from dockwrap.endpoint import DEFAULT_HOST, Endpoint, resolve, url_machine
from dockwrap.runner import Runner

ENV_KEYS = ("DOCKER_HOST", "DOCKER_CONTEXT", "DOCKER_CONFIG", "DOCKER_TLS_VERIFY", "DOCKER_CERT_PATH", "DOCKER_TLS")


@pytest.fixture(autouse=True)
def clean_env(monkeypatch, tmp_path):
    for key in ENV_KEYS:
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))  # no ~/.docker/config.json of the machine's


def dockwrap(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    import os

    return subprocess.run(
        [sys.executable, "-m", "dockwrap", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
    )


# -- the API: every option docker's table has, under its keyword --------------------------------


def test_docker_takes_every_global_option_of_the_table_as_a_keyword():
    keywords = {option.keyword for option in docker_global_options()}
    assert keywords == {"config", "debug", "log_level", "tls", "tlscacert", "tlscert", "tlskey", "tlsverify"}
    for cls in (Docker, Runner):
        parameters = inspect.signature(cls).parameters
        assert keywords <= set(parameters), cls
        assert all(parameters[k].kind is inspect.Parameter.KEYWORD_ONLY for k in keywords)
    assert {o.long for o in surface.GLOBAL_OPTIONS} - {o.long for o in docker_global_options()} == {
        "context",
        "host",
        "version",
    }


def test_options_are_written_before_the_call_in_the_table_order():
    docker = Docker(
        binary="docker",
        host="tcp://h:2376",
        tlsverify=True,
        tlscacert="/c/ca.pem",
        tlscert="/c/cert.pem",
        tlskey="/c/key.pem",
        config="/cfg",
        debug=True,
        log_level="error",
    )
    assert docker.runner.argv(["ps"]) == [
        "docker",
        "--config",
        "/cfg",
        "--debug",
        "--log-level",
        "error",
        "--tlscacert",
        "/c/ca.pem",
        "--tlscert",
        "/c/cert.pem",
        "--tlskey",
        "/c/key.pem",
        "--tlsverify",
        "--host",
        "tcp://h:2376",
        "ps",
    ]
    assert "tlsverify=True" in repr(docker) and "tlskey='/c/key.pem'" in repr(docker)


def test_a_flag_given_false_is_written_false_and_none_not_at_all():
    """docker reads DOCKER_TLS_VERIFY itself; `--tlsverify=false` is how a call says otherwise."""
    assert Docker(binary="d", tls=False, tlsverify=None).runner.argv(["ps"]) == ["d", "--tls=false", "ps"]
    assert Docker(binary="d").runner.argv(["ps"]) == ["d", "ps"]


@pytest.mark.parametrize("keywords", [{"tlsverify": "yes"}, {"tls": 1}, {"tlscacert": 5}, {"config": ["a"]}])
def test_a_wrong_type_is_refused_naming_the_parameter(keywords):
    with pytest.raises(TypeError, match=next(iter(keywords))):
        Docker(**keywords)


def test_settings_keep_the_options():
    docker = Docker(binary="d", tlsverify=True, config="/c").with_settings(timeout=3)
    assert docker.runner.argv(["ps"]) == ["d", "--config", "/c", "--tlsverify", "ps"]
    assert docker.runner.options == {"config": "/c", "tlsverify": True}


def test_context_and_host_together_are_refused():
    with pytest.raises(UsageError, match="cannot be used together"):
        Docker(context="a", host="tcp://h:1")


# -- which engine: docker's order ---------------------------------------------------------------


def _config(tmp_path, current: str | None, name: str = "cfg") -> str:
    directory = tmp_path / name
    directory.mkdir()
    (directory / "config.json").write_text(json.dumps({"currentContext": current} if current else {"auths": {}}))
    return str(directory)


def test_order_options_then_docker_host_then_docker_context_then_config(tmp_path):
    config = _config(tmp_path, "usedctx")
    env = {"DOCKER_HOST": "ssh://me@box", "DOCKER_CONTEXT": "envctx", "DOCKER_CONFIG": config}
    assert resolve("flagctx", None, None, env) == Endpoint("flagctx", None, "--context")
    assert resolve(None, "tcp://h:1", None, env) == Endpoint(None, "tcp://h:1", "--host")
    assert resolve(None, None, None, env) == Endpoint(None, "ssh://me@box", "DOCKER_HOST")
    del env["DOCKER_HOST"]
    assert resolve(None, None, None, env) == Endpoint("envctx", None, "DOCKER_CONTEXT")
    del env["DOCKER_CONTEXT"]
    assert resolve(None, None, None, env) == Endpoint("usedctx", None, f"the current context in {config}/config.json")
    # --config names another directory: its config.json, not DOCKER_CONFIG's
    other = _config(tmp_path, None, "other")
    assert resolve(None, None, other, env) == Endpoint(None, DEFAULT_HOST, "")


def test_empty_variables_count_as_unset(tmp_path):
    env = {"DOCKER_HOST": "", "DOCKER_CONTEXT": "", "DOCKER_CONFIG": _config(tmp_path, None)}
    assert resolve(None, None, None, env) == Endpoint(None, DEFAULT_HOST, "")


def test_the_default_context_takes_docker_host(tmp_path):
    env = {"DOCKER_HOST": "tcp://h:2376", "DOCKER_CONFIG": _config(tmp_path, "usedctx")}
    assert resolve("default", None, None, env) == Endpoint(None, "tcp://h:2376", "DOCKER_HOST")
    assert resolve(None, None, None, {"DOCKER_CONTEXT": "default", "DOCKER_CONFIG": env["DOCKER_CONFIG"]}) == Endpoint(
        None, DEFAULT_HOST, "DOCKER_CONTEXT"
    )
    assert resolve("default", None, None, {}).words == DEFAULT_HOST


def test_a_missing_or_unreadable_config_names_no_context(tmp_path):
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "config.json").write_text("{not json")
    for directory in (str(tmp_path / "nowhere"), str(tmp_path / "bad")):
        assert resolve(None, None, directory, {}) == Endpoint(None, DEFAULT_HOST, "")


@pytest.mark.parametrize(
    "endpoint, words, local",
    [
        (Endpoint("prod", None, "--context"), "context 'prod'", None),
        (Endpoint("prod", None, "DOCKER_CONTEXT"), "context 'prod' (DOCKER_CONTEXT)", None),
        (Endpoint(None, "tcp://u:pw@h:1", "--host"), "tcp://u:***@h:1", False),
        (Endpoint(None, "ssh://me@box", "DOCKER_HOST"), "ssh://me@box (DOCKER_HOST)", False),
        (Endpoint(None, "tcp://127.0.0.1:2376", "DOCKER_HOST"), "tcp://127.0.0.1:2376 (DOCKER_HOST)", False),
        (Endpoint(None, DEFAULT_HOST, ""), f"{DEFAULT_HOST} (docker's default)", True),
        (Endpoint(None, "unix:///tmp/x.sock", "--host"), "unix:///tmp/x.sock", True),
    ],
)
def test_words_and_locality(endpoint, words, local):
    assert (endpoint.words, endpoint.is_local) == (words, local)


def test_the_runner_resolves_with_its_own_config_option(tmp_path, monkeypatch):
    config = _config(tmp_path, "remote")
    assert Runner(config=config).endpoint == f"context 'remote' (the current context in {config}/config.json)"
    assert Runner(config=config).is_local is None
    monkeypatch.setenv("DOCKER_CONFIG", config)
    assert Runner().is_local is None and Runner(host="unix:///x.sock").is_local is True


@pytest.mark.parametrize(
    "url, machine",
    [
        ("ssh://me@build1", "build1"),
        ("ssh://root@127.0.0.1:2222", "127.0.0.1"),
        ("ssh://box/var/run/d.sock", "box"),
        ("tcp://10.0.0.5:2376", "10.0.0.5"),
        ("tcp://[::1]:2376", "::1"),
        ("unix:///var/run/docker.sock", None),
        ("npipe:////./pipe/docker_engine", None),
        ("tcp://h:notaport", "h"),
    ],
)
def test_url_machine(url, machine):
    assert url_machine(url) == machine


# -- the CLI ------------------------------------------------------------------------------------


def test_cli_passes_them_to_every_call_and_x_shows_paths():
    done = dockwrap(
        "--dry-run",
        "--tlsverify",
        "--tlscacert",
        "/c/ca.pem",
        "--tlscert",
        "/c/cert.pem",
        "--tlskey",
        "/c/key.pem",
        "-H",
        "tcp://127.0.0.1:2376",
        "--config",
        "/cfg",
        "network",
        "rm",
        "n",
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == (
        "docker --config /cfg --tlscacert /c/ca.pem --tlscert /c/cert.pem --tlskey /c/key.pem "
        "--tlsverify --host tcp://127.0.0.1:2376 network rm n\n"
    )


def test_cli_short_spellings_of_the_table():
    done = dockwrap("--dry-run", "-c", "prod", "-D", "-l", "error", "network", "rm", "n")
    assert done.stdout == "docker --debug --log-level error --context prod network rm n\n", done.stderr


@pytest.mark.parametrize(
    "word, written",
    [("false", "--tlsverify=false"), ("0", "--tlsverify=false"), ("True", "--tlsverify"), ("t", "--tlsverify")],
)
def test_cli_flag_with_go_words(word, written):
    done = dockwrap("--dry-run", f"--tlsverify={word}", "-x", "network", "rm", "n")
    assert done.stdout == f"docker {written} network rm n\n", done.stderr


def test_cli_flag_words_stop_at_the_command():
    """After the command, `--tls=false` is the command's word (here: docker's unknown option)."""
    done = dockwrap("--dry-run", "--host", "--tls=false", "network", "rm", "n")
    assert done.stdout == "docker --host --tls=false network rm n\n", done.stderr  # a value, as Click reads it
    done = dockwrap("--dry-run", "network", "rm", "--tls=false", "n")
    assert done.returncode == 2 and "unknown flag: --tls" in done.stderr


def test_cli_flag_with_a_word_go_does_not_read():
    done = dockwrap("--dry-run", "--tls=maybe", "ps")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith('dockwrap: error: invalid argument "maybe" for "--tls" flag: strconv.ParseBool')


def test_cli_does_not_read_dockers_environment_for_it():
    """DOCKER_TLS_VERIFY and friends are docker's to read: nothing is added to the call."""
    done = dockwrap(
        "--dry-run",
        "network",
        "rm",
        "n",
        env={"DOCKER_TLS_VERIFY": "1", "DOCKER_CERT_PATH": "/c", "DOCKER_HOST": "tcp://h:1"},
    )
    assert done.stdout == "docker network rm n\n"
