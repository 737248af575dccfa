"""A treatment's condition chooser links to adding a condition in the clinic being edited.

Conditions are pages, and Wagtail's page chooser cannot make pages; the panel under it links to
Wagtail's "add page" form under the clinic's own conditions index instead.
"""

from __future__ import annotations

from django.test import RequestFactory
from django.urls import reverse

from clinic_pages.clinics.chooser_panels import PageChooserWithAddPanel
from clinic_pages.conditions.models import ConditionIndexPage
from clinic_pages.treatments.models import TreatmentCondition


def _render(page, user) -> str:
    panel = PageChooserWithAddPanel("condition").bind_to_model(TreatmentCondition)
    link = TreatmentCondition(page=page.specific)
    form = panel.get_form_class()(instance=link, for_user=user)
    request = RequestFactory().get("/admin/")
    request.user = user
    return panel.get_bound_panel(instance=link, form=form, request=request).render_html()


def _add_url(clinic) -> str:
    index = ConditionIndexPage.objects.descendant_of(clinic.home).get()
    return reverse(
        "wagtailadmin_pages:add", args=["clinic_pages_conditions", "conditionpage", index.pk]
    )


def test_the_editor_gets_a_link_to_add_a_condition_in_their_clinic(w):
    html = _render(w.a.treatment, w.a.users["editor"])
    assert f'href="{_add_url(w.a)}"' in html
    assert "Add a new condition page" in html and "opens in a new tab" in html


def test_no_link_into_a_clinic_the_user_cannot_add_to(w):
    assert "Add a new condition page" not in _render(w.a.treatment, w.b.users["editor"])
    assert "Add a new condition page" not in _render(w.a.treatment, w.a.users["front_desk"])
