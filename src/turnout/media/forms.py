"""Forms for photos: uploading several at once, and describing each one."""

from collections.abc import Callable

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from turnout.web.text import SingleLineField

from .models import Photo
from .processing import ACCEPTED_FORMATS
from .services import PhotoStorageFailed, Upload

ACCEPT = ",".join(f"image/{fmt.lower()}" for fmt in ACCEPTED_FORMATS)


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one input (Django's documented pattern)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ACCEPT}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)]


class UploadPhotosForm(forms.Form):
    photos = MultipleFileField(
        label=_("Photos"),
        help_text=_("JPEG, PNG, WebP or AVIF; you can choose several at once."),
        error_messages={"required": _("Choose at least one photo.")},
    )
    faces = forms.ChoiceField(
        label=_("People in the photos"),
        choices=Photo.Faces.choices,
        widget=forms.RadioSelect,
        help_text=_("Only publish recognizable people who agreed to be shown."),
        error_messages={"required": _("Say whether people can be recognized.")},
    )
    credit = SingleLineField(
        label=_("Credit"), max_length=150, required=False, help_text=_("Who took the photos.")
    )
    alt_text = SingleLineField(
        label=_("Description (alt text)"),
        max_length=300,
        required=False,
        help_text=_(
            "What the photos show, for people who cannot see them. You can describe each "
            "photo separately after uploading; photos are published only with a description."
        ),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def upload_with(self, upload: Callable[..., list[Photo]], *, credit: str = "", **arguments):
        """Hand the chosen photos and their details to `upload` (one of the media services);
        a refusal becomes this form's error. Returns the photos (None if refused) and the
        answer's status: 200, 400, or 507 when the storage failed."""
        data = self.cleaned_data
        try:
            photos = upload(
                uploads=[Upload(f.name, f.read()) for f in data["photos"]],
                credit=data["credit"] or credit,
                faces=data["faces"],
                alt_text=data["alt_text"],
                **arguments,
            )
        except ValidationError as error:
            self.add_error("photos", error)
            return None, 400
        except PhotoStorageFailed as error:
            self.add_error(None, str(error))
            return None, 507
        return photos, 200

    def clean_photos(self):
        files = self.cleaned_data["photos"]
        if len(files) > settings.PHOTO_MAX_FILES:
            raise forms.ValidationError(
                ngettext(
                    "Send at most %(count)d photo at once.",
                    "Send at most %(count)d photos at once.",
                    settings.PHOTO_MAX_FILES,
                )
                % {"count": settings.PHOTO_MAX_FILES}
            )
        limit = settings.PHOTO_MAX_BYTES
        too_large = [f.name for f in files if f.size > limit]
        if too_large:  # refused before reading them into memory
            raise forms.ValidationError(
                [
                    _("%(name)s is larger than %(limit)d MB.")
                    % {"name": name, "limit": limit // (1024 * 1024)}
                    for name in too_large
                ]
            )
        return files


class DescribePhotoForm(forms.ModelForm):
    alt_text = SingleLineField(
        label=_("Description (alt text)"),
        max_length=300,
        help_text=_("What the photo shows, for people who cannot see it."),
        error_messages={"required": _("Describe the photo for people who cannot see it.")},
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    class Meta:
        model = Photo
        fields = ["alt_text", "caption", "credit", "faces"]
        widgets = {"faces": forms.RadioSelect}
