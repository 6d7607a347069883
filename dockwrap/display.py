"""How a docker call is shown: shell-quoted argv, with secret values redacted.

A shown command must run as shown (it is printed by -x and --dry-run for people to copy), so the
only change ever made is replacing the value of a secret-looking `-e NAME=VALUE` with `***`.
"""

from __future__ import annotations

import re
from shlex import join as shell_join
from typing import Iterable, Sequence

__all__ = ["quote", "redacted", "redact_text", "is_secret_name"]

_SECRET_NAME = re.compile(r"PASS|SECRET|TOKEN|KEY|CREDENTIAL", re.IGNORECASE)
_ENV_FLAGS = ("-e", "--env")


def is_secret_name(name: str) -> bool:
    """Whether an environment variable's value must never be printed."""
    return bool(_SECRET_NAME.search(name))


def _redact_assignment(assignment: str) -> str:
    name, sep, _value = assignment.partition("=")
    if sep and is_secret_name(name):
        return f"{name}=***"
    return assignment


def redacted(argv: Iterable[str]) -> list[str]:
    """argv with the values of secret `-e NAME=VALUE` / `--env=NAME=VALUE` replaced by `***`."""
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
            out.append(arg)
    return out


def _secret_values(argv: Iterable[str]) -> list[str]:
    values = []
    for original, shown in zip(argv, redacted(argv if isinstance(argv, list) else list(argv))):
        if original != shown:
            value = original.partition("=")[2] if not original.startswith("--env=") else original.split("=", 2)[2]
            if value:
                values.append(value)
    return values


def redact_text(text: str, argv: Sequence[str]) -> str:
    """text (docker's stderr, say) with every secret value that argv carries replaced by `***`."""
    for value in _secret_values(list(argv)):
        text = text.replace(value, "***")
    return text


def quote(argv: Iterable[str]) -> str:
    """The argv as one shell line, secrets redacted: what -x and --dry-run print."""
    return shell_join(redacted(argv))
