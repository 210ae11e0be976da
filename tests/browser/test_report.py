"""The finished May 2024 protest day as its report, on screen and on paper."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from turnout.demo.loading import load_demo_data

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db):
    return load_demo_data(today=timezone.localdate())


def test_a_past_campaign_reads_as_its_report_with_press_and_photos(
    live_server, page, demo, screenshot, assert_accessible
):
    page.goto(f"{live_server.url}/en/campaigns/2024-may/")
    expect(page.get_by_role("heading", name="Report")).to_be_visible()
    figures = page.locator(".report-summary .figures")
    expect(figures.get_by_text("Cities")).to_be_visible()
    assert figures.locator("dd").first.inner_text() == "14"
    expect(page.get_by_role("link", name="Protesters Are Fighting to Stop AI")).to_be_visible()
    expect(page.get_by_text("Norwegian Bokmål")).to_be_visible()
    assert page.locator(".gallery img").count() == 3
    assert_accessible()
    screenshot("report")

    page.get_by_role("link", name="Printable report").click()
    page.wait_for_url("**/en/campaigns/2024-may/report/")
    expect(page.get_by_role("row", name="London")).to_be_visible()
    assert_accessible()
    page.emulate_media(media="print")
    assert page.locator(".site-header").is_hidden()
    expect(page.get_by_text("https://time.com/6977680/ai-protests-international/")).to_be_visible()
    screenshot("print")
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")


def test_the_report_speaks_dutch(live_server, page, demo, assert_accessible):
    page.goto(f"{live_server.url}/nl/campaigns/2024-may/report/")
    expect(page.get_by_role("heading", name="In cijfers")).to_be_visible()
    expect(page.get_by_role("heading", name="In de pers")).to_be_visible()
    assert_accessible()
