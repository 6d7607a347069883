"""Secret values never show: the value of `-e NAME=VALUE` where NAME holds PASS, SECRET, TOKEN, KEY
or CREDENTIAL (any case), in each way it can be written (`-e N=V`, `--env N=V`, `--env=N=V`,
`-eN=V`), is `***` in -x, in --dry-run, in error messages (also when docker echoes it back), in
exceptions (str, repr, args, attributes) and in `Completed`'s repr; the real value still reaches
the container. The failing docker is a fake (fault injection) that echoes its argv in its error,
or the real one failing for want of an image or a container."""

from __future__ import annotations

import hashlib

import pytest

from dockwrap import CommandTimeout, Docker, DockerCommandFailed
from dockwrap.runner import Runner
from tests.harness import dockwrap
from tests.reliability.helpers import fake_docker

pytestmark = pytest.mark.timeout(60)

SECRETS = {
    "PASSWORD": "pw-0a1b2c-value",
    "api_token": "tok-3d4e5f-value",
    "MY_SECRET": "sec-6a7b8c-value",
    "AwsKey": "key-9d0e1f-value",
    "DB_CREDENTIAL": "cred-2a3b4c-value",
    "Passphrase": "pass-5d6e7f-value",
}
PLAIN = ("GREETING", "hello-visible-value")
# every way to write an environment variable on docker's command line
FORMS = [
    lambda k, v: ["-e", f"{k}={v}"],
    lambda k, v: ["--env", f"{k}={v}"],
    lambda k, v: [f"--env={k}={v}"],
    lambda k, v: [f"-e{k}={v}"],
    lambda k, v: ["-ie", f"{k}={v}"],  # in a bundle (the CLI passes the user's words as written)
    lambda k, v: [f"-ie{k}={v}"],
]


def cli_env() -> list[str]:
    args: list[str] = []
    for i, (key, value) in enumerate([*SECRETS.items(), PLAIN]):
        args += ["-e", f"{key}={value}"] if i % 2 else [f"--env={key}={value}"]
    return args


def raw_env() -> list[str]:
    args: list[str] = []
    for i, (key, value) in enumerate(SECRETS.items()):
        args += FORMS[i % len(FORMS)](key, value)
    return args


def no_secret(*texts: object) -> None:
    for text in texts:
        for value in SECRETS.values():
            assert value not in str(text), f"{value} shown in {text!r}"


@pytest.fixture
def echoing(tmp_path) -> str:
    """A docker that fails, quoting its whole command line back (as an error message might)."""
    return fake_docker(tmp_path, 'echo "docker: Error response from daemon: cannot run: $*" >&2\nexit 125\n')


@pytest.mark.parametrize(
    "argv",
    [
        ["run", "-d", "ENV", "busybox", "true"],
        ["run", "--rm", "ENV", "busybox", "true"],  # foreground: the error is held back from the passthrough
        ["exec", "ENV", "box", "true"],
        ["service", "create", "--name", "web", "ENV", "busybox", "sleep", "9"],
    ],
    ids=["run -d", "run", "exec", "service create"],
)
def test_cli_explain_and_error_hide_values(argv, echoing):
    args = [part for a in argv for part in (cli_env() if a == "ENV" else [a])]
    result = dockwrap("--docker", echoing, "-x", *args)
    assert result.returncode == 125
    assert result.stderr.startswith("+ ") and "cannot run" in result.stderr
    no_secret(result.stdout, result.stderr)
    assert "PASSWORD=***" in result.stderr and "api_token=***" in result.stderr
    assert PLAIN[1] in result.stderr  # only secret-looking names are hidden


def test_debug_traceback_hides_values(echoing):
    result = dockwrap("--docker", echoing, "run", "-d", *cli_env(), "busybox", "true", env={"DOCKWRAP_DEBUG": "1"})
    assert "Traceback" in result.stderr
    no_secret(result.stderr)


def test_dry_run_hides_values(echoing):
    result = dockwrap("--docker", echoing, "--dry-run", "run", "-d", *cli_env(), "busybox", "true")
    assert result.returncode == 0
    no_secret(result.stdout, result.stderr)
    # the user's spellings, as written, with the values hidden
    assert "'--env=PASSWORD=***'" in result.stdout and "-e 'api_token=***'" in result.stdout


def test_exceptions_hide_values(echoing):
    with pytest.raises(DockerCommandFailed) as info:
        Runner(binary=echoing).run(["container", "run", *raw_env(), "busybox", "true"])
    error = info.value
    no_secret(str(error), repr(error), error.args, error.argv, error.stderr, error.stdout, error.message, error.hint)
    assert "cannot run" in error.message
    with pytest.raises(DockerCommandFailed) as info:
        Docker(binary=echoing).container.run(
            "busybox", ["true"], env=[f"{k}={v}" for k, v in SECRETS.items()], detach=True
        )
    no_secret(str(info.value), repr(info.value), info.value.argv, info.value.stderr)


def test_timeout_hides_values(tmp_path):
    hanging = fake_docker(tmp_path, "exec sleep 30\n")
    with pytest.raises(CommandTimeout) as info:
        Runner(binary=hanging, timeout=0.5).run(["container", "run", *raw_env(), "busybox", "true"])
    no_secret(str(info.value), repr(info.value), info.value.args, info.value.argv)
    assert "PASSWORD=***" in str(info.value)


def test_completed_repr_hides_values(tmp_path):
    ok = fake_docker(tmp_path, "echo fine\n")
    done = Docker(binary=ok).container.run("busybox", ["true"], env=[f"{k}={v}" for k, v in SECRETS.items()])
    no_secret(repr(done))
    assert any(value in arg for arg in done.argv for value in SECRETS.values())  # the argv itself is the real one


@pytest.mark.docker
def test_real_docker_failures_hide_values(names):
    missing_image = dockwrap(
        "-x", "run", "--rm", "--name", names("x"), *cli_env(), "--pull", "never", "dwt-no-such-image:1", "true"
    )
    assert missing_image.returncode == 125 and "dwt-no-such-image:1" in missing_image.stderr
    missing_box = dockwrap("-x", "exec", *cli_env(), names("nobox"), "true")
    assert missing_box.returncode == 1 and "No such container" in missing_box.stderr
    no_secret(missing_image.stderr, missing_box.stderr)


@pytest.mark.docker
def test_real_values_reach_the_container(names):
    # the container prints a checksum of the values it got (the values themselves are in no argv)
    script = "printf %s " + " ".join(f'"${key}"' for key in SECRETS) + " | md5sum"
    result = dockwrap(
        "-x", "run", "--rm", "--name", names("env"), *cli_env(), "--pull", "never", "busybox:latest", "sh", "-c", script
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[0] == hashlib.md5("".join(SECRETS.values()).encode()).hexdigest()
    no_secret(result.stderr)


URL_PASSWORD = "pw-7c8d9e-value"
HOST = f"tcp://lesson:{URL_PASSWORD}@127.0.0.1:9"  # nothing answers there: docker's own error, at once


@pytest.mark.parametrize(
    "argv",
    [
        ["ps"],
        ["run", "--rm", "--pull", "never", "busybox:latest", "true"],
        ["exec", "box", "true"],
        ["logs", "box"],
        ["network", "rm", "n"],
        ["recipe", "pingable-pair", "-c", "1"],
    ],
    ids=lambda argv: " ".join(argv[:2]),
)
@pytest.mark.parametrize("where", ["-H", "DOCKER_HOST"])
def test_a_password_in_the_engine_url_is_never_shown(argv, where):
    """-x, the error and its hint showed `tcp://lesson:PASSWORD@...` (docker's own line does not)."""
    if where == "-H":
        result = dockwrap("-x", "-H", HOST, *argv, timeout=60)
    else:
        result = dockwrap("-x", *argv, env={"DOCKER_HOST": HOST}, timeout=60)
    assert result.returncode == 1, result.stderr
    assert URL_PASSWORD not in result.stdout + result.stderr
    assert "Cannot connect to the Docker daemon at tcp://127.0.0.1:9" in result.stderr
    assert "tcp://lesson:***@127.0.0.1:9" in result.stderr  # in the hint (and in -x with -H)


def test_a_password_in_the_engine_url_is_not_in_dry_run_or_the_api(tmp_path):
    printed = dockwrap("--dry-run", "-H", HOST, "run", "-d", "busybox", "true")
    assert printed.stdout == "docker --host 'tcp://lesson:***@127.0.0.1:9' container run -d busybox true\n"
    docker = Docker(host=HOST)
    assert URL_PASSWORD not in repr(docker) and URL_PASSWORD not in docker.runner.endpoint
    with pytest.raises(DockerCommandFailed) as info:
        Docker(binary=fake_docker(tmp_path, 'echo "cannot reach $2" >&2\nexit 1\n'), host=HOST).container.ls()
    no_url_password = [str(info.value), repr(info.value), info.value.argv, info.value.stderr, info.value.hint]
    assert all(URL_PASSWORD not in str(text) for text in no_url_password), no_url_password
