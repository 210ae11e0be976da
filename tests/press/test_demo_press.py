"""The demo's May 2024 protest day: its real press coverage and its report."""

from datetime import date

import pytest

from turnout.campaigns.models import Campaign
from turnout.demo.loading import load_demo_data
from turnout.demo.press import MAY_2024_COVERAGE
from turnout.media.models import Photo
from turnout.organizing.report import campaign_report
from turnout.press.models import PressMention

pytestmark = pytest.mark.django_db


def test_demo_lists_each_real_article_of_may_2024_once_and_twice_loading_changes_nothing():
    load_demo_data(today=date(2026, 11, 25))
    load_demo_data(today=date(2026, 11, 25))
    may = Campaign.objects.get(slug="2024-may")
    urls = list(may.press_mentions.values_list("url", flat=True))
    assert len(urls) == len(set(urls)) == len(MAY_2024_COVERAGE) == 11
    assert set(may.press_mentions.values_list("outlet", flat=True)) == {
        "Wired", "Time", "NBC Bay Area", "KQED", "Hoodline", "Business Insider", "ABC7",
        "DailyAI", "Digi.no", "Karmactive",
    }  # fmt: skip
    assert not may.press_mentions.exclude(state=PressMention.State.APPROVED).exists()
    assert may.press_mentions.get(outlet="Digi.no").event.city == "Oslo"
    assert Photo.objects.filter(campaign=may, state=Photo.State.APPROVED).count() == 3


def test_demo_may_2024_is_a_finished_report():
    load_demo_data(today=date(2026, 11, 25))
    report = campaign_report(Campaign.objects.get(slug="2024-may"), today=date(2026, 11, 25))
    assert (report.reach.cities, report.reach.countries, report.event_count) == (14, 12, 14)
    assert len(report.press) == 11 and len(report.photos) == 3
    assert all(p.photo.alt_text for p in report.photos)
