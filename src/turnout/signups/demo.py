"""Demo signups, so the organizers' pages and the "places left" count show something."""

from django.utils import timezone

from turnout.campaigns.models import Campaign

from .models import Signup

DEMO_PEOPLE = [
    ("Sanne de Vries", "sanne@example.org", "nl", Signup.State.CONFIRMED),
    ("Tom Jansen", "tom@example.org", "nl", Signup.State.CONFIRMED),
    ("Priya Shah", "priya@example.org", "en", Signup.State.CONFIRMED),
    ("Lucas Bakker", "lucas@example.org", "nl", Signup.State.AWAITING_CONFIRMATION),
]


def load_demo_signups(campaign: Campaign) -> None:
    """Give the campaign's Utrecht event a capacity and a few signups (no emails are sent)."""
    event = campaign.events.filter(city="Utrecht").first()
    if event is None:
        return
    event.capacity = 40
    event.save(update_fields=["capacity", "updated_at"])
    now = timezone.now()
    for name, email, language, state in DEMO_PEOPLE:
        Signup.objects.get_or_create(
            event=event,
            email=email,
            defaults={
                "name": name,
                "language": language,
                "state": state,
                "accepted_code_of_conduct": True,
                "source": Signup.Source.DEMO,
                "created_at": now,
                "confirmed_at": now if state == Signup.State.CONFIRMED else None,
            },
        )
