"""Turnout: coordinated international protest days and the local community around them."""

__version__ = "0.1.0"
