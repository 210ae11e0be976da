"""The site settings form in the admin: uploads cleaned before storing, languages as boxes."""

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from .logos import LogoRejected, cleaned_favicon, cleaned_logo
from .models import SiteSettings

MAX_UPLOAD_BYTES = 20 * 1024 * 1024


class SiteSettingsForm(forms.ModelForm):
    languages_offered = forms.MultipleChoiceField(
        label=_("languages offered"),
        choices=settings.LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The language switcher shows only these."),
    )

    class Meta:
        model = SiteSettings
        fields = [
            "name",
            "tagline_en",
            "tagline_nl",
            "logo",
            "favicon",
            "brand_colour",
            "accent_colour",
            "text_on_brand_colour",
            "footer_text_en",
            "footer_text_nl",
            "footer_links",
            "social_links",
            "default_language",
            "languages_offered",
        ]
        widgets = {
            "brand_colour": forms.TextInput(attrs={"type": "color"}),
            "accent_colour": forms.TextInput(attrs={"type": "color"}),
            "text_on_brand_colour": forms.TextInput(attrs={"type": "color"}),
        }

    def clean_logo(self):
        return self._cleaned_upload("logo", cleaned_logo)

    def clean_favicon(self):
        return self._cleaned_upload("favicon", cleaned_favicon)

    def _cleaned_upload(self, field: str, clean):
        value = self.cleaned_data.get(field)
        if not isinstance(value, UploadedFile):
            return value  # unchanged, or cleared
        if value.size and value.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 20 MB."))
        try:
            return clean(value.read(), name=value.name or "")
        except LogoRejected as error:
            raise forms.ValidationError(str(error)) from None
