"""Models of meetups."""
