"""`python -m dockwrap` and the `dockwrap` command: the signal handlers first, then the CLI.

Everything the CLI imports (click, the client, later sh) comes after the handlers, so that a
signal during those imports is taken as the CLI takes it (dockwrap.signals), not as Python's
KeyboardInterrupt traceback or a death by SIGTERM.
"""


def main() -> None:
    import threading

    from . import signals

    if threading.current_thread() is threading.main_thread():
        signals.install()
    try:
        from .cli import main as run
    except KeyboardInterrupt:  # a signal taken right after the imports it waited for
        raise SystemExit(130) from None
    except signals.Terminated as exc:
        raise SystemExit(exc.exit_code) from None
    run()


if __name__ == "__main__":
    main()
