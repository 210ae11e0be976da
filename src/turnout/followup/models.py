"""Models of followup."""
