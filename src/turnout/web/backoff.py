"""Waiting longer after each failure, capped, with jitter.

Several processes that lost the same database (or workers restarted by several servers) would
otherwise all retry at the same instants; the random half of each wait spreads them out.
"""

import random


def backoff_seconds(attempt: int, *, base: float, cap: float) -> float:
    """The wait before retry number `attempt` (1, 2, …): base × 2^(attempt−1), at most `cap`,
    of which a random half ("equal jitter": never less than half the step, never zero)."""
    step = min(cap, base * 2 ** min(max(attempt, 1) - 1, 32))
    return step / 2 + random.uniform(0, step / 2)  # noqa: S311 - spreading, not secrecy
