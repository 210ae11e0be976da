"""The visitor's chosen city, kept in a cookie only after they ask for it."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from turnout.places.gazetteer import City, city_by_id
from turnout.web.numbers import object_id

CITY_COOKIE = "turnout_city"
CITY_COOKIE_MAX_AGE = 365 * 24 * 60 * 60


def chosen_city(request: HttpRequest) -> City | None:
    city_id = object_id(request.COOKIES.get(CITY_COOKIE, ""))
    return city_by_id(city_id) if city_id else None


def remember_city(response: HttpResponse, city: City) -> None:
    response.set_cookie(
        CITY_COOKIE,
        str(city.geonames_id),
        max_age=CITY_COOKIE_MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )


def forget_city(response: HttpResponse) -> None:
    response.delete_cookie(CITY_COOKIE, samesite="Lax")
