"""Campaign page: a campaign with 500 local events, anonymous, uncached and cached.

Baseline: a static file (the site's stylesheet) served by the same server in the same run.
Throughput is measured with 16 connections; latency with one connection per server worker, so
the p99 is the page's own time rather than time spent queueing behind other requests.
Targets: cached at least a quarter of the static file's rate; uncached p99 under 100 ms.
"""

from harness import BenchResult, environment, ratio, record, run_python, server, wrk

WORKERS = 2
EVENTS = 500

SEED = """
from datetime import date, datetime
from zoneinfo import ZoneInfo
from turnout.campaigns.models import Campaign, LocalEvent
from turnout.demo.places import PLACES
campaign = Campaign.objects.create(slug="bench", title="Benchmark day", status="published",
    starts_on=date(2031, 5, 13), ends_on=date(2031, 5, 14), narrative="Why we act.",
    core_messages="- One\\n- Two", coordination_url="https://discord.gg/2XXWXvErfA")
places = list(PLACES.values())
def place(n):
    return places[n % len(places)]
LocalEvent.objects.bulk_create([
    LocalEvent(campaign=campaign, title=f"Protest {n}", city=f"{place(n).city} {n}",
        country=place(n).country, timezone=place(n).timezone,
        latitude=place(n).latitude, longitude=place(n).longitude,
        public_latitude=place(n).latitude, public_longitude=place(n).longitude,
        starts_at=datetime(2031, 5, 13, 12, tzinfo=ZoneInfo(place(n).timezone)),
        ends_at=datetime(2031, 5, 13, 14, tzinfo=ZoneInfo(place(n).timezone)),
        status="approved", signup_url="https://lu.ma/x%d" % n if n % 2 else "",
        signup_platform="luma" if n % 2 else "")
    for n in range(EVENTS)
])
""".replace("EVENTS", str(EVENTS))


def main(database: str) -> None:
    for cache_seconds, label in [("0", "uncached"), ("300", "cached")]:
        with environment(database, PAGE_CACHE_SECONDS=cache_seconds) as env:
            run_python(env, SEED)
            with server(env, workers=WORKERS) as base:
                page_url = f"{base}/en/campaigns/bench/"
                wrk(page_url, seconds=2)  # warm up: templates, gazetteer, the cache
                static = wrk(f"{base}/static/turnout/site.css")
                # Latency before throughput: requests that 16 connections leave queued in the
                # listen backlog would otherwise open the latency run with a wait of their own.
                latency = wrk(page_url, connections=WORKERS)
                page = wrk(page_url)
            to_static = ratio(page.requests_per_second, static.requests_per_second) or 0.0
            if label == "cached":
                target, met = "cached >= 0.25 x static", to_static >= 0.25
            else:
                target, met = "uncached p99 < 100 ms", latency.p99_ms < 100
            errors = page.errors + page.non_2xx + latency.errors + latency.non_2xx
            record(
                BenchResult(
                    name=f"campaign page, {EVENTS} events, {label}",
                    database=database,
                    figures={
                        "req/s": round(page.requests_per_second, 1),
                        "static req/s": round(static.requests_per_second, 1),
                        "ratio": to_static,
                        "p50 ms (16 conn)": page.p50_ms,
                        "p99 ms (16 conn)": page.p99_ms,
                        f"p99 ms ({WORKERS} conn)": latency.p99_ms,
                        "errors": errors,
                    },
                    target=target,
                    met=met and errors == 0,
                )
            )
