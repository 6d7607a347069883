"""Times as docker prints them, to timezone-aware datetimes.

* list output: Go's Time.String(): `2026-11-28 17:36:04 +0000 UTC`, networks with nanoseconds
  (`... 17:38:41.409210954 +0000 UTC`); the zone is the client's (dockwrap runs docker with TZ=UTC)
* inspect and logs: RFC 3339 with up to 9 fractional digits, `Z` or an offset
* Go's zero time (`0001-01-01T00:00:00Z`) means "never" and becomes None
"""

from __future__ import annotations

import re
from datetime import datetime

__all__ = ["parse_time"]

_GO_STRING = re.compile(r"^(\d{4}-\d\d-\d\d)[ T](\d\d:\d\d:\d\d)(?:\.(\d{1,9}))? ?([+-]\d\d):?(\d\d)(?: \S+)?$")
_RFC3339 = re.compile(r"^(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)$")


def parse_time(text: str | None) -> datetime | None:
    """A docker time string to a datetime; None for empty or zero times. ValueError otherwise."""
    if not text or text.startswith("0001-01-01"):
        return None
    if len(text) == 29 and text.endswith(" +0000 UTC") and text[10] == " " and text[7] == "-":
        # The form of every `container ls` row (docker runs with TZ=UTC), without the regex:
        # fromisoformat checks the digits; the tests above rule out its other ISO forms.
        return datetime.fromisoformat(text[:19] + "+00:00")
    # The character after the date tells the two forms apart, saving a failed match per call.
    match = _RFC3339.match(text) if text[10:11] == "T" else None
    if match:
        day, clock, frac, zone = match.groups()
        zone = "+00:00" if zone == "Z" else zone
    else:
        match = _GO_STRING.match(text)
        if not match:
            raise ValueError(f"not a time: {text!r}")
        day, clock, frac, hours, minutes = match.groups()
        zone = f"{hours}:{minutes}"
    # Python keeps microseconds: nanoseconds are cut, not rounded.
    micro = f".{(frac + '000000')[:6]}" if frac else ""
    return datetime.fromisoformat(f"{day}T{clock}{micro}{zone}")
