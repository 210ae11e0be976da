"""Signals signups sends for apps above it that keep data hanging off a signup."""

from django.dispatch import Signal

# Sent inside the anonymizing transaction (erasure on request and the retention sweep), after
# the signups lost their name and address. kwargs: signup_ids (list of int), now.
signups_anonymized = Signal()
