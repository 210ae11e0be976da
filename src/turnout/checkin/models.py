"""Models of checkin."""
