"""Which of the page's own signup links is the signup link of an event the model read.

The rules take a page's explicit signup link ("Sign up [here](...)") for its single event; a
model's event gets it in place of another link of the page (a profile, a news item). A page
that offers a signup link for each of its cities gives each event its own: the one the page
writes beside the event's city (`page_cities`), never merely the first the page offers.
"""

import copy

from .city_links import is_signup
from .details import is_signup_link, lines_of
from .document import Document, Link
from .page_cities import refuse_facts_of_other_cities
from .page_events import page_signup_link
from .page_evidence import ConfirmedEvent, PageEvidence, normalized_url
from .section_titles import SectionKind, section_kinds


def event_signup_link(
    event: ConfirmedEvent, document: Document, evidence: PageEvidence, *, is_only_event: bool
) -> Link | None:
    """The page's signup link for `event`: its single one, or (a link for each city) the one
    written beside the event's city; None where the page does not say which."""
    if not is_only_event:
        return None
    offered = offered_signup_links(document, evidence.language)
    if len(offered) <= 1:
        return page_signup_link(document, evidence.language)
    own = [url for url in sorted(offered) if _is_written_for(event, url, evidence)]
    return Link(own[0], own[0]) if len(own) == 1 else None


def offered_signup_links(document: Document, language: str | None) -> set[str]:
    """Every link the page's body offers for signing up as explicitly as `page_signup_link`
    finds its first one."""
    found = set()
    for section in document.sections:
        if SectionKind.PRESS in section_kinds(section.heading, language):
            continue
        for block in section.blocks:
            for line in lines_of(block) if block.kind in {"paragraph", "item"} else []:
                found |= {
                    normalized_url(link.url)
                    for link in line.links
                    if is_signup(link, line.text, language)
                    and is_signup_link(link, line.text, language)
                }
    return found


def _is_written_for(event: ConfirmedEvent, url: str, evidence: PageEvidence) -> bool:
    """Whether the page writes `url` beside the event's city, not only beside another's."""
    trial = copy.copy(event)
    trial.signup_url, trial.refused = url, []
    refuse_facts_of_other_cities([trial], evidence)
    return trial.signup_url == url
