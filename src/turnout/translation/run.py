"""A translation run over every published text: the plan first, then the work within budget."""

import time
from dataclasses import dataclass, field
from datetime import datetime

from .providers import Provider
from .selectors import PlanLine, plan_for
from .services import ProviderUnavailable, translate_text
from .sources import translatable_texts
from .spending import Budget


@dataclass
class RunReport:
    budget: Budget
    translated: int = 0
    flagged: int = 0
    stopped_by_cap: bool = False
    lines: list[str] = field(default_factory=list)


def plan_all(
    *, languages: list[str], provider: Provider, retry_flagged: bool = False
) -> list[PlanLine]:
    """What a run would do, per language and text; writes nothing."""
    return [
        plan_for(source=source, language=language, provider=provider, retry_flagged=retry_flagged)
        for language in languages
        for source in translatable_texts()
        if source.source_language != language
    ]


def translate_all(
    *,
    languages: list[str],
    provider: Provider,
    now: datetime,
    retry_flagged: bool = False,
    sleep=time.sleep,
) -> RunReport:
    """Translate what the plan lists until done or until the monthly cap would be passed."""
    if not provider.is_enabled:
        raise ProviderUnavailable("machine translation is off: set TRANSLATION_PROVIDER")
    budget = Budget.for_month(now=now)
    report = RunReport(budget=budget)
    for language in languages:
        for source in translatable_texts():
            if source.source_language == language:
                continue
            outcome = translate_text(
                source=source,
                language=language,
                provider=provider,
                budget=budget,
                now=now,
                retry_flagged=retry_flagged,
                sleep=sleep,
            )
            report.translated += outcome.translated
            report.flagged += outcome.flagged
            if outcome.translated or outcome.flagged:
                report.lines.append(
                    f"{language}  {source.label}: {outcome.translated} translated, "
                    f"{outcome.flagged} flagged"
                )
            if outcome.stopped_by_cap:
                report.stopped_by_cap = True
                return report
    return report
