"""What -x and --dry-run print: shell-quoted argv, secret values redacted and nothing else changed."""

import shlex

import pytest

from dockwrap.display import is_secret_name, quote, redact_text, redacted


@pytest.mark.parametrize("name", ["PASSWORD", "db_pass", "API_TOKEN", "SECRET", "aws_secret_access_key", "MyKey", "GIT_CREDENTIALS"])
def test_secret_names(name):
    assert is_secret_name(name)


@pytest.mark.parametrize("name", ["PATH", "HOME", "USER", "LANG", "MODE"])
def test_plain_names(name):
    assert not is_secret_name(name)


@pytest.mark.parametrize("argv, shown", [
    (["run", "-e", "PASSWORD=hunter2", "img"], ["run", "-e", "PASSWORD=***", "img"]),
    (["run", "--env", "API_TOKEN=abc", "img"], ["run", "--env", "API_TOKEN=***", "img"]),
    (["run", "--env=DB_KEY=x=y", "img"], ["run", "--env=DB_KEY=***", "img"]),
    (["run", "-eSECRET=s", "img"], ["run", "-eSECRET=***", "img"]),
    (["run", "-e", "MODE=fast", "img"], ["run", "-e", "MODE=fast", "img"]),
    (["run", "-e", "PASSWORD", "img"], ["run", "-e", "PASSWORD", "img"]),  # from the environment: nothing to hide
])
def test_redacted(argv, shown):
    assert redacted(argv) == shown


def test_quote_runs_as_printed():
    argv = ["docker", "exec", "a", "sh", "-c", "echo '$(x)'; ls `pwd`", "it's", ""]
    assert shlex.split(quote(argv)) == argv


def test_redact_text_hides_values_in_messages():
    argv = ["docker", "run", "-e", "PASSWORD=hunter2", "img"]
    assert redact_text("bad value hunter2 here", argv) == "bad value *** here"
    assert "hunter2" not in quote(argv)
