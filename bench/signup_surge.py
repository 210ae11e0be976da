"""Signup surge: the public signup form POSTed as fast as the server takes it, then audited.

One event, then 500 events of one campaign (each request picks one at random), on the
database of the run. wrk sends the real form (CSRF token and cookie, the signed time stamp,
an empty honeypot) with a unique address per request. The benchmark environment raises the
per-IP limit (SIGNUP_RATE_PER_IP), since every request comes from 127.0.0.1; the per-address
limit stays as it is (each address is used once). Afterwards the database is checked: every
accepted signup (a 2xx/3xx answer) exists exactly once and has exactly one confirmation email
in the outbox, once the letters the signups owe are written (no worker runs during the load).
Baseline: a static file served by the same server in the same run.
Target on 2 cores with PostgreSQL: at least 300 signups/s with p99 under 250 ms, none lost.
"""

import html
import json
import re
import shutil
import tempfile
import time
import urllib.request
from pathlib import Path

from harness import (
    BenchResult,
    environment,
    query_json,
    ratio,
    record,
    run_python,
    script,
    server,
    wrk,
)

WORKERS = 4  # sync workers: more than cores, so one waiting on the database does not idle one
CONNECTIONS = 16

SEED = """
from datetime import date, datetime
from zoneinfo import ZoneInfo
from turnout.campaigns.models import Campaign, LocalEvent
campaign = Campaign.objects.create(slug="surge", title="Surge day", status="published",
    starts_on=date(2031, 5, 13), ends_on=date(2031, 5, 13))
zone = ZoneInfo("Europe/Amsterdam")
events = LocalEvent.objects.bulk_create([
    LocalEvent(campaign=campaign, title=f"Protest {n}", city=f"Town {n}", country="NL",
        timezone="Europe/Amsterdam", starts_at=datetime(2031, 5, 13, 12, tzinfo=zone),
        ends_at=datetime(2031, 5, 13, 14, tzinfo=zone), status="approved")
    for n in range(500)
])
import json
print(json.dumps(sorted(e.pk for e in LocalEvent.objects.filter(campaign=campaign))))
"""

AUDIT = """
import json
from collections import Counter
from django.db.models import Count
from turnout.notifications.models import OutboxMessage
from turnout.notifications.outbox import write_owed_letters
from turnout.signups.models import Signup
write_owed_letters()  # what the worker (not run here) does with the emails signups owe
accepted = set(open(ACCEPTED).read().split())
signups = Counter(Signup.objects.filter(email__startswith=RUN).values_list("email", flat=True))
emails = Counter(OutboxMessage.objects.filter(to_email__startswith=RUN, kind=KIND)
    .values_list("to_email", flat=True))
print(json.dumps({
    "lost": sum(1 for e in accepted if signups[e] == 0),
    "duplicated": sum(1 for e in accepted if signups[e] > 1),
    "emails lost": sum(1 for e in accepted if emails[e] == 0),
    "emails duplicated": sum(1 for e in accepted if emails[e] > 1),
    "stored unanswered": sum(1 for e in signups if e not in accepted),
    "examples": sorted(e for e in accepted if signups[e] != 1)[:5],
}))
"""


def signup_form(base: str, event_id: int) -> tuple[str, str]:
    """The CSRF token and the time stamp of the event page's signup form, as a browser gets them."""
    with urllib.request.urlopen(f"{base}/en/events/{event_id}/") as answer:
        page = answer.read().decode()
        cookie = answer.headers.get("Set-Cookie", "")
    csrf = re.search(r"csrftoken=([^;]+)", cookie).group(1)
    stamp = re.search(r'name="stamp" value="([^"]+)"', page).group(1)
    return csrf, html.unescape(stamp)


def main(database: str) -> None:
    env_extra = {"SIGNUP_RATE_PER_IP": "100000000"}
    for label, how_many in [("1 event", 1), ("500 events", 500)]:
        with environment(database, **env_extra) as env:
            event_ids = json.loads(run_python(env, SEED).strip().splitlines()[-1])[:how_many]
            with server(env, workers=WORKERS) as base:
                csrf, stamp = signup_form(base, event_ids[0])
                static = wrk(f"{base}/static/turnout/site.css")
                time.sleep(3.1)  # SIGNUP_MIN_SECONDS: the time trap wants a person's pace
                run = f"surge{int(time.time())}"
                out = Path(tempfile.mkdtemp(prefix="turnout-surge-"))
                load = wrk(
                    f"{base}/",
                    connections=CONNECTIONS,
                    threads=CONNECTIONS,
                    lua=script("signup.lua"),
                    timeout=10,
                    script_env={
                        "SIGNUP_PATHS": " ".join(f"/en/signups/events/{pk}/" for pk in event_ids),
                        "SIGNUP_CSRF": csrf,
                        "SIGNUP_STAMP": stamp,
                        "SIGNUP_RUN": run,
                        "SIGNUP_OUT": str(out),
                    },
                )
            answers = [
                line.split(" ", 1)
                for path in out.glob("thread-*.txt")
                for line in path.read_text().splitlines()
            ]
            accepted = [email for status, email in answers if 200 <= int(status) < 400]
            refused = len(answers) - len(accepted)
            (out / "accepted.txt").write_text("\n".join(accepted))
            audit = query_json(
                env,
                AUDIT.replace("ACCEPTED", repr(str(out / "accepted.txt")))
                .replace("RUN", repr(run))
                .replace("KIND", repr("confirm_request")),
            )
            signups_per_second = len(accepted) / load.duration_s
            lost = audit["lost"] + audit["duplicated"] + audit["emails lost"]
            lost += audit["emails duplicated"]
            if examples := audit.pop("examples"):
                print("accepted but not stored once:", examples, "answers in", out)
            else:
                shutil.rmtree(out, ignore_errors=True)
            record(
                BenchResult(
                    name=f"signup surge, {label}",
                    database=database,
                    figures={
                        "signups/s": round(signups_per_second, 1),
                        "static req/s": round(static.requests_per_second, 1),
                        "ratio": ratio(signups_per_second, static.requests_per_second),
                        "p50 ms": load.p50_ms,
                        "p99 ms": load.p99_ms,
                        "accepted": len(accepted),
                        "refused": refused,
                        "errors": load.errors,
                        **audit,
                    },
                    target=">= 300 signups/s, p99 < 250 ms, 0 lost (PostgreSQL, 2 cores)",
                    met=(
                        signups_per_second >= 300
                        and load.p99_ms < 250
                        and lost == 0
                        and refused == 0
                        and load.errors == 0
                    ),
                )
            )
