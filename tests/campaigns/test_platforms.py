import pytest
from django.utils import translation

from turnout.campaigns.platforms import Platform, recognize_platform, signup_action_label


@pytest.mark.parametrize(
    ("url", "platform"),
    [
        ("https://www.facebook.com/events/456991866681797", Platform.FACEBOOK),
        (
            "https://facebook.com/events/s/tell-anthropic-to-pause-ai/917486370313748/",
            Platform.FACEBOOK,
        ),
        ("https://fb.me/e/5OYXuGCj4", Platform.FACEBOOK),
        ("https://m.facebook.com/events/1", Platform.FACEBOOK),
        ("https://lu.ma/qtlk8l6y", Platform.LUMA),
        ("https://luma.com/abc", Platform.LUMA),
        ("https://www.eventbrite.com/e/pause-ai-tickets-886528309037", Platform.EVENTBRITE),
        ("https://www.eventbrite.co.uk/e/123", Platform.EVENTBRITE),
        ("https://eventbrite.nl/e/123", Platform.EVENTBRITE),
        ("https://partiful.com/e/JWPe9q6IJ9peRKvwhYEl", Platform.PARTIFUL),
        ("https://www.meetup.com/portland/events/300959579/", Platform.MEETUP),
        ("https://chat.whatsapp.com/EOGvhoPCiCqDqwuf9JUxtB", Platform.WHATSAPP),
        ("https://t.me/pauseai", Platform.TELEGRAM),
        ("https://signal.group/#CjQKIA", Platform.SIGNAL),
        ("https://invite.viber.com/?g2=AQBnero2027", Platform.VIBER),
        ("https://line.me/ti/g2/CleanAirTH2027", Platform.LINE),
        ("https://line.me/R/ti/g/AbCdEf1234", Platform.LINE),
        ("https://join.slack.com/t/safestreets/shared_invite/zt-2abc9x", Platform.SLACK),
        ("https://discord.gg/2XXWXvErfA", Platform.DISCORD),
        ("https://discord.com/invite/2XXWXvErfA", Platform.DISCORD),
        ("https://mobilizon.fr/events/5b0e8f4c-2a3d-4f6e-9a1b-0c2d3e4f5a6b", Platform.MOBILIZON),
        ("https://keskonfai.fr/events/5b0e8f4c-2a3d-4f6e-9a1b-0c2d3e4f5a6b", Platform.MOBILIZON),
        ("https://actionnetwork.org/events/klimaatmars-utrecht", Platform.ACTION_NETWORK),
        ("https://www.mobilize.us/sunrisemovement/event/612345/", Platform.MOBILIZE),
        ("https://secure.everyaction.com/aBcDeF12345", Platform.EVERYACTION),
        ("https://pretix.eu/klimaat/mars2027/", Platform.PRETIX),
        ("https://www.tickettailor.com/events/xr/1234567", Platform.TICKET_TAILOR),
        ("https://events.humanitix.com/climate-rally-sydney", Platform.HUMANITIX),
        ("https://forms.gle/QxVz8kT3mN2pR7sA9", Platform.GOOGLE_FORMS),
        (
            "https://docs.google.com/forms/d/e/1FAIpQLSf-x/viewform?usp=sf_link",
            Platform.GOOGLE_FORMS,
        ),
        ("https://docs.google.com/document/d/1abc/edit", Platform.WEBSITE),
        ("https://forms.office.com/r/Ab12Cd34Ef", Platform.MICROSOFT_FORMS),
        ("https://xr-berlin.typeform.com/to/AbC123", Platform.TYPEFORM),
        ("https://tally.so/r/wM9xYz", Platform.TALLY),
        ("https://form.jotform.com/241234567890123", Platform.JOTFORM),
        ("https://actionnetwork.org.evil.example/events/x", Platform.WEBSITE),
        ("https://pauseai.info/2024-may", Platform.WEBSITE),
        ("https://notfacebook.com/events/1", Platform.WEBSITE),
        ("https://facebook.com.evil.example/e", Platform.WEBSITE),
        ("https://eventbrite.example.org/e/1", Platform.WEBSITE),
        ("https://example.org/events/not-a-uuid", Platform.WEBSITE),
        ("not a url", Platform.WEBSITE),
        ("", Platform.WEBSITE),
    ],
)
def test_signup_link_platform_is_recognized_from_its_url(url, platform):
    assert recognize_platform(url) == platform


@pytest.mark.parametrize(
    ("platform", "english", "dutch"),
    [
        (Platform.FACEBOOK, "Sign up on Facebook", "Aanmelden op Facebook"),
        (Platform.PARTIFUL, "Sign up on Partiful", "Aanmelden op Partiful"),
        (Platform.WHATSAPP, "Join the WhatsApp group", "Word lid van de WhatsApp-groep"),
        (Platform.VIBER, "Join the Viber group", "Word lid van de Viber-groep"),
        (Platform.LINE, "Join the LINE group", "Word lid van de LINE-groep"),
        (Platform.SLACK, "Join us on Slack", "Doe mee op Slack"),
        (Platform.ACTION_NETWORK, "Sign up on Action Network", "Aanmelden op Action Network"),
        (Platform.MOBILIZE, "Sign up on Mobilize", "Aanmelden op Mobilize"),
        (Platform.GOOGLE_FORMS, "Fill in the signup form", "Vul het aanmeldformulier in"),
        (Platform.TALLY, "Fill in the signup form", "Vul het aanmeldformulier in"),
        (
            Platform.WEBSITE,
            "Sign up on the event's website",
            "Aanmelden op de website van het evenement",
        ),
    ],
)
def test_signup_action_is_worded_per_platform_in_each_language(platform, english, dutch):
    assert signup_action_label(platform) == english
    with translation.override("nl"):
        assert signup_action_label(platform) == dutch


@pytest.mark.django_db
def test_an_event_saved_with_an_action_network_link_shows_that_platform():
    from tests.factories import LocalEventFactory

    event = LocalEventFactory(signup_url="https://actionnetwork.org/events/mars-gent")
    assert event.signup_platform == Platform.ACTION_NETWORK
    assert event.get_signup_platform_display() == "Action Network"


def test_events_recorded_as_website_before_learn_their_platform():
    """The migration that added the platforms recognizes the links it knows, and only those."""
    from importlib import import_module

    migration = import_module(
        "turnout.campaigns.migrations.0012_signup_platforms_for_organizing_ticketing_and_forms"
    )
    new = {value for value, _ in Platform.choices} - {
        "facebook", "luma", "eventbrite", "partiful", "meetup", "whatsapp", "telegram",
        "signal", "viber", "line", "discord", "slack", "mobilizon", "website",
    }  # fmt: skip
    assert set(migration.HOSTS.values()) == new
    for host, platform in migration.HOSTS.items():
        assert recognize_platform(f"https://{host}/x") == platform
        assert migration._platform(f"https://{host}/x") == platform
    assert migration._platform("https://docs.google.com/forms/d/1/viewform") == "googleforms"
    assert migration._platform("https://example.org/forms/") is None
