"""docker's global options on dockwrap's command line (`--context`, `-H`, `--config`, `--tls`,
`--tlsverify`, `--tlscacert`, `--tlscert`, `--tlskey`, `-D`, `-l`): one Click option each, made
from the table (`dockwrap.surface.GLOBAL_OPTIONS`: spellings and kinds), passed to every call.

Only the help is ours. `--version` is dockwrap's own. docker reads its environment itself
(DOCKER_HOST, DOCKER_CONTEXT, DOCKER_TLS_VERIFY, DOCKER_CERT_PATH, DOCKER_CONFIG): no option
here reads it for docker, so an option given wins just as it does for docker. A flag takes
docker's `--tls=false` too (Go's true/false words: docker's way to turn off what DOCKER_TLS or
DOCKER_TLS_VERIFY turned on), which Click's flags do not: `explicit_flags` takes those words out
before Click parses the rest.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import click

from ..errors import CommandLineError

__all__ = ["docker_options", "explicit_flags", "FLAGS_KEY"]

F = TypeVar("F", bound=Callable[..., Any])

#: where `explicit_flags` leaves the `--flag=false` values it took out (ctx.meta)
FLAGS_KEY = "dockwrap.docker_flags"

_HELP = {
    "config": "docker's config directory for every call (docker --config DIR) [env: DOCKER_CONFIG].",
    "context": "Docker context for every call (docker --context NAME) [env: DOCKER_CONTEXT].",
    "debug": "docker's debug output for every call (docker --debug).",
    "host": "Engine for every call (docker --host URL): unix://, tcp://, ssh://user@host [env: DOCKER_HOST].",
    "log-level": "docker's log level for every call (docker --log-level LEVEL).",
    "tls": "TLS for every call, implied by --tlsverify (docker --tls) [env: DOCKER_TLS].",
    "tlscacert": "Trust only engines whose certificate this CA signed (docker --tlscacert PATH) "
    "[default: ca.pem in DOCKER_CERT_PATH, else ~/.docker].",
    "tlscert": "TLS client certificate (docker --tlscert PATH) [default: cert.pem there].",
    "tlskey": "TLS client key (docker --tlskey PATH; the path is shown, never the key) [default: key.pem there].",
    "tlsverify": "TLS, verifying the engine's certificate (docker --tlsverify) "
    "[env: DOCKER_TLS_VERIFY: any non-empty value, 0 too].",
}
_METAVAR = {"config": "DIR", "context": "NAME", "host": "URL", "log-level": "LEVEL"}
# Go's strconv.ParseBool, which docker's flags use
_TRUE, _FALSE = ("1", "t", "T", "TRUE", "true", "True"), ("0", "f", "F", "FALSE", "false", "False")


def _global_options() -> list[Any]:  # list[surface.Option]
    from ..surface import GLOBAL_OPTIONS

    return [option for option in GLOBAL_OPTIONS if option.long != "version"]


def docker_options(function: F) -> F:
    """Add one Click option per docker global option (but --version) to the root command; the
    function gets each under its keyword (`log_level`): a flag True or None (not given), a value
    a str or None. `-H` takes one URL, as docker does (it refuses a second)."""
    for option in reversed(_global_options()):
        help_text = _HELP.get(option.long, f"docker's --{option.long} for every call.")
        decorate = click.option(*option.spellings, option.keyword, help=help_text, **_kind(option))
        function = decorate(function)
    return function


def _kind(option: Any) -> dict[str, Any]:
    if option.kind == "flag":
        return {"is_flag": True, "default": None}
    metavar = _METAVAR.get(option.long, "PATH" if option.long.startswith("tls") else "VALUE")
    if option.kind == "value" or option.long == "host":
        return {"metavar": metavar}
    return {"metavar": metavar, "multiple": True}


def explicit_flags(ctx: click.Context, params: Sequence[click.Parameter], args: list[str]) -> list[str]:
    """ARGS without the `--flag=WORD` of docker's global flags among the root's options (before
    the command); their values go to ctx.meta[FLAGS_KEY] by keyword. A word Go does not read as
    true or false is refused in docker's words (exit 2)."""
    flags = {f"--{option.long}": option.keyword for option in _global_options() if option.kind == "flag"}
    takes_value = {
        spelling for param in params if isinstance(param, click.Option) and not param.is_flag for spelling in param.opts
    }
    found: dict[str, bool] = {}
    kept: list[str] = []
    at = 0
    while at < len(args):
        arg = args[at]
        if arg == "--" or not arg.startswith("-") or arg == "-":
            break
        name, equals, word = arg.partition("=")
        if equals and name in flags:
            if word not in _TRUE + _FALSE:
                raise CommandLineError(
                    f'invalid argument "{word}" for "{name}" flag: strconv.ParseBool: parsing "{word}": invalid syntax',
                    token=arg,
                )
            found[flags[name]] = word in _TRUE
        else:
            kept.append(arg)
            if arg in takes_value and at + 1 < len(args):
                at += 1
                kept.append(args[at])
        at += 1
    if found:
        ctx.meta[FLAGS_KEY] = found
    return kept + args[at:]
