"""Background translation through Django's tasks API: schedule it like any other task."""

from django.utils import timezone
from django_tasks import task

from .providers import configured_provider
from .run import translate_all


@task()
def translate_content(languages: list[str], retry_flagged: bool = False) -> dict:
    """Translate every published text into `languages`, within the monthly spend cap."""
    report = translate_all(
        languages=languages,
        provider=configured_provider(),
        now=timezone.now(),
        retry_flagged=retry_flagged,
    )
    return {
        "translated": report.translated,
        "flagged": report.flagged,
        "stopped_by_cap": report.stopped_by_cap,
    }
