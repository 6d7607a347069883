"""How a docker call is shown: shell-quoted argv, with secret values redacted.

A shown command must run as shown (-x and --dry-run print it for people to copy), so it is quoted
for bash: plain words as they are, others in single quotes, and an argument holding bytes that
are not UTF-8 or characters a terminal would act on (escape sequences, other controls) as
`$'...'` with those bytes escaped, so that the line is safe to print and gives the same bytes back.

The one change ever made is redaction, marked by `***` where the secret was (README, "Teaching
mode"): the value of a secret-looking `-e NAME=VALUE` (however docker's options spell it), the
password given to `login`, and the password of a URL (`tcp://user:***@host`, also in DOCKER_HOST). A line
showing `***` does not run as printed.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping, Sequence
from shlex import quote as shell_quote

__all__ = ["quote", "quote_arg", "shell_line", "redacted", "redact_text", "redact_url", "is_secret_name"]

_SECRET_NAME = re.compile(r"PASS|SECRET|TOKEN|KEY|CREDENTIAL", re.IGNORECASE)
_ENV_FLAGS = ("-e", "--env")
# The user-information part of a URL: scheme://USER:PASSWORD@ (the password is what goes)
_URL_PASSWORD = re.compile(r"(?P<head>[A-Za-z][A-Za-z0-9+.-]*://[^/:@\s]*:)(?P<password>[^/@\s]+)(?=@)")
# A secret this short, alone, is a word like any other: replacing it everywhere would garble the
# text and give the secret away by the pattern of the gaps. It is hidden where it stands with its
# name (NAME=VALUE, user:VALUE@) only.
_MIN_BARE_SECRET = 6


def is_secret_name(name: str) -> bool:
    """Whether an environment variable's value must never be printed."""
    return bool(_SECRET_NAME.search(name))


def redact_url(text: str) -> str:
    """text with the password of every URL in it replaced by `***`."""
    if "://" not in text:
        return text
    return _URL_PASSWORD.sub(r"\g<head>***", text)


def _redact_assignment(assignment: str) -> str:
    name, sep, _value = assignment.partition("=")
    if sep and is_secret_name(name):
        return f"{name}=***"
    return redact_url(assignment)


def redacted(argv: Iterable[str]) -> list[str]:
    """argv with the values of secret `-e NAME=VALUE` / `--env=NAME=VALUE` (also in a bundle:
    `-de NAME=VALUE`, `-deNAME=VALUE`), the password of `login -p/--password`, and the passwords
    of URLs (`--host tcp://user:PASSWORD@host`) replaced by `***`."""
    return _redacting(list(argv))[0]


# a bundle of short options ending in -e (`-e`, `-de`, `-dite`): the next word is the variable;
# with more after the e (`-eNAME=V`, `-deNAME=V`, `-e=NAME=V`) the rest of the word is
_ENV_BUNDLE = re.compile(r"^-[A-Za-z]*e$")
_ENV_ATTACHED = re.compile(r"^(-[A-Za-z]*?e=?)([^=]+=.*)$")
_PASSWORD_FLAGS = ("-p", "--password")


def _redacting(argv: list[str]) -> tuple[list[str], list[str]]:
    """(argv redacted, the passwords hidden that have no name beside them: `login -p`'s)."""
    out: list[str] = []
    bare: list[str] = []
    after_env_flag = after_password_flag = login = False
    for arg in argv:
        if after_env_flag:
            out.append(_redact_assignment(arg))
            after_env_flag = False
        elif after_password_flag:
            out.append("***")
            bare.append(arg)
            after_password_flag = False
        elif arg in _ENV_FLAGS or _ENV_BUNDLE.match(arg):
            out.append(arg)
            after_env_flag = True
        elif arg.startswith("--env="):
            out.append("--env=" + _redact_assignment(arg[len("--env=") :]))
        elif login and (arg in _PASSWORD_FLAGS or arg.startswith(("--password=", "-p"))):
            if arg in _PASSWORD_FLAGS:
                out.append(arg)
                after_password_flag = True
            else:
                head = "--password=" if arg.startswith("--password=") else "-p"
                out.append(head + "***")
                bare.append(arg[len(head) :])
        elif arg.startswith("-") and not arg.startswith("--") and _ENV_ATTACHED.match(arg):
            match = _ENV_ATTACHED.match(arg)
            assert match is not None
            out.append(match.group(1) + _redact_assignment(match.group(2)))
        else:
            login = login or arg == "login"
            out.append(redact_url(arg))
    return out, bare


def _secrets(argv: Sequence[str]) -> tuple[list[tuple[str, str]], list[str]]:
    """What argv hides: (text with its name, that text redacted) pairs, and the values long enough
    to be hidden where they stand alone."""
    named: list[tuple[str, str]] = []
    shown_argv, bare = _redacting(list(argv))
    for original, shown in zip(argv, shown_argv, strict=True):
        if original == shown or shown == "***" or shown.endswith(("-p***", "--password=***")):
            continue
        for match in _URL_PASSWORD.finditer(original):
            named.append((match.group(0) + "@", match.group("head") + "***@"))
            bare.append(match.group("password"))
        attached = _ENV_ATTACHED.match(original) if not original.startswith("--") else None
        assignment = (
            original.removeprefix("--env=")
            if original.startswith("--env=")
            else (attached.group(2) if attached else original)
        )
        name, sep, value = assignment.partition("=")
        if sep and is_secret_name(name):
            named.append((f"{name}={value}", f"{name}=***"))
            bare.append(value)
    return named, [value for value in bare if len(value) >= _MIN_BARE_SECRET]


def redact_text(text: str, argv: Sequence[str]) -> str:
    """text (docker's stderr, say) with the secrets that argv carries replaced by `***`: where they
    stand with their name (`NAME=VALUE`, `user:VALUE@`), and alone as a word when they are long
    enough not to be mistaken for one (never inside a longer word)."""
    named, bare = _secrets(list(argv))
    for secret, shown in named:
        text = text.replace(secret, shown)
    for value in bare:
        text = re.sub(rf"(?<![\w]){re.escape(value)}(?![\w])", "***", text)
    return redact_url(text)


def _escaped(arg: str) -> str:
    """arg as bash's $'...': printable characters as they are, the rest as the bytes they stand
    for (a surrogate from sys.argv as the byte it was)."""
    parts = ["$'"]
    for char in arg:
        if char in "'\\":
            parts.append("\\" + char)
        elif char == "\n":
            parts.append("\\n")
        elif char == "\t":
            parts.append("\\t")
        elif char.isprintable():
            parts.append(char)
        else:
            parts.extend(f"\\x{byte:02x}" for byte in os.fsencode(char))
    parts.append("'")
    return "".join(parts)


def quote_arg(arg: str) -> str:
    """One argument as bash reads it back: shlex's quoting, or $'...' when it holds bytes that are
    not UTF-8 or characters that are not printable (newlines and tabs stay as shlex has them)."""
    if all(char.isprintable() or char in "\n\t" for char in arg):
        return shell_quote(arg)
    return _escaped(arg)


def quote(argv: Iterable[str]) -> str:
    """The argv as one shell line, secrets redacted: what -x and --dry-run print."""
    return " ".join(quote_arg(arg) for arg in redacted(argv))


def shell_line(argv: Iterable[str], env: Mapping[str, str | None] | None = None, stdin_from: str | None = None) -> str:
    """A call as one bash line that runs as printed: the quoted argv, after what the call changes
    in docker's environment (`NAME=VALUE docker ...`; `env -u NAME docker ...` for a variable
    docker must not see) and, when docker's stdin is the value of an environment variable,
    `printf '%s\\n' "$NAME" | ` before it (the value itself is never printed)."""
    line = quote(argv)
    if env:
        removed = [f"-u {quote_arg(name)}" for name, value in env.items() if value is None]
        assigned = [
            f"{name}={quote_arg(_redact_assignment(f'{name}={value}').partition('=')[2])}"
            for name, value in env.items()
            if value is not None
        ]
        line = " ".join([*(["env", *removed] if removed else []), *assigned, line])
    if stdin_from:
        line = f"printf '%s\\n' \"${stdin_from}\" | {line}"
    return line
