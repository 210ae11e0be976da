"""Protest roles at an event (marshal, legal observer, ...) and who holds them."""
