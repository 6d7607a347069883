"""Commands are imported when used (`dockwrap.cli.lazy.LazyCommands`): what a run loads, not how long."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import click
import pytest

from dockwrap.cli.lazy import LazyCommands


def loaded_after(argv: list[str]) -> set[str]:
    """The dockwrap modules a fresh interpreter has loaded after `dockwrap ARGV`."""
    code = textwrap.dedent(f"""
        import sys
        from dockwrap.cli import main
        try:
            main({argv!r})
        except SystemExit:
            pass
        print(' '.join(sorted(m for m in sys.modules if m.startswith('dockwrap'))), file=sys.stderr)
    """)
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=dict(os.environ, DOCKWRAP_DOCKER="docker")
    )
    return set(out.stderr.strip().splitlines()[-1].split())


def test_a_verb_loads_its_own_module_only():
    loaded = loaded_after(["--dry-run", "container", "ls"])
    # (the CLI package's own modules, dockwrap.cli.*, are shared by every verb)
    verbs = {m for m in loaded if (".cli." in m or m.endswith(".cli")) and not m.startswith("dockwrap.cli.")}
    assert verbs == {"dockwrap.cli", "dockwrap.container.cli", "dockwrap.container.cli.ls"}


@pytest.mark.parametrize("argv", [["--help"], ["--version"], ["container", "--help"]])
def test_help_and_version_load_no_records(argv):
    loaded = loaded_after(argv)
    assert not {m for m in loaded if m.endswith(".records") or m.endswith(".api")}, loaded


#: what the table below refers to by "module:attribute"
PROBE = click.Command("probe")


def test_lazy_commands_is_an_ordered_mapping_resolved_on_lookup():
    here = click.Command("here")
    table = LazyCommands({"b": f"{__name__}:PROBE", "a": f"{__name__}:PROBE"})
    assert list(table) == ["b", "a"] and len(table) == 2 and "a" in table and "x" not in table
    assert table["a"] is PROBE and table.get("x") is None
    table["c"] = here
    assert table["c"] is here and list(table) == ["b", "a", "c"]
    del table["b"]
    assert list(table) == ["a", "c"]


def test_a_missing_module_fails_on_lookup_not_before():
    table = LazyCommands({"gone": "dockwrap.no_such_module:command"})
    assert "gone" in table
    with pytest.raises(ModuleNotFoundError):
        table["gone"]
