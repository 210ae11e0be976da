"""In-process cost of Turnout's signup and confirmation against the bare baselines.

    DATABASE_URL=postgres://.../turnout_perf TURNOUT_DATA_DIR=/tmp/x turnout migrate
    python bench/profile_signup.py compare 200             # ms and queries per request
    python bench/profile_signup.py profile 300 > /tmp/p.txt  # cProfile of both Turnout steps
    py-spy record --idle --format raw -o /tmp/p.raw -- python bench/profile_signup.py loop 300
    python bench/profile_signup.py --summarize /tmp/p.raw sign_up > bench/profiles/x.txt

Django's test client through the whole middleware stack, against the database in
DATABASE_URL, with `bench_settings` (Turnout's settings and the baselines' URLs). Each round
signs someone up on an event of 50 places and confirms them, so confirmations past the 50th
go to the waitlist, as in a surge. `compare` interleaves Turnout and the baselines
(bench/baseline_signup.py) round by round, so a change in the machine's load hits all of
them, and reports the median CPU and wall milliseconds and the queries of each request:
figures a busy machine disturbs far less than throughput. py-spy is a developer's tool, not
a dependency; cProfile (`profile`) needs nothing.
"""

import cProfile
import os
import pstats
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).parent))


def summarize(path: str, within: str = "", top: int = 40) -> str:
    """Top functions of a py-spy raw (collapsed) file: own and inclusive share of the samples
    whose stack passes through a function named `within` (all samples when empty)."""
    own: Counter[str] = Counter()
    inclusive: Counter[str] = Counter()
    total = 0
    for line in open(path):
        stack, _, count = line.rstrip().rpartition(" ")
        frames = stack.split(";")
        if within and not any(frame.startswith(within + " ") for frame in frames):
            continue
        samples = int(count)
        total += samples
        own[frames[-1]] += samples
        for frame in set(frames):
            inclusive[frame] += samples
    lines = [
        f"{total} samples within {within or 'everything'}",
        "",
        "inclusive %  own %  function (file:line)",
    ]
    for frame, samples in inclusive.most_common(top):
        lines.append(f"{100 * samples / total:10.1f} {100 * own[frame] / total:6.1f}  {frame}")
    lines += ["", "own % (top)"]
    for frame, samples in own.most_common(20):
        lines.append(f"{100 * samples / total:6.1f}  {frame}")
    return "\n".join(lines) + "\n"


class Bench:
    """Events of 50 places and a test client; one method per request the benchmarks time."""

    def __init__(self) -> None:
        from datetime import date, datetime, timedelta
        from zoneinfo import ZoneInfo

        from django.test import Client
        from django.utils import timezone

        from turnout.campaigns.models import Campaign, LocalEvent
        from turnout.signups import abuse

        self.run = f"p{time.time_ns()}"
        campaign = Campaign.objects.create(
            slug=self.run, title="Profile day", status="published",
            starts_on=date(2031, 5, 13), ends_on=date(2031, 5, 13),
        )  # fmt: skip
        zone = ZoneInfo("Europe/Amsterdam")
        self.events = {
            side: LocalEvent.objects.create(
                campaign=campaign, title=f"Protest ({side})", city="Town", country="NL",
                capacity=50, timezone="Europe/Amsterdam", status="approved",
                starts_at=datetime(2031, 5, 13, 12, tzinfo=zone),
                ends_at=datetime(2031, 5, 13, 14, tzinfo=zone),
            ).pk
            for side in ("turnout", "form", "one step")
        }  # fmt: skip
        self.client = Client(HTTP_HOST="localhost")
        self.stamp = abuse.issue_form_stamp(now=timezone.now() - timedelta(seconds=10))

    def person(self, side: str, n: int) -> dict:
        return {"name": f"Persoon {n}", "email": f"{self.run}-{side}-{n}@example.org"}

    def post(self, path: str, data: dict) -> None:
        # Form-encoded, as a browser (and wrk in the benchmarks) sends it, not multipart.
        answer = self.client.post(
            path, urlencode(data), content_type="application/x-www-form-urlencoded"
        )
        assert answer.status_code == 302, (path, answer.status_code)
        # The page redirected to shows (and clears) the messages the request stored: one
        # client sending everyone's requests would otherwise grow a cookie of them all.
        self.client.cookies.pop("messages", None)

    def token(self, email: str) -> str:
        from turnout.signups.models import Signup

        return Signup.objects.values_list("token", flat=True).get(email=email)

    def turnout_form(self, n: int) -> str:
        person = self.person("turnout", n)
        self.post(
            f"/en/signups/events/{self.events['turnout']}/",
            {**person, "accepted_code_of_conduct": "on", "stamp": self.stamp},
        )
        return person["email"]

    def turnout_confirm(self, token: str) -> None:
        self.post(f"/en/signups/{token}/confirm/", {})

    def bare_form(self, n: int) -> str:
        person = self.person("form", n)
        self.post(f"/baseline/events/{self.events['form']}/form/", person)
        return person["email"]

    def bare_confirm(self, token: str) -> None:
        self.post(f"/baseline/{token}/confirm/", {})

    def bare_one_step(self, n: int) -> None:
        self.post(f"/baseline/events/{self.events['one step']}/", self.person("one step", n))

    def check(self, rounds: int, sides=("turnout", "form", "one step")) -> None:
        """Nothing oversold on any side."""
        from turnout.signups.models import Signup

        for side in sides:
            pk = self.events[side]
            confirmed = Signup.objects.filter(event_id=pk, state="confirmed").count()
            assert confirmed == min(50, rounds), (side, confirmed)


def setup() -> Bench:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench_settings")
    os.environ.setdefault("SIGNUP_RATE_PER_IP", "100000000")
    import django

    django.setup()
    return Bench()


def measured(step: Callable, argument, samples: dict, name: str):
    """Run one request, adding its CPU ms, wall ms and query count to `samples[name]`."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        cpu, wall = time.process_time(), time.perf_counter()
        result = step(argument)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    samples.setdefault(name, []).append((1000 * cpu, 1000 * wall, len(queries)))
    return result


def compare(rounds: int) -> None:
    bench = setup()
    samples: dict[str, list] = {}
    for n in range(rounds):
        email = measured(bench.turnout_form, n, samples, "turnout form")
        measured(bench.turnout_confirm, bench.token(email), samples, "turnout confirm")
        email = measured(bench.bare_form, n, samples, "bare form")
        measured(bench.bare_confirm, bench.token(email), samples, "bare confirm")
        measured(bench.bare_one_step, n, samples, "bare one step")
    bench.check(rounds)
    print(f"{rounds} rounds; median per request (warm-up: first 10 left out)")
    print(f"{'request':18} {'CPU ms':>7} {'wall ms':>8} {'queries':>8}")
    for name, values in samples.items():
        cpu, wall, queries = zip(*values[10:], strict=True)
        print(
            f"{name:18} {statistics.median(cpu):7.2f} {statistics.median(wall):8.2f} "
            f"{statistics.median(queries):8.0f}"
        )
    for step in ("form", "confirm"):
        turnout = statistics.median(v[1] for v in samples[f"turnout {step}"][10:])
        bare = statistics.median(v[1] for v in samples[f"bare {step}"][10:])
        print(f"wall ratio, {step}: turnout / bare = {turnout / bare:.2f}")


def loop(rounds: int) -> None:
    """Turnout's two steps only, for a sampling profiler."""
    bench = setup()
    for n in range(rounds):
        bench.turnout_confirm(bench.token(bench.turnout_form(n)))
    bench.check(rounds, ["turnout"])


def profile(rounds: int) -> None:
    """cProfile of Turnout's two steps: cumulative time of the heaviest functions in each."""
    bench = setup()
    for n in range(rounds, rounds + 5):  # warm-up: imports, caches, connections
        bench.turnout_confirm(bench.token(bench.turnout_form(n)))
    form, confirm = cProfile.Profile(), cProfile.Profile()
    for n in range(rounds):
        email = form.runcall(bench.turnout_form, n)
        token = bench.token(email)
        confirm.runcall(bench.turnout_confirm, token)
    for name, profiler in (("signup form POST", form), ("confirmation POST", confirm)):
        print(f"==== {name}, {rounds} requests")
        stats = pstats.Stats(profiler, stream=sys.stdout)
        stats.sort_stats("cumulative").print_stats(60)
        stats.sort_stats("tottime").print_stats(25)


if __name__ == "__main__":
    if sys.argv[1] == "--summarize":
        sys.stdout.write(summarize(sys.argv[2], *sys.argv[3:4]))
    else:
        {"compare": compare, "loop": loop, "profile": profile}[sys.argv[1]](int(sys.argv[2]))
