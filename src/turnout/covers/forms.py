"""The cover form: the image, its description (required) and its credit."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from turnout.web.text import SingleLineField

from .models import CoverImage
from .services import CoverStorageFailed, Subject, Upload, set_cover


class CoverForm(forms.Form):
    image = forms.FileField(
        label=gettext_lazy("Image"),
        required=False,
        help_text=gettext_lazy(
            "JPEG, PNG, WebP or AVIF, wider than high (about 1600×900 shows best). Location and "
            "camera details are removed."
        ),
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp,image/avif"}),
    )
    alt_text = SingleLineField(
        label=gettext_lazy("Description (alt text)"),
        max_length=300,
        help_text=gettext_lazy(
            "What the image shows, for people who use a screen reader or whose images do not load."
        ),
        error_messages={
            "required": gettext_lazy(
                "Describe the image for people who cannot see it (alt text): it is required."
            )
        },
    )
    credit = SingleLineField(
        label=gettext_lazy("Credit"),
        max_length=150,
        required=False,
        help_text=gettext_lazy("Who made the image, if they want to be named."),
    )

    def __init__(self, data=None, files=None, *, cover: CoverImage | None = None) -> None:
        initial = {"alt_text": cover.alt_text, "credit": cover.credit} if cover else None
        super().__init__(data, files, initial=initial)
        self.cover = cover
        if cover is None:
            self.fields["image"].required = True
            self.fields["image"].error_messages["required"] = _("Choose an image.")

    def clean_image(self):
        image = self.cleaned_data["image"]
        if image and image.size > settings.PHOTO_MAX_BYTES:  # refused before reading it
            raise ValidationError(
                _("%(name)s is larger than %(limit)d MB.")
                % {"name": image.name, "limit": settings.PHOTO_MAX_BYTES // (1024 * 1024)}
            )
        return image

    def save_for(self, subject: Subject, actor) -> tuple[CoverImage | None, int]:
        """Hand the form to the service; a refusal becomes the form's error. Returns the cover
        (None if refused) and the answer's status: 200, 400, or 507 when storage failed."""
        data = self.cleaned_data
        image = data.get("image")
        try:
            cover = set_cover(
                subject=subject,
                actor=actor,
                alt_text=data["alt_text"],
                credit=data["credit"],
                upload=Upload(image.name, image.read()) if image else None,
            )
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                self.add_error(field if field in self.fields else None, messages)
            return None, 400
        except CoverStorageFailed as error:
            self.add_error(None, str(error))
            return None, 507
        return cover, 200
