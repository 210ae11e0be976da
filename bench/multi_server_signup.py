"""Signups on several servers: the README's several-servers deployment, driven through nginx.

The topology of tests/reliability/test_several_servers.py (bench/topology.py starts it): two
`turnout serve` behind Debian's nginx with the guide's deploy/nginx/turnout.conf (TLS), one
PostgreSQL, Redis as the cache and the task queue (TASKS_BACKEND=rq), two `turnout worker`
and an SMTP sink (smtp_sink.py). Its own Redis and database; nothing shared with the machine.

The baseline is the bare double opt-in of bench/baseline_signup.py, served by the same servers
behind the same nginx (bench_settings.py adds its URLs), so every ratio is between Turnout and
the least any correct signup must do, on the same machine, in the same run:

- Rate: accepted signup forms per second under wrk (signup.lua, as signup_limit.py measures it)
  through nginx, Turnout's form against the baseline's form, alternating.
- Surge: 200 people on an event of 50 places, 16 at a time, form then confirmation link, for
  Turnout and for the baseline. Settle time is the time until the last answer.
- Scale-out: Turnout's rate through nginx to both servers against nginx to one of them (on a
  2-core machine both share the same cores: the gain measured here is the ceiling's, not a
  second machine's).

After the run, once the workers have sent everything: nothing oversold (50 confirmed, 150
waitlisted on both surge events), every Turnout signup has exactly one confirmation request,
every surge person one outcome email, and the SMTP sink received each message once.
"""

import json
import os
import re
import shutil
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from html import unescape
from pathlib import Path

import httpx
from harness import (
    BIN,
    QUICK,
    ROOT,
    BenchResult,
    background,
    environment,
    free_port,
    query_json,
    ratio,
    record,
    run_python,
    script,
    server,
)
from signup_limit import (
    CONNECTIONS,
    SEED,
    SURGE_AUDIT,
    SURGE_PEOPLE,
    SURGE_PLACES,
    TOKENS,
    rate,
)
from topology import nginx, nginx_path, redis_server, running

SERVERS = 2
WORKERS_PER_SERVER = 2  # gunicorn processes of each `turnout serve`
ROUNDS = 1 if QUICK else 2
DRAINED_WITHIN = 600  # seconds the workers may take to send the run's emails

EMAILS = """
import json
from django.db.models import Count, Q
from turnout.notifications.models import OutboxMessage
from turnout.signups.models import Signup
turnout = Q(email__startswith=RUN + "-t") | Q(email__startswith=RUN + "-o") \\
    | Q(email__startswith="s" + RUN)
signups = Signup.objects.filter(turnout).count()
requests = OutboxMessage.objects.filter(kind="confirm_request")
print(json.dumps({
    "turnout signups": signups,
    "confirmation requests": requests.count(),
    "people with two requests": requests.values("to_email").annotate(n=Count("id"))
        .filter(n__gt=1).count(),
    # Not yet sent: in the outbox, or still owed by a signup (signups/owed_letters.py).
    "unsent": OutboxMessage.objects.exclude(state="sent").count()
        + Signup.objects.exclude(letter_due="").count(),
    "sent": OutboxMessage.objects.filter(state="sent").count(),
}))
"""


def missing() -> list[str]:
    tools = {"nginx": nginx_path(), "redis-server": shutil.which("redis-server"),
             "openssl": shutil.which("openssl"), "wrk": shutil.which("wrk")}  # fmt: skip
    return [name for name, found in tools.items() if not found]


def browser(base: str) -> httpx.Client:
    """A client for the HTTPS site (self-signed), sending what a browser's form post does."""
    return httpx.Client(
        base_url=base,
        verify=False,
        timeout=30,
        headers={"Origin": base, "Referer": f"{base}/"},
        limits=httpx.Limits(max_connections=CONNECTIONS),
    )


def signup_form(client: httpx.Client, event_id: int) -> tuple[str, str]:
    """The CSRF token and the time stamp of the event page's form."""
    page = client.get(f"/en/events/{event_id}/")
    page.raise_for_status()
    stamp = re.search(r'name="stamp" value="([^"]+)"', page.text).group(1)
    return page.cookies["csrftoken"], unescape(stamp)


def timed_posts(
    client: httpx.Client, requests: list[tuple[str, dict]], csrf: str
) -> tuple[float, list[int]]:
    """All `requests`, CONNECTIONS at a time; seconds until the last answer, and the statuses."""

    def post(request: tuple[str, dict]) -> int:
        path, fields = request
        answer = client.post(
            path,
            data={"csrfmiddlewaretoken": csrf, **fields},
            headers={"Cookie": f"csrftoken={csrf}"},
        )
        return answer.status_code

    started = time.perf_counter()
    with ThreadPoolExecutor(CONNECTIONS) as pool:
        statuses = list(pool.map(post, requests))
    return time.perf_counter() - started, statuses


def surge(
    client: httpx.Client, env: dict, *, form: str, confirm: str, people: list[dict], csrf: str
) -> tuple[float, float, list[int]]:
    """Everyone's form, then everyone's confirmation link (the tokens read from the database
    between the two, not timed); the seconds of each phase and every answer's status."""
    signing, signed = timed_posts(client, [(form, person) for person in people], csrf)
    prefix = people[0]["email"].rsplit("-", 1)[0] + "-"
    tokens = query_json(env, TOKENS.replace("RUN", repr(prefix)))
    confirming, confirmed = timed_posts(
        client, [(confirm.format(token=token), {}) for token in tokens], csrf
    )
    answers = [*signed, *confirmed] + [0] * (len(people) - len(tokens))
    return signing, confirming, answers


def workers_running(logs: list[Path]) -> bool:
    return all("running on the Redis queue" in log.read_text() for log in logs)


def main(database: str) -> None:
    if database != "postgres":
        print("multi_server_signup: several servers share one PostgreSQL; skipped on", database)
        return
    if absent := missing():
        raise SystemExit(f"multi_server_signup needs {', '.join(absent)} (apt-get install)")
    folder = Path(tempfile.mkdtemp(prefix="turnout-multi-"))
    redis_port, https_port, sink_port = free_port(), free_port(), free_port()
    site = f"https://127.0.0.1:{https_port}"
    bench = str(ROOT / "bench")
    extra = {
        "DJANGO_SETTINGS_MODULE": "bench_settings",
        "PYTHONPATH": os.pathsep.join(filter(None, [bench, os.environ.get("PYTHONPATH")])),
        "SIGNUP_RATE_PER_IP": "100000000",  # every request comes from 127.0.0.1
        "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
        "TASKS_BACKEND": "rq",
        "SITE_URL": site,
        "TRUSTED_PROXIES": "127.0.0.1",
        "ALLOWED_HOSTS": "127.0.0.1",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(sink_port),
        "EMAIL_USE_TLS": "false",
    }
    sent_file, sink_ready = folder / "sent.txt", folder / "sink-ready"
    try:
        with environment(database, **extra) as env, ExitStack() as stack:
            events = json.loads(run_python(env, SEED).strip().splitlines()[-1])
            turnout_event, baseline_event = events["surge"]
            stack.enter_context(redis_server(folder, redis_port))
            stack.enter_context(
                background(
                    [sys.executable, str(script("smtp_sink.py")), str(sink_port),
                     str(sent_file), str(sink_ready)],
                    ready_file=sink_ready,
                )
            )  # fmt: skip
            worker_logs = [folder / f"worker-{n}.log" for n in range(2)]
            for log in worker_logs:
                stack.enter_context(
                    running(
                        [str(BIN / "turnout"), "worker"],
                        log=log,
                        ready=lambda: True,
                        name="turnout worker",
                        env=env,
                    )
                )
            upstreams = [
                stack.enter_context(server(env, workers=WORKERS_PER_SERVER)).removeprefix("http://")
                for _ in range(SERVERS)
            ]
            deadline = time.monotonic() + 180
            while not workers_running(worker_logs):
                if time.monotonic() > deadline:
                    raise RuntimeError("the workers did not start on the Redis queue")
                time.sleep(0.2)
            both = stack.enter_context(
                nginx(folder / "nginx-both", http_port=free_port(), https_port=https_port,
                      upstreams=upstreams, access_log=False)
            )  # fmt: skip
            one_port = free_port()
            one = stack.enter_context(
                nginx(folder / "nginx-one", http_port=free_port(), https_port=one_port,
                      upstreams=upstreams[:1], access_log=False)
            )  # fmt: skip
            client = stack.enter_context(browser(both))
            csrf, stamp = signup_form(client, events["many"][0])
            time.sleep(3.1)  # SIGNUP_MIN_SECONDS: the time trap wants a person's pace
            run = f"multi{int(time.time())}"
            turnout_form = [f"/en/signups/events/{pk}/" for pk in events["many"]]
            baseline_form = [f"/baseline/events/{pk}/form/" for pk in events["many"]]
            rates: dict[str, list[float]] = {"turnout": [], "baseline": [], "one server": []}
            other = {}
            for n in range(ROUNDS):
                for side, base, paths, tag in [
                    ("turnout", both, turnout_form, f"{run}-t{n}"),
                    ("baseline", both, baseline_form, f"{run}-b{n}"),
                    ("one server", one, turnout_form, f"{run}-o{n}"),
                ]:
                    value, other[side] = rate(base, paths, csrf, stamp, tag)
                    rates[side].append(value)

            people = [
                {"name": f"Persoon {n}", "email": f"s{run}-{n}@example.org",
                 "accepted_code_of_conduct": "on", "phone": "", "website": "", "stamp": stamp}
                for n in range(SURGE_PEOPLE)
            ]  # fmt: skip
            turnout_surge = surge(
                client, env, form=f"/en/signups/events/{turnout_event}/",
                confirm="/en/signups/{token}/confirm/", people=people, csrf=csrf,
            )  # fmt: skip
            baseline_surge = surge(
                client, env, form=f"/baseline/events/{baseline_event}/form/",
                confirm="/baseline/{token}/confirm/", csrf=csrf,
                people=[{**p, "email": "b" + p["email"]} for p in people],
            )  # fmt: skip

            drained_by = time.monotonic() + DRAINED_WITHIN
            while (emails := query_json(env, EMAILS.replace("RUN", repr(run))))["unsent"]:
                if time.monotonic() > drained_by:
                    break
                time.sleep(2)
            audit = query_json(
                env,
                SURGE_AUDIT.replace("RUN", repr(f"s{run}"))
                .replace("TURNOUT", str(turnout_event))
                .replace("BASELINE", str(baseline_event)),
            )
            time.sleep(1)  # the sink writes each line as the message arrives
            received = sent_file.read_text().splitlines() if sent_file.exists() else []
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    expected = {"confirmed": SURGE_PLACES, "waitlisted": SURGE_PEOPLE - SURGE_PLACES}
    oversold = audit["turnout"] != expected or audit["baseline"] != expected
    answers_ok = all(status == 302 for status in [*turnout_surge[2], *baseline_surge[2]])
    emails_ok = (
        not emails["unsent"]
        and emails["confirmation requests"] == emails["turnout signups"]
        and not emails["people with two requests"]
        and audit["emails"]
        == {
            "confirm_request": SURGE_PEOPLE,
            "signup_confirmed": SURGE_PLACES,
            "waitlisted": SURGE_PEOPLE - SURGE_PLACES,
        }
        and not audit["people with more than two emails"]
        and len(received) == len(set(received)) == emails["sent"]
    )
    mean = {side: sum(values) / len(values) for side, values in rates.items()}
    turnout_settle = turnout_surge[0] + turnout_surge[1]
    baseline_settle = baseline_surge[0] + baseline_surge[1]
    record(
        BenchResult(
            name=f"signups on {SERVERS} servers behind nginx, Redis queue (vs a bare signup)",
            database=database,
            figures={
                "signups/s": round(mean["turnout"], 1),
                "baseline signups/s": round(mean["baseline"], 1),
                "rate ratio": ratio(mean["turnout"], mean["baseline"]),
                "one server signups/s": round(mean["one server"], 1),
                "scale-out (2 servers / 1)": ratio(mean["turnout"], mean["one server"]),
                "surge s (form + confirm)": f"{turnout_surge[0]:.2f} + {turnout_surge[1]:.2f}",
                "baseline surge s": f"{baseline_surge[0]:.2f} + {baseline_surge[1]:.2f}",
                "settle ratio": ratio(turnout_settle, baseline_settle),
                "surge states": audit["turnout"],
                "baseline states": audit["baseline"],
                "emails sent": emails["sent"],
                "received by the sink": len(received),
                "answers ok": answers_ok,
                **{f"{side} {key}": value for side in other for key, value in other[side].items()},
            },
            target="ratios to a bare signup on the same topology; none oversold; one email each",
            met=answers_ok and not oversold and emails_ok,
        )
    )
