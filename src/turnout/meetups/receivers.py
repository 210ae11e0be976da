"""A date edited from the organizer's dashboard is edited on its own, as "only this one"."""

from django.dispatch import receiver

from turnout.campaigns.models import LocalEvent
from turnout.campaigns.signals import event_rescheduled

from .models import SeriesOccurrence
from .services import is_writing_dates


@receiver(event_rescheduled, dispatch_uid="meetups.detach_edited_date")
def detach_edited_date(sender, *, event: LocalEvent, **kwargs) -> None:
    if is_writing_dates():
        return  # the series itself moves its dates
    SeriesOccurrence.objects.filter(event=event, is_detached=False).update(is_detached=True)
