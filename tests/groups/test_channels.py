"""A channel's link must be of its platform's kind, with a message that says what is expected."""

import pytest
from django.core.exceptions import ValidationError

from turnout.groups.channels import normalize_channel


@pytest.mark.parametrize(
    ("kind", "given", "stored"),
    [
        ("whatsapp", "https://chat.whatsapp.com/Cue9aeK6kpJFoDxT3xV9Zx", None),
        ("whatsapp", "chat.whatsapp.com/Cue9aeK6kpJFoDxT3xV9Zx", "https://chat.whatsapp.com/Cue9aeK6kpJFoDxT3xV9Zx"),
        ("discord", "https://discord.gg/2XXWXvErfA", None),
        ("discord", "https://discord.com/invite/2XXWXvErfA", None),
        ("telegram", "https://t.me/+AbCdEf123", None),
        ("telegram", "https://t.me/pauseai_nl", None),
        ("signal", "https://signal.group/#CjQKIJ8Ou1pZ2dWq", None),
        ("viber", "https://invite.viber.com/?g2=AQBnero2027Kx", None),
        ("viber", "invite.viber.com/?g=Zx8Kq2Lm9P", "https://invite.viber.com/?g=Zx8Kq2Lm9P"),
        ("line", "https://line.me/ti/g2/CleanAirTH2027", None),
        ("line", "line.me/R/ti/g/AbCdEf1234", "https://line.me/R/ti/g/AbCdEf1234"),
        ("slack", "https://join.slack.com/t/safestreets/shared_invite/zt-2abc9x", None),
        ("email", "mailto:Hello@PauseAI.nl", "hello@pauseai.nl"),
        ("website", "pauseai.nl/local", "https://pauseai.nl/local"),
        ("mastodon", "https://mastodon.social/@pauseai", None),
        ("bluesky", "https://bsky.app/profile/pauseai.bsky.social", None),
        ("instagram", "http://www.instagram.com/pauseai", "https://www.instagram.com/pauseai"),
        ("x", "https://twitter.com/PauseAI", None),
        ("youtube", "https://www.youtube.com/@PauseAI", None),
        ("linkedin", "https://www.linkedin.com/company/pauseai", None),
    ],
)  # fmt: skip
def test_valid_links_are_kept_and_tidied(kind, given, stored):
    assert normalize_channel(kind, given) == (stored or given)


@pytest.mark.parametrize(
    ("kind", "given", "expected"),
    [
        ("whatsapp", "https://wa.me/31612345678", "It should look like https://chat.whatsapp.com/"),
        ("whatsapp", "https://chat.whatsapp.com/", "This is not a link to WhatsApp"),
        ("discord", "https://discord.com/channels/1/2", "not a link to Discord. It should look like https://discord.gg/"),
        ("telegram", "https://telegram.org/", "This is not a link to Telegram"),
        ("signal", "https://signal.group/", "This is not a link to Signal"),
        ("viber", "https://invite.viber.com/", "This is not a link to Viber"),
        ("viber", "https://www.viber.com/en/", "This is not a link to Viber"),
        ("line", "https://line.me/en/", "This is not a link to LINE"),
        ("slack", "https://safestreets.slack.com/archives/C01", "This is not a link to Slack"),
        ("bluesky", "https://bsky.social/pauseai", "This is not a link to Bluesky"),
        ("website", "javascript:alert(1)", "Give a web address such as https://example.org."),
        ("email", "not an address", "Give an email address such as group@example.org."),
        ("discord", "   ", "Give a link or an address."),
    ],
)  # fmt: skip
def test_wrong_links_are_refused_with_a_clear_message(kind, given, expected):
    with pytest.raises(ValidationError) as error:
        normalize_channel(kind, given)
    assert expected in error.value.messages[0]


@pytest.mark.parametrize(
    ("kind", "handle", "stored"),
    [
        ("instagram", "@pauseainyc", "https://www.instagram.com/pauseainyc"),
        ("x", "@PauseAINYC", "https://x.com/PauseAINYC"),
        ("telegram", "@pauseai_nl", "https://t.me/pauseai_nl"),
        ("tiktok", "@pauseai", "https://www.tiktok.com/@pauseai"),
        ("youtube", "@PauseAI", "https://www.youtube.com/@PauseAI"),
        ("bluesky", "@pauseai.bsky.social", "https://bsky.app/profile/pauseai.bsky.social"),
        ("mastodon", "@pauseai@Mastodon.Social", "https://mastodon.social/@pauseai"),
        ("mastodon", "klimaat@mastodon.nl", "https://mastodon.nl/@klimaat"),
    ],
)
def test_a_handle_is_taken_as_the_link_to_that_account(kind, handle, stored):
    """Sheets and forms give "@pauseainyc" as often as the link."""
    assert normalize_channel(kind, handle) == stored


@pytest.mark.parametrize(
    ("kind", "handle"),
    [("instagram", "@"), ("x", "@two words"), ("whatsapp", "@group"), ("discord", "@server")],
)
def test_a_handle_where_none_can_be_is_refused_as_before(kind, handle):
    with pytest.raises(ValidationError, match="This is not a link to"):
        normalize_channel(kind, handle)
