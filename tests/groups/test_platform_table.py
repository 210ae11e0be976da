"""Signup links and group channels read one table of platforms; what differs is data in it."""

import pytest
from django.core.exceptions import ValidationError

from turnout.campaigns.platforms import SITES, Platform, recognize_platform
from turnout.groups.channels import ChannelKind, channel_kind_by_host, normalize_channel


def test_every_platform_and_channel_kind_has_its_row():
    signup_keys = {key for key, site in SITES.items() if site.signup_link}
    channel_keys = {key for key, site in SITES.items() if site.channel is not None}
    # Told by the shape of their address (or any address at all), not by a host.
    assert signup_keys == set(Platform.values) - {"eventbrite", "mobilizon", "website"}
    assert channel_keys == set(ChannelKind.values) - {"email", "website"}
    for key, site in SITES.items():
        assert site.hosts or (site.channel and site.channel.any_host), key


@pytest.mark.parametrize(
    "key", [key for key, site in SITES.items() if site.signup_link and site.channel]
)
def test_a_channel_link_is_recognized_as_the_same_platform_behind_a_signup_link(key):
    example = SITES[key].channel.example
    assert recognize_platform(example) == key
    # Every host of the platform, and a subdomain of it, counts the same way.
    for host in SITES[key].hosts:
        assert recognize_platform(f"https://www.{host}/x") == key


def test_a_short_link_is_a_signup_link_but_no_channel():
    assert recognize_platform("https://fb.me/e/5OYXuGCj4") == Platform.FACEBOOK
    with pytest.raises(ValidationError, match="not a link to Facebook"):
        normalize_channel("facebook", "https://fb.me/pauseai")
    assert normalize_channel("facebook", "https://fb.com/pauseai") == "https://fb.com/pauseai"


@pytest.mark.parametrize(
    ("kind", "link"),
    [
        ("instagram", "https://www.instagram.com/pauseai"),
        ("x", "https://x.com/PauseAI"),
        ("bluesky", "https://bsky.app/profile/pauseai.bsky.social"),
        ("mastodon", "https://mastodon.social/@pauseai"),
    ],
)
def test_a_channel_only_platform_is_an_ordinary_website_behind_a_signup_link(kind, link):
    assert normalize_channel(kind, link) == link
    assert recognize_platform(link) == Platform.WEBSITE


@pytest.mark.parametrize(
    ("kind", "link"),
    [
        ("telegram", "https://telegram.me/pauseai_nl"),
        ("discord", "https://discordapp.com/invite/2XXWXvErfA"),
        ("facebook", "https://m.facebook.com/groups/pauseai"),
    ],
)
def test_every_host_in_the_table_is_accepted_for_a_channel(kind, link):
    assert normalize_channel(kind, link) == link


@pytest.mark.parametrize(
    ("kind", "link"),
    [
        ("facebook", "https://facebook.com.evil.example/pauseai"),
        ("telegram", "https://nott.me/pauseai_nl"),
        ("discord", "https://discord.gg.example.org/2XXWXvErfA"),
        ("instagram", "https://instagram.com@evil.example/pauseai"),
    ],
)
def test_a_lookalike_host_is_refused_as_a_channel(kind, link):
    with pytest.raises(ValidationError, match="This is not a"):
        normalize_channel(kind, link)


@pytest.mark.parametrize(
    ("link", "kind"),
    [
        ("https://telegram.me/pauseai_nl", ChannelKind.TELEGRAM),
        ("https://discordapp.com/invite/2XXWXvErfA", ChannelKind.DISCORD),
        ("https://fb.com/pauseai", ChannelKind.FACEBOOK),
        ("https://WWW.Instagram.com./pauseai", ChannelKind.INSTAGRAM),
        ("https://fb.me/pauseai", None),  # a short link: no channel's address
        ("https://mastodon.social/@pauseai", None),  # any server: not told by its host
        ("https://instagram.com.evil.example/pauseai", None),
        ("https://[oops/pauseai", None),
        ("mailto:hello@pauseai.nl", None),
        ("", None),
    ],
)
def test_a_link_found_on_a_page_is_a_channel_by_its_host(link, kind):
    assert channel_kind_by_host(link) == kind


def test_the_importer_reads_a_group_pages_channels_from_the_same_table():
    from turnout.importers.group_pages import channel_kind

    assert channel_kind("https://telegram.me/pauseai_nl") == "telegram"  # once unknown there
    assert channel_kind("https://discordapp.com/invite/2XXWXvErfA") == "discord"
    assert channel_kind("mailto:hello@pauseai.nl") == "email"
    assert channel_kind("https://fb.me/pauseai") is None
