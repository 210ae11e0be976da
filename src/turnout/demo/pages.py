"""Demo content pages written for Turnout: values, code of conduct, and how to organize.

The signup form links `code-of-conduct` (settings.CODE_OF_CONDUCT_SLUG); keep that slug.
"""

from django.utils import timezone

from turnout.content.models import Page
from turnout.content.services import save_page

VALUES = """---
title: Our values
description: What we stand for, and how we decide when two good things pull apart.
---

## What we want {#what-we-want}

Governments that agree, together, on safety rules for the most powerful AI systems, and
enforce them. Read the [code of conduct](/code-of-conduct) before your first action.

## How we work {#how-we-work}

1. **Peaceful, always.** No violence, no damage, no threats, not even as a joke.
2. **Honest.** We say what we know and what we do not know.
3. **Open.** Anyone can join, ask, and help; our plans are public unless safety forbids.
4. **Acting now.** Good enough and on time beats perfect and late.

## Where to start {#where-to-start}

Find an action near you on the [home page](/), or organize one in your own city.
"""

CODE_OF_CONDUCT = """---
title: Code of conduct
description: How we treat each other at actions, in meetings and online.
---

Everyone taking part in an action agrees to this code. Organizers may ask anyone who breaks
it to leave.

## At every action {#at-every-action}

- Stay peaceful and friendly, also when others are not.
- Follow the instructions of the local organizers and the police.
- Do not bring alcohol or drugs, and do not come under their influence.
- Speak for yourself; leave interviews on the movement's behalf to the spokespeople.

## Towards each other {#towards-each-other}

- Respect people's boundaries; ask before taking close-up photos.
- No harassment or discrimination, in any form.

## If something goes wrong {#reporting}

Tell a local organizer, or write to the coordinators. Reports are handled in confidence.
"""

ORGANIZING = """---
title: Organize an action
description: A short guide for local organizers.
---

## Before the day {#before}

- Pick a visible public place, and check whether your city asks for a notification.
- Propose your event on the campaign's page so that people can find and join it.
- Make a few signs with the campaign's core messages.

## On the day {#on-the-day}

- Arrive early, welcome newcomers, and share the [code of conduct](/code-of-conduct).
- Take photos for the report, with consent.
"""

DEMO_PAGES = {
    "values": VALUES,
    "code-of-conduct": CODE_OF_CONDUCT,
    "organize-an-action": ORGANIZING,
}


def load_demo_pages() -> list[Page]:
    """Create or update the demo pages (published, written in English)."""
    pages = []
    for slug, source in DEMO_PAGES.items():
        page = Page.objects.filter(slug=slug).first() or Page(slug=slug)
        page.source = source
        page.language = "en"
        page.status = Page.Status.PUBLISHED
        pages.append(save_page(page=page, author=None, now=timezone.now(), note="demo"))
    return pages
