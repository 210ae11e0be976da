"""A local group's recurring events: each occurrence a real event."""
