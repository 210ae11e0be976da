"""The bound on an event's change notices, for the dashboard: the rule lives in
`turnout.signups.change_notices`, where the meet-ups' date edits ask it too."""

from turnout.signups.change_notices import CHANGE_NOTICES_PER_HOUR, check_change_notice

__all__ = ["CHANGE_NOTICES_PER_HOUR", "check_change_notice"]
