"""What -x and --dry-run print: shell-quoted argv, secret values redacted and nothing else changed."""

import shlex

import pytest

from dockwrap.display import is_secret_name, quote, redact_text, redacted


@pytest.mark.parametrize(
    "name", ["PASSWORD", "db_pass", "API_TOKEN", "SECRET", "aws_secret_access_key", "MyKey", "GIT_CREDENTIALS"]
)
def test_secret_names(name):
    assert is_secret_name(name)


@pytest.mark.parametrize("name", ["PATH", "HOME", "USER", "LANG", "MODE"])
def test_plain_names(name):
    assert not is_secret_name(name)


@pytest.mark.parametrize(
    "argv, shown",
    [
        (["run", "-e", "PASSWORD=hunter2", "img"], ["run", "-e", "PASSWORD=***", "img"]),
        (["run", "--env", "API_TOKEN=abc", "img"], ["run", "--env", "API_TOKEN=***", "img"]),
        (["run", "--env=DB_KEY=x=y", "img"], ["run", "--env=DB_KEY=***", "img"]),
        (["run", "-eSECRET=s", "img"], ["run", "-eSECRET=***", "img"]),
        (["run", "-e", "MODE=fast", "img"], ["run", "-e", "MODE=fast", "img"]),
        (["run", "-e", "PASSWORD", "img"], ["run", "-e", "PASSWORD", "img"]),  # from the environment: nothing to hide
        # bundles, as the CLI now passes the user's words as written
        (["run", "-de", "PASSWORD=x", "img"], ["run", "-de", "PASSWORD=***", "img"]),
        (["run", "-itePASSWORD=x", "img"], ["run", "-itePASSWORD=***", "img"]),
        (["run", "-e=API_KEY=x", "img"], ["run", "-e=API_KEY=***", "img"]),
        (["run", "-de", "MODE=x", "-p", "80", "img"], ["run", "-de", "MODE=x", "-p", "80", "img"]),
        # login's password (pass-through), in each spelling
        (["login", "-u", "me", "-p", "hunter2"], ["login", "-u", "me", "-p", "***"]),
        (["login", "--password", "hunter2", "r.io"], ["login", "--password", "***", "r.io"]),
        (["login", "--password=hunter2"], ["login", "--password=***"]),
        (["login", "-phunter2"], ["login", "-p***"]),
        (["run", "-p", "8080:80", "img"], ["run", "-p", "8080:80", "img"]),  # not login: -p publishes
    ],
)
def test_redacted(argv, shown):
    assert redacted(argv) == shown


def test_quote_runs_as_printed():
    argv = ["docker", "exec", "a", "sh", "-c", "echo '$(x)'; ls `pwd`", "it's", ""]
    assert shlex.split(quote(argv)) == argv


def test_redact_text_hides_values_in_messages():
    argv = ["docker", "run", "-e", "PASSWORD=hunter2", "img"]
    assert redact_text("bad value hunter2 here", argv) == "bad value *** here"
    assert "hunter2" not in quote(argv)


def bash_argv(line: str) -> list[bytes]:
    """The arguments bash makes of a printed line (each as the bytes a program gets)."""
    import subprocess

    done = subprocess.run(["bash", "-c", "printf '%s\\0' " + line], capture_output=True, check=True)
    return done.stdout.split(b"\0")[:-1]


def test_arguments_that_are_not_utf8_or_not_printable_run_as_printed():
    """Bytes 0x80-0xff (as sys.argv has them: surrogateescape), escape sequences and other
    controls print as bash's $'...', all ASCII, and give the same bytes back."""
    import os

    args = [os.fsdecode(bytes([byte])) for byte in range(0x80, 0x100)]
    args += [
        os.fsdecode(b"caf\xe9"),
        "\x1b[2J\x1b[31mred",
        "a\rb",
        "bell\a",
        "del\x7f",
        "nl\nand\ttab",
        "it's \\ $x",
        "\u202egnp.exe",
        "caf\u00e9 \U0001f600",
        "",
        "plain",
    ]
    line = quote(args)
    assert line.isascii() or "\u00e9" in line  # printable unicode stays as it is
    assert "\x1b" not in line and "\r" not in line and "\x7f" not in line
    assert bash_argv(line) == [os.fsencode(arg) for arg in args]


def test_printable_arguments_are_quoted_as_before():
    assert (
        quote(["docker", "run", "a b", "x", "it's", "nl\nx", "café"])
        == "docker run 'a b' x 'it'\"'\"'s' 'nl\nx' 'café'"
    )


@pytest.mark.parametrize(
    "argv, shown",
    [
        (
            ["docker", "--host", "tcp://user:hunter22@10.0.0.1:2376", "ps"],
            ["docker", "--host", "tcp://user:***@10.0.0.1:2376", "ps"],
        ),
        (["docker", "--host=ssh://me:pw@box", "ps"], ["docker", "--host=ssh://me:***@box", "ps"]),
        (["docker", "-H", "tcp://10.0.0.1:2376", "ps"], ["docker", "-H", "tcp://10.0.0.1:2376", "ps"]),
        (
            ["run", "-e", "DB_URL=postgres://app:s3cret@db/app", "img"],
            ["run", "-e", "DB_URL=postgres://app:***@db/app", "img"],
        ),
        (["run", "img", "curl", "https://u:p@x/y"], ["run", "img", "curl", "https://u:***@x/y"]),
    ],
)
def test_url_passwords_are_redacted(argv, shown):
    assert redacted(argv) == shown
    assert quote(argv) == " ".join(shlex.quote(a) for a in shown)


def test_redaction_does_not_garble_text_around_a_short_secret():
    """A one-letter secret replaced everywhere turns `a missing image` into `*** missing im***ge`,
    and shows the secret by the gaps. It is hidden only where it stands with its name."""
    argv = ["docker", "run", "-e", "PASSWORD=a", "-e", "TOKEN=s3cret-value", "img"]
    text = "docker: a missing image; PASSWORD=a; got s3cret-value and xs3cret-valuex\n"
    assert redact_text(text, argv) == "docker: a missing image; PASSWORD=***; got *** and xs3cret-valuex\n"


def test_redaction_of_url_passwords_in_text():
    argv = ["docker", "--host", "tcp://user:hunter22@10.0.0.1:2376", "ps"]
    assert (
        redact_text("dial tcp://user:hunter22@10.0.0.1:2376: refused (hunter22)", argv)
        == "dial tcp://user:***@10.0.0.1:2376: refused (***)"
    )
    assert redact_text("from DOCKER_HOST tcp://me:other1@h", []) == "from DOCKER_HOST tcp://me:***@h"


def test_redact_text_hides_a_login_password_and_a_bundled_secret():
    argv = ["docker", "login", "-u", "me", "-p", "s3cret-pass", "r.io"]
    assert redact_text("Error: s3cret-pass refused", argv) == "Error: *** refused"
    argv = ["docker", "container", "run", "-dePASSWORD=hunter22", "img"]
    assert redact_text("bad env PASSWORD=hunter22 (hunter22)", argv) == "bad env PASSWORD=*** (***)"
