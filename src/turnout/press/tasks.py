"""Background work of press coverage: reading a submitted link's details from its page."""

from django_tasks import task

from . import services


# Below the default priority, so a burst of submitted links never delays email delivery.
# How many pages are fetched at once is bounded by the task workers: each worker process runs
# one task at a time, and each fetch ends within PRESS_METADATA_TIMEOUT.
@task(priority=-10)
def fill_details_from_page(mention_id: int, fields: list[str]) -> list[str]:
    """Fill what the person left empty from the page; returns the details still unknown."""
    mention = services.fill_details_from_page(mention_id=mention_id, fields=fields)
    return services.details_to_read_from_page(mention) if mention is not None else []
