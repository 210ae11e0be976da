"""Error pages in the visitor's language."""

import sys

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .outage import database_unavailable, is_database_unavailable


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    if is_database_unavailable(sys.exc_info()[1]):
        return database_unavailable(request)  # 503 in the visitor's language: try again soon
    # No context processors beyond the minimum: the failure may have come from one of them.
    from django.template import loader

    return HttpResponse(loader.get_template("500.html").render(), status=500)
