"""`turnout translate --lang nl,de [--dry-run]`: the plan and its estimated cost, then the work."""

from decimal import Decimal

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from ...catalogs import plan_catalogues, translate_catalogues
from ...providers import configured_provider
from ...run import plan_all, translate_all
from ...services import ProviderUnavailable
from ...spending import Budget, estimate_cost

HAND_TRANSLATED = {"en", "nl"}  # their interface catalogues are written and reviewed by people


class Command(BaseCommand):
    help = (
        "Machine-translate published pages and campaign texts into the given languages, "
        "within the monthly spend cap. Segments already translated or cached are not sent "
        "again; an interrupted run resumes where it stopped."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--lang", required=True, help="comma-separated codes: nl,de,fr")
        parser.add_argument("--dry-run", action="store_true", help="show the plan, send nothing")
        parser.add_argument(
            "--retry-flagged", action="store_true", help="send segments that failed before again"
        )
        parser.add_argument(
            "--catalogs",
            action="store_true",
            help="also fill missing interface strings of these languages as fuzzy drafts",
        )

    def handle(self, *args, lang: str, dry_run: bool, retry_flagged: bool, catalogs: bool, **kw):
        languages = [code.strip() for code in lang.split(",") if code.strip()]
        if not languages:
            raise CommandError("Name at least one language: --lang nl,de")
        site_languages = dict(settings.LANGUAGES)
        for code in languages:
            if code not in site_languages:
                self.stderr.write(
                    f"note: {code} is not in LANGUAGES; its translations are kept but not "
                    "shown until the language is added."
                )
        provider = configured_provider()
        now = timezone.now()
        budget = Budget.for_month(now=now)
        plan = plan_all(languages=languages, provider=provider, retry_flagged=retry_flagged)

        self.stdout.write(f"provider: {provider.name} {provider.model}".rstrip())
        self.stdout.write("language  text  to translate / cached / done / flagged")
        for line in plan:
            self.stdout.write(
                f"{line.language:<8}  {line.label}: {line.to_translate} / {line.cached} / "
                f"{line.kept} / {line.flagged}"
            )
        to_send = sum(line.to_translate for line in plan)
        estimate = sum((line.estimated_cost for line in plan), Decimal(0))
        catalog_languages = []
        if catalogs:
            catalog_languages = [c for c in languages if c not in HAND_TRANSLATED]
            for code in catalog_languages:
                for work in plan_catalogues(code):
                    self.stdout.write(f"{code:<8}  {work.path}: {len(work.missing)} missing")
                    to_send += len(work.missing)
                    estimate += sum((estimate_cost(m) for m in work.missing), Decimal(0))
        self.stdout.write(
            f"segments to send: {to_send}; estimated cost {estimate:.4f}; "
            f"spent this month {budget.spent:.4f} of {budget.cap:.2f}"
        )
        if dry_run:
            self.stdout.write("dry run: nothing sent")
            return
        if not provider.is_enabled:
            raise CommandError(
                "Machine translation is off: set TRANSLATION_PROVIDER=openai, "
                "TRANSLATION_ENDPOINT and TRANSLATION_MODEL."
            )
        try:
            report = translate_all(
                languages=languages, provider=provider, now=now, retry_flagged=retry_flagged
            )
            for report_line in report.lines:
                self.stdout.write(report_line)
            for code in catalog_languages:
                if report.stopped_by_cap:
                    break
                for done in translate_catalogues(
                    language=code, provider=provider, budget=report.budget, now=now
                ):
                    self.stdout.write(
                        f"{code:<8}  {done.path}: {done.filled} drafted (fuzzy), "
                        f"{done.failed} failed"
                        + (
                            f", {len(done.same_forms)} with identical plural forms to check"
                            if done.same_forms
                            else ""
                        )
                    )
        except ProviderUnavailable as error:
            raise CommandError(f"The provider refused: {error}") from error
        self.stdout.write(
            f"translated {report.translated}, flagged {report.flagged}; "
            f"spent this month {report.budget.spent:.4f} of {report.budget.cap:.2f}"
        )
        if report.stopped_by_cap:
            self.stdout.write(
                "stopped at the monthly spend cap: run again next month or raise "
                "TRANSLATION_MONTHLY_CAP; finished segments are kept."
            )
