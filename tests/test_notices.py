"""The notices every footer links to, and the language taglines of the non-discrimination one."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from clinic_pages.home.models import NoticePage
from clinic_pages.home.notices import NoticeKind, language_taglines
from tests import factories


def notice(clinic, kind: NoticeKind, title: str, live: bool = True) -> NoticePage:
    page = NoticePage(title=title, kind=kind, body="<p>How we protect your information.</p>")
    clinic.home.add_child(instance=page)
    if live:
        page.save_revision().publish()
    else:
        page.unpublish()
    return page


def footer_links(response) -> dict[str, str]:
    html = BeautifulSoup(response.content, "html.parser")
    nav = html.find("footer").find("nav", attrs={"aria-label": "Notices"})
    return {a.get_text(strip=True): a["href"] for a in nav.find_all("a")} if nav else {}


@pytest.mark.parametrize("path", ["/", "/treatments/ketamine/", "/search/"])
def test_every_footer_links_the_published_notices(clinic, client, path):
    factories.TreatmentPageFactory(parent=clinic.treatments, slug="ketamine")
    notice(clinic, NoticeKind.PRIVACY, "Notice of Privacy Practices")
    notice(clinic, NoticeKind.ACCESSIBILITY, "Accessibility statement")
    notice(clinic, NoticeKind.OTHER, "Unfinished notice", live=False)
    links = footer_links(clinic.get(client, path))
    assert links == {
        "Notice of Privacy Practices": "/notice-of-privacy-practices/",
        "Accessibility statement": "/accessibility-statement/",
    }


def test_the_non_discrimination_notice_carries_taglines_with_their_language(clinic, client):
    page = notice(clinic, NoticeKind.NONDISCRIMINATION, "Non-discrimination notice")
    html = BeautifulSoup(clinic.get(client, page).content, "html.parser")
    items = html.select(".taglines li")
    assert len(items) == len(language_taglines()) >= 15
    spanish = html.select_one('.taglines li[lang="es"]')
    assert spanish.get_text(" ", strip=True).startswith("ATENCIÓN")
    assert spanish.a["href"] == clinic.settings.phone_href
    assert html.select_one('.taglines li[lang="ar"]')["dir"] == "rtl"


def test_other_notices_carry_no_taglines(clinic, client):
    page = notice(clinic, NoticeKind.PRIVACY, "Notice of Privacy Practices")
    html = BeautifulSoup(clinic.get(client, page).content, "html.parser")
    assert html.select(".taglines") == []
    assert "How we protect your information." in html.get_text()
