"""Florida Medical's Spanish pages in Chromium: in Spanish, and clean for axe at both sizes.

The desktop axe run over every page of the sitemap covers them too; here each is also checked at
phone size, and for what axe cannot see: that the page says it is Spanish (WCAG 3.1.1).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import DESKTOP, PHONE, axe_failures

SLUG = "florida-medical"
SPANISH_PATHS = [
    "/es/",
    "/es/treatments/terapia-de-infusion-de-ketamina/",
    "/es/faq/",
    "/es/physicians/dr-sam-calloway/",
    "/es/appointments/",
]
# Not pages of the tree, and in Spanish too: the search and the not-found page, with their status.
SPANISH_ROUTES = {"/es/search/?q=ketamina": 200, "/es/no-existe/": 404}


def _spanish_paths(demo_facts) -> list[str]:
    listed = [path for path in demo_facts[SLUG].page_types if path.startswith("/es/")]
    assert set(SPANISH_PATHS) <= set(listed), listed
    return listed


@pytest.mark.browser
@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_spanish_pages_pass_axe_and_say_they_are_spanish(new_context, clinic_url, demo_facts, size):
    page = new_context(**(PHONE if size == "phone" else DESKTOP)).new_page()
    failures = []
    paths = {**dict.fromkeys(_spanish_paths(demo_facts), 200), **SPANISH_ROUTES}
    for path, status in paths.items():
        response = page.goto(clinic_url(SLUG, path))
        assert response is not None and response.status == status, path
        assert page.locator("html").get_attribute("lang") == "es", path
        expect(page.get_by_role("link", name="Saltar al contenido principal")).to_be_attached()
        report = axe_failures(page, f"{SLUG} {path} at {size}")
        if report:
            failures.append(report)
    assert not failures, f"axe violations on {len(failures)} of {len(paths)} pages:\n\n" + (
        "\n\n".join(failures)
    )
