"""Which engine docker's calls go to, decided as docker decides it, for words (errors, hints) and
for whether the engine is on this machine (recipes that look up PIDs or fetch a URL).

docker's order (cli/command/cli.go, resolveContextName, the same in 20.10 and 28.x):

1. `--context NAME` (refused together with `--host`: docker says "conflicting options");
2. `--host URL`: the default context, with that URL;
3. `DOCKER_HOST` (any non-empty value), before `DOCKER_CONTEXT`;
4. `DOCKER_CONTEXT` (non-empty);
5. `currentContext` in config.json of the config directory (`--config DIR`, else
   `DOCKER_CONFIG`, else ~/.docker): what `docker context use` wrote;
6. the default context: `DOCKER_HOST`, else `unix:///var/run/docker.sock`.

The default context (`--context default` too) takes its URL from `--host` or `DOCKER_HOST`, and
its TLS from `--tls*` or `DOCKER_TLS_VERIFY`/`DOCKER_CERT_PATH`; a named context brings its own
URL and TLS files, and docker ignores `--tls*` then. Nothing here runs docker: a named context's
URL is for `docker context inspect` to say (`Docker.system.context_host`).
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from typing import NamedTuple
from urllib.parse import urlsplit

__all__ = ["Endpoint", "resolve", "config_dir", "url_machine", "DEFAULT_HOST", "DEFAULT_CONTEXT"]

DEFAULT_HOST = "unix:///var/run/docker.sock"
DEFAULT_CONTEXT = "default"


class Endpoint(NamedTuple):
    """The engine a call goes to: a named context, or a URL (through the default context)."""

    #: the context's name, None for the default context
    context: str | None
    #: the URL, None for a named context
    host: str | None
    #: what chose it: "--context", "--host", "DOCKER_HOST", "DOCKER_CONTEXT", the config.json that
    #: names the current context, or "" (docker's default socket)
    source: str

    @property
    def words(self) -> str:
        """For error messages and hints (a URL's password as ***)."""
        from .display import redact_url

        if self.context is not None:
            name = f"context {self.context!r}"
            return name if self.source == "--context" else f"{name} ({self.source})"
        assert self.host is not None
        url = redact_url(self.host)
        if self.source in ("--host", "--context"):
            return url
        return f"{url} ({self.source})" if self.source else f"{url} (docker's default)"

    @property
    def is_local(self) -> bool | None:
        """Whether the engine runs on this machine (its PIDs and 127.0.0.1 are ours): a unix://
        socket (or a Windows pipe) is; an ssh:// or tcp:// URL is not, even to 127.0.0.1 (a tunnel
        may end anywhere); None for a named context, whose URL only docker knows."""
        if self.host is None:
            return None
        return self.host.startswith(("unix://", "npipe://"))


def config_dir(config: str | None, environ: Mapping[str, str]) -> str:
    """docker's config directory: `--config`, else DOCKER_CONFIG, else ~/.docker."""
    return config or environ.get("DOCKER_CONFIG") or os.path.join(os.path.expanduser("~"), ".docker")


def _current_context(directory: str) -> tuple[str | None, str]:
    """(currentContext of DIRECTORY/config.json, that file's path); (None, path) when it names none
    or cannot be read (docker would say why on the call itself)."""
    path = os.path.join(directory, "config.json")
    try:
        with open(path, "rb") as f:
            data = json.load(f)
    except (OSError, ValueError):
        return None, path
    current = data.get("currentContext") if isinstance(data, dict) else None
    return (current if isinstance(current, str) and current else None), path


def resolve(
    context: str | None, host: str | None, config: str | None = None, environ: Mapping[str, str] | None = None
) -> Endpoint:
    """The engine docker's calls go to with these global options in this environment (see the
    module's documentation for the order)."""
    env = os.environ if environ is None else environ
    if context and context != DEFAULT_CONTEXT:
        return Endpoint(context, None, "--context")
    if host:
        return Endpoint(None, host, "--host")
    source = "--context" if context else ""
    if env.get("DOCKER_HOST"):
        return Endpoint(None, env["DOCKER_HOST"], "DOCKER_HOST")
    if not context:
        if env.get("DOCKER_CONTEXT"):
            if env["DOCKER_CONTEXT"] != DEFAULT_CONTEXT:
                return Endpoint(env["DOCKER_CONTEXT"], None, "DOCKER_CONTEXT")
            source = "DOCKER_CONTEXT"
        else:
            current, path = _current_context(config_dir(config, env))
            if current and current != DEFAULT_CONTEXT:
                return Endpoint(current, None, f"the current context in {path}")
    return Endpoint(None, DEFAULT_HOST, source)


def url_machine(url: str) -> str | None:
    """The machine an engine URL names: the host of `ssh://user@HOST:22` or `tcp://HOST:2376`
    (an IPv6 address without brackets); None for a socket on this machine (`unix://`, `npipe://`)
    or a URL without a host."""
    parts = urlsplit(url)
    if parts.scheme in ("unix", "npipe", "fd"):
        return None
    try:
        return parts.hostname or None
    except ValueError:  # a malformed port or address: docker would refuse the URL itself
        return None
