"""One representative page of each type on a clinic, by its URL path."""

from __future__ import annotations

from wagtail.models import Site

from clinic_pages.appointments.models import AppointmentPage
from clinic_pages.articles.models import ArticleIndexPage, ArticlePage
from clinic_pages.conditions.models import ConditionIndexPage, ConditionPage
from clinic_pages.faqs.models import FAQPage
from clinic_pages.home.models import HomePage
from clinic_pages.physicians.models import PhysicianIndexPage, PhysicianPage
from clinic_pages.treatments.models import TreatmentIndexPage, TreatmentPage

PAGE_TYPES = [
    ("home", HomePage),
    ("treatment index", TreatmentIndexPage),
    ("treatment", TreatmentPage),
    ("condition index", ConditionIndexPage),
    ("condition", ConditionPage),
    ("physician index", PhysicianIndexPage),
    ("physician", PhysicianPage),
    ("FAQ page", FAQPage),
    ("article index", ArticleIndexPage),
    ("article", ArticlePage),
    ("appointment", AppointmentPage),
]


def page_targets(slug: str) -> dict[str, str]:
    site = Site.objects.get(hostname=f"{slug}.localhost")
    root = site.root_page
    targets = {}
    for name, model in PAGE_TYPES:
        pages = model.objects.live().descendant_of(root, inclusive=True)
        if name == "treatment":
            pages = pages.filter(slug__contains="ketamine") or pages
        page = pages.first()
        if page is not None:
            targets[name] = page.relative_url(site)
    targets["search"] = "/search/?q=ketamine"
    targets["sitemap.xml"] = "/sitemap.xml"
    return targets
