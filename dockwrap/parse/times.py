"""Times as docker prints them, to timezone-aware datetimes.

* list output: Go's Time.String(): `2026-11-28 17:36:04 +0000 UTC`, networks with nanoseconds
  (`... 17:38:41.409210954 +0000 UTC`); the zone is the client's (dockwrap runs docker with TZ=UTC)
* inspect and logs: RFC 3339 with up to 9 fractional digits, `Z` or an offset
* Go's zero time (`0001-01-01T00:00:00Z`) means "never" and becomes None
"""

from __future__ import annotations

import re
from datetime import datetime

__all__ = ["parse_time", "human_since"]

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


def human_since(moment: datetime | None, now: datetime | None = None) -> str | None:
    """How long ago, as docker's tables say it (go-units HumanDuration + " ago"): `4 hours ago`,
    `About a minute ago`, `2 weeks ago`; None for None."""
    if moment is None:
        return None
    from datetime import timezone

    seconds = ((now or datetime.now(timezone.utc)) - moment).total_seconds()
    minutes, hours = int(seconds / 60), int(seconds / 3600 + 0.5)
    if seconds < 1:
        text = "Less than a second"
    elif int(seconds) == 1:
        text = "1 second"
    elif seconds < 60:
        text = f"{int(seconds)} seconds"
    elif minutes == 1:
        text = "About a minute"
    elif minutes < 60:
        text = f"{minutes} minutes"
    elif hours == 1:
        text = "About an hour"
    elif hours < 48:
        text = f"{hours} hours"
    elif hours < 24 * 7 * 2:
        text = f"{hours // 24} days"
    elif hours < 24 * 30 * 2:
        text = f"{hours // 24 // 7} weeks"
    elif hours < 24 * 365 * 2:
        text = f"{hours // 24 // 30} months"
    else:
        text = f"{int(seconds / 3600) // 24 // 365} years"
    return f"{text} ago"
