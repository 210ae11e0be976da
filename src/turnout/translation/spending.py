"""What translation costs: estimates before sending, the ledger after, and the monthly cap."""

import math
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.conf import settings
from django.db.models import Sum

from .models import ProviderCall
from .providers import SYSTEM_PROMPT, ProviderResult

MILLION = Decimal(1_000_000)
CHARS_PER_TOKEN = 3  # conservative for European languages; real usage is recorded after


def estimate_tokens(text: str) -> tuple[int, int]:
    """(prompt tokens, completion tokens) a segment will probably use."""
    prompt = math.ceil((len(SYSTEM_PROMPT) + 40 + len(text)) / CHARS_PER_TOKEN)
    completion = math.ceil(len(text) * 1.3 / CHARS_PER_TOKEN)
    return prompt, completion


def cost_of(prompt_tokens: int, completion_tokens: int) -> Decimal:
    return (
        Decimal(prompt_tokens) * settings.TURNOUT_TRANSLATION_PRICE_INPUT
        + Decimal(completion_tokens) * settings.TURNOUT_TRANSLATION_PRICE_OUTPUT
    ) / MILLION


def estimate_cost(text: str) -> Decimal:
    return cost_of(*estimate_tokens(text))


def spent_this_month(*, now: datetime) -> Decimal:
    start = now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    total = ProviderCall.objects.filter(created_at__gte=start).aggregate(total=Sum("cost"))
    return total["total"] or Decimal(0)


@dataclass
class Budget:
    """The money left under the monthly cap for this run; every call is checked against it."""

    cap: Decimal
    spent: Decimal

    @classmethod
    def for_month(cls, *, now: datetime) -> "Budget":
        return cls(cap=settings.TURNOUT_TRANSLATION_MONTHLY_CAP, spent=spent_this_month(now=now))

    @property
    def left(self) -> Decimal:
        return max(self.cap - self.spent, Decimal(0))

    def allows(self, text: str) -> bool:
        return self.spent + estimate_cost(text) <= self.cap

    def record(
        self,
        *,
        provider: str,
        model: str,
        language: str,
        result: ProviderResult | None,
        now: datetime,
    ) -> ProviderCall:
        prompt = result.prompt_tokens if result else 0
        completion = result.completion_tokens if result else 0
        call = ProviderCall.objects.create(
            provider=provider,
            model=model,
            language=language,
            prompt_tokens=prompt,
            completion_tokens=completion,
            cost=cost_of(prompt, completion),
            succeeded=result is not None,
            created_at=now,
        )
        self.spent += call.cost
        return call
