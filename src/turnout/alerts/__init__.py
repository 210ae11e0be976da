"""Emails to coordinators and organizers: proposals waiting, new signups, nearly full."""
