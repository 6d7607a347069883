"""Is a published port ready? Asked from this machine, without docker.

With docker's userland proxy (its default), a published port accepts a connection as soon as the
container starts, whether or not anything listens behind it: the proxy then closes it at once.
So a connection counts only when it stays open for a moment (READ_WAIT_SECONDS) or brings data.
"""

from __future__ import annotations

import socket

__all__ = ["port_answers", "http_answer", "READ_WAIT_SECONDS"]

#: how long an accepted connection must stay open (or bring data) to count: docker-proxy with
#: nothing behind it closes within milliseconds
READ_WAIT_SECONDS = 0.25
CONNECT_SECONDS = 1.0


def port_answers(host: str, port: int) -> tuple[bool, str]:
    """Whether HOST:PORT takes a TCP connection and keeps it; and what happened, in words."""
    try:
        with socket.create_connection((host, port), timeout=CONNECT_SECONDS) as connection:
            connection.settimeout(READ_WAIT_SECONDS)
            try:
                data = connection.recv(1)
            except TimeoutError:
                return True, "answers"
            except OSError as exc:  # reset: the proxy found nothing to forward to
                return False, _why(exc)
            return (True, "answers") if data else (False, "accepted and closed at once")
    except OSError as exc:
        return False, _why(exc)


def http_answer(url: str, timeout: float = 2.0) -> tuple[int | None, str]:
    """GET URL: (its status, "HTTP N") or (None, why there was none)."""
    import http.client
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - a URL of ours
            response.read(1 << 16)
            return response.status, f"HTTP {response.status}"
    except urllib.error.HTTPError as exc:
        return exc.code, f"HTTP {exc.code}"
    except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        return None, _why(reason) if isinstance(reason, OSError) else str(reason)


def _why(exc: BaseException) -> str:
    if isinstance(exc, ConnectionRefusedError):
        return "refused"
    if isinstance(exc, ConnectionResetError):
        return "reset"
    if isinstance(exc, (TimeoutError, socket.timeout)):
        return "no answer"
    return str(exc) or type(exc).__name__
