"""The public contract lives in docs/contract/: its pages say what the code does. Every record's
JSON keys as docs/contract/records.md lists them; no code cites a contract outside the repo."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import dockwrap
from dockwrap.parse.record import Record, _json_plan

ROOT = Path(__file__).resolve().parents[2]
CONTRACT = ROOT / "docs" / "contract"
LINE = re.compile(r"^\* `(\w+)` \((.+)\): (.*?)(; raw)?$")


def _records() -> dict[str, type]:
    for module in pkgutil.walk_packages(dockwrap.__path__, "dockwrap."):
        if ".cli" not in module.name and "surface.data" not in module.name and module.name != "dockwrap.__main__":
            importlib.import_module(module.name)
    found, todo = {}, [Record]
    while todo:
        for cls in todo.pop().__subclasses__():
            found[cls.__name__] = cls
            todo.append(cls)
    return found


def _documented() -> dict[str, tuple[list[str], bool]]:
    lines = (CONTRACT / "records.md").read_text().splitlines()
    return {m.group(1): (m.group(3).split(", "), bool(m.group(4))) for m in map(LINE.match, lines) if m}


def test_every_record_is_documented_with_its_keys() -> None:
    documented = _documented()
    records = _records()
    assert len(records) >= 50
    assert set(documented) == set(records)
    for name, cls in records.items():
        plan = _json_plan(cls)
        keys = [f"*{field}*" if spread else key for field, key, spread in plan if key and field != "raw"]
        assert documented[name] == (keys, any(field == "raw" for field, _, _ in plan)), name


def test_the_contract_pages_are_there() -> None:
    for page in ("cli.md", "records.md", "recipes.md", "redaction.md"):
        text = (CONTRACT / page).read_text()
        assert text.startswith("# The contract: ")


def test_no_code_cites_a_contract_outside_the_repo() -> None:
    cited = [
        path
        for folder in ("dockwrap", "tests", "scripts", "benchmarks")
        for path in (ROOT / folder).rglob("*.py")
        if re.search(r"CONTRACT(\.md)? section|\.\./shared", path.read_text()) and path.name != Path(__file__).name
    ]
    assert not cited
