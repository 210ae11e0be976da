"""State changes of groups: leads keep their page and channels current."""

from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction

from turnout.web.text import multi_line

from .models import Channel, Group


@dataclass(frozen=True)
class ChannelEntry:
    kind: str
    address: str
    label: str = ""


def update_group_page(
    *,
    group: Group,
    name: str,
    city: str,
    description: str,
    is_active: bool,
    channels: Sequence[ChannelEntry],
) -> Group:
    """Save a group's details and its channels, in the given order: all of it or nothing.

    Raises ValidationError (and changes nothing) when a detail or a channel link is invalid.
    """
    with transaction.atomic():
        group = Group.objects.select_for_update().get(pk=group.pk)
        group.name, group.city = name.strip(), city.strip()
        # Its public page: no bidi override turns a meeting place or a number around.
        group.description, group.is_active = multi_line(description).strip(), is_active
        group.full_clean()
        group.save()
        group.channels.all().delete()
        for position, entry in enumerate(channels):
            channel = Channel(
                group=group,
                kind=entry.kind,
                address=entry.address,
                label=entry.label.strip(),
                position=position,
            )
            channel.full_clean()
            channel.save()
    return group
