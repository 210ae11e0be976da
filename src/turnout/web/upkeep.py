"""Database upkeep the worker does on its own: fresh statistics for SQLite's query planner.

PostgreSQL's autovacuum keeps the statistics its planner reads. SQLite has no such daemon: a
database that never ran ANALYZE plans without them, and then reads the nearby search's bounding
box through the status index instead of the coordinates index, ten times slower over 100,000
events. The worker runs this every few hours; `turnout import` after writing.
"""

from django.db import connection


def refresh_planner_statistics() -> bool:
    """Refresh the planner's statistics where no service does it; True if it ran."""
    if connection.vendor != "sqlite":
        return False
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # about 40 ms over 100,000 events
    return True
