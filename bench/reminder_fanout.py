"""Reminder fan-out: 100,000 reminders rendered, handed to a local SMTP sink and recorded.

100,000 confirmed signups at 200 events starting in two hours; their 3-hour reminder is due.
The periodic jobs are queued once, then one (or four) `turnout worker` processes run the queue:
`queue_due_reminders` renders each reminder into the outbox, delivery tasks send them over SMTP
to a sink on loopback (aiosmtpd, its own process) and record each send. The clock runs from the
workers' start until the sink has received every reminder. Afterwards the outbox and the sink
are compared: every reminder sent once, none missing, none twice.
Baseline: the same pipeline with one worker, in the same run. Target: >= 500 emails/s with four.
"""

import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from harness import (
    BIN,
    QUICK,
    BenchResult,
    background,
    environment,
    free_port,
    query_json,
    ratio,
    record,
    run_python,
    script,
)

SIGNUPS = 5_000 if QUICK else 100_000
EVENTS = 200

SEED = """
from datetime import timedelta
from django.utils import timezone
from turnout.campaigns.models import Campaign, LocalEvent
from turnout.signups.models import Signup
now = timezone.now()
campaign = Campaign.objects.create(slug="fanout", title="Fan-out day", status="published",
    starts_on=now.date(), ends_on=(now + timedelta(days=1)).date())
events = LocalEvent.objects.bulk_create([
    LocalEvent(campaign=campaign, title=f"Protest {n}", city=f"Town {n}", country="NL",
        timezone="Europe/Amsterdam", starts_at=now + timedelta(hours=2),
        ends_at=now + timedelta(hours=4), status="approved")
    for n in range(EVENTS)
])
per_event = SIGNUPS // EVENTS
for event in events:
    Signup.objects.bulk_create([
        Signup(event=event, name=f"Person {n}", email=f"p{event.pk}-{n}@example.org",
            language="nl" if n % 3 == 0 else "en", accepted_code_of_conduct=True,
            state="confirmed", created_at=now - timedelta(days=3),
            confirmed_at=now - timedelta(days=3))
        for n in range(per_event)
    ])
from turnout.notifications.scheduler import enqueue_all
enqueue_all()
""".replace("SIGNUPS", str(SIGNUPS)).replace("EVENTS", str(EVENTS))

AUDIT = """
import json
from collections import Counter
from turnout.notifications.models import OutboxMessage
received = Counter(open(SINK).read().split())
rows = dict(OutboxMessage.objects.filter(kind="reminder").values_list("message_id", "state"))
print(json.dumps({
    "queued": len(rows),
    "recorded sent": sum(1 for state in rows.values() if state == "sent"),
    "received": sum(received.values()),
    "missing": sum(1 for mid in rows if received[mid] == 0),
    "received twice": sum(1 for mid in rows if received[mid] > 1),
    "not from outbox": sum(1 for mid in received if mid not in rows),
}))
"""


def run_workers(env: dict, *, workers: int, sink_file: Path) -> float:
    """Start `workers` task workers; return the seconds until the sink holds every reminder."""
    processes = [
        subprocess.Popen(
            [str(BIN / "turnout"), "worker", "--no-schedule", "--interval", "0.2"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        for _ in range(workers)
    ]
    started = time.monotonic()
    last_count, last_change, last_check = 0, started, started
    try:
        while True:
            time.sleep(0.5)
            with sink_file.open("rb") as lines:
                count = sum(1 for _ in lines)
            now = time.monotonic()
            if count >= SIGNUPS:
                return now - started
            if count != last_count:
                last_count, last_change = count, now
            elif (count and now - last_change > 120) or now - started > 3 * 3600:
                return now - started  # stalled: the audit will say what is missing
            elif now - last_check > 30:  # no progress for a while: did a task fail?
                last_check = now
                if failed := failed_tasks(env):
                    raise RuntimeError(f"tasks failed: {failed}")
            if all(process.poll() is not None for process in processes):
                raise RuntimeError("every worker stopped before the reminders were sent")
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=30)


def failed_tasks(env: dict) -> list[str]:
    """The failed tasks of the queue: their names and the last line of their traceback."""
    return query_json(
        env,
        "import json\nfrom django_tasks_db.models import DBTaskResult\n"
        "print(json.dumps([f'{t.task_path}: {t.traceback.strip().splitlines()[-1]}'"
        " for t in DBTaskResult.objects.failed()]))",
    )


def main(database: str) -> None:
    results = {}
    for workers in (1, 4):
        folder = Path(tempfile.mkdtemp(prefix="turnout-fanout-"))
        sink_file, ready = folder / "received.txt", folder / "ready"
        sink_file.touch()
        port = free_port()
        with (
            environment(database, EMAIL_URL=f"smtp://127.0.0.1:{port}/") as env,
            background(
                [str(BIN / "python"), str(script("smtp_sink.py")), str(port), str(sink_file),
                 str(ready)],
                ready_file=ready,
            ),
        ):  # fmt: skip
            run_python(env, SEED)
            seconds = run_workers(env, workers=workers, sink_file=sink_file)
            audit = query_json(env, AUDIT.replace("SINK", repr(str(sink_file))))
        shutil.rmtree(folder, ignore_errors=True)
        rate = audit["recorded sent"] / seconds
        results[workers] = rate
        faults = audit["missing"] + audit["received twice"] + audit["not from outbox"]
        record(
            BenchResult(
                name=f"reminder fan-out, {SIGNUPS:,} emails, {workers} worker{'s' * (workers > 1)}",
                database=database,
                figures={
                    "emails/s": round(rate, 1),
                    "seconds": round(seconds, 1),
                    **({"speed-up vs 1 worker": ratio(rate, results[1])} if workers > 1 else {}),
                    **audit,
                },
                target=">= 500 emails/s with 4 workers" if workers > 1 else "baseline",
                met=(rate >= 500 and faults == 0) if workers > 1 else faults == 0,
            )
        )
