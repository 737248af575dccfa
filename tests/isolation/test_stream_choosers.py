"""Objects chosen inside StreamField blocks must belong to the clinic too: a body that points a
call to action at another clinic's page, or an FAQ block at its questions, is refused."""

from __future__ import annotations

from clinic_pages.clinics.forms import foreign_chosen_objects
from clinic_pages.treatments.models import TreatmentPage

BODY = TreatmentPage._meta.get_field("body").stream_block


def _body(cta_page, question):
    return BODY.to_python(
        [
            {"type": "call_to_action", "value": {"heading": "Book", "page": cta_page.pk}},
            {"type": "faq", "value": {"heading": "Questions", "questions": [question.pk]}},
        ]
    )


def test_the_clinics_own_choices_pass(w):
    body = _body(w.a.sections["appointments"], w.a.question)
    assert foreign_chosen_objects(BODY, body, w.a.site, w.a.users["editor"]) == []


def test_another_clinics_page_and_question_are_named(w):
    body = _body(w.b.treatment, w.b.question)
    found = foreign_chosen_objects(BODY, body, w.a.site, w.a.users["editor"])
    assert found == [w.b.treatment.title, w.b.question.question]


def test_the_shared_citation_library_is_allowed_everywhere(w):
    from clinic_pages.references.models import Reference

    reference = Reference.objects.create(title="Shared study", journal="Pain Medicine", year=2004)
    body = BODY.to_python(
        [
            {
                "type": "evidence",
                "value": {
                    "heading": "Evidence",
                    "findings": [{"finding": "A finding.", "references": [reference.pk]}],
                },
            }
        ]
    )
    assert foreign_chosen_objects(BODY, body, w.a.site, w.a.users["editor"]) == []


def _latest_revision_id(page) -> int:
    from wagtail.models import Page

    return Page.objects.get(pk=page.pk).latest_revision_id


def _post_body_with_cta_to(client, page, target):
    from django.urls import reverse
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    from tests.isolation import payloads

    data = payloads.treatment_page_data(page, "Linked across clinics?")
    body = nested_form_data(
        {
            "body": streamfield(
                [
                    (
                        "call_to_action",
                        {
                            "heading": "Book",
                            "text": "",
                            "button_label": "",
                            "page": target.pk,
                            "url": "",
                            "phone": "",
                        },
                    )
                ]
            )
        }
    )
    data = {key: value for key, value in data.items() if not key.startswith("body-")}
    data.update(body)
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def test_an_edit_linking_another_clinics_page_in_the_body_is_refused(w, client_for):
    page = w.a.treatment
    before = _latest_revision_id(page)
    response = _post_body_with_cta_to(client_for(w.a.users["editor"]), page, w.b.treatment)
    assert response.status_code == 200  # the form comes back with the error
    assert "belong to another clinic" in response.content.decode()
    assert _latest_revision_id(page) == before


def test_the_same_edit_linking_the_clinics_own_page_is_saved(w, client_for):
    page = w.a.treatment
    before = _latest_revision_id(page)
    response = _post_body_with_cta_to(
        client_for(w.a.users["editor"]), page, w.a.sections["appointments"]
    )
    assert response.status_code == 302
    assert _latest_revision_id(page) != before
