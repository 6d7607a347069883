"""Reading `--format '{{json .}}'` output: one JSON object per line (docker), or one JSON array
(podman and some other docker-compatible CLIs). A line that is not a JSON object is an error
naming the command and the line, never skipped silently."""

from __future__ import annotations

import json
from typing import Any

from ..errors import ParseError

__all__ = ["load_objects", "load_array", "load_object"]


def load_objects(text: str, command: str) -> list[dict[str, Any]]:
    """Parse list output to dicts; `command` names the docker command in errors."""
    text = text.strip()
    if not text:
        return []
    if text.startswith("["):
        return load_array(text, command)
    lines = text.splitlines()
    try:
        # One loads of the joined lines is ~1.5x faster than one per line.
        objects = json.loads("[" + ",".join(lines) + "]")
    except ValueError:
        objects = None
    if objects is not None and all(isinstance(item, dict) for item in objects) and len(objects) == len(lines):
        return objects
    # Not one object per line: maybe pretty-printed objects one after another (old podman).
    decoder = json.JSONDecoder()
    found: list[dict[str, Any]] = []
    position = 0
    while position < len(text):
        try:
            item, position = decoder.raw_decode(text, position)
        except ValueError:
            bad = text[position:].splitlines()[0] if text[position:] else text
            raise ParseError(command, "a line is not JSON", bad) from None
        if not isinstance(item, dict):
            raise ParseError(command, "a line is not a JSON object", json.dumps(item)[:200])
        found.append(item)
        while position < len(text) and text[position].isspace():
            position += 1
    return found


def load_array(text: str, command: str) -> list[dict[str, Any]]:
    """Parse a JSON array of objects (inspect output)."""
    text = text.strip()
    if not text:
        return []
    try:
        items = json.loads(text)
    except ValueError:
        raise ParseError(command, "output is not JSON", text[:200]) from None
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise ParseError(command, "output is not a JSON array of objects", text[:200])
    return items


def load_object(text: str, command: str) -> dict[str, Any]:
    """Parse output that is one JSON object (`version`, `system info`, `system df -v`)."""
    try:
        obj = json.loads(text)
    except ValueError:
        raise ParseError(command, "output is not JSON", text.strip()[:200]) from None
    if not isinstance(obj, dict):
        raise ParseError(command, "output is not a JSON object", text.strip()[:200])
    return obj
