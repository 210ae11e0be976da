"""A date edited from the organizer's dashboard is edited on its own, as "only this one"; a
lead who leaves a group leaves the organizers of its coming dates, and a new lead joins them."""

from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed
from django.dispatch import receiver
from django.utils import timezone

from turnout.campaigns.models import LocalEvent
from turnout.campaigns.signals import event_rescheduled
from turnout.groups.models import Group

from .models import SeriesOccurrence
from .services import adopt_new_lead, drop_former_lead, is_writing_dates


@receiver(event_rescheduled, dispatch_uid="meetups.detach_edited_date")
def detach_edited_date(sender, *, event: LocalEvent, **kwargs) -> None:
    if is_writing_dates():
        return  # the series itself moves its dates
    SeriesOccurrence.objects.filter(event=event, is_detached=False).update(is_detached=True)


@receiver(m2m_changed, sender=Group.leads.through, dispatch_uid="meetups.former_leads")
def leads_follow_coming_dates(
    sender, *, instance, action: str, reverse: bool, pk_set, **kwargs
) -> None:
    """Whichever side the leads were changed from (`group.leads`, a person's groups), and by
    addition, removal or clearing (whose pks are known only before it)."""
    if action == "post_add":
        _adopt(instance=instance, reverse=reverse, pk_set=pk_set)
        return
    if action == "pre_clear":
        related = instance.led_groups if reverse else instance.leads
        instance._former_leads_pks = set(related.values_list("pk", flat=True))
        return
    if action == "post_clear":
        pk_set = getattr(instance, "_former_leads_pks", set())
    elif action != "post_remove":
        return
    now = timezone.now()
    if reverse:  # a person's groups changed
        pairs = [(group, instance) for group in Group.objects.filter(pk__in=pk_set)]
    else:
        people = get_user_model().objects.filter(pk__in=pk_set)
        pairs = [(instance, person) for person in people]
    for group, person in pairs:
        drop_former_lead(group=group, person=person, now=now)


def _adopt(*, instance, reverse: bool, pk_set) -> None:
    """New leads, whichever side they were added from, join the organizers of coming dates."""
    now = timezone.now()
    if reverse:  # a person's groups changed
        for group in Group.objects.filter(pk__in=pk_set or ()):
            adopt_new_lead(group=group, person=instance, now=now)
    else:
        for person in get_user_model().objects.filter(pk__in=pk_set or ()):
            adopt_new_lead(group=instance, person=person, now=now)
