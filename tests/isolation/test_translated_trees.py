"""The permission matrix over the Spanish trees: each clinic's translations are its own.

A Spanish page is a translation of an English one: the Spanish home page sits beside the English
one below the tree root, where clinic groups hold nothing until the clinic's grants are copied to
it (``clinics.translations``). So every page endpoint of the matrix is asked again for clinic B's
Spanish treatment page (refused to each role of clinic A) and for clinic A's own (working with
the right), and a write to B's Spanish page leaves it unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

import pytest
from django.db import transaction
from wagtail.models import GroupPagePermission, WorkflowPage

from tests.i18n.translating import translate
from tests.isolation.endpoints import RIGHTS, _page_endpoints
from tests.isolation.responses import (
    assert_nothing_of,
    assert_refused,
    assert_works,
    body,
    fetch,
    is_refused,
)
from tests.isolation.two_clinics import ROLES, ClinicWorld, World

ENDPOINTS = _page_endpoints("treatment")
SINGLE = [e for e in ENDPOINTS if not e.listing]
LISTINGS = [e for e in ENDPOINTS if e.listing]


@dataclass
class SpanishClinicWorld(ClinicWorld):
    """The clinic with its Spanish treatment page and Spanish sections in place of the English."""

    spanish_sections: dict = field(default_factory=dict)

    @property
    def sections(self):
        return {**self.onboarded.sections, **self.spanish_sections}


def in_spanish(clinic: ClinicWorld) -> SpanishClinicWorld:
    home = translate(clinic.home, f"Bienvenidos a {clinic.name}")
    treatments = translate(clinic.sections["treatments"], "Tratamientos")
    treatment = translate(clinic.treatment, f"{clinic.name} infusión de ketamina")
    # A second, unpublished revision, as the English page has (compare, revert).
    treatment.summary = f"Borrador del resumen de {clinic.name}."
    treatment.save_revision()
    values = {f.name: getattr(clinic, f.name) for f in fields(clinic)}
    values["treatment"] = treatment
    return SpanishClinicWorld(**values, spanish_sections={"treatments": treatments, "home": home})


@pytest.fixture(scope="module")
def spanish_world(world, django_db_blocker) -> tuple[SpanishClinicWorld, SpanishClinicWorld]:
    """Both clinics' Spanish trees, made once for the module (some 150 tests) in a savepoint of
    the package's transaction (tests/isolation/conftest.py), rolled back after its last test."""
    built = world[0]
    with django_db_blocker.unblock():
        savepoint = transaction.atomic()
        savepoint.__enter__()
        try:
            yield in_spanish(built.a), in_spanish(built.b)
        finally:
            transaction.set_rollback(True)
            savepoint.__exit__(None, None, None)


@pytest.fixture
def es(spanish_world, w: World) -> tuple[SpanishClinicWorld, SpanishClinicWorld]:
    """The Spanish trees, inside this test's own (rolled back) transaction."""
    return spanish_world


def _params(endpoints):
    return [
        pytest.param(role, endpoint, id=f"{role}-{endpoint.id}")
        for endpoint in endpoints
        for role in ROLES
    ]


def test_translated_home_gets_its_own_clinics_grants_and_workflow(w, es):
    a, b = es
    for clinic in (a, b):
        spanish_home = clinic.spanish_sections["home"]
        english = set(
            GroupPagePermission.objects.filter(page=clinic.home).values_list(
                "group_id", "permission_id"
            )
        )
        spanish = set(
            GroupPagePermission.objects.filter(page=spanish_home).values_list(
                "group_id", "permission_id"
            )
        )
        assert spanish == english
        assert WorkflowPage.objects.get(page=spanish_home).workflow == clinic.workflow


@pytest.mark.parametrize(("role", "endpoint"), _params(SINGLE))
def test_other_clinics_spanish_page_is_refused(w, es, client_for, role, endpoint):
    a, b = es
    response = fetch(client_for(a.users[role]), endpoint.url(b))
    assert_refused(response)
    assert_nothing_of(b, response)


@pytest.mark.parametrize(("role", "endpoint"), _params(LISTINGS))
def test_other_clinics_spanish_pages_are_not_listed(w, es, client_for, role, endpoint):
    a, b = es
    response = fetch(client_for(a.users[role]), endpoint.url(b))
    assert response.status_code < 500
    assert_nothing_of(b, response, extra=[b.treatment.title])


@pytest.mark.parametrize(("role", "endpoint"), _params(ENDPOINTS))
def test_own_spanish_pages_work_with_the_right(w, es, client_for, role, endpoint):
    a, b = es
    response = fetch(client_for(a.users[role]), endpoint.url(a))
    allowed = endpoint.right in RIGHTS[role]
    if not endpoint.listing:
        if allowed:
            assert_works(response)
        else:
            assert_refused(response)
    elif allowed:
        assert_works(response)
    elif not is_refused(response):
        assert a.treatment.title not in body(response)
    assert_nothing_of(b, response)


@pytest.mark.parametrize("role", ROLES)
def test_editing_other_clinics_spanish_page_changes_nothing(w, es, client_for, role):
    a, b = es
    page = b.treatment
    before = (page.title, page.latest_revision_id)
    client = client_for(a.users[role])
    response = client.post(
        f"/admin/pages/{page.pk}/edit/", {"title": "Cambiado por otra clínica", "slug": page.slug}
    )
    assert is_refused(response) or response.status_code in (302, 403, 404)
    page.refresh_from_db()
    assert (page.title, page.latest_revision_id) == before


@pytest.mark.parametrize("role", ROLES)
def test_translating_other_clinics_page_is_refused(w, es, client_for, role):
    a, b = es
    response = fetch(client_for(a.users[role]), f"/admin/translation/submit/page/{b.condition.pk}/")
    assert_refused(response)
    assert_nothing_of(b, response)
