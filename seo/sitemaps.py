"""The sitemap of a clinic in a fixed number of queries, whatever its page types.

Wagtail's ``Sitemap.items()`` loads the pages with ``.specific()``: one more query per page
type (eleven for a clinic), and its ``.public()`` one more for the view restrictions. No clinic
page type changes ``get_sitemap_urls``, which reads only base-page fields, so the pages come as
deferred specific objects (no query per type), and restricted sections are left out with the
site's outline (``core.visibility``).

Wire it in place of Wagtail's default::

    path("sitemap.xml", sitemap, {"sitemaps": {"pages": ClinicSitemap}}, name="sitemap")
"""

from __future__ import annotations

from wagtail.contrib.sitemaps import Sitemap

from clinic_pages.core.visibility import public_pages


class ClinicSitemap(Sitemap):
    def items(self):
        pages = self.get_wagtail_site().root_page.get_descendants(inclusive=True).live()
        return public_pages(pages, self.request).order_by("path").specific(defer=True)
