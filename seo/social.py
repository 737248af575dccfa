"""OpenGraph and Twitter sharing metadata, from the same fields as the page's listing card."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest
from wagtail.models import Page, Site

from clinic_pages.articles.models import ArticlePage
from clinic_pages.clinics.models import ClinicSettings
from clinic_pages.core.images import SHARE, share_image_of

from .jsonld.base import page_description


@dataclass(frozen=True)
class ShareImage:
    url: str
    width: int
    height: int
    alt: str


@dataclass(frozen=True)
class SocialMeta:
    title: str
    description: str
    url: str
    type: str
    site_name: str
    image: ShareImage | None
    published_time: str = ""

    @property
    def twitter_card(self) -> str:
        return "summary_large_image" if self.image else "summary"


def share_image(page: Page, request: HttpRequest | None) -> ShareImage | None:
    image = share_image_of(page)
    if image is None:
        return None
    rendition = image.get_rendition(SHARE)
    url = rendition.url
    if request is not None and not url.startswith(("http://", "https://")):
        url = request.build_absolute_uri(url)
    # The editor's alt text only: Wagtail's default falls back to the title, often a file name.
    return ShareImage(url, rendition.width, rendition.height, image.description or "")


def social_meta(page: Page, request: HttpRequest | None) -> SocialMeta:
    site = Site.find_for_request(request) if request is not None else page.get_site()
    settings = ClinicSettings.for_request(request) if request else ClinicSettings.for_site(site)
    is_article = isinstance(page, ArticlePage)
    return SocialMeta(
        title=page.seo_title or page.title,
        description=page_description(page),
        url=page.get_full_url(request) or "",
        type="article" if is_article else "website",
        site_name=settings.practice_name,
        image=share_image(page, request),
        published_time=page.date.isoformat() if is_article else "",
    )
