"""One page per office: an "Our offices" page and, below it, a sub-page for each office.

The offices are the clinic's ``Location`` snippets (their address, hours, closures, parking and
transit are edited there, with revisions and a preview), so the office pages are routes of one
page rather than pages editors would have to create and keep in step with each office: a new
office has its page at once, a renamed one keeps its address (its slug), and a deleted one is
gone. Location cards on every page link here through the site outline (``core.outline``).
"""

from __future__ import annotations

import datetime

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page, Site

from clinic_pages.appointments.local_time import zone_label
from clinic_pages.clinics.models import Location
from clinic_pages.clinics.pages import ClinicPage
from clinic_pages.core.blocks import LIMITED_RICH_TEXT
from clinic_pages.core.child_rows import with_children
from clinic_pages.core.generation import cached_for_site
from clinic_pages.core.images import PORTRAIT_CARD, ImageSpecs, cards, load_image_fields
from clinic_pages.core.visibility import public_pages
from clinic_pages.physicians.models import PhysicianPage

# The office's uploaded map tile, as office_page.html renders it (core.images style).
MAP_IMAGE = "max-{640x480,1280x960}|format-{avif,webp,jpeg}"


class OfficeIndexPage(RoutablePageMixin, ClinicPage):
    """Lists the clinic's offices; ``<office slug>/`` below it is that office's page."""

    template = "clinic_pages/home/office_index_page.html"
    office_template = "clinic_pages/home/office_page.html"
    is_offices_index = True  # location cards link through it (core.outline)

    intro = RichTextField(
        features=LIMITED_RICH_TEXT,
        blank=True,
        help_text=_("A short introduction, e.g. how to choose an office."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["clinic_pages_home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("offices page")

    def offices(self, request) -> list[Location]:
        """The clinic's offices with their opening hours and closures: one query, kept under
        the site's content generation (an office save bumps it), once per request."""
        if "_offices" not in self.__dict__:
            site = Site.find_for_request(request) or self.get_site()

            def load() -> list[Location]:
                return with_children(Location.objects.filter(site=site), "hours", "closures")

            self._offices = cached_for_site(site.pk, "office-pages", load, request) if site else []
        return self._offices

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.setdefault("locations", self.offices(request))
        return context

    @path("", name="index")
    def index_view(self, request):
        return self.render(request)

    @path("<slug:office_slug>/", name="office")
    def office_view(self, request, office_slug: str):
        offices = self.offices(request)
        office = next((o for o in offices if o.slug == office_slug), None)
        if office is None:
            raise Http404("No such office.")
        load_image_fields(office, "map_image")
        # Only this clinic's pages (its home's subtree), whatever links the office.
        clinic_tree = self.path[: -self.steplen]
        physicians = public_pages(
            PhysicianPage.objects.live()
            .filter(locations=office, path__startswith=clinic_tree)
            .select_related("photo"),
            request,
        ).order_by("family_name", "given_name")
        url = self.get_url(request) + office.slug + "/"
        return self.render(
            request,
            template=self.office_template,
            context_overrides={
                "office": office,
                "sub_page_title": office.translated_name,  # the sharing title (seo's social_meta)
                "locations": offices,
                "office_physicians": list(physicians),
                "closures": office.upcoming_closures(),
                "zone": zone_label(office.time_zone),
                "office_url": url,
                "office_full_url": self.get_full_url(request) + office.slug + "/",
                "map_alt": _("Map of the area around %(address)s")
                % {"address": office.one_line_address},
            },
        )

    def content_expires_at(self) -> datetime.datetime | None:
        """Upcoming closures drop off the page when they end: the page cache keeps it no
        longer than the next end (core.page_cache)."""
        request = getattr(self, "_serving_request", None)
        if request is None:
            return None
        ends = [
            closure.ends_at
            for office in self.offices(request)
            for closure in office.closures.all()
            if closure.ends_at > timezone.now()
        ]
        return min(ends, default=None)

    def serve(self, request, *args, **kwargs):
        self._serving_request = request
        return super().serve(request, *args, **kwargs)

    def get_sitemap_urls(self, request=None):
        """The offices page and each office's page."""
        urls = super().get_sitemap_urls(request)
        if not urls:
            return urls
        base = urls[0]["location"]
        site = self.get_site()
        slugs = Location.objects.filter(site=site).exclude(slug="").values_list("slug", flat=True)
        return [*urls, *({**urls[0], "location": f"{base}{slug}/"} for slug in slugs)]

    def rendered_images(self, context) -> ImageSpecs:
        office = context.get("office")
        map_image = [(office.map_image, MAP_IMAGE)] if office is not None else []
        portraits = cards(context.get("office_physicians", []), "photo", PORTRAIT_CARD)
        return [*super().rendered_images(context), *map_image, *portraits]
