"""Editors add a FAQ question from the chooser, for their own clinic only, as a draft."""

from __future__ import annotations

import json
import re

from django.urls import reverse

from clinic_pages.faqs.models import Question

CHOOSER = "wagtailsnippetchoosers_clinic_pages_faqs_question"


def _post(client, site, text="Is parking free?"):
    data = {"site": site.pk, "topic": "Visiting", "question": text, "answer": _answer("Yes.")}
    return client.post(reverse(f"{CHOOSER}:create"), data)


def _answer(text: str) -> str:
    """The Draftail (contentstate) value of a one-paragraph answer."""
    block = {"key": "a1b2c", "type": "unstyled", "depth": 0, "text": text}
    return json.dumps(
        {"blocks": [{**block, "inlineStyleRanges": [], "entityRanges": []}], "entityMap": {}}
    )


def test_the_chooser_offers_a_new_question_tab_for_the_own_clinic_only(w, client_for):
    html = client_for(w.a.users["editor"]).get(reverse(f"{CHOOSER}:choose")).json()["html"]
    assert "New question" in html
    select = re.search(r'<select name="site"[^>]*>(.*?)</select>', html, re.S)[1]
    assert w.a.site.site_name in select or str(w.a.site.pk) in select
    assert f'value="{w.b.site.pk}"' not in select


def test_a_question_made_in_the_chooser_is_a_draft_of_the_editors_clinic(w, client_for):
    response = _post(client_for(w.a.users["editor"]), w.a.site)
    assert response.json()["step"] == "chosen"
    question = Question.objects.get(question="Is parking free?")
    assert question.site == w.a.site
    assert not question.live  # a reviewer publishes it, as any other answer
    assert question.latest_revision is not None
    assert "Yes." in question.latest_revision.as_object().answer


def test_an_editor_cannot_make_a_question_for_another_clinic(w, client_for):
    response = _post(client_for(w.a.users["editor"]), w.b.site)
    assert response.json()["step"] == "reshow_creation_form"
    assert not Question.objects.filter(question="Is parking free?").exists()


def test_front_desk_staff_cannot_make_questions(w, client_for):
    response = _post(client_for(w.a.users["front_desk"]), w.a.site)
    assert response.status_code in (302, 403)
    assert not Question.objects.filter(question="Is parking free?").exists()


def test_an_editor_cannot_pick_another_clinics_question(w, client_for):
    url = reverse(f"{CHOOSER}:chosen", args=[w.b.question.pk])
    response = client_for(w.a.users["editor"]).get(url)
    assert response.status_code in (302, 403, 404)
    assert w.b.question.question not in response.content.decode()
