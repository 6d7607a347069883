"""How a docker call is shown: shell-quoted argv, with secret values redacted.

A shown command must run as shown (-x and --dry-run print it for people to copy), so it is quoted
for bash: plain words as they are, others in single quotes, and an argument holding bytes that
are not UTF-8 or characters a terminal would act on (escape sequences, other controls) as
`$'...'` with those bytes escaped, so that the line is safe to print and gives the same bytes back.

The one change ever made is redaction, marked by `***` where the secret was (README, "Teaching
mode"): the value of a secret-looking `-e NAME=VALUE`, and the password of a URL
(`tcp://user:***@host`, also in DOCKER_HOST). A line showing `***` does not run as printed.
"""

from __future__ import annotations

import os
import re
from shlex import quote as shell_quote
from typing import Iterable, Sequence

__all__ = ["quote", "quote_arg", "redacted", "redact_text", "redact_url", "is_secret_name"]

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
    """argv with the values of secret `-e NAME=VALUE` / `--env=NAME=VALUE` and the passwords of
    URLs (`--host tcp://user:PASSWORD@host`) replaced by `***`."""
    out: list[str] = []
    after_env_flag = False
    for arg in argv:
        if after_env_flag:
            out.append(_redact_assignment(arg))
            after_env_flag = False
        elif arg in _ENV_FLAGS:
            out.append(arg)
            after_env_flag = True
        elif arg.startswith("--env="):
            out.append("--env=" + _redact_assignment(arg[len("--env="):]))
        elif arg.startswith("-e") and len(arg) > 2 and "=" in arg:
            out.append("-e" + _redact_assignment(arg[2:]))
        else:
            out.append(redact_url(arg))
    return out


def _secrets(argv: Sequence[str]) -> tuple[list[tuple[str, str]], list[str]]:
    """What argv hides: (text with its name, that text redacted) pairs, and the values long enough
    to be hidden where they stand alone."""
    named: list[tuple[str, str]] = []
    bare: list[str] = []
    for original, shown in zip(argv, redacted(argv)):
        if original == shown:
            continue
        for match in _URL_PASSWORD.finditer(original):
            named.append((match.group(0) + "@", match.group("head") + "***@"))
            bare.append(match.group("password"))
        name, sep, value = original.removeprefix("--env=").removeprefix("-e").partition("=")
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
