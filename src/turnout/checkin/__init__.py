"""Arriving on the day: check-in codes, the door page, walk-ins and sign-in sheets."""
