"""Signups at the limit: Turnout's signup against bare Django signups, in the same run.

The baselines (bench/baseline_signup.py) are plain views served by the same `turnout serve`,
settings, middleware, database and workers (bench_settings.py adds their URLs), doing what a
correct signup must and nothing more. Turnout signs people up with double opt-in: the form
records a signup awaiting confirmation, owed the email with the link, which a worker writes
(signups/owed_letters.py); the link decides the place under the event's lock. A `turnout
worker` runs beside the server throughout, so its work competes for the same two cores.

- Rate: form POSTs per second under the same wrk load (signup.lua, 16 connections, a unique
  address per request, events picked at random among 500), taking turns twice so that a
  change in the machine's load hits every side. Target, as the issue names its baseline:
  Turnout's form >= 0.9 of the one-step bare signup (lock the event row, count, insert, one
  commit). The bare double opt-in's form step (check that the event takes signups, insert a
  signup awaiting confirmation with a random token) is measured in the same turns and
  reported beside it.
- Surge: 200 people on an event of 50 places, 16 at a time, form then confirmation link, on
  both sides: Turnout's 200 forms then 200 links; the bare double opt-in's 200 forms then its
  200 links (lock the event row, count, update the signup to confirmed or waitlisted, one
  commit). The tokens are read from the database between the two phases, not timed, once
  Turnout's worker has sent the confirmation requests: a person follows the link in the
  email, so no link is followed before its email has gone (sending it while the links are
  followed would be a load no real surge has). Settle
  time is the time until the last answer of each phase and, on Turnout, until the worker has
  written every email the phase owes; the two phases added. Each side starts on a quiet
  system (the worker has written and sent every email before it), three rounds on fresh
  events with the sides' order alternating. Target: the median round's Turnout within 1.2
  times the bare double opt-in; in every round, on both sides, nothing oversold (50
  confirmed, 150 waitlisted) and, on Turnout, one confirmation request and one outcome email
  per person. The CPU seconds each process used in each side (server, worker, database and this
  load generator, cpu_use.py) are recorded beside the times, to say where a difference lies.
"""

import html
import http.client
import json
import os
import re
import shutil
import statistics
import tempfile
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import cpu_use
from harness import (
    ROOT,
    BenchResult,
    counting,
    environment,
    query_json,
    ratio,
    record,
    run_python,
    script,
    server,
    task_worker,
    wrk,
)

WORKERS = 4  # as signup_surge.py: sync workers, more than cores
CONNECTIONS = 16
SURGE_PEOPLE = 200
SURGE_PLACES = 50
SURGE_ROUNDS = 3  # each on fresh events, the sides' order alternating; the median is judged

SEED = """
import json
from datetime import date, datetime
from zoneinfo import ZoneInfo
from turnout.campaigns.models import Campaign, LocalEvent
campaign = Campaign.objects.create(slug="limit", title="Limit day", status="published",
    starts_on=date(2031, 5, 13), ends_on=date(2031, 5, 13))
zone = ZoneInfo("Europe/Amsterdam")
def event(n, capacity=None):
    return LocalEvent(campaign=campaign, title=f"Protest {n}", city=f"Town {n}", country="NL",
        timezone="Europe/Amsterdam", starts_at=datetime(2031, 5, 13, 12, tzinfo=zone),
        ends_at=datetime(2031, 5, 13, 14, tzinfo=zone), status="approved", capacity=capacity)
many = LocalEvent.objects.bulk_create([event(n) for n in range(500)])
surge = [LocalEvent.objects.create(**{f.attname: getattr(event(f"surge {n}", PLACES), f.attname)
    for f in LocalEvent._meta.concrete_fields if f.attname != "id"}) for n in range(2 * ROUNDS)]
print(json.dumps({"many": sorted(e.pk for e in LocalEvent.objects.filter(capacity=None)),
    "surge": [e.pk for e in surge]}))
""".replace("PLACES", str(SURGE_PLACES)).replace("ROUNDS", str(SURGE_ROUNDS))

SURGE_AUDIT = """
import json
from django.db.models import Count
from turnout.notifications.models import OutboxMessage
from turnout.signups.models import Signup
def states(pks):
    return [dict(Signup.objects.filter(event_id=pk).values_list("state").annotate(n=Count("id")))
            for pk in pks]
emails = dict(OutboxMessage.objects.filter(to_email__startswith=RUN).values_list("kind")
    .annotate(n=Count("id")))
per_person = OutboxMessage.objects.filter(to_email__startswith=RUN).values("to_email") \\
    .annotate(n=Count("id")).filter(n__gt=2).count()
print(json.dumps({"turnout": states(TURNOUT), "baseline": states(BASELINE), "emails": emails,
    "people with more than two emails": per_person}))
"""

TOKENS = """
import json
from turnout.signups.models import Signup
tokens = Signup.objects.filter(email__startswith=RUN).values_list("token", flat=True)
print(json.dumps(list(tokens)))
"""
SIDES = {"turnout": "t", "bare form": "b", "bare one step": "o"}


def signup_form(base: str, event_id: int) -> tuple[str, str]:
    """The CSRF token and the time stamp of the event page's form, as a browser gets them."""
    with urllib.request.urlopen(f"{base}/en/events/{event_id}/") as answer:
        page = answer.read().decode()
        cookie = answer.headers.get("Set-Cookie", "")
    csrf = re.search(r"csrftoken=([^;]+)", cookie).group(1)
    stamp = re.search(r'name="stamp" value="([^"]+)"', page).group(1)
    return csrf, html.unescape(stamp)


def post(base: str, path: str, fields: dict, csrf: str) -> int:
    """One form POST on a new connection (gunicorn's sync workers close each one)."""
    host = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(host.hostname, host.port, timeout=30)
    try:
        body = urllib.parse.urlencode({"csrfmiddlewaretoken": csrf, **fields})
        connection.request("POST", path, body, {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={csrf}",
        })  # fmt: skip
        return connection.getresponse().status
    finally:
        connection.close()


def timed_posts(base: str, requests: list[tuple[str, dict]], csrf: str) -> tuple[float, list]:
    """All `requests`, CONNECTIONS at a time; seconds until the last answer, and the statuses."""
    started = time.perf_counter()
    with ThreadPoolExecutor(CONNECTIONS) as pool:
        statuses = list(pool.map(lambda r: post(base, r[0], r[1], csrf), requests))
    return time.perf_counter() - started, statuses


OWED = "SELECT count(*) FROM signups_signup WHERE letter_due <> ''"
UNSENT = "SELECT count(*) FROM notifications_outboxmessage WHERE state = 'pending' AND attempts = 0"


def letters_written(count) -> None:
    """Wait until the worker has written every email the signups owe (owed_letters.py)."""
    wait_for(count, OWED, every=0.02)


def wait_for(count, *counts: str, every: float) -> None:
    deadline = time.monotonic() + 600
    while any(count(sql) for sql in counts):
        if time.monotonic() > deadline:
            raise RuntimeError(f"still waiting for the worker: {counts}")
        time.sleep(every)


def surge_round(base: str, env: dict, count, events: tuple[int, int], *, run: str, stamp: str,
                csrf: str, turnout_first: bool, pids: dict[str, int]) -> dict:  # fmt: skip
    """One 200-on-50 surge on each side, on a quiet system (the worker has written and sent
    everything before each side starts, so neither pays for the other's email)."""
    turnout_event, bare_event = events
    people = [
        {"name": f"Person {n}", "email": f"{run}-{n}@example.org"} for n in range(SURGE_PEOPLE)
    ]
    form = {"accepted_code_of_conduct": "on", "phone": "", "website": "", "stamp": stamp}
    timing: dict = {}

    def turnout_side() -> None:
        wait_for(count, OWED, UNSENT, every=0.2)
        # Turnout's phases end when the last answer is in and the worker has written every
        # email they owe: the bare ones write none.
        cpu_before = cpu_use.used(pids)
        started = time.perf_counter()
        answered, signed = timed_posts(
            base, [(f"/en/signups/events/{turnout_event}/", {**form, **p}) for p in people], csrf
        )
        letters_written(count)
        signing = time.perf_counter() - started
        cpu_signing = cpu_use.used(pids)
        # A person confirms from the email, so not before it was sent: the links are followed
        # once the worker has delivered the requests. How long after the form that is, is
        # recorded beside ("delivered"); the CPU is counted to the letters written.
        wait_for(count, UNSENT, every=0.02)
        delivered = time.perf_counter() - started
        tokens = query_json(env, TOKENS.replace("RUN", repr(run)))
        cpu_tokens = cpu_use.used(pids)
        started = time.perf_counter()
        confirm_answered, confirmed = timed_posts(
            base, [(f"/en/signups/{token}/confirm/", {}) for token in tokens], csrf
        )
        letters_written(count)
        confirming = time.perf_counter() - started
        cpu = add(
            cpu_use.spent(cpu_before, cpu_signing), cpu_use.spent(cpu_tokens, cpu_use.used(pids))
        )
        timing.update(signing=signing, confirming=confirming, answered=answered, cpu=cpu,
                      delivered=delivered,
                      confirm_answered=confirm_answered, statuses=[*signed, *confirmed],
                      people=len(tokens))  # fmt: skip

    def bare_side() -> None:
        wait_for(count, OWED, UNSENT, every=0.2)
        cpu_before = cpu_use.used(pids)
        signing, signed = timed_posts(
            base,
            [(f"/baseline/events/{bare_event}/form/", {**p, "email": "b" + p["email"]})
             for p in people],
            csrf,
        )  # fmt: skip
        cpu_signing = cpu_use.used(pids)
        tokens = query_json(env, TOKENS.replace("RUN", repr("b" + run)))
        cpu_tokens = cpu_use.used(pids)
        confirming, confirmed = timed_posts(
            base, [(f"/baseline/{token}/confirm/", {}) for token in tokens], csrf
        )
        cpu = add(
            cpu_use.spent(cpu_before, cpu_signing), cpu_use.spent(cpu_tokens, cpu_use.used(pids))
        )
        timing.update(bare_signing=signing, bare_confirming=confirming, bare_cpu=cpu,
                      bare_statuses=[*signed, *confirmed], bare_people=len(tokens))  # fmt: skip

    for side in (turnout_side, bare_side) if turnout_first else (bare_side, turnout_side):
        side()
    return timing


def add(one: dict[str, float], other: dict[str, float]) -> dict[str, float]:
    return {name: round(one[name] + other[name], 2) for name in one}


def rate(base: str, paths: list[str], csrf: str, stamp: str, tag: str) -> tuple[float, dict]:
    """Accepted signups per second under wrk, and the count of other answers."""
    out = Path(tempfile.mkdtemp(prefix="turnout-limit-"))
    load = wrk(
        f"{base}/",
        connections=CONNECTIONS,
        threads=CONNECTIONS,
        lua=script("signup.lua"),
        timeout=10,
        script_env={
            "SIGNUP_PATHS": " ".join(paths),
            "SIGNUP_CSRF": csrf,
            "SIGNUP_STAMP": stamp,
            "SIGNUP_RUN": tag,
            "SIGNUP_OUT": str(out),
        },
    )
    statuses = [
        int(line.split(" ", 1)[0])
        for path in out.glob("thread-*.txt")
        for line in path.read_text().splitlines()
    ]
    shutil.rmtree(out, ignore_errors=True)
    accepted = sum(1 for status in statuses if 200 <= status < 400)
    return accepted / load.duration_s, {
        "refused": len(statuses) - accepted,
        "errors": load.errors,
        "p99 ms": load.p99_ms,
    }


def main(database: str) -> None:
    bench = str(ROOT / "bench")
    env_extra = {
        "SIGNUP_RATE_PER_IP": "100000000",  # every request comes from 127.0.0.1
        "DJANGO_SETTINGS_MODULE": "bench_settings",
        "PYTHONPATH": os.pathsep.join(filter(None, [bench, os.environ.get("PYTHONPATH")])),
    }
    with environment(database, **env_extra) as env:
        events = json.loads(run_python(env, SEED).strip().splitlines()[-1])
        pids = {"load generator": os.getpid()}
        with (
            server(env, workers=WORKERS, pids=pids) as base,
            task_worker(env, pids=pids),
            counting(env) as count,
        ):
            csrf, stamp = signup_form(base, events["many"][0])
            time.sleep(3.1)  # SIGNUP_MIN_SECONDS: the time trap wants a person's pace
            run = f"limit{int(time.time())}"
            paths = {
                "turnout": [f"/en/signups/events/{pk}/" for pk in events["many"]],
                "bare form": [f"/baseline/events/{pk}/form/" for pk in events["many"]],
                "bare one step": [f"/baseline/events/{pk}/" for pk in events["many"]],
            }
            rates: dict[str, list[float]] = {side: [] for side in SIDES}
            other = {}
            for round_ in range(2):
                for side, tag in SIDES.items():
                    value, other[side] = rate(
                        base, paths[side], csrf, stamp, f"{run}-{tag}{round_}"
                    )
                    rates[side].append(value)

            surge_events = events["surge"]
            rounds = [
                surge_round(
                    base, env, count, (surge_events[2 * n], surge_events[2 * n + 1]),
                    run=f"s{n}{run}", stamp=stamp, csrf=csrf, turnout_first=n % 2 == 0,
                    pids=pids,
                )
                for n in range(SURGE_ROUNDS)
            ]  # fmt: skip
        audit = query_json(
            env,
            SURGE_AUDIT.replace("RUN", repr("s"))
            .replace("TURNOUT", str(surge_events[0::2]))
            .replace("BASELINE", str(surge_events[1::2])),
        )
    answers_ok = all(
        set(one["statuses"]) | set(one["bare_statuses"]) == {302}
        and one["people"] == one["bare_people"] == SURGE_PEOPLE
        for one in rounds
    )
    expected = {"confirmed": SURGE_PLACES, "waitlisted": SURGE_PEOPLE - SURGE_PLACES}
    oversold = any(states != expected for states in audit["turnout"] + audit["baseline"])
    emails_ok = (
        audit["emails"]
        == {
            "confirm_request": SURGE_PEOPLE * SURGE_ROUNDS,
            "signup_confirmed": SURGE_PLACES * SURGE_ROUNDS,
            "waitlisted": (SURGE_PEOPLE - SURGE_PLACES) * SURGE_ROUNDS,
        }
        and not audit["people with more than two emails"]
    )
    mean = {side: sum(values) / len(values) for side, values in rates.items()}
    rate_ratio = ratio(mean["turnout"], mean["bare one step"])
    settle_ratios = [
        ratio(one["signing"] + one["confirming"], one["bare_signing"] + one["bare_confirming"])
        for one in rounds
    ]
    settle_ratio = statistics.median(settle_ratios)
    answer_ratios = [
        ratio(
            one["answered"] + one["confirm_answered"],
            one["bare_signing"] + one["bare_confirming"],
        )
        for one in rounds
    ]
    delivered_ratios = [
        ratio(one["delivered"] + one["confirming"], one["bare_signing"] + one["bare_confirming"])
        for one in rounds
    ]
    by_ratio = sorted(range(len(rounds)), key=settle_ratios.__getitem__)
    median_round = rounds[by_ratio[len(rounds) // 2]]

    def seconds(key: str, other: str) -> list[str]:
        return [f"{one[key]:.2f} + {one[other]:.2f}" for one in rounds]

    record(
        BenchResult(
            name="signups at the limit (vs bare Django signups)",
            database=database,
            figures={
                "signups/s": round(mean["turnout"], 1),
                "bare form signups/s": round(mean["bare form"], 1),
                "bare one-step signups/s": round(mean["bare one step"], 1),
                "rate ratio": rate_ratio,
                "rounds": [
                    round(t / b, 3)
                    for t, b in zip(rates["turnout"], rates["bare one step"], strict=True)
                ],
                "rate ratio vs bare form": ratio(mean["turnout"], mean["bare form"]),
                "surge s (form + confirm)": seconds("signing", "confirming"),
                "surge s to the last answer": seconds("answered", "confirm_answered"),
                "bare surge s (form + confirm)": seconds("bare_signing", "bare_confirming"),
                "settle ratio": settle_ratio,
                "settle ratios": settle_ratios,
                "answer ratio": statistics.median(answer_ratios),
                "answer ratios": answer_ratios,
                "surge s, form to its emails sent": [round(one["delivered"], 2) for one in rounds],
                "delivered ratio": statistics.median(delivered_ratios),
                "delivered ratios": delivered_ratios,
                # Of the median round: where each side's time went (cpu_use.py).
                "surge CPU s": median_round["cpu"],
                "bare surge CPU s": median_round["bare_cpu"],
                "CPU ratio": ratio(median_round["cpu"]["all"], median_round["bare_cpu"]["all"]),
                "surge states": audit["turnout"][0],
                "baseline states": audit["baseline"][0],
                "oversold": oversold,
                "emails": audit["emails"],
                "answers ok": answers_ok,
                **{f"{side} {key}": value for side in other for key, value in other[side].items()},
            },
            target="rate >= 0.9 x baseline; 200-on-50 settles <= 1.2 x baseline; none oversold",
            met=bool(
                rate_ratio
                and rate_ratio >= 0.9
                and settle_ratio
                and settle_ratio <= 1.2
                and answers_ok
                and not oversold
                and emails_ok
            ),
        )
    )
