"""Content pages (values, proposal, code of conduct, ...) in markdown, and their revisions."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.db import models
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import gettext_lazy as _

from turnout.web.text import SingleLineCharField

from .frontmatter import FrontMatterError, parse_front_matter

# First path segments that belong to other parts of the site (today or soon); a page may not
# take them, or it would hide them or be hidden by them.
RESERVED_SLUGS = frozenset(
    {
        "accounts", "admin", "api", "archive", "campaigns", "consent", "embeds", "events",
        "feeds", "groups", "i18n", "login", "logout", "map", "media", "organize", "pages",
        "photos", "press", "privacy-requests", "search", "signup", "signups", "sign-in",
        "static", "translations", "widget", "widgets",
    }
)  # fmt: skip


def validate_page_slug(value: str) -> None:
    """Refuse slugs that other routes use, so /<lang>/<slug>/ never shadows them."""
    validate_slug(value)
    if value.lower() in RESERVED_SLUGS:
        raise ValidationError(
            _("“%(slug)s” is used by another part of the site; choose another address."),
            params={"slug": value},
            code="reserved",
        )
    try:
        match = resolve(f"/{settings.LANGUAGE_CODE}/{value}/")
    except Resolver404:
        return
    if match.view_name != "content:page_detail":
        raise ValidationError(
            _("“%(slug)s” is used by another part of the site; choose another address."),
            params={"slug": value},
            code="reserved",
        )


class Page(models.Model):
    """A markdown page with front matter, served at /<lang>/<slug>/ in every language."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    slug = models.SlugField(
        _("address"),
        max_length=100,
        unique=True,
        validators=[validate_page_slug],
        help_text=_("The page is at /en/<address>/, for example code-of-conduct."),
    )
    language = models.CharField(
        _("written in"),
        max_length=10,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language the page is written in; others are translated from it."),
    )
    source = models.TextField(
        _("markdown"),
        help_text=_(
            "Front matter first (title, description, date, image between --- lines), then "
            "markdown. “## Heading {#anchor}” fixes a heading's anchor; a post's URL alone on a "
            "line shows the post behind a consent gate."
        ),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    # Taken from the front matter on every save, for lists, titles and search.
    title = SingleLineCharField(_("title"), max_length=300, editable=False)
    description = models.TextField(_("description"), blank=True, editable=False)
    date = models.DateField(_("date"), null=True, blank=True, editable=False)
    image = models.CharField(_("image"), max_length=500, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.title or self.slug

    def clean(self) -> None:
        if self.language not in dict(settings.LANGUAGES):
            raise ValidationError({"language": _("Choose one of the site's languages.")})
        try:
            front_matter, _body = parse_front_matter(self.source)
        except FrontMatterError as error:
            raise ValidationError(
                {"source": _("The front matter is not valid: %(error)s") % {"error": error}}
            ) from error
        if not front_matter.title:
            raise ValidationError(
                {"source": _("Give the page a title in its front matter, e.g. “title: Values”.")}
            )

    def take_front_matter(self) -> None:
        """Copy title, description, date and image from the front matter onto the row."""
        front_matter, _body = parse_front_matter(self.source)
        self.title = front_matter.title[:300]
        self.description = front_matter.description
        self.date = front_matter.date
        self.image = front_matter.image[:500]

    def get_absolute_url(self) -> str:
        return reverse("content:page_detail", kwargs={"slug": self.slug})

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


class PageRevision(models.Model):
    """The page's markdown as it was after one save: who wrote it and when."""

    page = models.ForeignKey(
        Page, verbose_name=_("page"), related_name="revisions", on_delete=models.CASCADE
    )
    source = models.TextField(_("markdown"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = SingleLineCharField(_("note"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("saved"), db_index=True)

    class Meta:
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.page.slug} @ {self.created_at:%Y-%m-%d %H:%M}"
