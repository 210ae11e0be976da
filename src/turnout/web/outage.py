"""When the database cannot be reached: a 503 in the visitor's language, never a traceback.

Django turns an exception raised anywhere in a request into the 500 handler
(`turnout.web.views.server_error`), which asks `is_database_unavailable` about it. A lost or
refused database connection is temporary, so the answer is 503 with Retry-After: browsers,
proxies and API clients know to come back, and the next request reconnects by itself.
"""

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader
from django.utils.translation import get_language, gettext

RETRY_AFTER_SECONDS = 30


def is_database_unavailable(error: BaseException | None) -> bool:
    """Whether `error` means the database is down, restarting or refusing connections."""
    return isinstance(error, OperationalError | InterfaceError)


def database_unavailable(request: HttpRequest) -> HttpResponse:
    """The 503 answer: a page in the visitor's language, or JSON for the API."""
    if request.path_info.startswith("/api/"):
        response: HttpResponse = JsonResponse(
            {"detail": gettext("The service is briefly unavailable. Please try again shortly.")},
            status=503,
        )
    else:
        # Rendered without the site's context processors: they may need the database.
        page = loader.get_template("503.html").render({"LANGUAGE_CODE": get_language()})
        response = HttpResponse(page, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response
