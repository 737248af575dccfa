"""Shared helpers for the visitor-experience browser tests: viewports, demo facts, axe, focus.

Facts about the demo clinics (titles, paths, page types) are read from the database once per
session, so the tests assert what the editors published instead of copies of the demo text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Locator, Page, expect

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}

# Pages that are not in the sitemap but that every visitor can reach.
SEARCH_PATH = "/search/?q=ketamine"
MISSING_PATH = "/no-such-page-for-the-browser-tests/"
SEARCH, NOT_FOUND, BOOKING_ERRORS = "search results", "404 page", "booking form with errors"
EXTRA_PAGE_TYPES = (SEARCH, NOT_FOUND, BOOKING_ERRORS)

SUBMIT_BOOKING = re.compile("^Request an appointment$")

# axe-core leaves target-size (WCAG 2.2 AA, 2.5.8) off by default; a WCAG 2.2 AA claim needs it.
AXE_OPTIONS = {"resultTypes": ["violations"], "rules": {"target-size": {"enabled": True}}}
_axe = Axe()


# ---------------------------------------------------------------------- demo facts


@dataclass
class PageFacts:
    title: str
    path: str
    pk: int


@dataclass
class ClinicFacts:
    """What one demo clinic publishes, as a visitor would find it on the clinic's own host."""

    slug: str
    hero_heading: str
    treatment: PageFacts  # the ketamine infusion page
    faq: PageFacts
    physician_index: PageFacts
    physician: PageFacts  # the first physician listed; title is the display name
    appointment: PageFacts
    # Every live page's path -> its page type (the model's class name), in tree order.
    page_types: dict[str, str] = field(default_factory=dict)

    def paths_of(self, page_type: str) -> list[str]:
        if page_type == SEARCH:
            return [SEARCH_PATH]
        if page_type == NOT_FOUND:
            return [MISSING_PATH]
        if page_type == BOOKING_ERRORS:
            return [self.appointment.path]
        return [path for path, kind in self.page_types.items() if kind == page_type]

    def representatives(self) -> dict[str, str]:
        """One path per page type, including the pages outside the sitemap."""
        found: dict[str, str] = {}
        for path, kind in self.page_types.items():
            found.setdefault(kind, path)
        for kind in EXTRA_PAGE_TYPES:
            found[kind] = self.paths_of(kind)[0]
        return found


def load_clinic_facts(slugs) -> dict[str, ClinicFacts]:
    """Read the demo clinics from the database (call with the DB unblocked)."""
    from wagtail.models import Site

    from clinic_pages.appointments.models import AppointmentPage
    from clinic_pages.faqs.models import FAQPage
    from clinic_pages.physicians.models import PhysicianIndexPage, PhysicianPage
    from clinic_pages.treatments.models import TreatmentPage

    facts = {}
    for slug in slugs:
        site = Site.objects.get(hostname=f"{slug}.localhost")
        home = site.root_page.specific

        def live(model, site=site):
            return model.objects.live().public().descendant_of(site.root_page)

        def page_facts(page, title=None, site=site):
            return PageFacts(title=title or page.title, path=page.relative_url(site), pk=page.pk)

        physician = live(PhysicianPage).order_by("path").first()
        facts[slug] = ClinicFacts(
            slug=slug,
            hero_heading=home.hero_heading,
            treatment=page_facts(live(TreatmentPage).get(slug="ketamine-infusion-therapy")),
            faq=page_facts(live(FAQPage).get()),
            physician_index=page_facts(live(PhysicianIndexPage).get()),
            physician=page_facts(physician, title=physician.display_name),
            appointment=page_facts(live(AppointmentPage).get()),
            # Every tree of the clinic: its home page's and each translation's (docs/i18n.md).
            page_types=_page_types(site),
        )
    return facts


# An office's own page: a route of the clinic's offices page, one per office (home.offices).
OFFICE_PAGE = "OfficePage"


def _page_types(site) -> dict[str, str]:
    """Every tree of the clinic (its home page's and each translation's, docs/i18n.md), with
    each office's page after its offices page, as the sitemap lists them."""
    from clinic_pages.clinics.models import Location
    from clinic_pages.home.offices import OfficeIndexPage

    found = {}
    for root in site.root_page.get_translations(inclusive=True):
        for page in root.get_descendants(inclusive=True).live().public().specific():
            path = page.relative_url(site)
            found[path] = type(page).__name__
            if isinstance(page, OfficeIndexPage):
                for slug in (
                    Location.objects.filter(site=site)
                    .exclude(slug="")
                    .values_list("slug", flat=True)
                ):
                    found[f"{path}{slug}/"] = OFFICE_PAGE
    return found


# ---------------------------------------------------------------------- navigation


def activate(locator: Locator, touch: bool) -> None:
    """Tap on a touch screen, click elsewhere: the way a visitor on that device follows a link."""
    if touch:
        locator.tap()
    else:
        locator.click()


def open_menu(page: Page, touch: bool) -> None:
    """Open the header's menu where it is folded behind its button (phones), as a visitor would."""
    toggle = page.locator("summary.site-menu__toggle")
    if toggle.is_visible() and not page.locator("details.site-menu[open]").count():
        activate(toggle, touch)


def sitemap_paths(page: Page, clinic_url, slug: str) -> list[str]:
    """The paths a clinic's sitemap.xml lists.

    Playwright's request client resolves names itself, without Chromium's host-resolver rule for
    *.localhost, so it asks the loopback address and names the clinic in the Host header.
    """
    host = urlsplit(clinic_url(slug)).netloc
    response = page.request.get(
        f"http://127.0.0.1:{host.rsplit(':', 1)[1]}/sitemap.xml", headers={"Host": host}
    )
    assert response.ok, f"{slug}: sitemap.xml answered {response.status}"
    return [urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", response.text())]


def submit_empty_booking_form(page: Page) -> None:
    """Send the booking form untouched and wait for the error summary (needs relaxed guards)."""
    page.get_by_role("button", name=SUBMIT_BOOKING).click()
    expect(page.locator("#error-summary")).to_be_visible()


def open_page_type(page: Page, clinic_url, facts: ClinicFacts, page_type: str, path: str) -> None:
    """Open one page and check it answered as that page type should before anything is measured."""
    response = page.goto(clinic_url(facts.slug, path))
    expected = 404 if page_type == NOT_FOUND else 200
    assert response is not None and response.status == expected, (
        f"{facts.slug} {path}: HTTP {response and response.status}, expected {expected}"
    )
    if page_type == BOOKING_ERRORS:
        submit_empty_booking_form(page)


# ---------------------------------------------------------------------- axe


def axe_failures(page: Page, label: str) -> str | None:
    """Run axe-core on the page; None when clean, else a report naming rules and targets."""
    results = _axe.run(page, options=AXE_OPTIONS)
    if not results.violations_count:
        return None
    return f"=== {label} ({page.url})\n{results.generate_report()}"


# ---------------------------------------------------------------------- keyboard and focus

_FOCUSED_JS = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return {
        tag: el.tagName.toLowerCase(),
        id: el.id,
        name: el.getAttribute("name") || "",
        type: el.getAttribute("type") || "",
        href: el.getAttribute("href") || "",
        text: (el.innerText || el.value || "").trim().slice(0, 60),
        outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
        outlineStyle: style.outlineStyle,
        outlineWidth: parseFloat(style.outlineWidth) || 0,
        boxShadow: style.boxShadow,
        // Card links draw their ring on the whole card (.card:focus-within), not on the link.
        cardOutline: el.closest(".card") ? getComputedStyle(el.closest(".card")).outlineStyle : "none",
        inMain: !!el.closest("#main-content"),
        inMainNav: !!el.closest("nav[aria-label='Main']"),
        inBookingForm: !!el.closest("form.booking-form"),
        onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0
            && box.top < innerHeight && box.left < innerWidth,
    };
}"""


def focused(page: Page) -> dict | None:
    """What has the keyboard focus, with the styles that make the focus visible."""
    return page.evaluate(_FOCUSED_JS)


def has_focus_indicator(element: dict) -> bool:
    outline = element["outlineStyle"] != "none" and element["outlineWidth"] > 0
    return outline or element["boxShadow"] != "none" or element["cardOutline"] != "none"


def describe(element: dict | None) -> str:
    if element is None:
        return "<body>"
    target = element["href"] or (f"#{element['id']}" if element["id"] else element["name"])
    return f"<{element['tag']}> {target} {element['text']!r}"


def tab_until(page: Page, wanted, limit: int = 40) -> dict:
    """Press Tab until `wanted(element)` holds; every stop on the way must show its focus."""
    visited = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        element = focused(page)
        visited.append(describe(element))
        assert element is not None, "Tab left the page: " + " → ".join(visited)
        assert has_focus_indicator(element), (
            f"no visible focus indicator on {describe(element)}: outline {element['outline']}, "
            f"box-shadow {element['boxShadow']}"
        )
        if wanted(element):
            return element
    raise AssertionError(f"not reached in {limit} Tabs: " + " → ".join(visited))
