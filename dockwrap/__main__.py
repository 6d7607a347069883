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
    from .cli import main as run

    run()


if __name__ == "__main__":
    main()
