"""Engine-wide verbs: `dockwrap version`."""

from . import version

COMMANDS = [version.command]
