"""Campaign page: a campaign with 500 local events, anonymous, uncached and cached.

Baseline: a static file served by the same server in the same run.
Targets: cached at least a quarter of the static file's rate; uncached p99 under 100 ms.
"""

from harness import BenchResult, environment, record, run_python, server, wrk

SEED = """
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo
from turnout.campaigns.models import Campaign, LocalEvent
from turnout.demo.places import PLACES
campaign = Campaign.objects.create(slug="bench", title="Benchmark day", status="published",
    starts_on=date(2031, 5, 13), ends_on=date(2031, 5, 14), narrative="Why we act.",
    core_messages="- One\\n- Two", coordination_url="https://discord.gg/2XXWXvErfA")
places = list(PLACES.values())
LocalEvent.objects.bulk_create([
    LocalEvent(campaign=campaign, title=f"Protest {n}", city=f"{places[n % len(places)].city} {n}",
        country=places[n % len(places)].country, timezone=places[n % len(places)].timezone,
        starts_at=datetime(2031, 5, 13, 12, tzinfo=ZoneInfo(places[n % len(places)].timezone)),
        ends_at=datetime(2031, 5, 13, 14, tzinfo=ZoneInfo(places[n % len(places)].timezone)),
        status="approved", signup_url="https://lu.ma/x%d" % n if n % 2 else "")
    for n in range(500)
])
"""


def main(database: str) -> None:
    for cache_seconds, label in [("0", "uncached"), ("60", "cached")]:
        with environment(database, TURNOUT_PAGE_CACHE_SECONDS=cache_seconds) as env:
            run_python(env, SEED)
            with server(env, workers=2) as base:
                wrk(f"{base}/en/campaigns/bench/", seconds=2)  # warm up
                static = wrk(f"{base}/static/turnout/site.css")
                page = wrk(f"{base}/en/campaigns/bench/")
            ratio = page.requests_per_second / static.requests_per_second
            if label == "cached":
                target, met = "cached >= 0.25 x static", ratio >= 0.25
            else:
                target, met = "uncached p99 < 100 ms", page.p99_ms < 100
            record(
                BenchResult(
                    name=f"campaign page, 500 events, {label}",
                    database=database,
                    figures={
                        "req/s": round(page.requests_per_second, 1),
                        "static req/s": round(static.requests_per_second, 1),
                        "ratio": round(ratio, 3),
                        "p50 ms": page.p50_ms,
                        "p99 ms": page.p99_ms,
                        "errors": page.errors + page.non_2xx,
                    },
                    target=target,
                    met=met and page.errors + page.non_2xx == 0,
                )
            )
