"""The header's menu and the phone's call bar, as the server renders them (issue 12, "Phone
first"); tests/browser/test_header.py checks how they look and behave in a browser."""

from __future__ import annotations

from wagtail.models import Page

from tests import factories
from tests.test_rendering import soup_of, text_of


def _in_menus(*pages: Page) -> None:
    Page.objects.filter(pk__in=[page.pk for page in pages]).update(show_in_menus=True)


def test_menu_is_a_disclosure_holding_the_search_phone_and_sections(clinic, client):
    _in_menus(clinic.treatments, clinic.faq)
    soup = soup_of(clinic.get(client, "/"))

    menu = soup.find("header").find("details", class_="site-menu")
    assert text_of(menu.find("summary")) == "Menu"
    nav = menu.find("nav", attrs={"aria-label": "Main"})
    assert [text_of(a) for a in nav.find_all("a")] == [clinic.treatments.title, clinic.faq.title]
    assert menu.find("form", role="search") is not None
    assert menu.find("a", class_="header-phone")["href"] == "tel:+13125550100"
    # Enhanced by one external script; nothing inline (CSP allows no inline script).
    (script,) = soup.find_all("script", src=True)
    assert script["src"].endswith("clinic_pages/js/menu.js") and script.has_attr("defer")


def test_booking_page_comes_last_in_the_menu_as_a_button(clinic, client):
    offices = factories.FAQPageFactory(parent=clinic.home, title="Our offices", slug="offices")
    _in_menus(clinic.treatments, clinic.appointment, offices)  # the offices come after it
    nav = soup_of(clinic.get(client, "/")).find("nav", attrs={"aria-label": "Main"})

    links = nav.find_all("a")
    assert [text_of(a) for a in links] == [
        clinic.treatments.title,
        "Our offices",
        clinic.appointment.title,
    ]
    assert links[-1]["class"] == ["button"] and links[-1]["href"] == "/appointments/"
    assert not any("button" in a.get("class", []) for a in links[:-1])


def test_call_bar_calls_the_clinic_and_books_with_the_page_preselected(clinic, client):
    treatment = factories.TreatmentPageFactory(parent=clinic.treatments)
    bar = soup_of(clinic.get(client, treatment)).find("nav", attrs={"aria-label": "Call or book"})

    call, book = bar.find_all("a")
    assert call["href"] == "tel:+13125550100"
    assert text_of(call) == "Call (312) 555-0100"
    assert book["href"] == f"/appointments/?treatment={treatment.pk}#booking-form"
    assert text_of(book) == "Book an appointment"


def test_call_bar_is_left_out_where_it_has_nothing_to_offer(clinic, client):
    assert soup_of(clinic.get(client, clinic.appointment)).find(class_="call-bar") is None

    clinic.settings.phone = ""
    clinic.settings.appointment_page = None
    clinic.settings.save()
    assert soup_of(clinic.get(client, "/")).find(class_="call-bar") is None
