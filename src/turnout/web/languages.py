"""The language switcher: the same page in every language the site offers."""

from dataclasses import dataclass

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language_info


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str  # in its own language, so a reader finds theirs: "Nederlands"
    url: str
    is_current: bool


def language_links(path: str, current: str) -> list[LanguageLink]:
    links = []
    for code, _name in settings.LANGUAGES:
        url = translate_url(path, code)
        prefix = f"/{current}/"
        if url == path and code != current and path.startswith(prefix):
            url = f"/{code}/{path[len(prefix) :]}"  # a page that did not resolve, such as a 404
        links.append(
            LanguageLink(
                code=code,
                name=get_language_info(code)["name_local"],
                url=url,
                is_current=code == current,
            )
        )
    return links
