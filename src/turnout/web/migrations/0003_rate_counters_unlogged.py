"""Rate counters in an UNLOGGED table on PostgreSQL (SQLite has no such thing: unchanged).

Every signup, proposal and sign-in counts its attempt in a counter row shared by every request
from one address. In a logged table each count's commit waited for the write-ahead log to reach
the disk (4 ms on the machine the benchmarks run on), holding that row locked meanwhile, so the
requests of one network queued at the disk's pace. A counter is worth nothing after a crash
(the limits then start afresh, as they do every window), so it need not be on disk first.
"""

from django.db import migrations


def _alter(persistence: str):
    def alter(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f"ALTER TABLE web_ratecounter SET {persistence}")

    return alter


class Migration(migrations.Migration):
    dependencies = [("web", "0002_worker_heartbeat")]

    operations = [migrations.RunPython(_alter("UNLOGGED"), _alter("LOGGED"))]
