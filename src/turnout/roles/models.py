"""Models of roles."""
