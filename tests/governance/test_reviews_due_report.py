"""The 'Reviews due' report and the dashboard panel: each clinic sees its own pages only."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from wagtail.models import Page

from clinic_pages.governance.reviews import due_reviews, overdue_reviews
from tests.isolation.responses import assert_nothing_of, assert_refused, assert_works, body, fetch
from tests.isolation.two_clinics import ROLES, today


def _set_due(page, due, reviewed=None):
    """Stamp the live page directly: publishing would cancel the review workflow in progress."""
    model = page.specific_class
    model.objects.filter(pk=page.pk).update(next_review_due=due, last_reviewed=reviewed)
    return model.objects.get(pk=page.pk)


@pytest.fixture
def overdue(w):
    """Clinic A's treatment and clinic B's condition are past their review date; the rest of
    the medical pages of both clinics were reviewed recently and are due next year."""
    year = datetime.timedelta(days=365)
    for clinic in (w.a, w.b):
        for page in (clinic.treatment, clinic.condition, clinic.sections["faq"]):
            _set_due(page, today() + year, today())
    yesterday = today() - datetime.timedelta(days=1)
    return {
        "a": _set_due(w.a.treatment, yesterday, today() - year),
        "b": _set_due(w.b.condition, yesterday, today() - year),
    }


@pytest.mark.parametrize("role", ROLES)
def test_report_lists_the_clinics_overdue_page_and_never_the_other_clinics(
    w, client_for, overdue, role
):
    response = fetch(client_for(w.a.users[role]), reverse("governance_reviews_due"))
    assert_works(response)
    content = body(response)
    assert overdue["a"].title in content
    assert "overdue" in content
    assert overdue["b"].title not in content
    assert_nothing_of(w.b, response)


def test_report_results_and_export_are_scoped_too(w, client_for, overdue):
    client = client_for(w.a.users["editor"])
    for url in (
        reverse("governance_reviews_due_results"),
        reverse("governance_reviews_due") + "?export=csv",
    ):
        response = fetch(client, url)
        assert_works(response)
        assert overdue["a"].title in body(response)
        assert overdue["b"].title not in body(response)


def test_superuser_sees_both_clinics(w, client_for, overdue):
    content = body(fetch(client_for(w.superuser), reverse("governance_reviews_due")))
    assert overdue["a"].title in content
    assert overdue["b"].title in content


def test_due_soon_and_never_reviewed_pages_are_listed_reviewed_ones_are_not(w, overdue):
    soon = _set_due(w.a.condition, today() + datetime.timedelta(days=10), today())
    never = _set_due(w.a.sections["faq"], None)
    items = {item.page.pk: item.state for item in due_reviews([w.a.site])}
    assert items == {overdue["a"].pk: "overdue", soon.pk: "due soon", never.pk: "never reviewed"}
    assert [item.page.pk for item in overdue_reviews([w.a.site])] == [never.pk, overdue["a"].pk]


def test_draft_pages_are_not_listed(w, overdue):
    page = Page.objects.get(pk=w.a.treatment.pk)
    page.unpublish()
    assert [item.page.pk for item in due_reviews([w.a.site])] == []


def test_a_user_of_no_clinic_cannot_open_the_report(w, client_for):
    assert_refused(fetch(client_for(w.librarian), reverse("governance_reviews_due")))


@pytest.mark.parametrize("role", ROLES)
def test_dashboard_panel_counts_only_the_own_clinic(w, client_for, overdue, role):
    response = fetch(client_for(w.a.users[role]), reverse("wagtailadmin_home"))
    assert_works(response)
    content = body(response)
    if role == "front_desk":  # who works on no page has the front desk's panel instead
        assert "Your clinics" not in content
        assert "Front desk" in content
    else:
        assert "Your clinics" in content
    assert w.a.site.site_name in content
    assert w.b.site.site_name not in content
    assert_nothing_of(w.b, response)


def test_dashboard_panel_counts(w, overdue):
    from clinic_pages.governance.dashboard import clinic_summaries

    [summary] = clinic_summaries(w.a.users["reviewer"])
    assert summary.site == w.a.site
    assert summary.reviews_due == 1
    # The condition page of each clinic awaits review (see two_clinics).
    assert summary.awaiting_review == 1


def test_dashboard_has_no_panel_for_a_user_of_no_clinic(w, client_for):
    response = fetch(client_for(w.librarian), reverse("wagtailadmin_home"))
    assert_works(response)
    assert "Your clinics" not in body(response)
