"""Label strings of list output (`a=b,c=d`).

docker joins labels with `,` and escapes nothing, so a value may itself hold `,` or `=`. A piece
without `=` cannot start a label, so it belongs to the value before it: `desc=hello, world,x=1`
reads as {"desc": "hello, world", "x": "1"}. A value holding `,k=v` stays ambiguous; the exact
map is in `inspect` (ContainerDetails.labels).
"""

from __future__ import annotations

__all__ = ["parse_labels"]


def parse_labels(text: str | None) -> dict[str, str]:
    if not text:
        return {}
    labels: dict[str, str] = {}
    last: str | None = None
    for piece in text.split(","):
        key, sep, value = piece.partition("=")
        if sep and key and key.strip() == key:
            labels[key] = value
            last = key
        elif last is not None:
            labels[last] += "," + piece
        else:
            labels[piece] = ""
    return labels
