"""Share links per participant and what they brought in."""
