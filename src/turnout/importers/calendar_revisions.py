"""An entry's revision as its program numbers it (SEQUENCE, RFC 5545 3.8.7.4): raised with each
change, so of two versions of one entry, or of a series' master and an override, the higher
was saved later."""


def entry_sequence(component) -> int:
    """The entry's SEQUENCE, 0 when it has none or an unreadable one."""
    try:
        return max(0, min(int(str(component.get("SEQUENCE", 0)).strip()), 2**31 - 1))
    except ValueError:
        return 0
