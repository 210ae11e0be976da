"""Read-only queries: the survey behind a link, and what the answers say per city."""

from dataclasses import dataclass

from django.db.models import Avg, Count, Q

from turnout.campaigns.models import Campaign, LocalEvent
from turnout.signups.models import Signup

from .models import SurveyAnswer


def signup_for_survey(token: str) -> Signup:
    """The signup a follow-up went to, by its private token; raises Signup.DoesNotExist."""
    return Signup.objects.select_related("event", "event__campaign").get(
        token=token, anonymized_at__isnull=True, follow_up__isnull=False
    )


def answer_of(signup: Signup) -> SurveyAnswer | None:
    return SurveyAnswer.objects.filter(signup=signup).first()


@dataclass(frozen=True)
class CitySurvey:
    """What one city's answers say: for coordinators only."""

    city: str
    country: str
    attended: int
    answers: int
    average: float | None  # how it was, 1 to 5; None without answers
    would_come_again: float | None  # share of answers saying yes, 0 to 1

    @property
    def would_come_again_percent(self) -> int | None:
        return None if self.would_come_again is None else round(self.would_come_again * 100)


def survey_summary(campaign: Campaign) -> list[CitySurvey]:
    """Per city of `campaign` (online events as one line): attended, answers, average
    satisfaction and the share who would come again; cities with neither left out."""
    signups = Signup.objects.filter(
        event__campaign=campaign, event__status__in=LocalEvent.TAKING_PART_STATUSES
    )
    rows = (
        signups.values("event__city", "event__country", "event__attendance_mode")
        .annotate(
            attended=Count("pk", filter=Q(state=Signup.State.ATTENDED)),
            answers=Count("survey_answer"),
            average=Avg("survey_answer__how_was_it"),
            again=Count(
                "survey_answer",
                filter=Q(survey_answer__would_come_again=SurveyAnswer.ComeAgain.YES),
            ),
        )
        .order_by()
    )
    cities: dict[tuple[str, str], dict] = {}
    for row in rows:
        online = row["event__attendance_mode"] == LocalEvent.AttendanceMode.ONLINE
        key = ("", "") if online else (row["event__city"].strip(), row["event__country"])
        totals = cities.setdefault(key, {"attended": 0, "answers": 0, "points": 0.0, "again": 0})
        totals["attended"] += row["attended"]
        totals["answers"] += row["answers"]
        totals["points"] += (row["average"] or 0) * row["answers"]
        totals["again"] += row["again"]
    summary = [
        CitySurvey(
            city=city,
            country=country,
            attended=t["attended"],
            answers=t["answers"],
            average=round(t["points"] / t["answers"], 1) if t["answers"] else None,
            would_come_again=t["again"] / t["answers"] if t["answers"] else None,
        )
        for (city, country), t in cities.items()
        if t["attended"] or t["answers"]
    ]
    # Online last; then by country and city, as the report lists them.
    return sorted(summary, key=lambda s: (not s.city, s.country, s.city.casefold()))


@dataclass(frozen=True)
class EventSurvey:
    """One event's answers, for its organizers and the campaign's coordinators."""

    attended: int
    answers: list[SurveyAnswer]
    average: float | None
    would_come_again_percent: int | None


def event_survey(event: LocalEvent) -> EventSurvey:
    answers = list(SurveyAnswer.objects.filter(signup__event=event).order_by("-answered_at", "-pk"))
    count = len(answers)
    again = sum(1 for a in answers if a.would_come_again == SurveyAnswer.ComeAgain.YES)
    return EventSurvey(
        attended=event.signups.filter(state=Signup.State.ATTENDED).count(),
        answers=answers,
        average=round(sum(a.how_was_it for a in answers) / count, 1) if count else None,
        would_come_again_percent=round(again * 100 / count) if count else None,
    )
