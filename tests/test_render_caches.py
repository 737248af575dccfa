"""The rows a render reads are kept per site generation: each change shows on the next render.

With the whole-page cache off (as for a visitor whose page it does not hold), a render reads the
Site, the routed page and its surroundings, a treatment's linked pages and rows and the home
page's listings from the shared cache (``core.generation.cached_for_live_page``,
``home.sites``, ``core.routing``). Each test warms those entries, changes one thing the way an
editor or a network admin would, and checks the very next render.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from clinic_pages.core import outline
from tests import factories


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.CLINIC_PAGES_PAGE_CACHE_TIMEOUT = 0


@pytest.fixture
def treatment(clinic):
    condition = factories.ConditionPageFactory(parent=clinic.conditions, title="Migraine")
    page = factories.TreatmentPageFactory(
        parent=clinic.treatments,
        slug="ketamine",
        title="Ketamine infusion",
        references=[factories.ReferenceFactory(title="Original study title")],
    )
    page.condition_links.create(condition=condition)
    page.save_revision().publish()
    return page


def text(response) -> str:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


def queries(clinic, client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert clinic.get(client, path).status_code == 200
    return len(captured.captured_queries)


def test_a_second_render_reads_its_rows_from_the_cache(clinic, client, treatment):
    path = clinic.url(treatment)
    first = queries(clinic, client, path)
    assert queries(clinic, client, path) <= 2 < first
    first = queries(clinic, client, "/")
    assert queries(clinic, client, "/") == 0 < first


def test_a_renamed_linked_condition_shows_on_the_next_render(clinic, client, treatment):
    assert "Migraine" in text(clinic.get(client, treatment))
    condition = treatment.condition_links.get().condition
    condition.title = "Chronic migraine"
    condition.save_revision().publish()
    assert "Chronic migraine" in text(clinic.get(client, treatment))


def test_a_reference_edit_shows_on_the_next_render(clinic, client, treatment):
    assert "Original study title" in text(clinic.get(client, treatment))
    reference = treatment.reference_links.get().reference
    reference.title = "Corrected study title"
    reference.save()
    assert "Corrected study title" in text(clinic.get(client, treatment))


def test_a_new_slug_moves_the_page_at_once(clinic, client, treatment):
    assert clinic.get(client, "/treatments/ketamine/").status_code == 200
    treatment.slug = "ketamine-infusion"
    treatment.save_revision().publish()
    assert clinic.get(client, "/treatments/ketamine/").status_code == 404
    assert clinic.get(client, "/treatments/ketamine-infusion/").status_code == 200


def test_a_new_treatment_shows_in_the_home_pages_listing(clinic, client, treatment):
    assert "Ketamine infusion" in text(clinic.get(client, "/"))
    factories.TreatmentPageFactory(parent=clinic.treatments, title="Nerve blocks")
    assert "Nerve blocks" in text(clinic.get(client, "/"))


def test_a_made_up_url_is_looked_up_each_time_and_kept_nowhere(
    clinic, client, treatment, monkeypatch
):
    calls = []
    real = outline.surroundings
    monkeypatch.setattr(
        "clinic_pages.core.routing.surroundings", lambda *a, **k: calls.append(1) or real(*a, **k)
    )
    for _ in range(2):
        assert clinic.get(client, "/treatments/no-such-page/").status_code == 404
    assert len(calls) == 2
    for _ in range(2):
        clinic.get(client, "/treatments/ketamine/")
    assert len(calls) == 3


def test_a_moved_hostname_takes_the_clinic_with_it(make_clinic, client):
    make_clinic("alpha")
    beta = make_clinic("beta")
    beta.settings.practice_name = "Beta Spine"
    beta.settings.save()
    assert "Beta Spine" in text(client.get("/", HTTP_HOST="beta.localhost"))
    beta.site.hostname = "beta-spine.localhost"
    beta.site.save()
    # The old name now falls back to the default Site (alpha), as Wagtail's lookup does.
    assert "Beta Spine" not in text(client.get("/", HTTP_HOST="beta.localhost"))
    assert "Beta Spine" in text(client.get("/", HTTP_HOST="beta-spine.localhost"))


def test_a_new_site_is_found_for_a_host_that_fell_back_before(make_clinic, client):
    alpha = make_clinic("alpha")
    other = factories.HomePageFactory(parent=alpha.home.get_parent(), title="Gamma home")
    assert "Gamma home" not in text(client.get("/", HTTP_HOST="gamma.localhost"))
    Site.objects.create(hostname="gamma.localhost", port=80, root_page=other)
    assert "Gamma home" in text(client.get("/", HTTP_HOST="gamma.localhost"))


def test_a_settings_change_shows_on_the_next_render(clinic, client, treatment):
    clinic.get(client, treatment)
    clinic.settings.phone = "(312) 555-0142"
    clinic.settings.save()
    assert "(312) 555-0142" in text(clinic.get(client, treatment))


def test_a_preview_shows_its_draft_and_leaves_the_live_rows_alone(clinic, client, treatment):
    clinic.get(client, treatment)
    condition = factories.ConditionPageFactory(parent=clinic.conditions, title="Fibromyalgia")
    draft = treatment.get_latest_revision_as_object()
    draft.condition_links.add(draft.condition_links.model(condition=condition))
    draft.title = "Ketamine infusion (draft)"
    draft.save_revision()
    preview = draft.make_preview_request()
    assert "Fibromyalgia" in text(preview)
    live = text(clinic.get(client, treatment))
    assert "Fibromyalgia" not in live and "(draft)" not in live


def test_a_new_site_on_another_port_of_a_known_host_is_found(make_clinic, client):
    alpha = make_clinic("alpha")
    other = factories.HomePageFactory(parent=alpha.home.get_parent(), title="Staging home")
    assert "Staging home" not in text(
        client.get("/", HTTP_HOST="alpha.localhost:8080", SERVER_PORT="8080")
    )
    Site.objects.create(hostname="alpha.localhost", port=8080, root_page=other)
    assert "Staging home" in text(
        client.get("/", HTTP_HOST="alpha.localhost:8080", SERVER_PORT="8080")
    )


def test_with_the_render_cache_off_every_render_reads_the_database(
    clinic, client, treatment, settings
):
    settings.CLINIC_PAGES_RENDER_CACHE = False
    path = clinic.url(treatment)
    first = queries(clinic, client, path)
    assert queries(clinic, client, path) == first > 2
