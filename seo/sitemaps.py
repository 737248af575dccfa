"""The sitemap of a clinic in a fixed number of queries, whatever its page types.

Wagtail's ``Sitemap.items()`` loads the pages with ``.specific()``: one more query per page
type (eleven for a clinic), and its ``.public()`` one more for the view restrictions. No clinic
page type changes ``get_sitemap_urls``, which reads only base-page fields, so the pages come as
deferred specific objects (no query per type), and restricted sections are left out with the
site's outline (``core.visibility``).

A clinic that publishes in several languages lists each language's pages (its home page's
translations are the roots of the other trees, ``clinics.languages``); a tree in a language the
clinic does not publish in is not served, so it is not listed.

Wire it in place of Wagtail's default::

    path("sitemap.xml", sitemap, {"sitemaps": {"pages": ClinicSitemap}}, name="sitemap")
"""

from __future__ import annotations

from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from clinic_pages.core.visibility import public_pages
from clinic_pages.seo.languages import tree_roots


class ClinicSitemap(Sitemap):
    def items(self):
        site = self.get_wagtail_site()
        roots = tree_roots(site, self.request).values() or [site.root_page.url_path]
        in_trees = reduce(or_, (Q(url_path__startswith=root) for root in roots))
        pages = Page.objects.filter(in_trees).live()
        return public_pages(pages, self.request).order_by("path").specific(defer=True)
