import factory

from turnout.content.models import Page


class PageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Page

    slug = factory.Sequence(lambda n: f"page-{n}")
    language = "en"
    status = Page.Status.PUBLISHED
    source = factory.LazyAttribute(lambda p: f"---\ntitle: Page {p.slug}\n---\n\nSome words.\n")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        page = model_class(*args, **kwargs)
        page.take_front_matter()
        page.save()
        return page
