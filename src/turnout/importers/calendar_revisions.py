"""An entry's revision as its program numbers it (SEQUENCE, RFC 5545 3.8.7.4): raised with each
change, so of two versions of one entry, or of a series' master and an override, the higher
was saved later; and a series a program split in two, which goes on with the same events."""

import re


def entry_sequence(component) -> int:
    """The entry's SEQUENCE, 0 when it has none or an unreadable one."""
    try:
        return max(0, min(int(str(component.get("SEQUENCE", 0)).strip()), 2**31 - 1))
    except ValueError:
        return 0


# Google Calendar ends a series where "this and following events" were changed and goes on
# with a new one, its UID the old one's with "_R" and the new series' first start:
# "abc@google.com" becomes "abc_R20300327T180000@google.com".
_GOOGLE_SPLIT = re.compile(r"(.+)_R\d{8}(?:T\d{6}Z?)?(@google\.com)", re.I)


def earlier_occurrence(uid: str, recurrence_id: str, sources):
    """Among `sources` (imported events), the occurrence of the series a Google series was
    split from that this occurrence of the new series goes on with: the one of its day. The
    same event, so it keeps its participants rather than being called off and made again."""
    split = _GOOGLE_SPLIT.fullmatch(uid)
    if split is None or not recurrence_id:
        return None
    earlier = split[1] + split[2]
    return sources.filter(uid=earlier, recurrence_id__startswith=recurrence_id[:8]).first()
