"""After the event: the thank-you, the two-question survey and what it tells."""
