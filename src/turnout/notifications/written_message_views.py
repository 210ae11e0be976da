"""The one page flow of writing to many, for every app that offers it: show the form, send on
a valid POST and come back to the page, where each message sent shows how far it got
(`written_messages.deliveries`). The caller checks who may write and to whom."""

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from .forms import WrittenMessageForm
from .models import WrittenMessage
from .written_messages import deliveries

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def write_to_many_page(
    request: HttpRequest,
    *,
    about: Model,
    send: Callable[[str, str], WrittenMessage],
    sent_text: Callable[[int], str],
    template: str,
    context: dict[str, Any],
    back_to: str,
    body_help_text: "StrOrPromise" = "",
) -> HttpResponse:
    """`send(subject, body)` writes the message; `sent_text(copies)` thanks the writer;
    `back_to` is this page's address. A refused POST answers 400 with the reasons."""
    form = WrittenMessageForm(request.POST or None, body_help_text=body_help_text)
    if request.method == "POST" and form.is_valid():
        try:
            written = send(form.cleaned_data["subject"], form.cleaned_data["body"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, sent_text(written.copies.count()))
            return redirect(back_to)
    return render(
        request,
        template,
        {**context, "form": form, "deliveries": deliveries(about=about)},
        status=400 if request.method == "POST" else 200,
    )
