"""FAQ answers are medical content: an editor's change is a draft until a reviewer publishes it,
and both can preview it first."""

from __future__ import annotations

from django.urls import reverse

from clinic_pages.faqs.models import Question
from tests.isolation import payloads


def _edit(client, question, text, *, publish=False):
    data = payloads.question_data(question, text=text)
    if publish:
        data["action-publish"] = "action-publish"
    return client.post(
        reverse("wagtailsnippets_clinic_pages_faqs_question:edit", args=[question.pk]), data
    )


def test_an_editors_change_is_a_draft_visitors_do_not_see(w, client_for):
    question = w.a.question
    _edit(client_for(w.a.users["editor"]), question, "Do you see patients on Saturdays?")
    stored = Question.objects.get(pk=question.pk)
    assert stored.question == question.question
    assert stored.has_unpublished_changes
    draft = stored.latest_revision.as_object()
    assert draft.question == "Do you see patients on Saturdays?"


def test_an_editor_cannot_publish_an_answer(w, client_for):
    question = w.a.question
    _edit(client_for(w.a.users["editor"]), question, "Published by an editor?", publish=True)
    assert Question.objects.get(pk=question.pk).question == question.question


def test_the_clinics_reviewer_publishes_the_answer(w, client_for):
    question = w.a.question
    _edit(client_for(w.a.users["reviewer"]), question, "Do you take walk-ins?", publish=True)
    stored = Question.objects.get(pk=question.pk)
    assert stored.question == "Do you take walk-ins?"
    assert not stored.has_unpublished_changes


def test_the_preview_shows_the_question_as_visitors_see_it(w, client_for):
    question = w.a.question
    client = client_for(w.a.users["editor"])
    url = reverse("wagtailsnippets_clinic_pages_faqs_question:preview_on_edit", args=[question.pk])
    data = payloads.question_data(question, text="Is there parking at the office?")
    assert client.post(url, data).json()["is_valid"]
    response = client.get(url)
    assert response.status_code == 200
    assert "<summary>Is there parking at the office?</summary>" in response.content.decode()
