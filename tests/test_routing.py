"""Routing by URL path (core.routing) serves what Wagtail's own routing serves, in fewer queries."""

from __future__ import annotations

from wagtail.models import PageViewRestriction

from tests import factories


def restrict(page) -> None:
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )


def test_unknown_slugs_at_any_level_are_not_found(clinic, client):
    factories.TreatmentPageFactory(parent=clinic.treatments, slug="ketamine")
    assert clinic.get(client, "/treatments/ketamine/").status_code == 200
    assert clinic.get(client, "/treatments/nothing/").status_code == 404
    assert clinic.get(client, "/nothing/ketamine/").status_code == 404
    assert clinic.get(client, "/treatments/ketamine/deeper/").status_code == 404


def test_a_page_is_found_only_under_its_own_clinic(make_clinic, client):
    alpha, beta = make_clinic("alpha"), make_clinic("beta")
    factories.TreatmentPageFactory(parent=alpha.treatments, slug="ketamine")
    assert alpha.get(client, "/treatments/ketamine/").status_code == 200
    assert beta.get(client, "/treatments/ketamine/").status_code == 404


def test_an_unpublished_section_still_routes_to_its_live_pages(clinic, client):
    """As in Wagtail: only the page asked for must be live."""
    factories.TreatmentPageFactory(parent=clinic.treatments, slug="ketamine")
    clinic.treatments.unpublish()
    assert clinic.get(client, "/treatments/").status_code == 404
    assert clinic.get(client, "/treatments/ketamine/").status_code == 200


def test_breadcrumbs_from_routing_are_the_pages_ancestors(clinic, client):
    page = factories.TreatmentPageFactory(parent=clinic.treatments, slug="ketamine")
    response = clinic.get(client, "/treatments/ketamine/")
    routed = response.context["page"]
    assert [crumb.pk for crumb in routed.breadcrumbs] == [clinic.home.pk, clinic.treatments.pk]
    assert [crumb.pk for crumb in page.breadcrumbs] == [clinic.home.pk, clinic.treatments.pk]


def test_a_restriction_on_the_page_or_above_it_asks_for_the_password(clinic, client):
    page = factories.TreatmentPageFactory(parent=clinic.treatments, slug="ketamine")
    restrict(page)
    assert b'name="password"' in clinic.get(client, "/treatments/ketamine/").content
    page.get_view_restrictions().delete()
    restrict(clinic.treatments)
    assert b'name="password"' in clinic.get(client, "/treatments/ketamine/").content
    restrict(clinic.home)
    assert b'name="password"' in clinic.get(client, "/").content


def test_an_alias_keeps_the_restriction_of_its_source(clinic, client):
    """Routing sees no restriction on the alias's own path; Wagtail's check finds the source's."""
    private = factories.TreatmentPageFactory(parent=clinic.treatments, slug="private")
    private.create_alias(parent=clinic.conditions, update_slug="alias")
    restrict(private)  # after the alias was made, so it carries no copy of its own
    response = clinic.get(client, "/conditions/alias/")
    assert b'name="password"' in response.content
