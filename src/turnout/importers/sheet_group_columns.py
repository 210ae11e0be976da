"""What a column of a movement's spreadsheet of groups means (`group_sheets`): the group's
name, kind and place, and one column per channel ("WhatsApp group", "Discord server",
"Instagram handle"), whatever language its header is in; compared as `sheet_columns` compares
headers."""

from .sheet_columns import EVENT_ALIASES, header_key
from .sheet_header_words import GROUP_NAME_HEADERS, KIND_HEADERS

GROUP_ALIASES: dict[str, tuple[str, ...]] = {
    "name": (
        "group",
        "group_name",
        "naam",
        "groep",
        "gruppe",
        "groupe",
        "nombre",
        "grupo",
        "nome",
        "gruppo",
        "nazwa",
        "grupa",
        *map(header_key, GROUP_NAME_HEADERS),
    ),  # fmt: skip
    "kind": tuple(map(header_key, KIND_HEADERS)),
    "country": EVENT_ALIASES["country"],
    "city": EVENT_ALIASES["city"],
    "parent": ("parent_group", "national_group", "landelijke_groep", "hoofdgroep"),
    "description": EVENT_ALIASES["description"],
    "active": ("is_active", "actief", "aktiv", "actif", "activo", "attivo", "aktywna"),
    "latitude": EVENT_ALIASES["latitude"],
    "longitude": EVENT_ALIASES["longitude"],
}


# A group's channel columns: "WhatsApp group", "Discord server", "Instagram handle", "Twitter".
_CHANNEL_SUFFIXES = ("group", "link", "url", "server", "handle", "channel", "account", "groep",
                     "kanaal", "gruppe", "groupe", "grupo", "gruppo", "grupa")  # fmt: skip
GROUP_ALIASES |= {
    kind: tuple(f"{kind}_{suffix}" for suffix in _CHANNEL_SUFFIXES)
    for kind in (
        "discord",
        "whatsapp",
        "telegram",
        "signal",
        "viber",
        "line",
        "slack",
        "mastodon",
        "bluesky",
        "instagram",
        "facebook",
        "youtube",
        "tiktok",
        "linkedin",
    )  # fmt: skip
}
GROUP_ALIASES |= {
    "x": ("twitter", "twitter_handle", "twitter_account", "x_twitter", "x_handle", "x_account"),
    "email": (
        "e_mail",
        "mail",
        "email_address",
        "contact_email",
        "contact",
        "e_mailadres",
        "emailadres",
        "adresse_e_mail",
        "correo",
        "correo_electronico",
    ),  # fmt: skip
    "website": (
        "web",
        "site",
        "homepage",
        "webpage",
        "website_url",
        "site_web",
        "sitio_web",
        "strona",
        "strona_www",
    ),  # fmt: skip
}
