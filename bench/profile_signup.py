"""In-process profile of the signup POST and the confirmation, for py-spy (a dev tool).

    DATABASE_URL=postgres://.../turnout_perf TURNOUT_DATA_DIR=/tmp/x turnout migrate
    py-spy record --idle --format raw -o /tmp/p.txt -- python bench/profile_signup.py 300
    python bench/profile_signup.py --summarize /tmp/p.txt sign_up > bench/profiles/signup.txt
    python bench/profile_signup.py --summarize /tmp/p.txt confirm > bench/profiles/confirm.txt

--idle counts the time spent waiting for the database, where round trips show.

A loop of Django test client requests against the database in DATABASE_URL: each round signs
someone up on an event of 50 places and confirms them, so confirmations past the 50th go to
the waitlist, as in a surge. Profiles read in proportions (a share of the samples), which a
busy machine disturbs far less than throughput.
"""

import os
import sys
import time
from collections import Counter


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


def main(rounds: int) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "turnout.settings")
    os.environ.setdefault("SIGNUP_RATE_PER_IP", "100000000")
    import django

    django.setup()
    from datetime import date, datetime, timedelta
    from zoneinfo import ZoneInfo

    from django.test import Client
    from django.utils import timezone

    from turnout.campaigns.models import Campaign, LocalEvent
    from turnout.signups import abuse
    from turnout.signups.models import Signup

    run = f"p{int(time.time())}"
    campaign = Campaign.objects.create(
        slug=run, title="Profile day", status="published",
        starts_on=date(2031, 5, 13), ends_on=date(2031, 5, 13),
    )  # fmt: skip
    zone = ZoneInfo("Europe/Amsterdam")
    event = LocalEvent.objects.create(
        campaign=campaign, title="Protest", city="Town", country="NL", capacity=50,
        timezone="Europe/Amsterdam", starts_at=datetime(2031, 5, 13, 12, tzinfo=zone),
        ends_at=datetime(2031, 5, 13, 14, tzinfo=zone), status="approved",
    )  # fmt: skip
    client = Client(HTTP_HOST="localhost")
    stamp = abuse.issue_form_stamp(now=timezone.now() - timedelta(seconds=10))
    signup_seconds = confirm_seconds = 0.0
    for n in range(rounds):
        email = f"{run}-{n}@example.org"
        started = time.perf_counter()
        answer = client.post(
            f"/en/signups/events/{event.pk}/",
            {"name": f"Person {n}", "email": email, "accepted_code_of_conduct": "on",
             "stamp": stamp},
        )  # fmt: skip
        signup_seconds += time.perf_counter() - started
        assert answer.status_code == 302, answer.status_code
        token = Signup.objects.values_list("token", flat=True).get(event=event, email=email)
        started = time.perf_counter()
        answer = client.post(f"/en/signups/{token}/confirm/")
        confirm_seconds += time.perf_counter() - started
        assert answer.status_code == 302, answer.status_code
    confirmed = Signup.objects.filter(event=event, state="confirmed").count()
    assert confirmed == min(50, rounds), confirmed
    print(
        f"{rounds} rounds: signup {1000 * signup_seconds / rounds:.1f} ms, "
        f"confirm {1000 * confirm_seconds / rounds:.1f} ms (wall, busy machine)"
    )


if __name__ == "__main__":
    if sys.argv[1] == "--summarize":
        sys.stdout.write(summarize(sys.argv[2], *sys.argv[3:4]))
    else:
        main(int(sys.argv[1]))
