"""A page ready to show: its front matter and its body rendered with anchors and contents."""

from dataclasses import dataclass

from .frontmatter import FrontMatter, FrontMatterError, parse_front_matter
from .markdown import RenderedDocument, is_own_site, render_document

TOC_MINIMUM = 3  # a contents list for two headings is noise


@dataclass
class PresentedPage:
    front_matter: FrontMatter
    document: RenderedDocument

    @property
    def shows_toc(self) -> bool:
        return len(self.document.toc) >= TOC_MINIMUM

    @property
    def image(self) -> str:
        """The front matter's image when it is on this site (others would load unasked)."""
        image = self.front_matter.image
        return image if image and is_own_site(image) else ""


def present_page(text: str) -> PresentedPage:
    """Front matter and rendered body of a page's markdown (in whatever language it is)."""
    try:
        front_matter, body = parse_front_matter(text)
    except FrontMatterError:
        front_matter, body = FrontMatter(), text  # saved pages are validated; be lenient here
    return PresentedPage(front_matter=front_matter, document=render_document(body))
