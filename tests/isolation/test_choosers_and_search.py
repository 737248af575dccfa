"""Choosers, form choices and admin search offer only the clinic's own content."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from wagtail.models import Page

from tests.isolation import payloads
from tests.isolation.responses import assert_nothing_of, assert_works, body, fetch
from tests.isolation.two_clinics import ROLES


def _options(html: str, name: str) -> list[str]:
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S)
    assert select, f"no <select name={name!r}>"
    return [label.strip() for label in re.findall(r"<option[^>]*>([^<]*)</option>", select[1])]


@pytest.mark.parametrize("role", ["editor", "reviewer"])
@pytest.mark.parametrize(
    "url_name",
    [
        "wagtailadmin_pages:search",
        "wagtailadmin_choose_page_search",
        "wagtailimages:index",
        "wagtailimages_chooser:choose",
        "wagtaildocs:index",
        "wagtaildocs_chooser:choose",
        "wagtailsnippets_clinic_pages_clinics_location:list",
        "wagtailsnippets_clinic_pages_faqs_question:list",
        "wagtailsnippetchoosers_clinic_pages_faqs_question:choose",
    ],
)
def test_searching_for_the_other_clinic_by_name_finds_nothing(w, client_for, role, url_name):
    response = fetch(client_for(w.a.users[role]), reverse(url_name) + "?q=Birchwood")
    assert_works(response)
    assert_nothing_of(w.b, response)


@pytest.mark.parametrize(
    "page_type", ["clinic_pages_treatments.treatmentpage", "clinic_pages_conditions.conditionpage"]
)
def test_page_chooser_for_a_page_type_starts_in_the_own_clinic(w, client_for, page_type):
    """With a page type, Wagtail starts at the types' common ancestor: the root of all clinics."""
    client = client_for(w.a.users["editor"])
    response = fetch(client, reverse("wagtailadmin_choose_page") + f"?page_type={page_type}")
    assert_works(response)
    assert w.a.home.title in body(response)
    assert_nothing_of(w.b, response)


def test_physician_account_offers_only_the_clinics_own_staff(w, client_for):
    client = client_for(w.a.users["editor"])
    response = client.get(reverse("wagtailadmin_pages:edit", args=[w.a.physician.pk]))
    options = _options(response.content.decode(), "account")
    assert set(options) - {"---------"} == {user.username for user in w.a.users.values()}


def test_physician_account_cannot_be_set_to_another_clinics_user(w, client_for):
    from clinic_pages.physicians.forms import PhysicianPageForm

    physician = w.a.physician.specific
    form_class = physician.get_edit_handler().get_form_class()
    assert issubclass(form_class, PhysicianPageForm)
    form = form_class(instance=physician, for_user=w.a.users["editor"])
    choices = form.fields["account"].queryset
    assert w.a.users["reviewer"] in choices
    assert w.b.users["reviewer"] not in choices
    assert w.superuser not in choices


@pytest.mark.parametrize("url_name", ["wagtailsnippets_clinic_pages_clinics_location:list"])
def test_snippet_site_filter_offers_only_the_own_clinic(w, client_for, url_name):
    response = client_for(w.a.users["editor"]).get(reverse(url_name))
    options = _options(response.content.decode(), "site")
    assert set(options) - {"---------"} == {w.a.site.site_name}


@pytest.mark.parametrize("role", ["editor", "reviewer"])
@pytest.mark.parametrize("url_name", ["wagtailimages:add", "wagtaildocs:add"])
def test_upload_forms_offer_no_other_clinic_collection(w, client_for, role, url_name):
    response = fetch(client_for(w.a.users[role]), reverse(url_name))
    assert_works(response)
    assert w.b.collection.name not in body(response)


@pytest.mark.parametrize("role", ROLES)
def test_admin_api_lists_only_own_media(w, client_for, role):
    for name in ("wagtailadmin_api:images:listing", "wagtailadmin_api:documents:listing"):
        response = fetch(client_for(w.a.users[role]), reverse(name))
        titles = {item["title"] for item in response.json()["items"]}
        assert titles <= {w.a.image.title, w.a.document.title}


# Choosers hide clinic B's objects, and the admin forms (core.forms) narrow every chooser field
# to the clinic, so a hand-made submission of clinic B's image or page by id is refused too.
def test_a_page_cannot_link_another_clinics_image_by_id(w, client_for):
    data = payloads.page_data(w.a.treatment, "Cross-linked")
    data["listing_image"] = w.b.image.pk
    client_for(w.a.users["editor"]).post(
        reverse("wagtailadmin_pages:edit", args=[w.a.treatment.pk]), data
    )
    revision = Page.objects.get(pk=w.a.treatment.pk).get_latest_revision()
    assert revision.content.get("listing_image") != w.b.image.pk


def test_settings_cannot_point_at_another_clinics_page_or_logo(w, client_for):
    data = payloads.settings_data(w.a.settings, practice_name=w.a.settings.practice_name)
    data.update(logo=w.b.image.pk, appointment_page=w.b.treatment.pk)
    client_for(w.a.users["editor"]).post(
        reverse(
            "wagtailsettings:edit", args=["clinic_pages_clinics", "clinicsettings", w.a.site.pk]
        ),
        data,
    )
    w.a.settings.refresh_from_db()
    assert w.a.settings.logo_id != w.b.image.pk
    assert w.a.settings.appointment_page_id != w.b.treatment.pk
