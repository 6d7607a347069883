"""The fixture corpus itself: the 17.12 files are what derive_1712.py makes of the 20.10 recording."""

from __future__ import annotations

import importlib.util
import json
import re

import pytest

from .corpus import DOCKER, FIXTURES, read

_spec = importlib.util.spec_from_file_location("derive_1712", FIXTURES / "derive_1712.py")
assert _spec and _spec.loader
derive_1712 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(derive_1712)

DERIVED = sorted(path.name for path in (DOCKER / "17.12-derived").glob("*.txt"))


@pytest.mark.parametrize("name", DERIVED)
def test_derived_file_is_current(name: str) -> None:
    """Re-deriving from the 20.10.24 recording gives the stored file (run derive_1712.py after record.sh)."""
    source = (DOCKER / "20.10.24" / name).read_text()
    keep = derive_1712.KEEP.get(name)
    expected = source if keep is None else "".join(derive_1712.strip(line, keep) + "\n" for line in source.splitlines())
    assert (DOCKER / "17.12-derived" / name).read_text() == expected


def test_derivation_removes_only_what_17_12_lacks() -> None:
    for line in read("17.12-derived", "container-ls-size").splitlines():
        assert set(json.loads(line)) == derive_1712.CONTAINER_LS
    version = json.loads(read("17.12-derived", "version"))
    assert set(version["Client"]) == derive_1712.VERSION_CLIENT  # no Context, no Experimental
    assert set(version["Server"]) <= derive_1712.VERSION_SERVER


def test_strip_keeps_the_recorded_text() -> None:
    line = '{"A":"x-\\u003ey","B":{"C":1,"D":[1,{"E":null}]},"F":null,"G":"\\"q\\""}'
    assert derive_1712.strip(line, {"A", "G"}) == '{"A":"x-\\u003ey","G":"\\"q\\""}'
    assert derive_1712.strip(line, {"B": {"D"}, "F": set()}) == '{"B":{"D":[1,{"E":null}]},"F":null}'
    assert derive_1712.only_removed(json.loads(line), json.loads(derive_1712.strip(line, {"B": {"C"}})))
    assert not derive_1712.only_removed({"A": 1}, {"A": 2})


# 20.10's client builds with BuildKit when asked to; 28.x without the buildx plugin refuses
# (errors/28.2.2/image-build-buildkit.txt).
ONLY_20_10 = {
    "image-build-buildkit.txt",
    "image-build-buildkit.stderr.txt",
    # 20.10 warns of unencrypted credentials at every login, 28.x only for a new entry
    "login-again.stderr.txt",
}


def test_every_command_recorded_for_every_client() -> None:
    """28.2.2 printed everything 20.10 did; what record.sh records is derived for 17.12 too (the
    per-family scripts' outputs are not: README)."""
    names = {path.name for path in (DOCKER / "20.10.24").glob("*.txt")}
    assert names - ONLY_20_10 <= {path.name for path in (DOCKER / "28.2.2").glob("*.txt")}
    record_sh = {f"{name}.txt" for name in re.findall(r"^\s*rec ([\w-]+) ", (FIXTURES / "record.sh").read_text(), re.M)}
    assert len(record_sh) >= 20
    assert record_sh <= {path.name for path in (DOCKER / "17.12-derived").glob("*.txt")}
